/**
 * The rank cache (src/rank/rank-graph.cache.ts) and the in-memory narrowing it relies on
 * (claimHolds and holdingHolds in src/rank/rank.engine.ts):
 * - the rows narrowed in memory are exactly the rows `rank/graph` returned when it narrowed them
 *   in Cypher, on the seeds and the generated graph, for every date where anything changes, and a
 *   graph built from the snapshot's shared index answers as one built from those rows alone, and
 *   works out a context's precedence segments only for a walk that needs them;
 * - when a snapshot is read again (TTL, bookmarks, invalidation, a failed read), that graphs are
 *   built per view from it, and that concurrent requests share one read;
 * - against Neo4j, that a write made outside the service shows once a read's bookmark reveals it.
 */
import { ConfigError, loadConfig } from '../../src/config';
import type { QueryRunner } from '../../src/neo4j/database';
import { RankGraphCache } from '../../src/rank/rank-graph.cache';
import { claimHolds, holdingHolds, RankGraph, type RankGraphRows, RankIndex, stepsOf } from '../../src/rank/rank.engine';
import { importLargeGraph } from '../support/graphs';
import { openTestDatabase, seedGraph } from '../support/harness';

jest.setTimeout(180_000);

/** The rows of every context and date narrowed to one asOf and context by the engine's rule. */
const narrowRows = (rows: RankGraphRows, asOf: string | null, contextId: string | null): RankGraphRows => ({
  claims: rows.claims.filter((c) => claimHolds(c, asOf, contextId)),
  holdings: rows.holdings.filter((h) => holdingHolds(h, asOf, contextId)),
});

/**
 * The oracle: `rank/graph` as it was before the cache, narrowing to `$asOf` and `$contextId` in the
 * database. Kept here, verbatim but for its comments, so that the in-memory narrowing is checked
 * against what the service answered before, not against a second reading of the rule.
 */
const NARROWED_IN_CYPHER = `
CALL () {
  MATCH (s:Person)-[r:RANKS_ABOVE]->(i:Person)
  WHERE ($contextId IS NULL OR r.contextId = $contextId)
    AND ($asOf IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= date($asOf)) AND (r.validTo IS NULL OR date($asOf) < r.validTo)))
  MATCH (c:Fact {id: r.claimId})
  WHERE c:RankClaim AND NOT c:Retracted
  OPTIONAL MATCH (c)-[:RESTS_ON]->(t:Tenure)
  WITH r, s, i, c, collect(t.id) AS basis
  ORDER BY c.id
  RETURN collect({id: c.id, contextId: r.contextId, superiorId: s.id, inferiorId: i.id, date: c.date,
                  validFrom: r.validFrom, validTo: r.validTo, basis: basis}) AS claims
}
CALL () {
  MATCH (prec:Precedence)-[:IN_CONTEXT]->(ctx:RankContext)
  WHERE NOT prec:Retracted AND ($contextId IS NULL OR ctx.id = $contextId)
  MATCH (prec)-[:OF_POSITION]->(pos:Position)<-[:OF_POSITION]-(t:Tenure)<-[:HELD]-(p:Person)
  WHERE NOT t:Retracted
  WITH prec, ctx, pos, t, p,
       CASE WHEN prec.validFrom IS NULL OR t.start > prec.validFrom THEN t.start ELSE prec.validFrom END AS from,
       CASE WHEN prec.validTo IS NULL THEN t.end
            WHEN t.end IS NULL OR prec.validTo < t.end THEN prec.validTo
            ELSE t.end END AS to
  WHERE (to IS NULL OR from < to)
    AND ($asOf IS NULL OR (from <= date($asOf) AND (to IS NULL OR date($asOf) < to)))
  WITH prec, ctx, pos, t, p, from, to
  ORDER BY prec.id, t.id
  RETURN collect({precedenceId: prec.id, contextId: ctx.id, level: prec.level, positionId: pos.id,
                  precedenceFrom: prec.validFrom, precedenceTo: prec.validTo,
                  tenureId: t.id, personId: p.id, from: from, to: to}) AS holdings
}
RETURN claims, holdings`;

