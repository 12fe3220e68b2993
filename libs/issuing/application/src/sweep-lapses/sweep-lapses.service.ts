import { Conflict } from '@certif/platform-errors';
import type { IssuingDependencies } from '../ports';
import { refreshLivret } from '../refresh-livret';

export interface SweepReport {
  examined: number;
  changed: number;
  failed: { livretId: string; error: string }[];
}

/**
 * Deadlines pass without any event: livrets IN_PROGRESS whose deadline is behind today are
 * recomputed (each in its own transaction) so that LAPSED is published when it happens. Reads
 * never depend on it — they compute the status against today themselves.
 */
export class SweepLapsesService {
  constructor(private readonly deps: IssuingDependencies) {}

  async execute(batchSize = 500): Promise<SweepReport> {
    const today = this.deps.clock.today();
    const due = await this.deps.unitOfWork.reader.livrets.findLapsingBefore(today, batchSize);
    const report: SweepReport = { examined: due.length, changed: 0, failed: [] };
    for (const stored of due) {
      try {
        const status = await this.deps.unitOfWork.transaction(async (tx) => {
          const lineage = await tx.certifications.lineageOf(stored.certificationId);
          return lineage
            ? (await refreshLivret(this.deps, tx, stored.candidateId, lineage)).status
            : stored.status;
        });
        if (status !== stored.status) report.changed += 1;
      } catch (error) {
        // A concurrent event handled it meanwhile (a Conflict), or a fault: next sweep.
        report.failed.push({
          livretId: stored.id,
          error: error instanceof Conflict ? 'changed concurrently' : String(error),
        });
      }
    }
    return report;
  }
}
