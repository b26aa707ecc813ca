import DataLoader from 'dataloader';
import type { QueryRunner } from '../neo4j/database';
import { groupByKey, MAX_KEYS_PER_READ } from '../neo4j/keyed-read-batcher';
import { entityReads, type KeptScope, type KeyedReadCache } from '../neo4j/keyed-read-cache';
import type { MaybePromise } from './maybe-promise';

/**
 * Builds one kind of DataLoader. `args` are the non-key arguments the batch query also needs
 * (a date, a range); the registry keeps one loader per distinct `args` within a request.
 */
export type LoaderFactory<K, V, A = void> = (db: QueryRunner, args: A) => DataLoader<K, V>;

/**
 * A loader factory whose values may also be known at once: `peek` gives the value of a key the
 * process keeps fresh (src/neo4j/keyed-read-cache.ts), undefined when it must be read.
 */
export interface KeptLoaderFactory<V> extends LoaderFactory<string, V | null> {
  peek(key: string): V | null | undefined;
}

export class LoaderRegistry {
  private readonly loaders = new Map<unknown, Map<string, DataLoader<unknown, unknown>>>();
  /** Values primed into the argument-less loaders, by factory and key: `load` answers them at once. */
  private readonly primed = new Map<unknown, Map<unknown, unknown>>();

  constructor(private readonly db: QueryRunner) {}

  /**
   * The value of `key`: at once when a query brought it along (primed) or the process keeps it
   * (a kept loader's `peek`), else through the loader. A value known at once lets graphql-js
   * complete the field without waiting on a promise: a page of 20 meetings with their
   * participants, tenures and offices resolves some 250 such fields, and a promise for each cost
   * the service more than reading them had (docs/benchmark.md, session 10).
   * Of a list of parents, those known at once resolve before those read: the fields below them are
   * then read in two batches, one per wave, however long the list.
   */
  load<K, V>(factory: LoaderFactory<K, V>, key: K): MaybePromise<V> {
    const known = this.primed.get(factory);
    if (known?.has(key)) return known.get(key) as V;
    const kept = (factory as Partial<KeptLoaderFactory<V>>).peek?.(key as string);
    if (kept !== undefined) return kept as V;
    return this.get(factory).load(key);
  }

  /** Primes the loader with a value a query brought along (a value already there is kept, as DataLoader keeps it). */
  prime<K, V>(factory: LoaderFactory<K, V>, key: K, value: V): void {
    let known = this.primed.get(factory);
    if (!known) this.primed.set(factory, (known = new Map()));
    if (!known.has(key)) known.set(key, value);
    this.get(factory).prime(key, value);
  }

  get<K, V, A = void>(factory: LoaderFactory<K, V, A>, args?: A): DataLoader<K, V> {
    let byArgs = this.loaders.get(factory);
    if (!byArgs) {
      byArgs = new Map();
      this.loaders.set(factory, byArgs);
    }
    const argsKey = JSON.stringify(args ?? null);
    let loader = byArgs.get(argsKey);
    if (!loader) {
      loader = factory(this.db, args as A) as DataLoader<unknown, unknown>;
      byArgs.set(argsKey, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/**
 * A loader that fetches many keys with one named query (a keyed read: the Database may merge it
 * with other requests' reads of the same query, see src/neo4j/keyed-read-batcher.ts). The query
 * takes `$keys` (or the parameter `keysParam` names) plus `params` and returns rows
 * `{ key, value }`; values are grouped per key, in row order (a key with no rows gets an empty
 * list), each made what the loader gives by `from` (a row of a fact's fields, say, into its class).
 */
export function groupedLoader<V, R = V>(
  db: QueryRunner,
  query: string,
  params: object = {},
  keysParam = 'keys',
  from: (value: R) => V = (value) => value as unknown as V,
): DataLoader<string, V[]> {
  return new DataLoader<string, V[]>(
    async (keys) => {
      const rows = await db.readByKeys<{ key: string; value: R }>(query, params as Record<string, unknown>, keysParam, keys);
      const byKey = groupByKey(rows, (row) => from(row.value));
      return keys.map((k) => byKey.get(k) ?? []);
    },
    { maxBatchSize: MAX_KEYS_PER_READ },
  );
}

/** How a singleLoader reads: the query's other parameters, the process cache it reads through, and what each value is made. */
export interface SingleLoaderOptions<V, R> {
  params?: object;
  /** The cache of the process the rows are read through (src/neo4j/keyed-read-cache.ts): a key read by an earlier request costs no round trip while it is fresh. */
  kept?: KeyedReadCache;
  from?: (value: R) => V;
}

/** A loader for one value per key (a row `{ key, value }` per key found; missing keys give null). */
export function singleLoader<V, R = V>(db: QueryRunner, query: string, options: SingleLoaderOptions<V, R> = {}): DataLoader<string, V | null> {
  const { params = {}, kept, from = (value: R) => value as unknown as V } = options;
  return new DataLoader<string, V | null>(
    async (keys) => {
      type Row = { key: string; value: R };
      const rows = kept
        ? await kept.readByKeys<Row>(db, query, params as Record<string, unknown>, 'keys', keys)
        : await db.readByKeys<Row>(query, params as Record<string, unknown>, 'keys', keys);
      const byKey = new Map(rows.map((r) => [r.key, from(r.value)]));
      return keys.map((k) => byKey.get(k) ?? null);
    },
    { maxBatchSize: MAX_KEYS_PER_READ },
  );
}

/**
 * The factory of a loader for one value per key read through `kept` (by default the process's
 * entities and tenures, entityReads), whose `peek` answers the keys kept fresh with no promise.
 */
export function keptLoader<V>(query: string, kept: KeyedReadCache = entityReads): KeptLoaderFactory<V> {
  const factory = (db: QueryRunner) => singleLoader<V>(db, query, { kept });
  // Looked up on first use, not when the module loads: a scope sets aside room for all its keys
  // (about 1 MB), and a process may never ask for some kinds (places, topics).
  let scope: KeptScope | undefined;
  return Object.assign(factory, {
    peek(key: string): V | null | undefined {
      const rows = (scope ??= kept.scope(query, {})).peek<{ key: string; value: V }>(key);
      return rows && (rows.length > 0 ? rows[0].value : null);
    },
  });
}
