import { randomUUID } from 'node:crypto';
import { currentRequestId, REQUEST_ID_HEADER } from '@certif/platform-observability';
import { onStatement } from '@certif/platform-persistence';
import type { BenchPlatform } from './bench-platform';

export const SUBGRAPHS = ['referentials', 'candidates', 'sessions', 'issuing'] as const;

/**
 * Runs `request` with a request id of its own and counts, per subgraph, the SQL statements run
 * on behalf of that id: the gateway forwards it to the subgraphs, which run each request in its
 * context. Statements of the relays' and consumers' background rounds carry no request id and
 * are not counted.
 */
export async function statementsOf(
  bench: BenchPlatform,
  request: (headers: Record<string, string>) => Promise<void>,
): Promise<{ counts: Record<string, number>; statements: Record<string, string[]> }> {
  const requestId = `bench-statements-${randomUUID()}`;
  const statements: Record<string, string[]> = {};
  const stops = SUBGRAPHS.map((name) => {
    const heard: string[] = (statements[name] = []);
    return onStatement(bench.dataSource(name), (sql) => {
      if (currentRequestId() === requestId) heard.push(sql);
    });
  });
  try {
    await request({ [REQUEST_ID_HEADER]: requestId });
  } finally {
    for (const stop of stops) stop();
  }
  const counts = Object.fromEntries(SUBGRAPHS.map((name) => [name, statements[name]?.length ?? 0]));
  return { counts, statements };
}
