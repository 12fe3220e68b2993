import type { CertificationView } from '@certif/sessions-domain';
import type { Projection, ReadModelWriter } from '../ports';

/**
 * referentials.certification.v1 keeps the certifications' read model current: the full state
 * replaces the one kept, unless it is not newer (a duplicate or a late, older event).
 */
export class RecordCertificationStateService {
  constructor(private readonly writer: ReadModelWriter) {}

  async execute(view: CertificationView): Promise<Projection> {
    const [current] = await this.writer.certificationsByIds([view.id]);
    if (current && current.version >= view.version) return 'stale';
    await this.writer.saveCertification(view);
    return 'applied';
  }
}
