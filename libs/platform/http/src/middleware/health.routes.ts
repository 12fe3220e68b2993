import type { Express } from 'express';
import type { Registry } from 'prom-client';

/** What /readyz answers: ready, or not with what is wrong (one line each). */
export interface Readiness {
  ready: boolean;
  problems: string[];
}

export type ReadinessCheck = () => Promise<boolean | Readiness>;

async function checkReadiness(readiness: ReadinessCheck | undefined): Promise<Readiness> {
  try {
    const answer = (await readiness?.()) ?? true;
    if (typeof answer !== 'boolean') return answer;
    return answer ? { ready: true, problems: [] } : { ready: false, problems: ['not ready'] };
  } catch (error) {
    return {
      ready: false,
      problems: [
        `readiness check failed: ${error instanceof Error ? error.message : String(error)}`,
      ],
    };
  }
}

export interface HealthRoutesOptions {
  service: string;
  registry: Registry;
  /** False while starting or shutting down: /readyz then answers 503 whatever `readiness` says. */
  accepting: () => boolean;
  readiness: () => ReadinessCheck | undefined;
}

/**
 * GET /healthz (the process is alive), GET /readyz (it can serve: started, dependencies
 * reachable, not shutting down) and GET /metrics (Prometheus).
 */
export function healthRoutes(app: Express, options: HealthRoutesOptions): void {
  const { service, registry } = options;
  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok', service });
  });
  app.get('/readyz', async (_request, response) => {
    const { ready, problems } = options.accepting()
      ? await checkReadiness(options.readiness())
      : { ready: false, problems: ['starting or shutting down'] };
    response.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'not ready',
      service,
      ...(ready ? {} : { problems }),
    });
  });
  app.get('/metrics', async (_request, response) => {
    response.setHeader('content-type', registry.contentType);
    response.send(await registry.metrics());
  });
}
