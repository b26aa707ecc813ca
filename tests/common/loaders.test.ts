/**
 * LoaderRegistry.load (src/common/loaders.ts): a value known at once comes back as it is, not as a
 * promise, whether a query brought it along (primed) or the process keeps it (a kept loader); any
 * other is read through the request's loader, keys batched into one read.
 */
import { keptLoader, LoaderRegistry } from '../../src/common/loaders';
import type { QueryRunner } from '../../src/neo4j/database';
import { GraphFreshness } from '../../src/neo4j/freshness';
import { KeyedReadCache } from '../../src/neo4j/keyed-read-cache';

/** A runner that answers `key → { id: key }` for every key but `nobody`, recording the keys of each read. */
function fakeDb() {
  const asked: string[][] = [];
  const db: QueryRunner = {
    read: () => Promise.reject(new Error('not a keyed read')),
    write: () => Promise.reject(new Error('loaders never write')),
    async readByKeys<T>(_name: unknown, _params: unknown, _keysParam: string, keys: readonly string[]) {
      asked.push([...keys]);
      return keys.filter((key) => key !== 'nobody').map((key) => ({ key, value: { id: key } })) as T[];
    },
  };
  return { db, asked };
}

describe('LoaderRegistry.load', () => {
  const setUp = () => {
    const kept = new KeyedReadCache(new GraphFreshness({ ttlMs: 60_000 }));
    const byId = keptLoader<{ id: string }>('person/by-ids', kept);
    const { db, asked } = fakeDb();
    return { byId, db, asked, request: () => new LoaderRegistry(db) };
  };

  it('reads what is not kept through the loader, the keys of one tick in one read', async () => {
    const { byId, asked, request } = setUp();
    const loaders = request();
    const a = loaders.load(byId, 'a');
    const b = loaders.load(byId, 'b');
    expect(a).toBeInstanceOf(Promise);
    expect(await Promise.all([a, b])).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(asked).toEqual([['a', 'b']]);
  });

  it('answers a key the process keeps at once, in a later request, with no read', async () => {
    const { byId, asked, request } = setUp();
    await request().load(byId, 'a');
    await request().load(byId, 'nobody');
    const later = request();
    expect(later.load(byId, 'a')).toEqual({ id: 'a' });
    expect(later.load(byId, 'nobody')).toBeNull();
    expect(asked).toEqual([['a'], ['nobody']]);
  });

  it('answers a primed key at once, before anything kept', async () => {
    const { byId, asked, request } = setUp();
    await request().load(byId, 'a');
    const loaders = request();
    loaders.prime(byId, 'a', { id: 'a', primed: true } as { id: string });
    expect(loaders.load(byId, 'a')).toEqual({ id: 'a', primed: true });
    expect(asked).toEqual([['a']]);
  });
});
