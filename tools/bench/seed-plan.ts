// The benchmark's dataset, planned in memory before anything is written: candidates with their
// enrolments, exam sessions with juries, registrations and jury decisions. What the other
// services hold (read models, issuing's facts, livrets, parchemins) is derived from this plan
// with the same ids the events would have carried (seed-writer.ts).
import { randomUUID } from 'node:crypto';
import { addDays, compareLocalDates, type LocalDate } from '@certif/platform-calendar';
import { CENTRES, FIRST_NAMES, LAST_NAMES, seededRandom, type Random } from './seed-random';

/** A certification as loaded by referentials' seeds, with when its sessions may be dated. */
export interface CatalogCertification {
  id: string;
  code: string;
  requiresFinalInterview: boolean;
  vaeMinimumExperienceYears: number | null;
  componentIds: string[];
  /** Sessions of the dataset are dated in this range (the certification's registration period). */
  sessionsFrom: LocalDate;
  sessionsUntil: LocalDate;
  /** Share of the sessions and enrolments. */
  weight: number;
}

export interface PlannedCandidate {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: LocalDate;
  email: string;
  registeredAt: Date;
  /** 1 at registration, +1 per enrolment and per VAE notice (candidates.candidate.v1). */
  version: number;
}

export interface PlannedEnrollment {
  id: string;
  candidateId: string;
  certificationId: string;
  pathway: 'CONTINUOUS_TRAINING' | 'DISCONTINUOUS_TRAINING' | 'VAE';
  startedOn: LocalDate;
  trainingCenter: string;
  enrolledAt: Date;
  vae: {
    noticeNumber: string;
    issuedOn: LocalDate;
    issuedBy: string;
    experienceYears: number;
    requiredExperienceYears: number | null;
  } | null;
}

export interface PlannedSession {
  id: string;
  certificationId: string;
  center: string;
  startsOn: LocalDate;
  endsOn: LocalDate;
  jurors: { id: string; userId: string; name: string }[];
}

export interface PlannedDecision {
  id: string;
  registrationId: string;
  session: PlannedSession;
  enrollment: PlannedEnrollment;
  outcome: 'TITLE_AWARDED' | 'COMPONENTS_AWARDED' | 'NOT_AWARDED' | 'ABSENT';
  awardedComponentIds: string[];
  finalInterviewPassed: boolean | null;
  decidedOn: LocalDate;
}

export interface SeedPlan {
  candidates: PlannedCandidate[];
  enrollments: PlannedEnrollment[];
  sessions: PlannedSession[];
  /** One per registration: every registered candidate was deliberated. */
  decisions: PlannedDecision[];
  acquiredComponents: number;
  /** Enrolled in the pipeline's certification, registered nowhere yet (event-pipeline scenario). */
  pipelineEnrollments: PlannedEnrollment[];
}

export interface SeedVolumes {
  candidates: number;
  sessions: number;
  acquiredComponents: number;
  pipelineCandidates: number;
}

const atNoon = (date: LocalDate) => new Date(`${date}T12:00:00.000Z`);

function plannedCandidate(random: Random, index: number): PlannedCandidate {
  const firstName = random.pick(FIRST_NAMES);
  const lastName = random.pick(LAST_NAMES);
  return {
    id: randomUUID(),
    firstName,
    lastName,
    birthDate: addDays('1970-01-01', random.int(0, 12_000)),
    email: `candidate${index}@example.org`,
    registeredAt: atNoon(addDays('2018-06-01', random.int(0, 2_900))),
    version: 1,
  };
}

function plannedSessions(random: Random, catalog: readonly CatalogCertification[], count: number) {
  const total = catalog.reduce((sum, c) => sum + c.weight, 0);
  const byCertification = new Map<string, PlannedSession[]>();
  for (const certification of catalog) {
    const span = compareDays(certification.sessionsFrom, certification.sessionsUntil);
    const sessions = Array.from(
      { length: Math.round((count * certification.weight) / total) },
      () => {
        const startsOn = addDays(certification.sessionsFrom, random.int(0, span));
        return {
          id: randomUUID(),
          certificationId: certification.id,
          center: random.pick(CENTRES),
          startsOn,
          endsOn: addDays(startsOn, 4),
          jurors: [1, 2].map((seat) => ({
            id: randomUUID(),
            userId: `juror-${random.int(1, 400)}-${seat}`,
            name: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
          })),
        };
      },
    );
    byCertification.set(
      certification.id,
      sessions.sort((a, b) => compareLocalDates(a.startsOn, b.startsOn)),
    );
  }
  return byCertification;
}

function compareDays(from: LocalDate, until: LocalDate): number {
  return Math.round((Date.parse(until) - Date.parse(from)) / 86_400_000);
}

/**
 * Each enrolment follows one story, in the proportions of a real centre: the title at the first
 * session (55 %), components then the rest with the final interview at a later one (20 %), a
 * partial success (15 %), not awarded or absent (10 %). Once the acquired components reach the
 * wanted volume, the remaining enrolments are still in training.
 */
