/**
 * Keyed reads kept between requests (src/neo4j/keyed-read-cache.ts), under the freshness rule of
 * src/neo4j/freshness.ts: served while fresh, only the missing keys read, nothing read before an
 * invalidation served after it, nothing kept past a TTL without a bookmark vouching for it, a
 * failed read not kept, nothing kept with a TTL of 0. Then through the service: a kept name
 * look-up or entity costs no round trip, and what an import adds is found at once.
 */
import { importText } from '../../src/ingest/importer';
import type { QueryRunner } from '../../src/neo4j/database';
import { GraphFreshness, invalidateGraphCaches } from '../../src/neo4j/freshness';
import { KeyedReadCache } from '../../src/neo4j/keyed-read-cache';
import { seedGraph, startTestServer, type TestServer } from '../support/harness';
import { dataOf } from '../support/seeded';

interface Row {
  key: string;
  value: string;
}

/** A runner that answers `key → key:version` (two rows for `twice`), counting the keys it was asked for. */
function fakeDb() {
  const state = { asked: [] as string[][], version: 1, fail: false };
  const db: QueryRunner = {
    read: () => Promise.reject(new Error('not a keyed read')),
    write: () => Promise.reject(new Error('the cache never writes')),
    async readByKeys<T>(_name: unknown, _params: unknown, keysParam: string, keys: readonly string[]) {
      expect(keysParam).toBe('keys');
      state.asked.push([...keys]);
      if (state.fail) throw new Error('the database is down');
      const rows = keys.flatMap((key) => (key === 'twice' ? [`${key}:a`, `${key}:b`] : [`${key}:${state.version}`]).map((value) => ({ key, value })));
      // The query's own order: not the order asked.
      return rows.reverse() as T[];
    },
  };
  return { db, state };
}

function setUp(ttlMs = 1000, maxEntries?: number) {
  const time = { ms: 1_000 };
  const freshness = new GraphFreshness({ ttlMs, now: () => time.ms });
  const cache = new KeyedReadCache(freshness, maxEntries);
  const { db, state } = fakeDb();
  const read = (...keys: string[]) => cache.readByKeys<Row>(db, 'names/resolve', { label: 'Person' }, 'keys', keys).then((rows) => rows.map((r) => r.value));
  return { time, freshness, cache, db, state, read };
}

describe('KeyedReadCache', () => {
  it('reads only the keys it does not keep, and answers grouped by key in the order asked', async () => {
    const { state, read } = setUp();
    expect(await read('a', 'b')).toEqual(['a:1', 'b:1']);
    expect(await read('b', 'twice', 'a')).toEqual(['b:1', 'twice:b', 'twice:a', 'a:1']);
    expect(state.asked).toEqual([['a', 'b'], ['twice']]);
  });

  it('keeps rows per query and parameters', async () => {
    const { cache, db, state } = setUp();
    await cache.readByKeys(db, 'names/resolve', { label: 'Person' }, 'keys', ['a']);
    await cache.readByKeys(db, 'names/resolve', { label: 'Place' }, 'keys', ['a']);
    await cache.readByKeys(db, 'person/by-name', {}, 'keys', ['a']);
    expect(state.asked).toHaveLength(3);
  });

  it('serves nothing read before an invalidation after it, even a read still under way', async () => {
    const { freshness, state, read } = setUp();
    await read('a');
    state.version = 2;
    freshness.invalidate();
    expect(await read('a')).toEqual(['a:2']);
    const pending = read('b');
    freshness.invalidate();
    await pending;
    await read('b');
    expect(state.asked).toEqual([['a'], ['a'], ['b'], ['b']]);
  });

  it('past the TTL, keeps rows only while a recent read reports the bookmark seen before they were read', async () => {
    const { time, freshness, state, read } = setUp(1000);
    freshness.observe({ bookmark: 'b1', readStartedAt: time.ms });
    await read('a');
    time.ms += 1500;
    freshness.observe({ bookmark: 'b1', readStartedAt: time.ms - 10 });
    await read('a');
    expect(state.asked).toHaveLength(1);
    // A commit shows in a bookmark: read again.
    freshness.observe({ bookmark: 'b2', readStartedAt: time.ms });
    state.version = 2;
    expect(await read('a')).toEqual(['a:2']);
    // Nothing vouches for the new rows once a TTL has passed with no read.
    time.ms += 1000;
    await read('a');
    expect(state.asked).toHaveLength(3);
  });

  it('does not keep a failed read', async () => {
    const { state, read } = setUp();
    state.fail = true;
    await expect(read('a')).rejects.toThrow('the database is down');
    state.fail = false;
    expect(await read('a')).toEqual(['a:1']);
    expect(state.asked).toHaveLength(2);
  });

  it('keeps nothing with a TTL of 0', async () => {
    const { state, read } = setUp(0);
    await read('a');
    await read('a');
    expect(state.asked).toHaveLength(2);
  });

  it('keeps the most recently used keys, up to its size', async () => {
    const { state, read } = setUp(1000, 2);
    await read('a');
    await read('b');
    await read('a'); // a is now the most recently used
    await read('c'); // evicts b
    await read('a');
    await read('b');
    expect(state.asked).toEqual([['a'], ['b'], ['c'], ['b']]);
  });
});

