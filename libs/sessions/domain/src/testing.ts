// Fixtures for the sessions specs (tests only): a titre professionnel, its session, enrolments.
import type { ExamSession, Juror, JuryDecision, Registration } from './exam-session';
import { defaultJuryRule } from './jury-rule';
import type { CertificationView, EnrollmentView, ParcheminView } from './read-models';
import type { JurorRole } from './session-vocabulary';

export function sampleCertification(overrides: Partial<CertificationView> = {}): CertificationView {
  return {
    id: 'cda',
    code: 'TP-CDA',
    title: "Concepteur développeur d'applications",
    kind: 'PROFESSIONAL_TITLE',
    status: 'ACTIVE',
    registeredFrom: null,
    registeredUntil: null,
    requiresFinalInterview: true,
    juryRule: defaultJuryRule('PROFESSIONAL_TITLE'),
    components: [
      {
        id: 'ccp1',
        code: 'TP-CDA-CCP1',
        title: 'Concevoir et développer des composants',
        kind: 'CCP',
        position: 1,
      },
      {
        id: 'ccp2',
        code: 'TP-CDA-CCP2',
        title: 'Concevoir et développer la persistance',
        kind: 'CCP',
        position: 2,
      },
      {
        id: 'ccp3',
        code: 'TP-CDA-CCP3',
        title: 'Concevoir et développer une application multicouche',
        kind: 'CCP',
        position: 3,
      },
    ],
    specializations: [{ id: 'ccs1', code: 'TP-CDA-CCS1', title: 'Sécurité des applications' }],
    revisesId: null,
    revisedById: null,
    correspondences: [],
    version: 1,
    ...overrides,
  };
}

export function sampleSession(overrides: Partial<ExamSession> = {}): ExamSession {
  return {
    id: 'session-1',
    certificationId: 'cda',
    scope: 'FULL_TITLE',
    componentIds: ['ccp1', 'ccp2', 'ccp3'],
    specializationId: null,
    center: 'AFPA Montpellier',
    startsOn: '2026-06-01',
    endsOn: '2026-06-05',
    capacity: null,
    status: 'PLANNED',
    plannedAt: new Date('2026-01-10T09:00:00Z'),
    deliberatedAt: null,
    version: 1,
    ...overrides,
  };
}

export function sampleEnrollment(overrides: Partial<EnrollmentView> = {}): EnrollmentView {
  return {
    id: 'enrollment-1',
    candidateId: 'candidate-1',
    certificationId: 'cda',
    pathway: 'CONTINUOUS_TRAINING',
    startedOn: '2025-09-01',
    trainingCenter: 'AFPA Montpellier',
    vaeAdmissibility: null,
    ...overrides,
  };
}

export function sampleParchemin(overrides: Partial<ParcheminView> = {}): ParcheminView {
  return {
    id: 'parchemin-1',
    candidateId: 'candidate-1',
    certificationId: 'cda',
    specializationId: null,
    status: 'VALID',
    issuedOn: '2025-07-01',
    ...overrides,
  };
}

export function juror(userId: string, role: JurorRole, sessionId = 'session-1'): Juror {
  return { id: `juror-${userId}`, sessionId, userId, name: `Juror ${userId}`, role };
}

export function registration(index: number, overrides: Partial<Registration> = {}): Registration {
  return {
    id: `registration-${index}`,
    sessionId: 'session-1',
    enrollmentId: `enrollment-${index}`,
    candidateId: `candidate-${index}`,
    certificationId: 'cda',
    registeredAt: new Date('2026-02-01T09:00:00Z'),
    ...overrides,
  };
}

/** The deliberation's decision of registration 1: the title, every component, interview passed. */
export function sampleDecision(overrides: Partial<JuryDecision> = {}): JuryDecision {
  return {
    id: 'decision-1',
    registrationId: 'registration-1',
    sessionId: 'session-1',
    candidateId: 'candidate-1',
    enrollmentId: 'enrollment-1',
    certificationId: 'cda',
    outcome: 'TITLE_AWARDED',
    awardedComponentIds: ['ccp1', 'ccp2', 'ccp3'],
    finalInterviewPassed: true,
    decidedOn: '2026-06-05',
    recordedAt: new Date('2026-06-05T15:00:00Z'),
    recordedBy: 'pro-1',
    sequence: 1,
    supersedesId: null,
    supersededById: null,
    correctionReason: null,
    correctedOn: null,
    ...overrides,
  };
}

/** Runs `work` and returns the InvalidInput-like refusal it throws; fails when it does not. */
export function refusalOf(
  work: () => unknown,
): Error & { field?: string; rule?: string; code?: string } {
  try {
    work();
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
