import { Gauge } from 'prom-client';
import { metricsRegistry, sharedMetric } from '@certif/platform-observability';

type OverdueSource = () => Promise<number>;
let source: OverdueSource | null = null;

/**
 * `certif_cpf_passages_overdue`: VALID parchemins of RNCP/RS certifications that the Caisse des
 * Dépôts has not accepted within three months of obtainedOn (the legal deadline). Counted when
 * scraped; above 0 is a breach of the certifier's duty (see docs/operations.md).
 */
export function watchCpfOverdue(count: OverdueSource): () => void {
  const registry = metricsRegistry();
  source = count;
  sharedMetric(
    registry,
    'certif_cpf_passages_overdue',
    () =>
      new Gauge({
        name: 'certif_cpf_passages_overdue',
        help: 'VALID parchemins not accepted by the Caisse des Dépôts within three months of obtainedOn',
        labelNames: ['service'],
        registers: [registry],
        async collect() {
          this.reset();
          if (source) this.set({ service: 'issuing' }, await source());
        },
      }),
  );
  return () => {
    if (source === count) source = null;
  };
}
