// Operations on one service's events tables: dead letters and outbox (see eventsAdminUsage).
//   node -r ts-node/register/transpile-only -r tsconfig-paths/register \
//     tools/events/events-admin.ts --service issuing dead-letters list
// The logic lives in @certif/platform-events (events-admin-command.ts), where it is tested.
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import {
  EventsAdminUsageError,
  eventsSchema,
  parseEventsAdminArgs,
  runEventsAdminCommand,
} from '@certif/platform-events';
import { databaseTarget, describeTarget, openDataSource } from '@certif/platform-persistence';

async function main(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseEventsAdminArgs>;
  try {
    parsed = parseEventsAdminArgs(args);
  } catch (error) {
    if (!(error instanceof EventsAdminUsageError)) throw error;
    console.error(error.message);
    return 2;
  }
  const target = databaseTarget(
    parsed.service,
    process.env['DATABASE_URL'] || undefined,
    process.env['DATA_DIR'] || '.data',
  );
  if (target.kind === 'sqlite' && !existsSync(target.file)) {
    console.error(`${parsed.service}: no database at ${target.file} (has the service run yet?)`);
    return 1;
  }
  console.error(`${parsed.service}: ${describeTarget(target)}`);
  const dataSource = await openDataSource({ ...eventsSchema, target, poolSize: 2 });
  try {
    await runEventsAdminCommand(parsed.command, dataSource, (line) => console.log(line));
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
