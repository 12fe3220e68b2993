import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ComponentType, CorrespondenceType } from './certification.types';
import type { ReferentialsContext } from './referentials-context';

function present<T>(value: T | null | Error): value is T {
  return value !== null && !(value instanceof Error);
}

@Resolver(() => CorrespondenceType)
export class CorrespondenceResolver {
  @FieldResolver(() => [ComponentType], { description: 'Components of the old version.' })
  async from(
    @Root() link: CorrespondenceType,
    @Ctx() context: ReferentialsContext,
  ): Promise<ComponentType[]> {
    return (await context.loaders.componentById.loadMany(link.fromComponentIds)).filter(present);
  }

  @FieldResolver(() => ComponentType, { description: 'The component of the new version.' })
  async to(
    @Root() link: CorrespondenceType,
    @Ctx() context: ReferentialsContext,
  ): Promise<ComponentType> {
    const component = await context.loaders.componentById.load(link.toComponentId);
    if (!component)
      throw new Error(`correspondence points to missing component ${link.toComponentId}`);
    return component;
  }
}
