import type { LoadResult } from './load-generator';
import type { Figure } from './report';

export interface LoadRun {
  scenario: string;
  result: LoadResult;
  reference?: { label: string; result: LoadResult };
}

/** Requests per second, p50 and p99 of one load run, each beside its reference's. */
export function loadFigures(run: LoadRun): Figure[] {
  const { scenario, result, reference } = run;
  const note =
    result.failures > 0 ? `${result.failures} of ${result.requests} requests failed` : undefined;
  const figure = (measure: string, unit: string, pick: (r: LoadResult) => number): Figure => ({
    scenario,
    measure,
    value: pick(result),
    unit,
    ...(reference ? { reference: { label: reference.label, value: pick(reference.result) } } : {}),
    ...(note ? { note } : {}),
  });
  return [
    figure('requests/s', 'req/s', (r) => r.requestsPerSecond),
    figure('p50', 'ms', (r) => r.p50),
    figure('p99', 'ms', (r) => r.p99),
  ];
}
