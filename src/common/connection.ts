import { type ClassType, Field, Int, ObjectType } from 'type-graphql';
import { badInput, limitExceeded } from '../errors';

/** Page sizes: what `first` means when omitted, and the most one page may hold. */
export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;

@ObjectType({ simpleResolvers: true, description: 'Relay page information.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether another page follows this one.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the last edge; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** A Relay connection type for `Item` (type-graphql's generic-type pattern). */
export function Connection<T extends object>(Item: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `An edge in a page of ${name} results.` })
  class EdgeType {
    @Field(() => String, { description: 'Opaque cursor of this edge; stable when new data arrives.' })
    cursor!: string;

    @Field(() => Item)
    node!: T;
  }

  @ObjectType({ simpleResolvers: true })
  abstract class ConnectionType {
    @Field(() => [EdgeType], { description: 'The edges of this page, in order.' })
    edges!: Edge<T>[];

    @Field(() => [Item], { description: 'The nodes of this page, in order (the same as edges.node).' })
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { nullable: true, description: 'How many items match in all (null when counting was skipped).' })
    totalCount!: number | null;
  }
  return ConnectionType;
}

/**
 * Keyset cursors: the sort key of the last item, base64url-encoded. Because a cursor names a
 * position in the order rather than an offset, pages stay stable when new items are inserted.
 */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, arity: number): unknown[] | null {
  if (cursor === null || cursor === undefined) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity) return key;
  } catch {
    // Fall through to the error below.
  }
  throw badInput('`after` is not a cursor this service issued', { argument: 'after' });
}

export function pageSize(first: number | null | undefined): number {
  const size = first ?? PAGE_SIZE_DEFAULT;
  if (size < 0) throw badInput('`first` must not be negative', { argument: 'first' });
  if (size > PAGE_SIZE_MAX) throw limitExceeded('first', size, PAGE_SIZE_MAX);
  return size;
}

/**
 * Turns rows fetched with `limit + 1` into a page: the extra row only says whether a next page
 * exists. `keyOf` gives the sort key the cursor encodes.
 */
export function toConnection<T>(rows: T[], limit: number, keyOf: (row: T) => unknown[], totalCount: number | null = null) {
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    nodes: page,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    totalCount,
  };
}
