import type { DataSource } from 'typeorm';
import { listDeadLetters, replayDeadLetters } from './dead-letter-admin';
import { pruneInbox, pruneSentOutbox, republishOutbox } from './outbox-admin';
import { readOutboxStatus } from './outbox-status';

export const eventsAdminUsage = `Usage: events-admin --service <name> <command>

  dead-letters list [--all]                 dead letters not yet replayed (--all: every one)
  dead-letters replay <id>... | --all       send them again through the outbox
  outbox status                             unsent rows and the oldest one
  outbox republish --from <ISO> --to <ISO>  mark rows created in [from, to) unsent again
  outbox prune --before <ISO>               delete rows sent before that instant
  inbox prune --before <ISO>                forget events handled before that instant

The service's database: DATABASE_URL (certif_<service> on that server), else DATA_DIR/<service>.sqlite.`;

export type EventsAdminCommand =
  | { name: 'dead-letters list'; includeReplayed: boolean }
  | { name: 'dead-letters replay'; ids: string[]; all: boolean }
  | { name: 'outbox status' }
  | { name: 'outbox republish'; from: Date; to: Date }
  | { name: 'outbox prune'; before: Date }
  | { name: 'inbox prune'; before: Date };

export class EventsAdminUsageError extends Error {
  constructor(message: string) {
    super(`${message}\n\n${eventsAdminUsage}`);
    this.name = 'EventsAdminUsageError';
  }
}

function instant(flag: string, value: string | undefined): Date {
  const date = value === undefined ? undefined : new Date(value);
  if (!date || Number.isNaN(date.getTime())) {
    throw new EventsAdminUsageError(`${flag} needs an ISO date-time, e.g. 2025-03-01T08:00:00Z`);
  }
  return date;
}

/** Reads `--service <name> <command…>`. Throws EventsAdminUsageError. */
export function parseEventsAdminArgs(args: readonly string[]): {
  service: string;
  command: EventsAdminCommand;
} {
  const rest: string[] = [];
  const flags = new Map<string, string | undefined>();
  const queue = [...args];
  for (let arg = queue.shift(); arg !== undefined; arg = queue.shift()) {
    if (arg === '--service' || arg === '--from' || arg === '--to' || arg === '--before') {
      flags.set(arg, queue.shift());
    } else if (arg === '--all') {
      flags.set(arg, 'yes');
    } else if (arg.startsWith('--')) {
      throw new EventsAdminUsageError(`unknown option ${arg}`);
    } else {
      rest.push(arg);
    }
  }
  const service = flags.get('--service');
  if (!service || !/^[a-z][a-z0-9-]*$/.test(service)) {
    throw new EventsAdminUsageError('--service <name> is required, e.g. --service sessions');
  }
  const [group, verb, ...ids] = rest;
  const name = `${group ?? ''} ${verb ?? ''}`;
  const all = flags.has('--all');
  switch (name) {
    case 'dead-letters list':
      return { service, command: { name, includeReplayed: all } };
    case 'dead-letters replay':
      if (all === ids.length > 0) {
        throw new EventsAdminUsageError('replay takes dead-letter ids, or --all');
      }
      return { service, command: { name, ids, all } };
    case 'outbox status':
      return { service, command: { name } };
    case 'outbox republish':
      return {
        service,
        command: {
          name,
          from: instant('--from', flags.get('--from')),
          to: instant('--to', flags.get('--to')),
        },
      };
    case 'outbox prune':
    case 'inbox prune':
      return { service, command: { name, before: instant('--before', flags.get('--before')) } };
    default:
      throw new EventsAdminUsageError(`unknown command "${rest.join(' ')}"`);
  }
}

/** Runs a command against the service's database; `print` receives each output line. */
export async function runEventsAdminCommand(
  command: EventsAdminCommand,
  dataSource: DataSource,
  print: (line: string) => void,
): Promise<void> {
  switch (command.name) {
    case 'dead-letters list': {
      const letters = await listDeadLetters(dataSource, {
        includeReplayed: command.includeReplayed,
      });
      if (letters.length === 0) {
        print('No dead letters.');
        return;
      }
      print(
        table(
          [
            'id',
            'created',
            'group',
            'topic',
            'key',
            'type',
            'reason',
            'tries',
            'replayed',
            'error',
          ],
          letters.map((letter) => [
            letter.id,
            letter.createdAt.toISOString(),
            letter.consumerGroup,
            letter.topic,
            letter.key,
            letter.eventType ?? '',
            letter.reason,
            String(letter.attempts),
            letter.replayedAt?.toISOString() ?? '',
            letter.error.replace(/\s+/g, ' ').slice(0, 80),
          ]),
        ),
      );
      return;
    }
    case 'dead-letters replay': {
      const report = await replayDeadLetters(
        dataSource,
        command.all ? { all: true } : { ids: command.ids },
      );
      for (const id of report.replayed) print(`replayed ${id}`);
      for (const skipped of report.skipped) print(`skipped  ${skipped.id}: ${skipped.reason}`);
      print(
        `${report.replayed.length} replayed through the outbox, ${report.skipped.length} skipped.`,
      );
      return;
    }
    case 'outbox status': {
      const status = await readOutboxStatus(dataSource);
      print(
        `${status.unsent} unsent row(s)` +
          (status.oldestUnsentAt ? `, oldest created ${status.oldestUnsentAt.toISOString()}` : ''),
      );
      return;
    }
    case 'outbox republish': {
      const count = await republishOutbox(dataSource, { from: command.from, to: command.to });
      print(
        `${count} row(s) created in [${command.from.toISOString()}, ${command.to.toISOString()}) ` +
          'marked unsent; the relay sends them again.',
      );
      return;
    }
    case 'outbox prune': {
      const count = await pruneSentOutbox(dataSource, command.before);
      print(`${count} sent row(s) deleted.`);
      return;
    }
    case 'inbox prune': {
      const count = await pruneInbox(dataSource, command.before);
      print(`${count} inbox row(s) deleted.`);
      return;
    }
  }
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}
