import { z } from 'zod';
import { contractDate, defineEvent } from '@certif/platform-events';
import { PATHWAYS } from '@certif/platform-vocabulary';

/**
 * The access routes are the platform's shared vocabulary (`@certif/platform-vocabulary`, the
 * contract's `Pathway` enum): one list for the domains and the event schemas, so that they can
 * never disagree. A route added there changes this schema too: publish it as a new version of the
 * contract if consumers must be told.
 */
export { PATHWAYS };

export const enrollmentState = z.object({
  id: z.string(),
  certificationId: z.string(),
  pathway: z.enum(PATHWAYS),
  startedOn: contractDate,
  trainingCenter: z.string().nullable(),
  /** R6: the recevabilité notice of a VAE enrolment, once recorded. */
  vaeAdmissibility: z
    .object({
      noticeNumber: z.string(),
      issuedOn: contractDate,
      issuedBy: z.string(),
      experienceYears: z.number().nullable(),
    })
    .nullable(),
});

/** The national holders' register's data on the place of birth (see cpf-accrochage.md). */
export const birthPlaceState = z.object({
  inseeCode: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  countryCode: z.string().nullable(),
  country: z.string().nullable(),
});

export type BirthPlaceState = z.infer<typeof birthPlaceState>;

export type EnrollmentState = z.infer<typeof enrollmentState>;

/**
 * candidates.candidate.v1 — registered, enrolled, VAE recevabilité recorded, erased; the
 * candidate's current state each time, keyed by candidate id. Accommodations (R10) never leave
 * the candidates service. Birth date, sex, birth name and birth place travel for the national
 * holders' register (issuing deposits the holders); they are cleared on erasure. After erasure the names are the pseudonym and `erasedAt` is set:
 * every consumer replaces the identity it holds (R13).
 */
export const candidateChanged = defineEvent({
  type: 'certif.candidates.candidate.v1',
  topic: 'candidates.candidate.v1',
  schema: z.object({
    change: z.enum(['REGISTERED', 'ENROLLED', 'VAE_ADMISSIBILITY_RECORDED', 'ERASED']),
    candidate: z.object({
      id: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      birthDate: contractDate.nullable(),
      // Added later (additive): absent from the events published before; absent means unknown.
      sex: z.enum(['F', 'M']).nullable().optional(),
      birthName: z.string().nullable().optional(),
      birthPlace: birthPlaceState.nullable().optional(),
      erasedAt: z.string().nullable(),
    }),
    enrollments: z.array(enrollmentState),
    /** Grows with every change of the candidate: a consumer keeps the highest. */
    version: z.number().int().positive(),
  }),
  key: (payload) => payload.candidate.id,
  // Every event about a candidate is keyed by the candidate id: the outbox and dead letters of
  // each service forget that key's payloads when the candidate is erased.
  erases: (payload) => (payload.change === 'ERASED' ? payload.candidate.id : undefined),
});
