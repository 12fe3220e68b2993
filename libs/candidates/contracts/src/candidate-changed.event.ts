import { z } from 'zod';
import { defineEvent } from '@certif/platform-events';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export const PATHWAYS = [
  'CONTINUOUS_TRAINING',
  'VAE',
  'DISCONTINUOUS_TRAINING',
  'APPRENTICESHIP',
  'PROFESSIONALISATION_CONTRACT',
  'INDIVIDUAL_APPLICATION',
] as const;

export const enrollmentState = z.object({
  id: z.string(),
  certificationId: z.string(),
  pathway: z.enum(PATHWAYS),
  startedOn: localDate,
  trainingCenter: z.string().nullable(),
  /** R6: the recevabilité notice of a VAE enrolment, once recorded. */
  vaeAdmissibility: z
    .object({
      noticeNumber: z.string(),
      issuedOn: localDate,
      issuedBy: z.string(),
      experienceYears: z.number().nullable(),
    })
    .nullable(),
});

export type EnrollmentState = z.infer<typeof enrollmentState>;

/**
 * candidates.candidate.v1 — registered, enrolled, VAE recevabilité recorded, erased; the
 * candidate's current state each time, keyed by candidate id. Accommodations (R10) never leave
 * the candidates service. After erasure the names are the pseudonym and `erasedAt` is set:
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
      birthDate: localDate.nullable(),
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
