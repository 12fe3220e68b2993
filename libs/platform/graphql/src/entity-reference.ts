import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The id every federated entity is keyed by: the one field a reference to it carries. */
@ObjectType({ isAbstract: true })
export abstract class ReferenceById {
  @Field(() => ID)
  id!: string;
}

/**
 * Marks a class (extending `ReferenceById`) as an entity of another subgraph, keyed by `id`: the
 * gateway asks its owner for the rest. `resolvable: false` (the default) when this subgraph only
 * points at it; `resolvable: true` when this subgraph also adds fields to it.
 */
export function EntityReference(
  typeName: string,
  { resolvable = false }: { resolvable?: boolean } = {},
): ClassDecorator {
  const key = resolvable ? '@key(fields: "id")' : '@key(fields: "id", resolvable: false)';
  return (target) => {
    Directive(key)(target);
    ObjectType(typeName)(target);
  };
}
