import { InputProblems } from '@certif/platform-errors';
import {
  checkCpfIdentifiers,
  normalizeCpfIdentifiers,
  type Certification,
  type CpfIdentifiers,
} from '@certif/referentials-domain';
import { loadCertification, publishChange } from '../certifications';
import type { ReferentialsDependencies } from '../ports';

/**
 * setCertifierCpfIdentifiers: the certifier's identifiers with the Caisse des Dépôts, set or
 * corrected on any version (parchemins of a revised or closed certification must be deposited
 * too). A published version publishes its new state (CERTIFIER_UPDATED); the same identifiers
 * again change nothing.
 */
export class SetCertifierCpfIdentifiersService {
  constructor(private readonly deps: ReferentialsDependencies) {}

  async execute(id: string, given: Partial<CpfIdentifiers>): Promise<Certification> {
    const ids = normalizeCpfIdentifiers(given);
    const problems = new InputProblems();
    checkCpfIdentifiers(problems, ids, 'input');
    problems.throwIfAny();
    return this.deps.unitOfWork.transaction(async (tx) => {
      const current = await loadCertification(tx.certifications, id);
      if (
        (current.certifier.cpfClientId ?? null) === ids.cpfClientId &&
        (current.certifier.cpfContractId ?? null) === ids.cpfContractId
      )
        return current;
      const updated: Certification = {
        ...current,
        certifier: { ...current.certifier, ...ids },
        version: current.version + 1,
      };
      await tx.certifications.update(updated);
      if (updated.publishedAt !== null)
        await publishChange(tx, updated, 'CERTIFIER_UPDATED', this.deps.clock);
      return updated;
    });
  }
}
