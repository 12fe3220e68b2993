import type { Principal } from '@certif/platform-auth';
import type { Clock } from '@certif/platform-calendar';
import { Forbidden, NotFound } from '@certif/platform-errors';
import type { PersonalDataContributor } from '../ports';

export interface PersonalDataExport {
  generatedAt: string;
  candidateId: string;
  /** Every source consulted, in order; `sections` has one entry per source (null: holds nothing). */
  sources: string[];
  sections: Record<string, Record<string, unknown> | null>;
}

/**
 * R13, the right of access: everything the platform's contributors hold on the signed-in
 * candidate, in one JSON document. A source that fails fails the export: an export that silently
 * lacks a part would tell the person something false.
 */
export class ExportMyDataService {
  constructor(
    private readonly deps: { contributors: readonly PersonalDataContributor[]; clock: Clock },
  ) {}

  async execute(principal: Principal): Promise<PersonalDataExport> {
    const candidateId = principal.candidateId;
    if (!candidateId) {
      throw new Forbidden(
        'exportMyData exports the data of a signed-in candidate; this token carries no candidateId',
      );
    }
    const subject = { candidateId, sub: principal.sub };
    const collected = await Promise.all(
      this.deps.contributors.map(async (c) => [c.source, await c.collect(subject)] as const),
    );
    if (collected.every(([, section]) => section === null))
      throw new NotFound('candidate', candidateId);
    return {
      generatedAt: this.deps.clock.now().toISOString(),
      candidateId,
      sources: collected.map(([source]) => source),
      sections: Object.fromEntries(collected),
    };
  }
}
