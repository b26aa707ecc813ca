import type { Database } from '../../src/neo4j/database';

/**
 * Node counts per label set and relationship counts per type, plus a checksum of every
 * node's properties: equal fingerprints mean the import wrote nothing.
 */
export async function graphFingerprint(db: Database): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  for (const row of await db.runAdministrative('MATCH (n) WHERE NOT n:Migration WITH labels(n) AS labels RETURN labels, count(*) AS n')) {
    out[`(${(row.labels as string[]).sort().join(':')})`] = row.n as number;
  }
  for (const row of await db.runAdministrative('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n')) out[`[${row.type}]`] = row.n as number;
  const [{ props }] = await db.runAdministrative(
    `MATCH (n) WHERE NOT n:Migration
     WITH n ORDER BY elementId(n)
     RETURN reduce(s = '', x IN collect(n.id + ':' + coalesce(n.contentHash, '') + reduce(h = '', x IN coalesce(n.contentHashes, []) | h + x) + ':' + toString(size(keys(n)))) | s + '|' + x) AS props`,
  );
  out.props = String(props).length + ':' + hash(String(props));
  return out;
}

function hash(s: string): string {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return (h >>> 0).toString(16);
}
