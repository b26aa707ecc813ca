import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';

/**
 * What a document asks for below the field being resolved. A resolver that can bring along, in
 * its own statement, what a field further down would otherwise read in a round trip of its own
 * (a page of meetings and their participants) asks first whether that field is wanted at all.
 */

/** The parsed selection of each field, by its field nodes: a field under a list is parsed once, not once per item. */
const parsed = new WeakMap<GraphQLResolveInfo['fieldNodes'], ResolveTree | null>();

/**
 * Whether the document selects, below the field being resolved, the field at `path` (field names,
 * one per level: `['nodes', 'participants']`), under any alias, fragment or type condition.
 */
export function selectsPath(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  let tree = parsed.get(info.fieldNodes);
  if (tree === undefined) {
    tree = (parseResolveInfo(info) as ResolveTree | null) ?? null;
    parsed.set(info.fieldNodes, tree);
  }
  return tree !== null && hasPath(tree, path);
}

function hasPath(tree: ResolveTree, path: readonly string[]): boolean {
  if (path.length === 0) return true;
  const [head, ...rest] = path;
  for (const fields of Object.values(tree.fieldsByTypeName)) {
    for (const child of Object.values(fields)) if (child.name === head && hasPath(child, rest)) return true;
  }
  return false;
}