describe('KeyedReadCache.scope(…).peek', () => {
  const peekOf = (cache: KeyedReadCache, key: string) => cache.scope('names/resolve', { label: 'Person' }).peek<Row>(key)?.map((r) => r.value);

  it('gives the rows of a key kept fresh at once, and nothing before its read has answered', async () => {
    const { cache, read } = setUp();
    const pending = read('a');
    expect(peekOf(cache, 'a')).toBeUndefined();
    await pending;
    expect(peekOf(cache, 'a')).toEqual(['a:1']);
    expect(peekOf(cache, 'b')).toBeUndefined();
  });

  it('gives an empty list for a key read and found nothing (kept as nothing, not as unknown)', async () => {
    const { cache, db } = setUp();
    const empty: QueryRunner = { ...db, readByKeys: async () => [] };
    await cache.readByKeys(empty, 'names/resolve', { label: 'Person' }, 'keys', ['nobody']);
    expect(peekOf(cache, 'nobody')).toEqual([]);
  });

  it('gives nothing once the rows are stale, invalidated, or their read failed', async () => {
    const { time, freshness, cache, state, read } = setUp(1000);
    await read('a');
    time.ms += 1500;
    expect(peekOf(cache, 'a')).toBeUndefined();
    await read('b');
    freshness.invalidate();
    expect(peekOf(cache, 'b')).toBeUndefined();
    state.fail = true;
    await expect(read('c')).rejects.toThrow('the database is down');
    expect(peekOf(cache, 'c')).toBeUndefined();
  });

  it('keeps each query apart: one kind of row does not evict another', async () => {
    const { cache, db, state } = setUp(1000, 2);
    await cache.readByKeys(db, 'person/by-ids', {}, 'keys', ['p1', 'p2']);
    await cache.readByKeys(db, 'office/tenures-by-ids', {}, 'keys', ['t1', 't2']);
    await cache.readByKeys(db, 'person/by-ids', {}, 'keys', ['p1', 'p2']);
    expect(state.asked).toEqual([['p1', 'p2'], ['t1', 't2']]);
  });
});

