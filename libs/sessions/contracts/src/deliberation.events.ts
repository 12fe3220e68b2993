import { z } from 'zod';
import { defineEvent } from '@certif/platform-events';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

const decisionReference = {
  candidateId: z.string(),
  enrollmentId: z.string(),
  registrationId: z.string(),
  sessionId: z.string(),
  /** The jury decision this event comes from (a correction supersedes it with a new id). */
  decisionId: z.string(),
  certificationId: z.string(),
  /** The date of the jury's decision; may be in the past (records taken over). */
  decidedOn: localDate,
};

/**
 * sessions.ccp-acquired.v1 — one event per component a jury awards (R1), keyed by candidate id.
 */
export const ccpAcquired = defineEvent({
  type: 'certif.sessions.ccp-acquired.v1',
  topic: 'sessions.ccp-acquired.v1',
  schema: z.object({
    ...decisionReference,
    componentId: z.string(),
    componentCode: z.string(),
    outcome: z.enum(['TITLE_AWARDED', 'COMPONENTS_AWARDED']),
  }),
  key: (payload) => payload.candidateId,
  subject: (payload) => `${payload.candidateId}/${payload.componentId}`,
});

/**
 * sessions.title-awarded.v1 — a jury awards the full title (TITLE_AWARDED), or records that the
 * final interview was passed (R3), or awards a CCS (SPECIALIZATION session, `specializationId`).
 */
export const titleAwarded = defineEvent({
  type: 'certif.sessions.title-awarded.v1',
  topic: 'sessions.title-awarded.v1',
  schema: z.object({
    ...decisionReference,
    outcome: z.enum(['TITLE_AWARDED', 'COMPONENTS_AWARDED']),
    finalInterviewPassed: z.boolean(),
    scope: z.enum(['FULL_TITLE', 'COMPONENTS', 'SPECIALIZATION']),
    specializationId: z.string().nullable(),
  }),
  key: (payload) => payload.candidateId,
});
