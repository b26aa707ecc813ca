/**
 * Rank answers come from a snapshot of the rank graph kept in the process
 * (src/rank/rank-graph.cache.ts). Here the snapshot may live for an hour, so a write can only show
 * because the code that wrote it dropped the snapshot: each test asks, writes through the API
 * (import, correction, retraction, merge), asks again and must see the change.
 */
import { hashToken } from '../../src/server/auth';
import { seedGraph, startTestServer, type TestServer } from '../support/harness';
import { dataOf } from '../support/seeded';

jest.setTimeout(180_000);

const EDITOR = 'editor-token-for-rank-cache-tests';

let server: TestServer;

beforeAll(async () => {
  // A TTL of an hour, longer than this file runs: only invalidation can make a write show.
  server = await startTestServer({ API_TOKENS: `curator:editor:${hashToken(EDITOR)}`, CACHE_TTL_MS: String(60 * 60 * 1000) });
}, 180_000);

// Seeding imports through the importer, which drops the snapshot: each test starts from the seeds.
beforeEach(async () => {
  await seedGraph(server.db);
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

interface Step {
  person: { id: string };
  hops: number;
  basis: string;
  context: { id: string; name: string };
}

/** Who outranks Qin Gang on a day, as [id, hops, basis], and the rank round trips it cost. */
async function outrankedBy(asOf: string): Promise<{ steps: Array<[string, number, string]>; rankReads: number; contextReads: number }> {
  const queries: string[] = [];
  const off = server.db.onQuery((e) => queries.push(e.name));
  try {
    const data = dataOf(
      await server.gql<{ person: { outrankedBy: Step[] } }>(
        'query($d: Date) { person(name: "Qin Gang") { outrankedBy(asOf: $d) { person { id } hops basis context { id name } } } }',
        { d: asOf },
      ),
    );
    return {
      steps: data.person.outrankedBy.map((s) => [s.person.id, s.hops, s.basis]),
      rankReads: queries.filter((q) => q === 'rank/graph').length,
      contextReads: queries.filter((q) => q === 'rank/contexts-by-ids').length,
    };
  } finally {
    off();
  }
}

const edit = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => dataOf(await server.gql<T>(query, variables, { token: EDITOR }));

const SEEDED: Array<[string, number, string]> = [
  ['wang-yi', 1, 'STATED'],
  ['xi-jinping', 2, 'DERIVED'],
];

it('answers repeated rank questions from the snapshot: one read of the rank graph, then none, whatever the day', async () => {
  const first = await outrankedBy('2023-07-01');
  expect(first.steps).toEqual(SEEDED);
  // The contexts come with the same snapshot: `context { id name }` costs no round trip.
  expect(first).toMatchObject({ rankReads: 1, contextReads: 0 });
  const again = await outrankedBy('2023-07-01');
  expect(again).toEqual({ steps: SEEDED, rankReads: 0, contextReads: 0 });
  expect(await outrankedBy('2023-07-25')).toEqual({ steps: [], rankReads: 0, contextReads: 0 });
});

it('an import that adds a rank claim shows at once', async () => {
  expect((await outrankedBy('2023-07-01')).steps).toEqual(SEEDED);
  const text = `format: diplograph/facts@1
document:
  id: test-rank-cache-claim
  title: A test claim
  publisher: diplograph-editors
  publishedAt: "2023-07-02"
  text: |-
    Joe Biden ranks above Qin Gang in Beijing's power hierarchy, a test source says.
rankClaims:
  - id: rank-test-joe-biden-above-qin-gang
    superior: joe-biden
    inferior: qin-gang
    context: prc-party-state
    date: "2023-07-01"
    basis: [tenure-qin-gang-foreign-minister]
    evidence:
      - quote: Joe Biden ranks above Qin Gang in Beijing's power hierarchy
`;
  const imported = await edit<{ importFacts: { created: number } }>('mutation($t: String!) { importFacts(text: $t, filename: "claim.yaml") { created } }', { t: text });
  expect(imported.importFacts.created).toBeGreaterThan(0);
  const after = await outrankedBy('2023-07-01');
  expect(after.steps).toEqual([['joe-biden', 1, 'STATED'], ...SEEDED]);
  expect(after.rankReads).toBe(1);
});

it('retracting a rank claim shows at once', async () => {
  expect((await outrankedBy('2023-07-01')).steps).toEqual(SEEDED);
  await edit('mutation { retractFact(id: "rank-wang-yi-above-qin-gang", reason: "test") { id } }', {});
  // Xi outranked Qin only through Wang.
  expect((await outrankedBy('2023-07-01')).steps).toEqual([]);
});

it("correcting a tenure's end shows at once", async () => {
  expect((await outrankedBy('2023-07-15')).steps).toEqual(SEEDED);
  await edit('mutation { correctFact(id: "tenure-qin-gang-foreign-minister", field: "end", value: "2023-07-10", reason: "test") { id } }', {});
  expect((await outrankedBy('2023-07-15')).steps).toEqual([]);
  expect((await outrankedBy('2023-07-01')).steps).toEqual(SEEDED);
});

it('merging people shows at once', async () => {
  expect((await outrankedBy('2023-07-01')).steps).toEqual(SEEDED);
  await edit('mutation { mergePeople(keep: "joe-biden", merge: "wang-yi", reason: "test") { keep } }', {});
  expect((await outrankedBy('2023-07-01')).steps).toEqual([
    ['joe-biden', 1, 'STATED'],
    ['xi-jinping', 2, 'DERIVED'],
  ]);
});
