import type { ContainerType } from 'type-graphql';

/**
 * The composition root registers each resolver instance with its dependencies already injected;
 * type-graphql asks here instead of calling constructors itself.
 */
export class ResolverContainer implements ContainerType {
  private readonly instances = new Map<unknown, unknown>();

  register<T>(resolverClass: abstract new (...args: never[]) => T, instance: T): this {
    this.instances.set(resolverClass, instance);
    return this;
  }

  get(resolverClass: unknown): unknown {
    const instance = this.instances.get(resolverClass);
    if (instance === undefined) {
      const name = (resolverClass as { name?: string }).name ?? String(resolverClass);
      throw new Error(`No instance registered for resolver ${name}`);
    }
    return instance;
  }
}
