// Operations on one service's events tables: dead letters and outbox (see eventsAdminUsage).
//   node -r ts-node/register/transpile-only -r tsconfig-paths/register \
//     tools/events/events-admin.ts --service issuing dead-letters list
// The logic lives in @certif/platform-events (events-admin-command.ts), where it is tested.
import 'reflect-metadata';
import {
  EventsAdminUsageError,
  eventsSchema,
  parseEventsAdminArgs,
  runEventsAdminCommand,
} from '@certif/platform-events';
import { runCli, withServiceDatabase } from '../cli/run-cli';

async function main(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseEventsAdminArgs>;
  try {
    parsed = parseEventsAdminArgs(args);
  } catch (error) {
    if (!(error instanceof EventsAdminUsageError)) throw error;
    console.error(error.message);
    return 2;
  }
  return withServiceDatabase(parsed.service, eventsSchema, async (dataSource) => {
    await runEventsAdminCommand(parsed.command, dataSource, (line) => console.log(line));
    return 0;
  });
}

runCli(main);
