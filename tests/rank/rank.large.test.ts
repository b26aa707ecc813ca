/**
 * Rank on the generated graph (tests/support/graphs.ts): chains, the closure's depth cap, a
 * contradiction, a tie, precedence-derived rank, as-of on the days tenures start and end,
 * intervals that never overlap, and contexts that never mix.
 */
import { invalidateGraphCaches } from '../../src/neo4j/freshness';
import { importLargeGraph, LARGE, pid } from '../support/graphs';
import { resetGraph, startTestServer, type TestServer } from '../support/harness';
import { dataOf } from '../support/seeded';

jest.setTimeout(180_000);

interface Link {
  kind: string;
  superior: { id: string };
  inferior: { id: string };
  claim: { id: string } | null;
  superiorLevel: { level: number } | null;
  inferiorLevel: { level: number } | null;
  evidence: { quote: string }[];
}
interface Step {
  person: { id: string };
  hops: number;
  basis: string;
  validFrom: string | null;
  validTo: string | null;
  contradicted: boolean;
  context: { id: string };
  path: Link[];
}
interface Comparison {
  relation: string;
  basis: string | null;
  hops: number | null;
  validFrom: string | null;
  validTo: string | null;
  context: { id: string } | null;
  path: Link[];
  levels: { level: number; person: { id: string }; position: { id: string } }[];
  contradictions: { validFrom: string | null; validTo: string | null; context: { id: string }; aAboveB: Link[]; bAboveA: Link[] }[];
}

const LINK = 'kind superior { id } inferior { id } claim { id } superiorLevel { level } inferiorLevel { level } evidence { quote }';
const STEP = `person { id } hops basis validFrom validTo contradicted context { id } path { ${LINK} }`;

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await resetGraph(server.db);
  await importLargeGraph(server.db);
});

afterAll(async () => {
  await server?.stop();
});

const outranks = async (n: number, asOf: string | null = null, context: string | null = null) =>
  dataOf(
    await server.gql<{ person: { outranks: Step[] } }>(`query($n: String!, $d: Date, $c: String) { person(name: $n) { outranks(asOf: $d, context: $c) { ${STEP} } } }`, {
      n: pid(n),
      d: asOf,
      c: context,
    }),
  ).person.outranks;

const compare = async (a: number, b: number, asOf: string | null = null, context: string | null = null) =>
  dataOf(
    await server.gql<{ compareRank: Comparison }>(
      `query($a: String!, $b: String!, $d: Date, $c: String) {
         compareRank(a: $a, b: $b, asOf: $d, context: $c) {
           relation basis hops validFrom validTo context { id } path { ${LINK} }
           levels { level person { id } position { id } }
           contradictions { validFrom validTo context { id } aAboveB { ${LINK} } bAboveA { ${LINK} } }
         }
       }`,
      { a: pid(a), b: pid(b), d: asOf, c: context },
    ),
  ).compareRank;

