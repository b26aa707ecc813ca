import type { QueryName } from './query-catalog';

type Params = Record<string, unknown>;
export type KeyedRow = { key: string };

/** What the batcher runs a merged read with (Database.read). */
export type ReadFn = <T>(query: QueryName, params: Params) => Promise<T[]>;

/** The most keys one merged read carries; the loaders' DataLoader batches are capped at the same size. */
export const MAX_KEYS_PER_READ = 1000;

interface Waiter {
  keys: readonly string[];
  resolve(rows: KeyedRow[]): void;
  reject(error: unknown): void;
}

interface Batch {
  query: QueryName;
  params: Params;
  keysParam: string;
  keys: Set<string>;
  waiters: Waiter[];
}

/**
 * Merges the keyed reads of concurrent requests into one round trip.
 *
 * A DataLoader batches the keys of one request; under load, sixteen requests at the same level of
 * their documents still send sixteen statements that differ only in their keys. Each round trip
 * costs the service a socket write and the driver's bookkeeping (a third of its CPU under the
 * benchmark's W1, docs/benchmark.md) and Neo4j a statement of its own. So a keyed read (a named
 * query that takes a list of keys and returns rows carrying a `key`) waits until the event loop's
 * check phase (setImmediate): by then every request whose data arrived in the same turn has asked
 * for its keys, and the reads of the same query with the same other parameters go out as one
 * statement over the union of their keys. Each caller gets the rows of its own keys, in row order,
 * exactly as if it had sent the statement alone, which is what a keyed query guarantees (its rows
 * for one key do not depend on the other keys). A failure reaches every caller of the batch.
 *
 * Nothing is cached: the merge only shares a round trip between reads that are in flight at the
 * same moment, so no answer is older than it would have been. The rows do not depend on who asks
 * (authorization is decided before any resolver runs), so callers of different requests may share.
 */
export class KeyedReadBatcher {
  private readonly pending = new Map<string, Batch>();
  private scheduled = false;

  constructor(private readonly read: ReadFn) {}

  readByKeys<T extends KeyedRow>(query: QueryName, params: Params, keysParam: string, keys: readonly string[]): Promise<T[]> {
    if (keys.length === 0) return Promise.resolve([]);
    const slot = JSON.stringify([query, keysParam, params]);
    let batch = this.pending.get(slot);
    if (batch && batch.keys.size + keys.length > MAX_KEYS_PER_READ) {
      // Full: it goes out now, and this read starts the next one.
      this.pending.delete(slot);
      this.send(batch);
      batch = undefined;
    }
    if (!batch) {
      batch = { query, params, keysParam, keys: new Set(), waiters: [] };
      this.pending.set(slot, batch);
    }
    for (const key of keys) batch.keys.add(key);
    const joined = batch;
    const answer = new Promise<KeyedRow[]>((resolve, reject) => joined.waiters.push({ keys, resolve, reject }));
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
    return answer as Promise<T[]>;
  }

  private flush(): void {
    this.scheduled = false;
    const batches = [...this.pending.values()];
    this.pending.clear();
    for (const batch of batches) this.send(batch);
  }

  private send(batch: Batch): void {
    this.read<KeyedRow>(batch.query, { ...batch.params, [batch.keysParam]: [...batch.keys] }).then(
      (rows) => {
        if (batch.waiters.length === 1) return batch.waiters[0].resolve(rows);
        const byKey = groupByKey(rows);
        for (const waiter of batch.waiters) waiter.resolve(rowsOf(waiter.keys, byKey, rows));
      },
      (error: unknown) => {
        for (const waiter of batch.waiters) waiter.reject(error);
      },
    );
  }
}

/** Rows (or what `valueOf` takes from each) by their key, in row order within a key. */
export function groupByKey<R extends KeyedRow, V = R>(rows: readonly R[], valueOf: (row: R) => V = (row) => row as unknown as V): Map<string, V[]> {
  const byKey = new Map<string, V[]>();
  for (const row of rows) {
    const list = byKey.get(row.key);
    if (list) list.push(valueOf(row));
    else byKey.set(row.key, [valueOf(row)]);
  }
  return byKey;
}

/** The rows of `keys`, in the order the merged read returned them. */
function rowsOf(keys: readonly string[], byKey: Map<string, KeyedRow[]>, rows: KeyedRow[]): KeyedRow[] {
  if (keys.length === 1) return byKey.get(keys[0]) ?? [];
  const wanted = new Set(keys);
  return rows.filter((row) => wanted.has(row.key));
}
