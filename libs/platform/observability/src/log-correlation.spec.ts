import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

// OpenTelemetry instruments pino when the process loads it (require hooks, which Jest's own
// module loader bypasses): checked in a Node process of its own, as the apps start.
describe('logs carry the trace (OpenTelemetry pino instrumentation)', () => {
  it('a line written inside a span has its trace_id and span_id; one outside has none', () => {
    const root = resolve(__dirname, '../../../..');
    const run = spawnSync(
      process.execPath,
      [
        join(root, 'tools/start/run-ts.mjs'),
        'libs/platform/observability/src/log-correlation.fixture.ts',
      ],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' },
        timeout: 90_000,
      },
    );
    expect(run.stderr).toBe('');
    const lines = run.stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const inside = lines.find((line) => line['msg'] === 'inside a span');
    const outside = lines.find((line) => line['msg'] === 'outside any span');
    expect(inside?.['trace_id']).toMatch(/^[0-9a-f]{32}$/);
    expect(inside?.['span_id']).toMatch(/^[0-9a-f]{16}$/);
    expect(outside).toBeDefined();
    expect(outside?.['trace_id']).toBeUndefined();
  });
});