describe('chains of claims', () => {
  it('follow a chain transitively, up to the 10-hop cap: official-201 reaches 202…211, not 212 or 213', async () => {
    const steps = await outranks(201, '2020-01-01');
    expect(steps.map((s) => s.person.id)).toEqual(LARGE.chain.slice(1, 11));
    expect(steps.map((s) => s.hops)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(steps[0].basis).toBe('STATED');
    expect(steps.slice(1).every((s) => s.basis === 'DERIVED' && s.context.id === LARGE.contexts.syldavia)).toBe(true);
    const last = steps[9];
    expect(last.path).toHaveLength(10);
    expect(last.path.map((l) => l.superior.id)).toEqual(LARGE.chain.slice(0, 10));
    expect(last.path.every((l) => l.kind === 'CLAIM' && l.evidence.length === 1)).toBe(true);
    expect(last).toMatchObject({ validFrom: '2016-01-01', validTo: null });
  });

  it('never chain claims whose intervals do not overlap (2014–2017 then 2020–): 230 outranks 231 but not 232', async () => {
    const all = await outranks(230);
    expect(all.map((s) => [s.person.id, s.validFrom, s.validTo])).toEqual([[pid(231), '2014-01-01', '2017-01-01']]);
    expect((await outranks(231)).map((s) => [s.person.id, s.validFrom, s.validTo])).toEqual([[pid(232), '2020-01-01', null]]);
    expect(await outranks(230, '2021-01-01')).toEqual([]);
    expect((await compare(230, 232)).relation).toBe('UNKNOWN');
  });

  it('never chain across contexts: 102 > 241 (Freedonia) and 241 > 242 (Syldavia) do not make 102 > 242', async () => {
    const steps = await outranks(102, '2020-01-01');
    const byPerson = new Map(steps.map((s) => [s.person.id, s]));
    expect(byPerson.get(pid(241))).toMatchObject({ hops: 1, basis: 'STATED', context: { id: LARGE.contexts.freedonia } });
    expect(byPerson.has(pid(242))).toBe(false);
    expect(steps.every((s) => s.context.id === LARGE.contexts.freedonia)).toBe(true);
    expect((await compare(102, 242, '2020-01-01')).relation).toBe('UNKNOWN');
    // 241's own closure: Syldavia only.
    expect((await outranks(241, '2020-01-01')).map((s) => [s.person.id, s.context.id])).toEqual([[pid(242), LARGE.contexts.syldavia]]);
  });
});

describe('contradictions', () => {
  it('220 above 221 and 221 above 220 in the same context: UNKNOWN, both chains reported', async () => {
    const c = await compare(220, 221, '2020-01-01');
    expect(c.relation).toBe('UNKNOWN');
    expect(c.path).toEqual([]);
    expect(c.contradictions).toHaveLength(1);
    const [k] = c.contradictions;
    expect(k.context.id).toBe(LARGE.contexts.syldavia);
    expect(k.aAboveB.map((l) => [l.superior.id, l.inferior.id, l.claim?.id])).toEqual([[pid(220), pid(221), `rank-${pid(220)}-above-${pid(221)}-syldavia-party`]]);
    expect(k.bAboveA.map((l) => [l.superior.id, l.inferior.id, l.claim?.id])).toEqual([[pid(221), pid(220), `rank-${pid(221)}-above-${pid(220)}-syldavia-party`]]);
    expect(k.aAboveB[0].evidence[0].quote).toMatch(/Official 220 ranks above Official 221/);
    expect(k.bAboveA[0].evidence[0].quote).toMatch(/Official 221 ranks above Official 220/);
  });

  it('the closure reports the contradicted step instead of looping on the cycle', async () => {
    const steps = await outranks(220);
    expect(steps.map((s) => [s.person.id, s.hops, s.contradicted])).toEqual([[pid(221), 1, true]]);
  });
});

describe('position precedence', () => {
  it('derives rank from levels: the President (1) is above the Premier (2), DERIVED, with the precedence and tenure evidence', async () => {
    const c = await compare(2, 3, '2022-06-01');
    expect(c).toMatchObject({ relation: 'ABOVE', basis: 'DERIVED', hops: 1, context: { id: LARGE.contexts.ruritania } });
    expect(c.path).toHaveLength(1);
    expect(c.path[0]).toMatchObject({ kind: 'PRECEDENCE', superior: { id: pid(2) }, inferior: { id: pid(3) }, claim: null, superiorLevel: { level: 1 }, inferiorLevel: { level: 2 } });
    const quotes = c.path[0].evidence.map((e) => e.quote);
    expect(quotes).toEqual(
      expect.arrayContaining([
        `In the ${LARGE.contexts.ruritania} order the post President of Ruritania stands at level 1.`,
        `In the ${LARGE.contexts.ruritania} order the post Premier of Ruritania stands at level 2.`,
        'Official 002 held the post ru-president from 2021-01-01.',
        'Official 003 held the post ru-premier from 2018-01-01.',
      ]),
    );
    expect((await compare(3, 2, '2022-06-01')).relation).toBe('BELOW');
  });

  it('a tie (the same level) is EQUAL: Premier and Vice-President, both level 2', async () => {
    const c = await compare(3, 4, '2020-06-01');
    expect(c.relation).toBe('EQUAL');
    expect(c.path).toEqual([]);
    expect(c.levels.map((l) => [l.person.id, l.level, l.position.id])).toEqual([
      [pid(3), 2, 'ru-premier'],
      [pid(4), 2, 'ru-vice-president'],
    ]);
  });

  it("a person's effective level is their best post that day: official-005 is a minister (3), then also Vice-President (2) from 2022", async () => {
    expect((await compare(3, 5, '2021-06-01')).relation).toBe('ABOVE');
    expect((await compare(3, 5, '2021-12-31')).relation).toBe('ABOVE');
    expect((await compare(3, 5, '2022-01-01')).relation).toBe('EQUAL');
  });

  it('as-of on the day a tenure starts and the day it ends (half-open): the presidency passes on 2021-01-01', async () => {
    expect((await compare(1, 3, '2020-12-31')).relation).toBe('ABOVE');
    expect((await compare(1, 3, '2021-01-01')).relation).toBe('UNKNOWN');
    expect((await compare(2, 3, '2020-12-31')).relation).toBe('UNKNOWN');
    expect((await compare(2, 3, '2021-01-01')).relation).toBe('ABOVE');
    // Envoys change on 2020-07-01: the outgoing envoy is under the President until the day before.
    const before = (await outranks(1, '2020-06-30', 'Ruritanian protocol')).map((s) => s.person.id);
    expect(before).toContain(pid(35));
    expect(before).not.toContain(pid(50));
    const after = (await outranks(2, '2021-01-01', 'Ruritanian protocol')).map((s) => s.person.id);
    expect(after).toContain(pid(50));
    expect(after).not.toContain(pid(35));
  });

  it('without asOf, precedence compares people over the time their tenures overlap', async () => {
    const c = await compare(1, 3);
    expect(c).toMatchObject({ relation: 'ABOVE', basis: 'DERIVED', validFrom: '2018-01-01', validTo: '2021-01-01' });
    // 001 (President until 2021-01-01) and 050 (envoy from 2020-07-01) served together for half a year.
    expect((await compare(1, 50)).validFrom).toBe('2020-07-01');
    // 001 left before 005 became Vice-President; while both served 005 was a minister (level 3).
    expect(await compare(1, 5)).toMatchObject({ relation: 'ABOVE', validFrom: '2019-01-01', validTo: '2021-01-01' });
  });

  it('precedence and claims chain inside one context: President > deputy official-015 (precedence) > official-280 (claim)', async () => {
    const steps = await outranks(2, '2023-01-01', LARGE.contexts.ruritania);
    const s280 = steps.find((s) => s.person.id === pid(280))!;
    expect(s280).toMatchObject({ hops: 2, basis: 'DERIVED' });
    expect(s280.path.map((l) => [l.kind, l.superior.id, l.inferior.id])).toEqual([
      ['PRECEDENCE', pid(2), pid(15)],
      ['CLAIM', pid(15), pid(280)],
    ]);
    // Everyone with a Ruritanian post on that day ranks below the President, plus 280 through the claim.
    const expected = [3, 5, ...range(6, 14), ...range(15, 34), ...range(50, 79), 280].map(pid).sort();
    expect(steps.map((s) => s.person.id).sort()).toEqual(expected);
  });
});

describe('batching and limits', () => {
  it('outranks of twelve people in one request is one rank query (MAX_ALIASES is 15)', async () => {
    // As in a process that has not read the rank graph yet (the earlier tests filled its cache).
    invalidateGraphCaches();
    const queries: string[] = [];
    const off = server.db.onQuery((e) => queries.push(e.name));
    const fields = range(1, 12)
      .map((n) => `p${n}: person(name: "${pid(n)}") { outranks(asOf: "2022-06-01") { person { id } hops } }`)
      .join('\n');
    const data = dataOf(await server.gql<Record<string, { outranks: { person: { id: string } }[] }>>(`{ ${fields} }`));
    off();
    expect(queries.filter((q) => q === 'rank/graph')).toHaveLength(1);
    expect(data.p2.outranks.length).toBeGreaterThan(50);
    expect(data.p1.outranks).toEqual([]);
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
