import type { Certification, CertificationStatus } from '@certif/referentials-domain';
import { certificationIdentity, certifierWithCpfIdentifiers } from '@certif/referentials-contracts';

/**
 * What the row, the GraphQL type and the published state take from the domain as it is. Each
 * boundary still maps explicitly (persistence/, graphql/, events/ *.mapper): these helpers hold
 * only the fields they share, so that a field added to the domain is mapped once. The identity
 * and the certifier are copied as the contract copies them (the contract's own helpers).
 */
export { certificationIdentity, certifierWithCpfIdentifiers };

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
