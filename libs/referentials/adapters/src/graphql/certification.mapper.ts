import {
  defaultJuryRule,
  looksLikeRncpCode,
  PATHWAYS,
  normalizeCpfIdentifiers,
  type Certification,
  type CertificationDraft,
  type CertificationStatus,
  type RevisionDraft,
} from '@certif/referentials-domain';
import type { ComponentOfCertification } from '@certif/referentials-application';
import { outwardState } from '../certification-fields';
import type { CertificationInput, ComponentInput, RevisionInput } from './certification.inputs';
import { CertificationType, ComponentType } from './certification.types';

export function toComponentType(component: ComponentOfCertification): ComponentType {
  return Object.assign(new ComponentType(), component);
}

export function toCertificationType(
  c: Certification,
  status: CertificationStatus,
): CertificationType {
  return Object.assign(new CertificationType(), {
    ...outwardState(c, status),
    nsfCodes: c.nsfCodes,
    romeCodes: c.romeCodes,
    formacodes: c.formacodes,
    components: c.components.map((component) =>
      toComponentType({ ...component, certificationId: c.id }),
    ),
    specializations: c.specializations.map((s) => ({ ...s })),
    notes: c.notes,
    revisesId: c.revisesId,
    revisedById: c.revisedById,
    correspondenceLinks: c.correspondences.map((link) => ({ ...link })),
  });
}

function toComponentDrafts(components: ComponentInput[]): CertificationDraft['components'] {
  return components.map((c) => ({
    code: c.code.trim(),
    title: c.title.trim(),
    kind: c.kind,
    competences: (c.competences ?? []).map((competence) => competence.trim()),
  }));
}

export function toCertificationDraft(input: CertificationInput): CertificationDraft {
  const code = input.code.trim();
  return {
    code,
    rncpCode: looksLikeRncpCode(code) ? code : null,
    title: input.title.trim(),
    kind: input.kind,
    level: input.level,
    nsfCodes: input.nsfCodes ?? [],
    romeCodes: input.romeCodes ?? [],
    formacodes: input.formacodes ?? [],
    certifier: {
      name: input.certifier.name.trim(),
      siret: input.certifier.siret?.replace(/\s/g, '') || null,
      ...normalizeCpfIdentifiers(input.certifier),
    },
    registeredFrom: input.registeredFrom ?? null,
    registeredUntil: input.registeredUntil ?? null,
    capitalizationRule: input.capitalizationRule,
    requiresFinalInterview: input.requiresFinalInterview,
    vaeMinimumExperienceYears: null,
    pathways: input.pathways ?? [...PATHWAYS],
    juryRule: input.juryRule
      ? {
          minMembers: input.juryRule.minMembers,
          minProfessionals: input.juryRule.minProfessionals,
          allProfessionals: input.juryRule.allProfessionals ?? false,
          requiredRoles: input.juryRule.requiredRoles ?? [],
        }
      : defaultJuryRule(input.kind),
    components: toComponentDrafts(input.components),
    specializations: (input.specializations ?? []).map((s) => ({
      code: s.code.trim(),
      title: s.title.trim(),
    })),
    notes: [],
  };
}

export function toRevisionDraft(input: RevisionInput): RevisionDraft {
  return {
    code: input.code.trim(),
    title: input.title?.trim() || null,
    registeredFrom: input.registeredFrom ?? null,
    registeredUntil: input.registeredUntil ?? null,
    components: toComponentDrafts(input.components),
    correspondences: (input.correspondences ?? []).map((c) => ({
      from: c.from.map((code) => code.trim()),
      to: c.to.trim(),
    })),
  };
}
