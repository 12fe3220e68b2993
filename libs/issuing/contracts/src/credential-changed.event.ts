import { z } from 'zod';
import { contractDate, defineEvent } from '@certif/platform-events';

export const credentialState = z.object({
  id: z.string(),
  number: z.string(),
  certificationId: z.string(),
  /** Set for a CCS parchemin (R7). */
  specializationId: z.string().nullable(),
  status: z.enum(['VALID', 'REVOKED']),
  issuedOn: contractDate,
  /**
   * The date of the jury decision that completed the title (or awarded the CCS): the date a
   * holders' register records. Absent only in events published before it existed.
   */
  obtainedOn: contractDate.optional(),
});

export const livretState = z.object({
  id: z.string(),
  /** The current version of the certification lineage the livret follows (R4). */
  certificationId: z.string(),
  status: z.enum(['IN_PROGRESS', 'COMPLETE', 'LAPSED']),
  capitalizationDeadline: contractDate.nullable(),
});

/**
 * issuing.credential.v1 — a parchemin issued or revoked, or a livret whose status changed; keyed
 * by candidate id.
 */
export const credentialChanged = defineEvent({
  type: 'certif.issuing.credential.v1',
  topic: 'issuing.credential.v1',
  schema: z.discriminatedUnion('change', [
    z.object({ change: z.literal('ISSUED'), candidateId: z.string(), credential: credentialState }),
    z.object({
      change: z.literal('REVOKED'),
      candidateId: z.string(),
      credential: credentialState,
      reason: z.string(),
    }),
    z.object({
      change: z.literal('LIVRET_STATUS_CHANGED'),
      candidateId: z.string(),
      livret: livretState,
    }),
  ]),
  key: (payload) => payload.candidateId,
});
