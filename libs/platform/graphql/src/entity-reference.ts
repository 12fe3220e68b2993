import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A reference to a federated entity: the id it is keyed by, first of its fields. Not in any schema
 * by itself (no field returns it): `@EntityReference` names the type each subclass is.
 */
@ObjectType()
export abstract class ReferenceById {
  @Field(() => ID)
  id!: string;
}

/**
 * Marks a class (extending `ReferenceById`) as an entity of another subgraph, keyed by `id`: the
 * gateway asks its owner for the rest. `resolvable: false` (the default) when this subgraph only
 * points at it; `resolvable: true` when this subgraph also resolves it (adds fields to it).
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
