import { Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { InvalidInput } from '@certif/platform-errors';

/** Shared by every subgraph that serves a Relay connection, hence `@shareable`. */
@ObjectType({ description: 'Where a page of a connection stands.' })
@Directive('@shareable')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface EdgeShape<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  totalCount: number;
  pageInfo: PageInfo;
  edges: EdgeShape<T>[];
}

/** The `XEdge` and `XConnection` object types of a Relay connection over `node`. */
export function connectionTypes<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge implements EdgeShape<T> {
    @Field(() => String)
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class Connection implements ConnectionShape<T> {
    @Field(() => Int)
    totalCount!: number;

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => [Edge])
    edges!: Edge[];
  }

  return { Edge, Connection };
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** `first`: 1 to 100, 20 when omitted. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new InvalidInput(`first must be between 1 and ${MAX_PAGE_SIZE}; got ${first}`, 'first');
  }
  return first;
}

const CURSOR_PREFIX = 'c1:';

/** Cursors are opaque to clients; inside, the sort key of the last item (keyset pagination). */
export function encodeCursor(sortKey: string): string {
  return Buffer.from(CURSOR_PREFIX + sortKey, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): string | null {
  if (cursor === null || cursor === undefined) return null;
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith(CURSOR_PREFIX)) {
    throw new InvalidInput(
      'after must be an endCursor or cursor returned by this list; start again without it',
      'after',
    );
  }
  return decoded.slice(CURSOR_PREFIX.length);
}

export interface KeysetPage<T> {
  items: T[];
  totalCount: number;
  hasNextPage: boolean;
}

export function toConnection<T>(
  page: KeysetPage<T>,
  sortKey: (item: T) => string,
): ConnectionShape<T> {
  const edges = page.items.map((node) => ({ cursor: encodeCursor(sortKey(node)), node }));
  return {
    totalCount: page.totalCount,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    edges,
  };
}
