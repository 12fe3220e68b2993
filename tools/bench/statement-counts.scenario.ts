// N+1: the SQL statements each subgraph runs for one page of candidates with their enrolments'
// certifications and their livrets, through the gateway, for pages of 10, 50 and 100. A count
// that grows with the page size is a query per item somewhere.
import type { BenchPlatform } from './bench-platform';
import type { Figure } from './report';
import { statementsOf, SUBGRAPHS } from './statement-counter';

export const PAGE_QUERY =
  'query Page($first: Int) { candidates(first: $first) { edges { node { id ' +
  'enrollments { certification { code } } livrets { status } } } } }';

export const PAGE_SIZES = [10, 50, 100] as const;

export interface StatementCounts {
  figures: Figure[];
  /** The statements of the largest page, per subgraph (results.json, for whoever investigates). */
  largestPage: Record<string, string[]>;
}

export async function statementCounts(bench: BenchPlatform): Promise<StatementCounts> {
  const authorization = `Bearer ${await bench.token(['SESSION_MANAGER'], { sub: 'bench-manager' })}`;
  const bySize = new Map<number, Awaited<ReturnType<typeof statementsOf>>>();
  for (const first of PAGE_SIZES) {
    // Once unmeasured, so that nothing lazy (metadata, a first connection) is counted.
    await bench.graphql(bench.gatewayUrl, PAGE_QUERY, { first }, { authorization });
    bySize.set(
      first,
      await statementsOf(bench, async (headers) => {
        const data = await bench.graphql<{ candidates: { edges: unknown[] } }>(
          bench.gatewayUrl,
          PAGE_QUERY,
          { first },
          { authorization, ...headers },
        );
        if (data.candidates.edges.length !== first)
          throw new Error(
            `a page of ${first} candidates came back with ${data.candidates.edges.length}`,
          );
      }),
    );
  }
  const smallest = bySize.get(PAGE_SIZES[0])?.counts ?? {};
  const figures = SUBGRAPHS.flatMap((name) =>
    PAGE_SIZES.map((first): Figure => {
      const value = bySize.get(first)?.counts[name] ?? 0;
      const reference = smallest[name] ?? 0;
      return {
        scenario: `N+1 · ${name}`,
        measure: `statements, page of ${first}`,
        value,
        unit: '',
        reference: { label: `page of ${PAGE_SIZES[0]}`, value: reference },
        ...(first === PAGE_SIZES[0]
          ? {}
          : { target: { text: 'same as for a page of 10', met: value === reference } }),
      };
    }),
  );
  return { figures, largestPage: bySize.get(PAGE_SIZES[PAGE_SIZES.length - 1])?.statements ?? {} };
}
