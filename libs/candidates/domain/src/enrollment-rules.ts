import { isAfter, isBefore, isLocalDate, type LocalDate } from '@certif/platform-calendar';
import { InputProblems, InvalidInput } from '@certif/platform-errors';
import { isErased, type Candidate } from './candidate';
import { isOpen, type Enrollment } from './enrollment';
import {
  certificationStatusOn,
  newestVersion,
  type KnownCertification,
} from './known-certification';
import { PATHWAYS, type Pathway } from './pathway';

export const TRAINING_CENTER_MAX_LENGTH = 200;

/** What a session manager submits to enrol a candidate. */
export interface EnrollmentDraft {
  candidateId: string;
  certificationId: string;
  pathway: Pathway;
  startedOn: LocalDate;
  trainingCenter: string | null;
}

/** The input on its own: ids given, a known pathway, a real start date, a bounded centre name. */
export function validateEnrollmentDraft(draft: EnrollmentDraft): EnrollmentDraft {
  const normalized: EnrollmentDraft = {
    ...draft,
    candidateId: draft.candidateId.trim(),
    certificationId: draft.certificationId.trim(),
    trainingCenter: draft.trainingCenter?.trim() || null,
  };
  const problems = new InputProblems()
    .check(normalized.candidateId !== '', 'input.candidateId', 'must not be empty')
    .check(normalized.certificationId !== '', 'input.certificationId', 'must not be empty')
    .check(PATHWAYS.includes(draft.pathway), 'input.pathway', `unknown pathway ${draft.pathway}`)
    .check(
      isLocalDate(draft.startedOn),
      'input.startedOn',
      `"${draft.startedOn}" is not a real date written YYYY-MM-DD`,
    );
  if (normalized.trainingCenter !== null) {
    problems.check(
      normalized.trainingCenter.length <= TRAINING_CENTER_MAX_LENGTH,
      'input.trainingCenter',
      `must be at most ${TRAINING_CENTER_MAX_LENGTH} characters; got ${normalized.trainingCenter.length}`,
    );
  }
  problems.throwIfAny();
  return normalized;
}

export interface EnrollmentContext {
  candidate: Candidate;
  /** The read model's state of the certification; null when no publication reached it. */
  certification: KnownCertification | null;
  /** Every known version of the certification's lineage (R4), itself included, by id. */
  lineage: ReadonlyMap<string, KnownCertification>;
  /** The candidate's enrolments so far. */
  enrollments: readonly Enrollment[];
  today: LocalDate;
}

function assertOpenForEnrollment(
  certification: KnownCertification,
  lineage: ReadonlyMap<string, KnownCertification>,
  startedOn: LocalDate,
  today: LocalDate,
): void {
  const field = 'input.certificationId';
  const { code } = certification;
  switch (certificationStatusOn(certification, today)) {
    case 'DRAFT':
      throw new InvalidInput(
        `${code} is a DRAFT: candidates may enrol once it is published`,
        field,
      );
    case 'CLOSED':
      // History: a record of an earlier system, started while registration was open, is taken
      // over; assertStartWithinRegistration refuses a start after registeredUntil (R12).
      if (certification.registeredUntil && !isAfter(startedOn, certification.registeredUntil)) {
        return;
      }
      throw new InvalidInput(
        `${code} is closed to new candidates: its registration ended on ${certification.registeredUntil} (R12)`,
        field,
        'R12',
      );
    case 'REVISED': {
      const newest = newestVersion(certification, lineage);
      const instead = newest.id === certification.id ? 'its new version' : newest.code;
      throw new InvalidInput(
        `${code} was revised and takes no new candidates: enrol in ${instead} instead (R4)`,
        field,
        'R4',
      );
    }
    case 'ACTIVE':
      return;
  }
}

function assertStartWithinRegistration(
  certification: KnownCertification,
  startedOn: LocalDate,
): void {
  const { code, registeredFrom, registeredUntil } = certification;
  if (registeredFrom && isBefore(startedOn, registeredFrom)) {
    throw new InvalidInput(
      `startedOn ${startedOn} is before ${registeredFrom}, when ${code} opened to candidates (R12)`,
      'input.startedOn',
      'R12',
    );
  }
  if (registeredUntil && isAfter(startedOn, registeredUntil)) {
    throw new InvalidInput(
      `startedOn ${startedOn} is after ${registeredUntil}, the end of ${code}'s registration: ` +
        'no new candidate may start it after that date (R12)',
      'input.startedOn',
      'R12',
    );
  }
}

/** The fiche's access routes: a route it marks « Non » (or does not list) takes no candidate. */
function assertPathwayOpen(certification: KnownCertification, pathway: Pathway): void {
  if (certification.pathways.includes(pathway)) return;
  throw new InvalidInput(
    `${certification.code} is not open to the ${pathway} access route; its fiche opens ` +
      `${certification.pathways.join(', ')}`,
    'input.pathway',
    'ACCESS_ROUTES',
  );
}

function assertNotEnrolledTwice(
  certification: KnownCertification,
  lineage: ReadonlyMap<string, KnownCertification>,
  enrollments: readonly Enrollment[],
): void {
  const open = enrollments.find(
    (e) => isOpen(e) && (e.certificationId === certification.id || lineage.has(e.certificationId)),
  );
  if (!open) return;
  const version = lineage.get(open.certificationId)?.code ?? open.certificationId;
  const sameVersion = open.certificationId === certification.id;
  throw new InvalidInput(
    `the candidate is already enrolled in ${version}` +
      (sameVersion ? '' : `, a version of ${certification.code}`) +
      ` (enrolment ${open.id}, started ${open.startedOn}) and that enrolment is still open`,
    'input.certificationId',
  );
}

/**
 * May this candidate start this certification on this date? Refuses an erased candidate (R13),
 * a certification that is unknown, a DRAFT or REVISED (R4), a start outside the registration
 * period (R12: judged on `startedOn`, not today, so a closed certification takes over the records
 * of those who started before its end — DOMAIN.md "History"), an access route the certification
 * does not open, and a second open enrolment in the same lineage.
 */
export function assertEnrollable(
  draft: EnrollmentDraft,
  context: EnrollmentContext,
): KnownCertification {
  const { candidate, certification, lineage, enrollments, today } = context;
  if (isErased(candidate)) {
    throw new InvalidInput(
      `candidate ${candidate.id} was erased (R13): an erased identity cannot be enrolled`,
      'input.candidateId',
      'R13',
    );
  }
  if (!certification) {
    throw new InvalidInput(
      `certification ${draft.certificationId} is not known (yet) to the candidates service: ` +
        'it is unpublished, or its publication has not arrived yet; check the id or try again shortly',
      'input.certificationId',
    );
  }
  assertOpenForEnrollment(certification, lineage, draft.startedOn, today);
  assertStartWithinRegistration(certification, draft.startedOn);
  assertPathwayOpen(certification, draft.pathway);
  assertNotEnrolledTwice(certification, lineage, enrollments);
  return certification;
}
