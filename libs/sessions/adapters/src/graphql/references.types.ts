import { Directive, Field, ID, ObjectType } from 'type-graphql';

// Entities owned by other subgraphs, referenced by id only: the gateway asks their owner for the
// rest (referentials for Certification and Component, candidates for Candidate).

@ObjectType('Certification')
@Directive('@key(fields: "id", resolvable: false)')
export class CertificationReference {
  @Field(() => ID)
  id!: string;
}

@ObjectType('Component')
@Directive('@key(fields: "id", resolvable: false)')
export class ComponentReference {
  @Field(() => ID)
  id!: string;
}

@ObjectType('Candidate')
@Directive('@key(fields: "id", resolvable: false)')
export class CandidateReference {
  @Field(() => ID)
  id!: string;
}
