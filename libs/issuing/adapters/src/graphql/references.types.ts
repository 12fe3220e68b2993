import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Owned by referentials: issuing points at it by id. */
@ObjectType('Certification')
@Directive('@key(fields: "id", resolvable: false)')
export class CertificationReference {
  @Field(() => ID)
  id!: string;
}

/** A CCP or bloc, owned by referentials. */
@ObjectType('Component')
@Directive('@key(fields: "id", resolvable: false)')
export class ComponentReference {
  @Field(() => ID)
  id!: string;
}

/** Owned by candidates; issuing adds `livrets` and `credentials`. */
@ObjectType('Candidate')
@Directive('@key(fields: "id")')
export class CandidateType {
  @Field(() => ID)
  id!: string;
}
