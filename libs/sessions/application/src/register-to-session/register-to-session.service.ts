import { NotFound } from '@certif/platform-errors';
import { assertEligible, type Registration } from '@certif/sessions-domain';
import { loadLineage } from '../lineage';
import { certificationOf, lockSession } from '../loading';
import type { SessionsDependencies } from '../ports';

/**
 * registerToSession: the eligibility rules of DOMAIN.md, decided under the session's row lock so
 * that two registrations at once cannot both take the last seat.
 */
export class RegisterToSessionService {
  constructor(private readonly deps: SessionsDependencies) {}

  execute(sessionId: string, enrollmentId: string): Promise<Registration> {
    return this.deps.unitOfWork.transaction(async (tx) => {
      const session = await lockSession(tx, sessionId);
      const enrollment = await tx.readModels.enrollmentById(enrollmentId);
      if (!enrollment) throw new NotFound('enrollment', enrollmentId);
      const certification = await certificationOf(tx, session);
      const lineage = await loadLineage(tx.readModels, certification);
      const [registered, parchemins, heldComponentIds] = await Promise.all([
        tx.registrations.findBySessions([session.id]),
        tx.readModels.parcheminsOf(enrollment.candidateId),
        tx.decisions.heldComponentIds(enrollment.candidateId, lineage),
      ]);
      assertEligible({
        session,
        certification,
        lineageIds: lineage,
        enrollment,
        registered,
        parchemins,
        heldComponentIds,
      });
      const registration: Registration = {
        id: this.deps.newId(),
        sessionId: session.id,
        enrollmentId: enrollment.id,
        candidateId: enrollment.candidateId,
        certificationId: enrollment.certificationId,
        registeredAt: this.deps.clock.now(),
      };
      await tx.registrations.insert(registration);
      await tx.events.registered({
        registrationId: registration.id,
        sessionId: session.id,
        candidateId: registration.candidateId,
        enrollmentId: registration.enrollmentId,
        certificationId: registration.certificationId,
        center: session.center,
        registeredAt: registration.registeredAt.toISOString(),
      });
      return registration;
    });
  }
}
