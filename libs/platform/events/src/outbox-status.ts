import type { DataSource } from 'typeorm';
import { readSqlTime } from './sql-dialect';

export interface OutboxStatus {
  unsent: number;
  oldestUnsentAt: Date | null;
}

/** How far behind the relay is. */
export async function readOutboxStatus(dataSource: DataSource): Promise<OutboxStatus> {
  const rows = (await dataSource.query(
    'SELECT COUNT(*) AS unsent, MIN(created_at) AS oldest FROM events_outbox WHERE sent_at IS NULL',
  )) as { unsent: number | string; oldest: unknown }[];
  const row = rows[0];
  return { unsent: Number(row?.unsent ?? 0), oldestUnsentAt: readSqlTime(row?.oldest) };
}