describe('kept reads through the service', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await seedGraph(server.db);
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
  });

  /** Imports one new person through the service's importer: a write through this process. */
  const importPerson = (id: string, name: string) =>
    importText(
      server.db,
      [
        'format: diplograph/facts@1',
        `document: { id: ${id}-source, title: Cache test, publisher: dw, publishedAt: "2024-01-01", text: "${name} was there." }`,
        `people: [{ id: ${id}, name: ${name}, aliases: [] }]`,
      ].join('\n'),
      { filename: `${id}.yaml`, by: 'test' },
    );

  it('keep a look-up, so that asking again costs no round trip, and find a name an import adds at once', async () => {
    const ask = async (name: string) => dataOf(await server.gql<{ person: { id: string } | null }>('query($n: String!) { person(name: $n) { id } }', { n: name })).person;
    expect(await ask('Blinken')).toEqual({ id: 'antony-blinken' });
    expect(await ask('Aaron Aardvark')).toBeNull();
    let lookups = 0;
    const stop = server.db.onQuery((e) => (lookups += e.name === 'person/by-name' ? 1 : 0));
    try {
      expect(await ask('blinken')).toEqual({ id: 'antony-blinken' });
      expect(await ask('Aaron Aardvark')).toBeNull();
      expect(lookups).toBe(0);

      await importPerson('aaron-aardvark', 'Aaron Aardvark');
      expect(await ask('Aaron Aardvark')).toEqual({ id: 'aaron-aardvark' });
      expect(lookups).toBe(1);
    } finally {
      stop();
    }
  });
  it('keep an entity read by id, so that reaching it again costs no round trip, and find one an import adds at once', async () => {
    // `_entities` (a federation router's look-up) reads people by id through their loader.
    const reach = async (id: string) =>
      dataOf(
        await server.gql<{ _entities: Array<{ id: string; name: string } | null> }>(
          'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id name } } }',
          { r: [{ __typename: 'Person', id }] },
        ),
      )._entities[0];
    expect(await reach('wang-yi')).toEqual({ id: 'wang-yi', name: 'Wang Yi' });
    expect(await reach('bertha-badger')).toBeNull();
    let reads = 0;
    const stop = server.db.onQuery((e) => (reads += e.name === 'person/by-ids' ? 1 : 0));
    try {
      expect(await reach('wang-yi')).toEqual({ id: 'wang-yi', name: 'Wang Yi' });
      expect(await reach('bertha-badger')).toBeNull();
      expect(reads).toBe(0);

      await importPerson('bertha-badger', 'Bertha Badger');
      expect(await reach('bertha-badger')).toEqual({ id: 'bertha-badger', name: 'Bertha Badger' });
      expect(reads).toBe(1);
    } finally {
      stop();
    }
  });

  describe("a page of meetings' participants", () => {
    const PAGE = `{ person(name: "Blinken") { meetings { nodes { id participants { role person { id name } tenure { id start position { id title } } } } } } }`;
    /** The statements a document sends, and its data. */
    const run = async (query: string) => {
      const sent: string[] = [];
      const stop = server.db.onQuery((e) => sent.push(e.name));
      try {
        return { sent, data: dataOf(await server.gql(query)) };
      } finally {
        stop();
      }
    };

    it('keep the people, tenures and offices listed, so that listing them again costs only the page', async () => {
      const first = await run(PAGE);
      expect(first.sent).toContain('meeting/pages-with-participants-by-participant');
      const again = await run(PAGE);
      expect(again.sent).toEqual(['meeting/pages-with-participants-by-participant']);
      expect(again.data).toEqual(first.data);
      expect(JSON.stringify(again.data)).toContain('"tenure":{"id":"tenure-wang-yi-director-cfac","start":"2023-06-19"');
    });

    it("give no tenure for a participation that names someone else's", async () => {
      const TENURE = `{ meeting(id: "meeting-blinken-wang-yi-2023-06-19") { participants { person { id } tenure { id } } } }`;
      const tenureOf = async (person: string) =>
        (dataOf(await server.gql<{ meeting: { participants: Array<{ person: { id: string }; tenure: { id: string } | null }> } }>(TENURE)).meeting.participants.find(
          (p) => p.person.id === person,
        ) ?? { tenure: 'absent' }).tenure;
      const retarget = (tenureId: string) =>
        server.db.runAdministrative(
          "MATCH (:Person {id: 'antony-blinken'})-[r:PARTICIPATED_IN]->(:Meeting {id: 'meeting-blinken-wang-yi-2023-06-19'}) SET r.tenureId = $tenureId",
          { tenureId },
        );
      expect(await tenureOf('antony-blinken')).toEqual({ id: 'tenure-antony-blinken-secretary-of-state' });
      // Written behind the service's back: the caches are told, as a write through it would tell them.
      await retarget('tenure-wang-yi-director-cfac');
      invalidateGraphCaches();
      try {
        expect(await tenureOf('antony-blinken')).toBeNull();
      } finally {
        await retarget('tenure-antony-blinken-secretary-of-state');
        invalidateGraphCaches();
      }
      expect(await tenureOf('antony-blinken')).toEqual({ id: 'tenure-antony-blinken-secretary-of-state' });
    });
  });
});
