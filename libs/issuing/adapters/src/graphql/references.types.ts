import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Owned by referentials: issuing points at it by id, and serves the code and title of the
 * versions its read model holds (referentials.certification.v1; a version's code and title never
 * change), so that the gateway plans a candidate's record without a fetch to referentials per
 * livret and parchemin. `@shareable`: referentials serves the same fields.
 */
@ObjectType('Certification')
@Directive('@key(fields: "id", resolvable: false)')
export class CertificationReference {
  @Field(() => ID)
  id!: string;

  @Directive('@shareable')
  @Field(() => String)
  code!: string;

  @Directive('@shareable')
  @Field(() => String)
  title!: string;
}

/** A CCP or bloc, owned by referentials; issuing serves its code from its read model too. */
@ObjectType('Component')
@Directive('@key(fields: "id", resolvable: false)')
export class ComponentReference {
  @Field(() => ID)
  id!: string;

  @Directive('@shareable')
  @Field(() => String)
  code!: string;
}

/** Owned by candidates; issuing adds `livrets` and `credentials`. */
@ObjectType('Candidate')
@Directive('@key(fields: "id")')
export class CandidateType {
  @Field(() => ID)
  id!: string;
}
