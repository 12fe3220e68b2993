import { z } from 'zod';
import { defineEvent } from '@certif/platform-events';

/**
 * sessions.registration.v1 — a candidate is registered to a session, keyed by candidate id.
 * Carries the session's exam centre: candidates keeps which centres each candidate is
 * registered in, to show personal data to those centres' session managers only
 * (docs/adr/0010-centre-scoped-access.md).
 */
export const candidateRegisteredToSession = defineEvent({
  type: 'certif.sessions.registration.v1',
  topic: 'sessions.registration.v1',
  schema: z.object({
    registrationId: z.string(),
    sessionId: z.string(),
    candidateId: z.string(),
    enrollmentId: z.string(),
    certificationId: z.string(),
    /** The exam centre (`ExamSession.center`). */
    center: z.string(),
    registeredAt: z.string(),
  }),
  key: (payload) => payload.candidateId,
  subject: (payload) => `${payload.candidateId}/${payload.registrationId}`,
});
