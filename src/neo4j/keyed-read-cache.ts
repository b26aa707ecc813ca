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
 * KEYED_READ_CACHE_SIZE most recently used keys of each query (with its parameters) are kept; a
 * read that fails is not.
 * The rows are shared by every request they answer: never change them.
 */
import { LRUCache } from 'lru-cache';
import type { Params, QueryRunner } from './database';
import { type GraphFreshness, graphFreshness, type ReadStamp } from './freshness';
import { groupByKey, type KeyedRow } from './keyed-read-batcher';

/**
 * How many keys of one query a cache keeps, least recently used out first (an entry costs a few
 * hundred bytes). Kept per query, people do not evict offices: W3 of the benchmark lists 16,700
 * people and 15,200 tenures, and one list of 20,000 for all kinds let each page of meetings evict
 * what the next one needed.
 */
export const KEYED_READ_CACHE_SIZE = 50_000;

interface Entry {
  stamp: ReadStamp;
  rows: Promise<KeyedRow[]>;
  /** The rows, once the read has answered: what `peek` serves. */
  settled?: KeyedRow[];
}

export class KeyedReadCache {
  /** By query and parameters (the name, then the parameters as JSON), then by key. */
  private readonly scopes = new Map<string, KeptScope>();

  constructor(
    private readonly freshness: GraphFreshness = graphFreshness,
    private readonly maxEntries = KEYED_READ_CACHE_SIZE,
  ) {}

  /**
   * QueryRunner.readByKeys, answered from what is kept where it is fresh. The rows come grouped
   * by key, in the order of `keys` (within a key, in the query's order).
   */
  readByKeys<T extends KeyedRow>(db: QueryRunner, name: string, params: Params, keysParam: string, keys: readonly string[]): Promise<T[]> {
    return this.scope(name, params).readByKeys<T>(db, keysParam, keys);
  }

  /** What is kept of one query with these parameters; a caller that asks often keeps it. */
  scope(name: string, params: Params): KeptScope {
    const id = `${name}\u0000${JSON.stringify(params)}`;
    let scope = this.scopes.get(id);
    if (!scope) this.scopes.set(id, (scope = new KeptScope(this.freshness, this.maxEntries, name, params)));
    return scope;
  }
}

/** The rows kept of one query with given parameters, by key, the most recently used `maxEntries`. */
export class KeptScope {
  private readonly entries: LRUCache<string, Entry>;

  constructor(
    private readonly freshness: GraphFreshness,
    maxEntries: number,
    readonly name: string,
    readonly params: Params,
  ) {
    this.entries = new LRUCache({ max: maxEntries });
  }

  /** KeyedReadCache.readByKeys, for this query and these parameters. */
  async readByKeys<T extends KeyedRow>(db: QueryRunner, keysParam: string, keys: readonly string[]): Promise<T[]> {
    const found = new Map<string, Promise<KeyedRow[]>>();
    const missing: string[] = [];
    const unique = [...new Set(keys)];
    for (const key of unique) {
      const entry = this.entries.get(key);
      if (entry && this.freshness.isFresh(entry.stamp)) found.set(key, entry.rows);
      else missing.push(key);
    }
    if (missing.length > 0) {
      const stamp = this.freshness.stamp();
      // The rows of the one read, split by key once.
      const byKey = db.readByKeys<T>(this.name, this.params, keysParam, missing).then((all) => groupByKey(all));
      for (const key of missing) {
        const entry: Entry = { stamp, rows: byKey.then((groups) => (entry.settled = groups.get(key) ?? [])) };
        found.set(key, entry.rows);
        if (this.freshness.keeps) this.keep(key, entry);
      }
    }
    const grouped = await Promise.all(unique.map((key) => found.get(key)!));
    return grouped.flat() as T[];
  }

  /**
   * The rows of one key, when they are kept, fresh and already read; undefined otherwise. No
   * promise: a resolver that finds its value here returns it as it is, and graphql-js completes
   * the field at once (src/common/loaders.ts, LoaderRegistry.load).
   */
  peek<T extends KeyedRow>(key: string): T[] | undefined {
    const entry = this.entries.get(key);
    return entry?.settled && this.freshness.isFresh(entry.stamp) ? (entry.settled as T[]) : undefined;
  }

  private keep(key: string, entry: Entry): void {
    this.entries.set(key, entry);
    // A failed read is not kept: the next request tries again.
    entry.rows.catch(() => {
      if (this.entries.peek(key) === entry) this.entries.delete(key);
    });
  }
}

/** Name look-ups (`names/resolve`, `person/by-name`) of the whole process. */
export const nameLookups = new KeyedReadCache();

/**
 * Entities by id (people, offices, organisations, places, topics, rank contexts) and tenures of
 * the whole process: their loaders read through it (src/common/loaders.ts, `keptLoader`). Tenures
 * are facts, but the tenure a participant acted in is listed with every meeting they attended, so
 * a page of meetings asks again for the tenures the last one did. Other facts (meetings,
 * statements…) are not kept: there are many more of them, and few are asked for twice.
 */
export const entityReads = new KeyedReadCache();
