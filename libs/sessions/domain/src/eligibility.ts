import { isAfter, type LocalDate } from '@certif/platform-calendar';
import { InvalidInput } from '@certif/platform-errors';
import type { ExamSession } from './exam-session';
import { assertOpenForChanges } from './jury';
import { graceYearEnd } from './plan-session';
import type { CertificationView, EnrollmentView, ParcheminView } from './read-models';

/** What registerToSession knows when it decides, all read in the transaction that registers. */
export interface EligibilityFacts {
  session: ExamSession;
  /** The session's certification. */
  certification: CertificationView;
  /** Every known version of the session's certification lineage (R4), its own id included. */
  lineageIds: readonly string[];
  enrollment: EnrollmentView;
  /** Registrations already in the session, counted under the session's row lock. */
  registered: readonly { candidateId: string; id: string }[];
  /** The candidate's parchemins. */
  parchemins: readonly ParcheminView[];
  /** Components of the lineage the candidate already holds, from this service's own decisions. */
  heldComponentIds: readonly string[];
}

function refuse(message: string, rule: string, field = 'enrollmentId'): never {
  throw new InvalidInput(message, field, rule);
}

/**
 * DOMAIN.md, "Eligibility at registration to a session": the enrolment is for the session's
 * certification or its lineage; not registered twice; VAE needs a recevabilité (R6); a CCS needs
 * a valid parchemin of the title (R7); the certification is open on the session's start, or R5's
 * grace year applies to a candidate who holds a component (R12 otherwise); there is room.
 * Refusals name their rule in `rule`.
 */
export function assertEligible(facts: EligibilityFacts): void {
  const { session, certification, enrollment } = facts;
  assertOpenForChanges(session, 'registering a candidate');
  if (!facts.lineageIds.includes(enrollment.certificationId)) {
    refuse(
      `enrolment ${enrollment.id} is for another certification (${enrollment.certificationId}), not ${certification.code} ` +
        `nor a version of it: register the candidate to a session of their certification, or enrol them in ${certification.code}`,
      'lineage',
    );
  }
  const twice = facts.registered.find(
    (registration) => registration.candidateId === enrollment.candidateId,
  );
  if (twice) {
    refuse(
      `the candidate is already registered to this session (registration ${twice.id})`,
      'duplicate',
    );
  }
  if (enrollment.pathway === 'VAE' && !enrollment.vaeAdmissibility) {
    refuse(
      'a VAE candidate needs a recevabilité notice before registration to a session (R6): ' +
        'record it on the enrolment (recordVaeAdmissibility), then register again',
      'R6',
    );
  }
  if (session.scope === 'SPECIALIZATION') {
    const holdsTitle = facts.parchemins.some(
      (p) =>
        p.status === 'VALID' &&
        p.specializationId === null &&
        facts.lineageIds.includes(p.certificationId),
    );
    if (!holdsTitle) {
      refuse(
        `a CCS may be prepared only by a holder of the title ${certification.code} (R7): ` +
          'this candidate holds no valid parchemin of it',
        'R7',
      );
    }
  }
  const until = certification.registeredUntil;
  if (until && isAfter(session.startsOn, until)) {
    const graceEnd = graceYearEnd(certification) as LocalDate;
    if (isAfter(session.endsOn, graceEnd)) {
      refuse(
        `registration to ${certification.code} ended on ${until} and R5's year of grace ends on ${graceEnd}, ` +
          `before this session ends (${session.endsOn})`,
        'R5',
      );
    }
    if (facts.heldComponentIds.length === 0) {
      refuse(
        `registration to ${certification.code} ended on ${until} (R12): until ${graceEnd} only candidates who ` +
          'already hold one of its components may sit its sessions (R5), and this candidate holds none',
        'R12',
      );
    }
  }
  if (session.capacity !== null && facts.registered.length >= session.capacity) {
    refuse(
      `the session is full (${facts.registered.length} of ${session.capacity} seats taken): register the candidate to another session`,
      'capacity',
      'sessionId',
    );
  }
}
