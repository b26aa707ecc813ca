import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';

/**
 * What a document asks for below the field being resolved. A resolver that can bring along, in
 * its own statement, what a field further down would otherwise read in a round trip of its own
 * (a page of meetings and their participants) asks first whether that field is wanted at all.
 */

/**
 * The parsed selection of each field, by request (its variables: `@include(if: $x)` depends on
 * them) and by field nodes: a field under a list is parsed once per request, not once per item.
 */
const parsed = new WeakMap<object, WeakMap<GraphQLResolveInfo['fieldNodes'], ResolveTree | null>>();

/**
 * Whether the document selects, below the field being resolved, the field at `path` (field names,
 * one per level: `['nodes', 'participants']`), under any alias, fragment or type condition, and
 * not skipped by `@skip` or `@include`.
 */
export function selectsPath(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  let ofRequest = parsed.get(info.variableValues);
  if (!ofRequest) parsed.set(info.variableValues, (ofRequest = new WeakMap()));
  let tree = ofRequest.get(info.fieldNodes);
  if (tree === undefined) {
    tree = (parseResolveInfo(info) as ResolveTree | null) ?? null;
    ofRequest.set(info.fieldNodes, tree);
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
