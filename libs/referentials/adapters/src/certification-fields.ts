import type {
  Certification,
  CertificationStatus,
  CertifierDraft,
} from '@certif/referentials-domain';

/**
 * What the row, the GraphQL type and the published state take from the domain as it is. Each
 * boundary still maps explicitly (persistence/, graphql/, events/ *.mapper): these helpers hold
 * only the fields they share, so that a field added to the domain is mapped once.
 */
export function certificationIdentity(c: Certification) {
  return {
    id: c.id,
    code: c.code,
    rncpCode: c.rncpCode,
    title: c.title,
    kind: c.kind,
    level: c.level,
  };
}

/** The certifier with both Caisse des Dépôts identifiers, null until entered. */
export function certifierWithCpfIdentifiers(certifier: CertifierDraft) {
  return {
    name: certifier.name,
    siret: certifier.siret,
    cpfClientId: certifier.cpfClientId ?? null,
    cpfContractId: certifier.cpfContractId ?? null,
  };
}

/** The state both GraphQL and the event show, with copies of the domain's arrays. */
export function outwardState(c: Certification, status: CertificationStatus) {
  return {
    ...certificationIdentity(c),
    status,
    registeredFrom: c.registeredFrom,
    registeredUntil: c.registeredUntil,
    capitalizationRule: c.capitalizationRule,
    requiresFinalInterview: c.requiresFinalInterview,
    vaeMinimumExperienceYears: c.vaeMinimumExperienceYears,
    pathways: [...c.pathways],
    juryRule: { ...c.juryRule, requiredRoles: [...c.juryRule.requiredRoles] },
    certifier: certifierWithCpfIdentifiers(c.certifier),
  };
}