const dayBefore = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

describe('narrowing in memory', () => {
  it('gives exactly the rows rank/graph narrowed in Cypher, in the same order, for every date where anything changes and every context', async () => {
    const db = await openTestDatabase();
    try {
      await seedGraph(db);
      await importLargeGraph(db);
      const [row] = await db.read<RankGraphRows>('rank/graph');
      const all: RankGraphRows = { claims: row.claims, holdings: row.holdings };
      expect(all.claims.length).toBeGreaterThan(10);
      expect(all.holdings.length).toBeGreaterThan(100);

      // Every bound of every row, and the day before it: the days on which the answer changes.
      const bounds = new Set<string>();
      for (const c of all.claims) for (const d of [c.validFrom, c.validTo]) if (d) bounds.add(d);
      for (const h of all.holdings) for (const d of [h.from, h.to]) if (d) bounds.add(d);
      const days = [...bounds].flatMap((d) => [d, dayBefore(d)]);
      const dates = [null, '1900-01-01', '2100-01-01', ...new Set(days)].sort();
      const contexts = [null, 'no-such-context', ...new Set([...all.claims, ...all.holdings].map((r) => r.contextId))];
      expect(contexts.length).toBeGreaterThanOrEqual(5);

      // One index shared by every view, as in a snapshot: its memoized segments must not leak between days.
      const index = new RankIndex(all);
      const people = [...new Set([...all.claims.flatMap((c) => [c.superiorId, c.inferiorId]), ...all.holdings.map((h) => h.personId)])].sort().slice(0, 40);
      const answers = (graph: RankGraph) => people.map((id) => [...stepsOf(graph.closure(id, null), 'UP'), ...stepsOf(graph.closure(id, null), 'DOWN')]);
      let compared = 0;
      for (const contextId of contexts) {
        for (const asOf of dates) {
          const [oracle] = await db.runAdministrative(NARROWED_IN_CYPHER, { asOf, contextId });
          const narrowed = narrowRows(all, asOf, contextId);
          expect({ asOf, contextId, ...narrowed }).toEqual({ asOf, contextId, ...(oracle as unknown as RankGraphRows) });
          // The view built from the shared index answers as one built from the narrowed rows alone.
          expect(answers(new RankGraph(index, asOf, contextId))).toEqual(answers(new RankGraph(new RankIndex(narrowed), asOf, contextId)));
          compared += 1;
        }
      }
      expect(compared).toBeGreaterThan(100);
    } finally {
      await db.close();
    }
  });
});

describe('views of one index', () => {
  it("works out a context's precedence segments only for a walk that reaches someone holding a level in it", () => {
    // In one context: claims a > b > c among people who hold no position with a level, and two
    // holders of levels 1 and 2, to whom no claim leads.
    const claim = (id: string, superiorId: string, inferiorId: string) => ({ id, contextId: 'ctx', superiorId, inferiorId, date: null, validFrom: null, validTo: null, basis: [] });
    const holding = (personId: string, level: number) => ({
      precedenceId: `prec-${level}`, contextId: 'ctx', level, positionId: `pos-${level}`, precedenceFrom: null, precedenceTo: null,
      tenureId: `tenure-${personId}`, personId, from: '2020-01-01', to: null,
    });
    const index = new RankIndex({ claims: [claim('c1', 'a', 'b'), claim('c2', 'b', 'c')], holdings: [holding('h1', 1), holding('h2', 2)] });
    const worked = jest.spyOn(index, 'segmentsOf');

    const walked = new RankGraph(index, '2023-06-19', null).closure('c', null);
    expect([...walked.up.get('ctx')!.keys()]).toEqual(['b', 'a']);
    expect(worked).not.toHaveBeenCalled();

    const ranked = new RankGraph(index, '2023-06-19', null).closure('h2', null);
    expect([...ranked.up.get('ctx')!.keys()]).toEqual(['h1']);
    expect(worked).toHaveBeenCalledTimes(2);
  });
});

