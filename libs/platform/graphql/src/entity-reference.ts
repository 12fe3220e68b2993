import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A reference to a federated entity: the id it is keyed by (`@EntityReference` exposes it). */
export abstract class ReferenceById {
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
    Field(() => ID)(target.prototype as object, 'id');
    Directive(key)(target);
    ObjectType(typeName)(target);
  };
}
