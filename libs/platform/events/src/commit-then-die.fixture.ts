// Run as a child process by process-kill.fault.spec.ts: commits COUNT increments of one counter
// with their events, starts a relay whose broker never answers, says RELAYING once the relay
// holds the batch, and waits to be killed (SIGKILL) — between the commit and the relay's mark.
import 'reflect-metadata';
import { openDataSource, type DatabaseTarget } from '@certif/platform-persistence';
import type { EventTransport } from './event-transport';
import { counterIncremented, increment, testSchema } from './events.fixtures';
import { Outbox } from './outbox';
import { OutboxRelay } from './outbox-relay';

async function main(): Promise<void> {
  const target = JSON.parse(process.env['TARGET'] ?? '') as DatabaseTarget;
  const count = Number(process.env['COUNT'] ?? '25');
  const dataSource = await openDataSource({ ...testSchema, target });
  const outbox = new Outbox({ source: 'certif/test' });
  for (let i = 0; i < count; i += 1) {
    await dataSource.transaction(async (manager) => {
      const version = await increment(manager, 'c1');
      await outbox.publish(manager, counterIncremented, { counterId: 'c1', version });
    });
  }
  process.stdout.write('COMMITTED\n');
  const hanging: EventTransport = {
    kind: 'kafka',
    start: async () => undefined,
    stop: async () => undefined,
    lag: async () => 0,
    subscribe: () => new Promise(() => undefined),
    publish: () => {
      process.stdout.write('RELAYING\n');
      return new Promise(() => undefined);
    },
  };
  await new OutboxRelay({ dataSource, transport: hanging }).start();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
