import { z } from 'zod';
import { contractDate, defineEvent } from '@certif/platform-events';
import { PATHWAYS } from '@certif/platform-vocabulary';

// The vocabularies (kinds, statuses, rules, roles) are the contract's own copy of the
// referentials domain's, so that the contract stays put when the domain moves;
// adapters/src/events/contract-vocabulary.spec.ts checks that both still agree. The access routes
// are the platform's shared vocabulary, the same list for domains and contracts.

export const certificationState = z.object({
  id: z.string(),
  code: z.string(),
  rncpCode: z.string().nullable(),
  title: z.string(),
  kind: z.enum(['PROFESSIONAL_TITLE', 'RNCP_CERTIFICATION']),
  level: z.number().int(),
  /** At the time of the change; consumers recompute it from the dates (CLOSED once past registeredUntil). */
  status: z.enum(['DRAFT', 'ACTIVE', 'REVISED', 'CLOSED']),
  registeredFrom: contractDate.nullable(),
  registeredUntil: contractDate.nullable(),
  capitalizationRule: z.enum([
    'FIVE_YEARS_FROM_FIRST_COMPONENT',
    'WITHIN_TITLE_VALIDITY',
    'UNLIMITED',
  ]),
  requiresFinalInterview: z.boolean(),
  vaeMinimumExperienceYears: z.number().nullable(),
  /**
   * The access routes the fiche opens. Absent from events published before it existed: every
   * route.
   */
  pathways: z.array(z.enum(PATHWAYS)).optional(),
  /**
   * R8/R9: the jury a session needs before it deliberates (requiredRoles is a multiset). Absent
   * from events published before it existed: the kind's default (a PROFESSIONAL_TITLE at least
   * two members, all PROFESSIONAL; an RNCP_CERTIFICATION at least one member).
   */
  juryRule: z
    .object({
      minMembers: z.number().int(),
      minProfessionals: z.number().int(),
      allProfessionals: z.boolean(),
      requiredRoles: z.array(
        z.enum(['PROFESSIONAL', 'TRAINER', 'TEACHER', 'CERTIFIER_REPRESENTATIVE']),
      ),
    })
    .optional(),
  certifier: z.object({
    name: z.string(),
    siret: z.string().nullable(),
    // Added later (additive): the Caisse des Dépôts' identifiers; absent in older events.
    cpfClientId: z.string().nullable().optional(),
    cpfContractId: z.string().nullable().optional(),
  }),
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
 * referentials.certification.v1 — published, revised (both versions), closed, the certifier's
 * identifiers with the Caisse des Dépôts updated, updated by an import of the national register;
 * the full current state each time, keyed by certification id.
 */
export const certificationChanged = defineEvent({
  type: 'certif.referentials.certification.v1',
  topic: 'referentials.certification.v1',
  schema: z.object({
    /**
     * CERTIFIER_UPDATED: the certifier's identifiers with the Caisse des Dépôts changed.
     * UPDATED: changed in place by an import of the national register (same id, new version).
     */
    change: z.enum(['PUBLISHED', 'REVISED', 'CLOSED', 'CERTIFIER_UPDATED', 'UPDATED']),
    certification: certificationState,
  }),
  key: (payload) => payload.certification.id,
});
