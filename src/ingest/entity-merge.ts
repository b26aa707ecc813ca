import { contentHash } from './hash';
import { type EntityDecl, nameKeysOf } from './plan';
import type { EntityRef } from './references';

/** An entity as the graph holds it now, as `ingest/read-entities` returns it. */
export interface EntityState {
  label: string;
  id: string;
  props: Record<string, unknown>;
  links: Array<{ type: string; label: string; id: string }>;
}

export interface MergedEntity {
  label: string;
  id: string;
  /** Every property the node will have (null = none). */
  props: Record<string, unknown>;
  isCountry: boolean;
  /** Relationship types the declaration gives, and the links of those types after the merge. */
  linkTypes: string[];
  links: Array<{ type: string; label: string; id: string }>;
  nameKeys: string[];
  /** Keys the entity had before and has no more. */
  droppedNameKeys: string[];
  hash: string;
  status: 'created' | 'updated' | 'unchanged';
}

/** Bookkeeping the importer writes itself; not part of what the entity says. */
const DERIVED = new Set(['id', 'contentHash', 'searchText']);

function stateOf(props: Record<string, unknown>, links: Record<string, EntityRef>): unknown {
  const own = Object.fromEntries(Object.entries(props).filter(([k, v]) => !DERIVED.has(k) && v !== null && v !== undefined));
  return { props: own, links };
}

/**
 * An entity declared again merges into the node: given fields overwrite, aliases are unioned,
 * given links replace links of their type. The result's hash against the node's own tells
 * created / updated / unchanged, whatever document declared the entity before.
 */
export function mergeEntity(decl: EntityDecl, current: EntityState | undefined): MergedEntity {
  const before = { ...(current?.props ?? {}) };
  const beforeAliases = (before.aliases as string[] | undefined) ?? [];
  const beforeLinks: Record<string, EntityRef> = {};
  for (const link of current?.links ?? []) beforeLinks[link.type] = { label: link.label as EntityRef['label'], id: link.id };

  const props: Record<string, unknown> = { ...before };
  for (const [field, value] of Object.entries(decl.fields)) {
    if (field === 'externalIds') {
      const old = typeof before.externalIds === 'string' ? (JSON.parse(before.externalIds) as Record<string, string>) : {};
      const merged = { ...old, ...(value as Record<string, string>) };
      props.externalIds = JSON.stringify(Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b))));
    } else {
      props[field] = value;
    }
  }
  const aliases = [...beforeAliases];
  for (const alias of decl.aliases) if (!aliases.includes(alias)) aliases.push(alias);
  props.aliases = aliases;
  const links = { ...beforeLinks, ...decl.links };

  const hash = contentHash(stateOf(props, links));
  const status = !current ? 'created' : hash === contentHash(stateOf(before, beforeLinks)) ? 'unchanged' : 'updated';
  props.contentHash = hash;
  if (decl.label === 'Person') props.searchText = [props.name, ...aliases].join(' ').toLowerCase();

  const nameKeys = nameKeysOf(decl.id, props, aliases);
  const oldKeys = current ? nameKeysOf(decl.id, before, beforeAliases) : [];
  const linkTypes = Object.keys(decl.links);
  return {
    label: decl.label,
    id: decl.id,
    props,
    isCountry: props.kind === 'COUNTRY',
    linkTypes,
    links: linkTypes.map((type) => ({ type, label: links[type].label, id: links[type].id })),
    nameKeys,
    droppedNameKeys: oldKeys.filter((k) => !nameKeys.includes(k)),
    hash,
    status,
  };
}
