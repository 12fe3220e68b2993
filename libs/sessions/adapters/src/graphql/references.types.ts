import { EntityReference, ReferenceById } from '@certif/platform-graphql';

// Entities owned by other subgraphs, referenced by id only: the gateway asks their owner for the
// rest (referentials for Certification and Component, candidates for Candidate).

@EntityReference('Certification')
export class CertificationReference extends ReferenceById {}

@EntityReference('Component')
export class ComponentReference extends ReferenceById {}

@EntityReference('Candidate')
export class CandidateReference extends ReferenceById {}
