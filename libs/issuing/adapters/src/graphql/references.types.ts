import { Directive, Field } from 'type-graphql';
import { EntityReference, ReferenceById } from '@certif/platform-graphql';

/**
 * Owned by referentials: issuing points at it by id, and serves the code and title of the
 * versions its read model holds (referentials.certification.v1; a version's code and title never
 * change), so that the gateway plans a candidate's record without a fetch to referentials per
 * livret and parchemin. `@shareable`: referentials serves the same fields.
 */
@EntityReference('Certification')
export class CertificationReference extends ReferenceById {
  @Directive('@shareable')
  @Field(() => String)
  code!: string;

  @Directive('@shareable')
  @Field(() => String)
  title!: string;
}

/** A CCP or bloc, owned by referentials; issuing serves its code from its read model too. */
@EntityReference('Component')
export class ComponentReference extends ReferenceById {
  @Directive('@shareable')
  @Field(() => String)
  code!: string;
}

/** Owned by candidates; issuing adds `livrets` and `credentials`. */
@EntityReference('Candidate', { resolvable: true })
export class CandidateType extends ReferenceById {}
