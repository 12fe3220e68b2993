// The plan as each service's rows: what its own use cases and event consumers would have written
// had the candidates been registered, the sessions deliberated and the events consumed.
import type { CandidateRow, EnrollmentRow } from '@certif/candidates-adapters';
import { searchable } from '@certif/candidates-domain';
import type {
  AcquiredComponentRow,
  CredentialCounterRow,
  CredentialRow,
  KnownCandidateRow,
  LivretRow,
  TitleDecisionRow,
} from '@certif/issuing-adapters';
import type * as sessionsAdapters from '@certif/sessions-adapters';
import type { LocalDate } from '@certif/platform-calendar';
import type { PlannedEnrollment, SeedPlan } from './seed-plan';

const at = (date: LocalDate, time = '12:00:00.000') => new Date(`${date}T${time}Z`);

/** What candidates' enrollment row and sessions' view of it both hold. */
const enrollmentOf = ({
  id,
  candidateId,
  certificationId,
  pathway,
  startedOn,
  trainingCenter,
}: PlannedEnrollment) => ({ id, candidateId, certificationId, pathway, startedOn, trainingCenter });

/** What the plan does not say of a candidate: no sex, birth name or place, nor accommodations. */
const unplannedDetails = () => ({
  sex: null,
  birthName: null,
  birthInseeCode: null,
  birthPostalCode: null,
  birthCity: null,
  birthCountryCode: null,
  birthCountry: null,
  accommodations: [],
});

/** An enrollment row's VAE columns: the notice, recorded the day it was issued; null without one. */
function vaeColumns(vae: PlannedEnrollment['vae']) {
  if (!vae)
    return {
      vaeNoticeNumber: null,
      vaeIssuedOn: null,
      vaeIssuedBy: null,
      vaeExperienceYears: null,
      vaeRequiredExperienceYears: null,
      vaeRecordedAt: null,
    };
  return {
    vaeNoticeNumber: vae.noticeNumber,
    vaeIssuedOn: vae.issuedOn,
    vaeIssuedBy: vae.issuedBy,
    vaeExperienceYears: vae.experienceYears,
    vaeRequiredExperienceYears: vae.requiredExperienceYears,
    vaeRecordedAt: at(vae.issuedOn),
  };
}

export function candidatesRows(plan: SeedPlan) {
  const candidates = plan.candidates.map((c): CandidateRow => ({
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    birthDate: c.birthDate,
    ...unplannedDetails(),
    email: c.email,
    searchText: searchable(`${c.lastName} ${c.firstName}`),
    sortLastName: searchable(c.lastName),
    sortFirstName: searchable(c.firstName),
    registeredAt: c.registeredAt,
    erasedAt: null,
    version: c.version,
  }));
  const enrollments = plan.enrollments.map((e): EnrollmentRow => ({
    ...enrollmentOf(e),
    status: 'OPEN',
    enrolledAt: e.enrolledAt,
    ...vaeColumns(e.vae),
  }));
  return { candidates, enrollments };
}

export function sessionsRows(
  plan: SeedPlan,
  parchemins: readonly sessionsAdapters.ParcheminViewRow[],
) {
  const deliberated = new Set(plan.decisions.map((d) => d.session.id));
  const sessions = plan.sessions.map((s): sessionsAdapters.ExamSessionRow => ({
    id: s.id,
    certificationId: s.certificationId,
    scope: 'FULL_TITLE',
    componentIds: [],
    specializationId: null,
    center: s.center,
    startsOn: s.startsOn,
    endsOn: s.endsOn,
    capacity: null,
    status: deliberated.has(s.id) ? 'DELIBERATED' : 'PLANNED',
    plannedAt: at(s.startsOn, '08:00:00.000'),
    deliberatedAt: deliberated.has(s.id) ? at(s.endsOn, '17:00:00.000') : null,
    version: deliberated.has(s.id) ? 2 : 1,
  }));
  const jurors = plan.sessions.flatMap((s) =>
    s.jurors.map((j): sessionsAdapters.JurorRow => ({
      id: j.id,
      sessionId: s.id,
      userId: j.userId,
      name: j.name,
      role: 'PROFESSIONAL',
    })),
  );
  const registrations = plan.decisions.map((d): sessionsAdapters.RegistrationRow => ({
    id: d.registrationId,
    sessionId: d.session.id,
    enrollmentId: d.enrollment.id,
    candidateId: d.enrollment.candidateId,
    certificationId: d.session.certificationId,
    registeredAt: at(d.session.startsOn, '07:00:00.000'),
  }));
  const decisions = plan.decisions.map((d): sessionsAdapters.JuryDecisionRow => ({
    id: d.id,
    registrationId: d.registrationId,
    sessionId: d.session.id,
    candidateId: d.enrollment.candidateId,
    enrollmentId: d.enrollment.id,
    certificationId: d.session.certificationId,
    outcome: d.outcome,
    awardedComponentIds: d.awardedComponentIds,
    finalInterviewPassed: d.finalInterviewPassed,
    decidedOn: d.decidedOn,
    recordedAt: at(d.decidedOn, '17:00:00.000'),
    recordedBy: d.session.jurors[0]?.userId ?? 'juror',
    sequence: 1,
    supersedesId: null,
    supersededById: null,
    correctionReason: null,
    correctedOn: null,
  }));
  const candidates = plan.candidates.map((c): sessionsAdapters.CandidateViewRow => ({
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    erasedAt: null,
    version: c.version,
  }));
  const enrollments = plan.enrollments.map((e): sessionsAdapters.EnrollmentViewRow => ({
    ...enrollmentOf(e),
    vaeAdmissibility: e.vae
      ? { noticeNumber: e.vae.noticeNumber, issuedOn: e.vae.issuedOn, issuedBy: e.vae.issuedBy }
      : null,
  }));
  return { sessions, jurors, registrations, decisions, candidates, enrollments, parchemins };
}

/** issuing's inbound facts: sessions.ccp-acquired.v1 and sessions.title-awarded.v1, as stored. */
export function issuingFacts(plan: SeedPlan) {
  const acquisitions: AcquiredComponentRow[] = [];
  const titles: TitleDecisionRow[] = [];
  for (const d of plan.decisions) {
    const recordedAt = at(d.decidedOn, '17:00:01.000');
    const candidateId = d.enrollment.candidateId;
    const certificationId = d.session.certificationId;
    for (const componentId of d.awardedComponentIds) {
      acquisitions.push({
        decisionId: d.id,
        componentId,
        candidateId,
        certificationId,
        sessionId: d.session.id,
        acquiredOn: d.decidedOn,
        recordedAt,
      });
    }
    const awarded = d.outcome === 'TITLE_AWARDED' || d.outcome === 'COMPONENTS_AWARDED';
    if (awarded && (d.outcome === 'TITLE_AWARDED' || d.finalInterviewPassed === true)) {
      titles.push({
        decisionId: d.id,
        candidateId,
        certificationId,
        sessionId: d.session.id,
        decidedOn: d.decidedOn,
        outcome: d.outcome,
        finalInterviewPassed: d.finalInterviewPassed ?? false,
        scope: 'FULL_TITLE',
        specializationId: null,
        recordedAt,
      });
    }
  }
  return { acquisitions, titles };
}

export function knownCandidates(plan: SeedPlan): KnownCandidateRow[] {
  return plan.candidates.map((c) => ({
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    birthDate: null,
    erasedAt: null,
    version: c.version,
    register: null,
  }));
}

export interface IssuedRecords {
  livrets: LivretRow[];
  credentials: CredentialRow[];
  counters: CredentialCounterRow[];
}
