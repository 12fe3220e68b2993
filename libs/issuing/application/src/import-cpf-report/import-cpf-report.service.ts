import type { Clock } from '@certif/platform-calendar';
import type { CpfDepositStore } from '../ports';

/** One line of the Caisse des Dépôts' processing report. */
export interface CpfReportEntry {
  idTechnique: string;
  accepted: boolean;
  /** The reason of a rejection, as the report words it. */
  message: string | null;
}

export interface CpfReportImport {
  accepted: string[];
  rejected: { idTechnique: string; message: string | null }[];
  /** Already applied by an earlier import of the same report: nothing changed. */
  alreadyApplied: string[];
  /** Numbers no deposit awaits: not ours, or never sent. */
  unknown: string[];
}

/**
 * `import-cpf-report`: accepted passages are marked deposited; rejected ones go back to pending
 * with the message, so that the next export sends them again. Importing a report twice changes
 * nothing the second time.
 */
export class ImportCpfReportService {
  constructor(
    private readonly clock: Clock,
    private readonly store: CpfDepositStore,
  ) {}

  async execute(entries: readonly CpfReportEntry[]): Promise<CpfReportImport> {
    const result: CpfReportImport = { accepted: [], rejected: [], alreadyApplied: [], unknown: [] };
    const at = this.clock.now();
    for (const entry of entries) {
      const outcome = await this.store.applyOutcome(entry.idTechnique, entry, at);
      if (outcome === 'ACCEPTED') result.accepted.push(entry.idTechnique);
      else if (outcome === 'REJECTED')
        result.rejected.push({ idTechnique: entry.idTechnique, message: entry.message });
      else if (outcome === 'ALREADY_APPLIED') result.alreadyApplied.push(entry.idTechnique);
      else result.unknown.push(entry.idTechnique);
    }
    return result;
  }
}
