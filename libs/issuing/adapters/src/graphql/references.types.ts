import { EntityReference, ReferenceById } from '@certif/platform-graphql';

/** Owned by referentials: issuing points at it by id. */
@EntityReference('Certification')
export class CertificationReference extends ReferenceById {}

/** A CCP or bloc, owned by referentials. */
@EntityReference('Component')
export class ComponentReference extends ReferenceById {}

/** Owned by candidates; issuing adds `livrets` and `credentials`. */
@EntityReference('Candidate', { resolvable: true })
export class CandidateType extends ReferenceById {}
