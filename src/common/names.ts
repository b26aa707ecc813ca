import { ambiguousName, type Candidate } from '../errors';
import type { QueryRunner } from '../neo4j/database';
import { nameLookups } from '../neo4j/keyed-read-cache';

/** The label a name is looked up under. */
export type NamedKind = 'Person' | 'Organization' | 'Place' | 'Position' | 'Topic' | 'RankContext';

/** How names are compared everywhere: trimmed, inner white space folded, case-insensitive. */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Finds what a name, alias or id names. Returns null when nothing has that name and throws
 * AMBIGUOUS_NAME (listing the candidates) when more than one thing does: a guess would be worse.
 */
export async function resolveName(db: QueryRunner, kind: NamedKind, name: string): Promise<Candidate | null> {
  const [found] = await resolveNames(db, kind, [name]);
  return found;
}

/**
 * resolveName for several names of one kind in one round trip at most (a keyed read, shared with
 * other requests' look-ups of the same kind, and kept between requests: src/neo4j/keyed-read-cache.ts);
 * the answers in the order asked.
 */
export async function resolveNames(db: QueryRunner, kind: NamedKind, names: string[]): Promise<Array<Candidate | null>> {
  const keys = names.map(nameKey);
  const rows = await nameLookups.readByKeys<{ key: string; value: Candidate[] }>(db, 'names/resolve', { label: kind }, 'keys', keys);
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  return names.map((name, i) => {
    const candidates = byKey.get(keys[i]) ?? [];
    if (candidates.length > 1) throw ambiguousName(name, candidates);
    return candidates[0] ?? null;
  });
}
