import type { RegisterImport, RncpFiche } from '@certif/referentials-domain';

/** The register an import reads: France Compétences' open data. */
export const RNCP_REGISTER: RegisterImport['register'] = 'RNCP_OPEN_DATA';

/** An export of the national register, already read into a store the import pages through. */
export interface RncpExportSource {
  /** Parts of the export the import does not read (partners, access routes, …), by name. */
  readonly ignoredParts: readonly string[];
  /** How many fiche numbers the export names, in any part (for progress). */
  readonly ficheCount: number;
  /** Every fiche, in code order, `size` at a time: memory holds one batch, not the export. */
  batches(size: number): AsyncIterable<RncpFiche[]>;
}

export interface ImportReport {
  created: string[];
  updated: string[];
  unchanged: string[];
  rejected: { code: string; reason: string }[];
  flags: { code: string; field: string; message: string }[];
  ignoredParts: string[];
}

export interface ImportOptions {
  /** Only these fiche numbers; every fiche when absent. */
  only?: readonly string[] | null;
  /** Read, map and compare, and write nothing. */
  dryRun?: boolean;
  /** Fiches read so far, of `total`. */
  onProgress?: (done: number, total: number) => void;
  /** Fiches per transaction. */
  batchSize?: number;
}
