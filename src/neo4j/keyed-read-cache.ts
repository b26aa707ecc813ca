/**
 * Keyed reads kept between requests, per key, under the process's freshness rule
 * (src/neo4j/freshness.ts): what a name, alias or id names, and the entities themselves by id.
 *
 * Every query that starts from a name (`person(name:)`, `outrankedBy`, `shortestPath`, …) first
 * looks the name up, and many answers end on entities known by id (the people a rank chain
 * reaches, the office of a tenure). Each such read is a round trip of its own, and on this machine
 * a round trip costs the service 0.3–0.5 ms of CPU (the driver's socket writes on loopback,
 * docs/benchmark.md, session 5): a third of a simple request's. Names and entities change only
 * when the graph is written, so the rows each key gave are kept, and served while nothing read
 * before a write through this process is served after it, and no commit made elsewhere has gone
 * unseen for more than CACHE_TTL_MS. Only the keys not kept are read, in one round trip. The
 * KEYED_READ_CACHE_SIZE most recently used keys of each cache are kept; a read that fails is not.
 * The rows are shared by every request they answer: never change them.
 */
import type { Params, QueryRunner } from './database';
import { type GraphFreshness, graphFreshness, type ReadStamp } from './freshness';
import { groupByKey, type KeyedRow } from './keyed-read-batcher';

/** How many keys one cache keeps (a few hundred bytes each), least recently used out first. */
export const KEYED_READ_CACHE_SIZE = 20_000;

interface Entry {
  stamp: ReadStamp;
  rows: Promise<KeyedRow[]>;
}

export class KeyedReadCache {
  /** By query, parameters and key, in order of last use (Map keeps insertion order). */
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly freshness: GraphFreshness = graphFreshness,
    private readonly maxEntries = KEYED_READ_CACHE_SIZE,
  ) {}

  /**
   * QueryRunner.readByKeys, answered from what is kept where it is fresh. The rows come grouped
   * by key, in the order of `keys` (within a key, in the query's order).
   */
  async readByKeys<T extends KeyedRow>(db: QueryRunner, name: string, params: Params, keysParam: string, keys: readonly string[]): Promise<T[]> {
    const scope = `${name}\u0000${JSON.stringify(params)}\u0000`;
    const found = new Map<string, Promise<KeyedRow[]>>();
    const missing: string[] = [];
    const unique = [...new Set(keys)];
    for (const key of unique) {
      const entry = this.entries.get(scope + key);
      if (entry && this.freshness.isFresh(entry.stamp)) {
        this.toBack(scope + key, entry);
        found.set(key, entry.rows);
      } else {
        missing.push(key);
      }
    }
    if (missing.length > 0) {
      const stamp = this.freshness.stamp();
      // The rows of the one read, split by key once.
      const byKey = db.readByKeys<T>(name, params, keysParam, missing).then((all) => groupByKey(all));
      for (const key of missing) {
        const rows = byKey.then((groups) => groups.get(key) ?? []);
        found.set(key, rows);
        if (this.freshness.keeps) this.keep(scope + key, { stamp, rows });
      }
    }
    const grouped = await Promise.all(unique.map((key) => found.get(key)!));
    return grouped.flat() as T[];
  }

  /** Puts an entry at the back of the eviction order: the most recently used. */
  private toBack(id: string, entry: Entry): void {
    this.entries.delete(id);
    this.entries.set(id, entry);
  }

  private keep(id: string, entry: Entry): void {
    this.toBack(id, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    // A failed read is not kept: the next request tries again.
    entry.rows.catch(() => {
      if (this.entries.get(id) === entry) this.entries.delete(id);
    });
  }
}

/** Name look-ups (`names/resolve`, `person/by-name`) of the whole process. */
export const nameLookups = new KeyedReadCache();

/**
 * Entities by id (people, offices, organisations, places, topics, rank contexts) of the whole
 * process: their loaders read through it (src/common/loaders.ts, `singleLoader`'s `kept`). Facts
 * (meetings, tenures, statements…) are not kept: there are many more of them, and few are asked
 * for twice.
 */
export const entityReads = new KeyedReadCache();
