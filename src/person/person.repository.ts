import { decodeCursor, pageSize, toConnection } from '../common/connection';
import { nameKey } from '../common/names';
import { ambiguousName, notFound } from '../errors';
import type { QueryRunner } from '../neo4j/database';
import { nameLookups } from '../neo4j/keyed-read-cache';
import type { PersonRecord } from './person.type';

/** Finds the one person a name, alias or id names; null for nobody, AMBIGUOUS_NAME for several. */
export async function findPersonByName(db: QueryRunner, name: string): Promise<PersonRecord | null> {
  // Kept between requests like every name look-up (src/neo4j/keyed-read-cache.ts).
  const rows = await nameLookups.readByKeys<{ key: string; person: PersonRecord }>(db, 'person/by-name', {}, 'keys', [nameKey(name)]);
  if (rows.length > 1) throw ambiguousName(name, rows.map((r) => ({ id: r.person.id, name: r.person.name, kind: 'Person' })));
  return rows[0]?.person ?? null;
}

/** Like findPersonByName, but nobody is a NOT_FOUND error: for arguments that must name someone. */
export async function requirePerson(db: QueryRunner, name: string, argument: string): Promise<PersonRecord> {
  const person = await findPersonByName(db, name);
  if (!person) throw notFound(`No person is named "${name}"`, { argument, name });
  return person;
}

/** A page of people, by name; `search` matches any part of a name or alias, case-insensitively. */
export async function searchPeople(db: QueryRunner, search: string | null | undefined, first: number | null | undefined, after: string | null | undefined) {
  const limit = pageSize(first);
  const cursor = decodeCursor(after, 2);
  const rows = await db.read<{ person: PersonRecord }>('person/search', {
    search: search ? nameKey(search) : null,
    afterName: cursor?.[0] ?? null,
    afterId: cursor?.[1] ?? null,
    limit: limit + 1,
  });
  return toConnection(
    rows.map((r) => r.person),
    limit,
    (p) => [p.name, p.id],
  );
}
