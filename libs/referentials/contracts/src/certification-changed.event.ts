import { z } from 'zod';
import { defineEvent } from '@certif/platform-events';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export const certificationState = z.object({
  id: z.string(),
  code: z.string(),
  rncpCode: z.string().nullable(),
  title: z.string(),
  kind: z.enum(['PROFESSIONAL_TITLE', 'RNCP_CERTIFICATION']),
  level: z.number().int(),
  /** At the time of the change; consumers recompute it from the dates (CLOSED once past registeredUntil). */
  status: z.enum(['DRAFT', 'ACTIVE', 'REVISED', 'CLOSED']),
  registeredFrom: localDate.nullable(),
  registeredUntil: localDate.nullable(),
  capitalizationRule: z.enum([
    'FIVE_YEARS_FROM_FIRST_COMPONENT',
    'WITHIN_TITLE_VALIDITY',
    'UNLIMITED',
  ]),
  requiresFinalInterview: z.boolean(),
  vaeMinimumExperienceYears: z.number().nullable(),
  certifier: z.object({ name: z.string(), siret: z.string().nullable() }),
  components: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      title: z.string(),
      kind: z.enum(['CCP', 'BLOC']),
      position: z.number().int(),
    }),
  ),
  specializations: z.array(z.object({ id: z.string(), code: z.string(), title: z.string() })),
  /** R4: the version this one revises and the one that revised it. */
  revisesId: z.string().nullable(),
  revisedById: z.string().nullable(),
  /** From components of `revisesId` to components of this version. */
  correspondences: z.array(
    z.object({ fromComponentIds: z.array(z.string()).min(1), toComponentId: z.string() }),
  ),
  /** Grows with every change: a consumer keeps the state with the highest version. */
  version: z.number().int().positive(),
});

export type CertificationState = z.infer<typeof certificationState>;

/**
 * referentials.certification.v1 — published, revised (both versions), closed, updated by an
 * import of the national register; the full current state each time, keyed by certification id.
 */
export const certificationChanged = defineEvent({
  type: 'certif.referentials.certification.v1',
  topic: 'referentials.certification.v1',
  schema: z.object({
    /** UPDATED: changed in place by an import of the national register (same id, new version). */
    change: z.enum(['PUBLISHED', 'REVISED', 'CLOSED', 'UPDATED']),
    certification: certificationState,
  }),
  key: (payload) => payload.certification.id,
});
