import type { ParcheminView } from '@certif/sessions-domain';
import type { Projection, ReadModelWriter } from '../ports';

/**
 * issuing.credential.v1 keeps the parchemins' read model current, for R7. A revocation is final:
 * an ISSUED state that arrives after it (a replay) does not make the parchemin valid again.
 */
export class RecordParcheminStateService {
  constructor(private readonly writer: ReadModelWriter) {}

  async execute(parchemin: ParcheminView): Promise<Projection> {
    const current = await this.writer.parcheminById(parchemin.id);
    const status = current?.status === 'REVOKED' ? 'REVOKED' : parchemin.status;
    if (current && current.status === status) return 'stale';
    await this.writer.saveParchemin({ ...parchemin, status });
    return 'applied';
  }
}