export function planSeed(
  catalog: readonly CatalogCertification[],
  pipelineCertificationId: string,
  volumes: SeedVolumes,
): SeedPlan {
  const random = seededRandom(20260610);
  const sessionsOf = plannedSessions(random, catalog, volumes.sessions);
  const plan: SeedPlan = {
    candidates: [],
    enrollments: [],
    sessions: [...sessionsOf.values()].flat(),
    decisions: [],
    acquiredComponents: 0,
    pipelineEnrollments: [],
  };
  const weights = catalog.map((c) => [c, c.weight] as const);

  const decide = (
    enrollment: PlannedEnrollment,
    session: PlannedSession,
    outcome: PlannedDecision['outcome'],
    awarded: string[],
    finalInterviewPassed: boolean | null,
  ) => {
    plan.decisions.push({
      id: randomUUID(),
      registrationId: randomUUID(),
      session,
      enrollment,
      outcome,
      awardedComponentIds: awarded,
      finalInterviewPassed,
      decidedOn: session.endsOn,
    });
    plan.acquiredComponents += awarded.length;
  };

  for (let index = 0; index < volumes.candidates; index += 1) {
    const candidate = plannedCandidate(random, index);
    plan.candidates.push(candidate);
    const wanted = random.next() < 0.15 ? 3 : 2;
    const chosen = new Set<CatalogCertification>();
    while (chosen.size < Math.min(wanted, catalog.length)) chosen.add(random.weighted(weights));
    for (const certification of chosen) {
      const sessions = sessionsOf.get(certification.id) ?? [];
      const first = sessions[random.int(0, Math.floor(sessions.length * 0.7))];
      const enrollment = plannedEnrollment(
        random,
        candidate,
        certification,
        first?.startsOn ?? certification.sessionsUntil,
      );
      plan.enrollments.push(enrollment);
      candidate.version += enrollment.vae ? 2 : 1;
      if (!first || plan.acquiredComponents >= volumes.acquiredComponents) continue;

      const components = certification.componentIds;
      const story = random.next();
      if (story < 0.55) {
        decide(enrollment, first, 'TITLE_AWARDED', [...components], true);
      } else if (story < 0.75) {
        const later = sessions[random.int(sessions.indexOf(first) + 1, sessions.length - 1)];
        decide(enrollment, first, 'COMPONENTS_AWARDED', components.slice(0, -1), false);
        if (later)
          decide(
            enrollment,
            later,
            'COMPONENTS_AWARDED',
            components.slice(-1),
            certification.requiresFinalInterview ? true : null,
          );
      } else if (story < 0.9) {
        decide(
          enrollment,
          first,
          'COMPONENTS_AWARDED',
          components.slice(0, random.int(1, components.length - 1)),
          false,
        );
      } else {
        decide(
          enrollment,
          first,
          random.next() < 0.5 ? 'NOT_AWARDED' : 'ABSENT',
          [],
          random.next() < 0.5 ? false : null,
        );
      }
    }
  }

  const pipeline = catalog.find((c) => c.id === pipelineCertificationId);
  if (!pipeline)
    throw new Error(
      `the pipeline's certification ${pipelineCertificationId} is not in the catalog`,
    );
  for (let index = 0; index < volumes.pipelineCandidates; index += 1) {
    const candidate = plannedCandidate(random, volumes.candidates + index);
    const enrollment: PlannedEnrollment = {
      ...plannedEnrollment(random, candidate, pipeline, '2026-06-01'),
      pathway: 'CONTINUOUS_TRAINING',
      vae: null,
    };
    candidate.version = 2;
    plan.candidates.push(candidate);
    plan.enrollments.push(enrollment);
    plan.pipelineEnrollments.push(enrollment);
  }
  return plan;
}

function plannedEnrollment(
  random: Random,
  candidate: PlannedCandidate,
  certification: CatalogCertification,
  firstSession: LocalDate,
): PlannedEnrollment {
  const startedOn = addDays(firstSession, -random.int(120, 400));
  const pathway = random.weighted([
    ['CONTINUOUS_TRAINING', 70],
    ['DISCONTINUOUS_TRAINING', 15],
    ['VAE', certification.vaeMinimumExperienceYears === null ? 0 : 15],
  ] as const);
  return {
    id: randomUUID(),
    candidateId: candidate.id,
    certificationId: certification.id,
    pathway,
    startedOn,
    trainingCenter: random.pick(CENTRES),
    enrolledAt: atNoon(startedOn),
    vae:
      pathway === 'VAE'
        ? {
            noticeNumber: `DREETS-${random.int(100_000, 999_999)}`,
            issuedOn: addDays(startedOn, 30),
            issuedBy: 'DREETS Occitanie',
            experienceYears: random.int(3, 12),
            requiredExperienceYears: certification.vaeMinimumExperienceYears,
          }
        : null,
  };
}
