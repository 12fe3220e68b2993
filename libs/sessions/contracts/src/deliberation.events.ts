import { z } from 'zod';
import { contractDate, defineEvent } from '@certif/platform-events';

const decisionReference = {
  candidateId: z.string(),
  enrollmentId: z.string(),
  registrationId: z.string(),
  sessionId: z.string(),
  /** The jury decision this event comes from (a correction supersedes it with a new id). */
  decisionId: z.string(),
  certificationId: z.string(),
  /** The date of the jury's decision; may be in the past (records taken over). */
  decidedOn: contractDate,
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

/**
 * sessions.decision-corrected.v1 — a jury decision is corrected: `decisionId`/`decidedOn` are the
 * NEW (correcting) decision, which supersedes `supersededDecisionId`. The superseded decision's
 * facts (its ccp-acquired / title-awarded events) stop counting; the new decision's facts count as
 * if published by `decisionId` on `decidedOn`. A correction may itself be corrected (a chain).
 * Sessions publishes only this event for a correction, in the correction's transaction.
 */
export const decisionCorrected = defineEvent({
  type: 'certif.sessions.decision-corrected.v1',
  topic: 'sessions.decision-corrected.v1',
  schema: z.object({
    ...decisionReference,
    supersededDecisionId: z.string(),
    supersededDecidedOn: contractDate,
    /** The new decision's outcome. */
    outcome: z.enum(['TITLE_AWARDED', 'COMPONENTS_AWARDED', 'NOT_AWARDED', 'ABSENT']),
    scope: z.enum(['FULL_TITLE', 'COMPONENTS', 'SPECIALIZATION']),
    specializationId: z.string().nullable(),
    /** Of the new decision. */
    finalInterviewPassed: z.boolean(),
    /** The new decision's full set of awarded components (not a delta). */
    awardedComponents: z.array(z.object({ componentId: z.string(), componentCode: z.string() })),
    /** Awarded by the superseded decision, not by the new one. */
    withdrawnComponents: z.array(z.object({ componentId: z.string(), componentCode: z.string() })),
    reason: z.string().min(1),
    /** The day the correction was recorded. */
    correctedOn: contractDate,
  }),
  key: (payload) => payload.candidateId,
});
