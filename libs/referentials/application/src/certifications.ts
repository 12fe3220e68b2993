import { NotFound, InvalidInput } from '@certif/platform-errors';
import {
  certificationStatus,
  type Certification,
  type CertificationDraft,
} from '@certif/referentials-domain';
import type { Clock } from '@certif/platform-calendar';
import type {
  CertificationChange,
  CertificationReader,
  CertificationRepository,
  ReferentialsTransaction,
} from './ports';

/** The certification a use case changes; NotFound when there is none with this id. */
export async function loadCertification(
  certifications: CertificationReader,
  id: string,
): Promise<Certification> {
  const found = await certifications.findById(id);
  if (!found) throw new NotFound('certification', id);
  return found;
}

/** A code names one certification, whatever its version (R4: a revision takes a new code). */
export async function assertCodeFree(
  certifications: CertificationRepository,
  code: string,
  field = 'input.code',
): Promise<void> {
  if (await certifications.findByCode(code)) {
    throw new InvalidInput(
      `a certification with code ${code} already exists; choose another code`,
      field,
    );
  }
}

/** A new certification (version 1) from a draft: new ids, components numbered from 1. */
export function certificationFromDraft(
  draft: CertificationDraft,
  newId: () => string,
  made: Pick<Certification, 'publishedAt' | 'importedFrom'>,
): Certification {
  const { components, specializations, ...identity } = draft;
  return {
    ...identity,
    id: newId(),
    publishedAt: made.publishedAt,
    revisesId: null,
    revisedById: null,
    components: components.map((c, index) => ({ ...c, id: newId(), position: index + 1 })),
    specializations: specializations.map((s) => ({ ...s, id: newId() })),
    correspondences: [],
    importedFrom: made.importedFrom,
    version: 1,
  };
}

/** referentials.certification.v1 with the status as of today, in the transaction of the change. */
export function publishChange(
  tx: ReferentialsTransaction,
  certification: Certification,
  change: CertificationChange,
  clock: Clock,
): Promise<void> {
  return tx.events.changed(
    certification,
    change,
    certificationStatus(certification, clock.today()),
  );
}

/** Several changes in one outbox INSERT (imports), each with its status as of today. */
export function publishChanges(
  tx: ReferentialsTransaction,
  changes: readonly { certification: Certification; change: CertificationChange }[],
  clock: Clock,
): Promise<void> {
  const today = clock.today();
  return tx.events.changedMany(
    changes.map((c) => ({ ...c, status: certificationStatus(c.certification, today) })),
  );
}