describe('RankGraphCache', () => {
  const ROWS = {
    claims: [
      { id: 'c1', contextId: 'ctx', superiorId: 'a', inferiorId: 'b', date: '2020-01-01', validFrom: '2020-01-01', validTo: '2021-01-01', basis: [] },
      { id: 'c2', contextId: 'other', superiorId: 'b', inferiorId: 'c', date: '2020-01-01', validFrom: null, validTo: null, basis: [] },
    ],
    holdings: [],
    contexts: [
      { id: 'ctx', name: 'A context', aliases: [] },
      { id: 'other', name: 'Another context', aliases: ['the other'] },
    ],
  };

  /** A QueryRunner that answers `rank/graph` with ROWS (or fails when told) and counts the reads. */
  function fakeDb() {
    const state = { reads: 0, fail: false, gate: null as Promise<void> | null };
    const db: QueryRunner = {
      async read<T>(name: string) {
        expect(name).toBe('rank/graph');
        state.reads += 1;
        if (state.gate) await state.gate;
        if (state.fail) throw new Error('the database is down');
        return [ROWS] as T[];
      },
      write: () => Promise.reject(new Error('the rank cache never writes')),
      readByKeys: () => Promise.reject(new Error('the rank cache reads the whole graph')),
    };
    return { db, state };
  }

  function clock() {
    const c = { ms: 1_000, now: () => c.ms };
    return c;
  }

  it('reads once per TTL, whatever the dates and contexts asked, and narrows each in memory', async () => {
    const { db, state } = fakeDb();
    const time = clock();
    const cache = new RankGraphCache({ ttlMs: 1000, now: time.now });
    const full = await cache.view(db, null, null);
    expect(full.graph.contextIds).toEqual(['ctx', 'other']);
    expect(full.contexts.get('other')).toEqual({ id: 'other', name: 'Another context', aliases: ['the other'] });
    expect((await cache.view(db, '2020-06-01', 'ctx')).graph.contextIds).toEqual(['ctx']);
    // c1 does not hold on 2021-01-01 (half-open); c2 has no bounds.
    expect((await cache.view(db, '2021-01-01', null)).graph.contextIds).toEqual(['other']);
    time.ms += 999;
    await cache.view(db, '2019-01-01', null);
    expect(state.reads).toBe(1);
    time.ms += 1;
    await cache.view(db, '2019-01-01', null);
    expect(state.reads).toBe(2);
  });

  it('reads again after invalidate(), and a read started before it is not served after it', async () => {
    const { db, state } = fakeDb();
    const cache = new RankGraphCache({ ttlMs: 60_000, now: clock().now });
    await cache.view(db, null, null);
    cache.freshness.invalidate();
    await cache.view(db, null, null);
    expect(state.reads).toBe(2);

    // A read still under way when a write ends is not the snapshot the next request gets.
    cache.freshness.invalidate();
    let open!: () => void;
    state.gate = new Promise((resolve) => (open = resolve));
    const before = cache.view(db, null, null);
    cache.freshness.invalidate();
    const after = cache.view(db, null, null);
    open();
    await Promise.all([before, after]);
    expect(state.reads).toBe(4);
    await cache.view(db, null, null);
    expect(state.reads).toBe(4);
  });

  it('shares one read between concurrent requests', async () => {
    const { db, state } = fakeDb();
    const cache = new RankGraphCache({ ttlMs: 60_000, now: clock().now });
    let open!: () => void;
    state.gate = new Promise((resolve) => (open = resolve));
    const views = [cache.view(db, null, null), cache.view(db, '2020-01-01', null), cache.view(db, null, 'ctx')];
    open();
    await Promise.all(views);
    expect(state.reads).toBe(1);
  });

  it('past its TTL, keeps a snapshot while recent reads report the bookmark it was read at', async () => {
    const { db, state } = fakeDb();
    const time = clock();
    const cache = new RankGraphCache({ ttlMs: 1000, now: time.now });
    // A read before the snapshot's: the snapshot is at least as new as bookmark b1.
    cache.freshness.observe({ bookmark: 'b1', readStartedAt: time.ms });
    await cache.view(db, null, null);
    time.ms += 5_000;
    // Nothing committed since: a read begun just now still reports b1.
    cache.freshness.observe({ bookmark: 'b1', readStartedAt: time.ms - 10 });
    await cache.view(db, '2020-06-01', null);
    expect(state.reads).toBe(1);
    // The last such read is now older than the TTL: it no longer vouches for the graph.
    time.ms += 1_000;
    await cache.view(db, null, null);
    expect(state.reads).toBe(2);
  });

  it('reads again past its TTL once a read reports a newer commit, and never serves older than the TTL', async () => {
    const { db, state } = fakeDb();
    const time = clock();
    const cache = new RankGraphCache({ ttlMs: 1000, now: time.now });
    cache.freshness.observe({ bookmark: 'b1', readStartedAt: time.ms });
    await cache.view(db, null, null);
    // A commit made elsewhere shows in the next read's bookmark; within the TTL the snapshot still serves.
    cache.freshness.observe({ bookmark: 'b2', readStartedAt: time.ms + 100 });
    time.ms += 500;
    await cache.view(db, null, null);
    expect(state.reads).toBe(1);
    time.ms += 500;
    await cache.view(db, null, null);
    expect(state.reads).toBe(2);
    // A read that began earlier but finished later does not put the older bookmark back.
    cache.freshness.observe({ bookmark: 'b1', readStartedAt: time.ms - 900 });
    cache.freshness.observe({ bookmark: 'b2', readStartedAt: time.ms + 10 });
    time.ms += 2_000;
    cache.freshness.observe({ bookmark: 'b2', readStartedAt: time.ms - 1 });
    cache.freshness.observe({ bookmark: 'b1', readStartedAt: time.ms - 500 });
    await cache.view(db, null, null);
    expect(state.reads).toBe(2);
  });

  it('without any bookmark seen, serves a snapshot for one TTL only', async () => {
    const { db, state } = fakeDb();
    const time = clock();
    const cache = new RankGraphCache({ ttlMs: 1000, now: time.now });
    await cache.view(db, null, null);
    cache.freshness.observe({ bookmark: 'b1', readStartedAt: time.ms + 999 });
    time.ms += 1_000;
    // The snapshot was read before any bookmark was known: nothing vouches for it.
    await cache.view(db, null, null);
    expect(state.reads).toBe(2);
  });

  it('with a TTL of 0, reads on every request', async () => {
    const { db, state } = fakeDb();
    const cache = new RankGraphCache({ ttlMs: 0, now: clock().now });
    await cache.view(db, null, null);
    await cache.view(db, null, null);
    expect(state.reads).toBe(2);
  });

  it('does not keep a failed read', async () => {
    const { db, state } = fakeDb();
    const cache = new RankGraphCache({ ttlMs: 60_000, now: clock().now });
    state.fail = true;
    await expect(cache.view(db, null, null)).rejects.toThrow('the database is down');
    state.fail = false;
    await expect(cache.view(db, null, null)).resolves.toBeDefined();
    expect(state.reads).toBe(2);
  });

  it('builds each view afresh from the one snapshot: a graph is not kept past its request', async () => {
    const { db, state } = fakeDb();
    const cache = new RankGraphCache({ ttlMs: 60_000, now: clock().now });
    const first = await cache.view(db, '2020-01-01', null);
    const again = await cache.view(db, '2020-01-01', null);
    expect(again.graph).not.toBe(first.graph);
    expect(again.contexts).toBe(first.contexts);
    expect(state.reads).toBe(1);
  });
});

