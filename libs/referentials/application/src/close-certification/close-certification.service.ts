import type { LocalDate } from '@certif/platform-calendar';
import { assertClosable, type Certification } from '@certif/referentials-domain';
import { loadCertification, publishChange } from '../certifications';
import type { ReferentialsDependencies } from '../ports';

/** closeCertification (R5/R12): sets the end of registration; nobody enrols after it. */
export class CloseCertificationService {
  constructor(private readonly deps: ReferentialsDependencies) {}

  execute(id: string, closedOn: LocalDate): Promise<Certification> {
    const { clock } = this.deps;
    return this.deps.unitOfWork.transaction(async (tx) => {
      const current = await loadCertification(tx.certifications, id);
      assertClosable(current, closedOn, clock.today());
      const closed = { ...current, registeredUntil: closedOn, version: current.version + 1 };
      await tx.certifications.update(closed);
      await publishChange(tx, closed, 'CLOSED', clock);
      return closed;
    });
  }
}
