import { UseMiddleware } from 'type-graphql';
import { Forbidden } from '@certif/platform-errors';

/**
 * A field resolved only for callers `allowed` to see it on that object; others get FORBIDDEN with
 * `refusal` on that field (the rest of the response stands). Put it beside `@Field` or
 * `@FieldResolver`: it holds on every path to the field — queries, mutations' answers, nested
 * selections and federation entity references alike, since all resolve the same field.
 */
export function FieldGuard<TRoot, TContext>(
  allowed: (root: TRoot, context: TContext) => boolean | Promise<boolean>,
  refusal: string,
): MethodDecorator & PropertyDecorator {
  return UseMiddleware(async ({ root, context }, next) => {
    if (await allowed(root as TRoot, context as TContext)) return next();
    throw new Forbidden(refusal);
  });
}