describe('CACHE_TTL_MS', () => {
  it('defaults to one second, accepts 0 (no cache), treats an empty value as unset', () => {
    expect(loadConfig({}).CACHE_TTL_MS).toBe(1000);
    expect(loadConfig({ CACHE_TTL_MS: '' }).CACHE_TTL_MS).toBe(1000);
    expect(loadConfig({ CACHE_TTL_MS: '0' }).CACHE_TTL_MS).toBe(0);
    expect(loadConfig({ CACHE_TTL_MS: '250' }).CACHE_TTL_MS).toBe(250);
  });

  it.each([
    ['-1', /CACHE_TTL_MS: CACHE_TTL_MS must not be negative/],
    ['soon', /CACHE_TTL_MS: CACHE_TTL_MS must be a whole number/],
    ['1.5', /CACHE_TTL_MS: CACHE_TTL_MS must be a whole number/],
  ])('refuses %s at start-up, naming the variable', (value, message) => {
    expect(() => loadConfig({ CACHE_TTL_MS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ CACHE_TTL_MS: value })).toThrow(message);
  });
});

describe('RankGraphCache against Neo4j: commits made elsewhere', () => {
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  /** A rank cache with a 300 ms TTL over the seeded test database, following its bookmarks; its rank/graph reads counted. */
  async function watchedCache() {
    const db = await openTestDatabase();
    const cache = new RankGraphCache({ ttlMs: 300 });
    const stopWatching = cache.freshness.watch(db);
    const counted = { rankReads: 0 };
    const stopCounting = db.onQuery((e) => (counted.rankReads += e.name === 'rank/graph' ? 1 : 0));
    await seedGraph(db);
    const close = async () => {
      stopCounting();
      stopWatching();
      await seedGraph(db);
      await db.close();
    };
    return { db, cache, counted, close };
  }

  it('keeps its snapshot past the TTL while nothing is committed, and reads again once a console write shows in a bookmark', async () => {
    const { db, cache, counted, close } = await watchedCache();
    const anyRead = () => db.read('person/by-name', { keys: ['wang yi'] });
    // How Qin Gang is outranked: Wang Yi by a stated claim in the seeds.
    const bases = async () => stepsOf((await cache.view(db, null, null)).graph.closure('qin-gang', null), 'UP').map((s) => `${s.personId}:${s.basis}`);
    try {
      await anyRead();
      const before = await bases();
      expect(before).toContain('wang-yi:STATED');
      expect(counted.rankReads).toBe(1);
      // Past the TTL, with a read that reports the same commit: no second read of the rank graph.
      await pause(400);
      await anyRead();
      expect(await bases()).toEqual(before);
      expect(counted.rankReads).toBe(1);

      // A write that does not go through the service (no invalidation): every claim retracted.
      await db.runAdministrative('MATCH (c:RankClaim) SET c:Retracted');
      await pause(400);
      await anyRead();
      // The read's bookmark is past the snapshot's: the graph is read again, without the claims.
      const after = await bases();
      expect(counted.rankReads).toBe(2);
      expect(after).not.toContain('wang-yi:STATED');
    } finally {
      await close();
    }
  });

  it('with no read of its own, keeps its snapshot on the heartbeat\'s bookmarks, and reads again once a commit made elsewhere shows in one', async () => {
    const { db, cache, counted, close } = await watchedCache();
    try {
      await pause(200); // a heartbeat (every half TTL) has reported where the database stands
      await cache.view(db, null, null);
      expect(counted.rankReads).toBe(1);
      // Three TTLs with no read but the heartbeat's: nothing committed, the snapshot is still served.
      await pause(900);
      await cache.view(db, null, null);
      expect(counted.rankReads).toBe(1);

      // A write that does not go through the service: the next heartbeat reports a newer commit.
      await db.runAdministrative('MATCH (c:RankClaim) SET c:Retracted');
      await pause(400);
      await cache.view(db, null, null);
      expect(counted.rankReads).toBe(2);
    } finally {
      await close();
    }
  });
});
