/**
 * shortestPath and egoNetwork on the generated graph (tests/support/graphs.ts): 300 people,
 * 2,500 meetings, an isolated line of meetings official-281 – … – 300, offices in three states.
 */
import { importLargeGraph, pid } from '../support/graphs';
import { resetGraph, startTestServer, type TestServer } from '../support/harness';
import { dataOf } from '../support/seeded';

jest.setTimeout(180_000);

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await resetGraph(server.db);
  await importLargeGraph(server.db);
});

afterAll(async () => {
  await server?.stop();
});

interface PathResult {
  length: number;
  nodes: { id: string; kind: string }[];
  edges: { kind: string; evidence: { quote: string }[] }[];
}

const shortest = (from: number, to: number, maxHops: number | null = null, via: string[] | null = null) =>
  server.gql<{ shortestPath: PathResult | null }>(
    'query($f: String!, $t: String!, $h: Int, $v: [EdgeKind!]) { shortestPath(from: $f, to: $t, maxHops: $h, via: $v) { length nodes { id kind } edges { kind evidence { quote } } } }',
    { f: pid(from), t: pid(to), h: maxHops, v: via },
  );

const ego = (n: number, depth: number | null, from: string | null = null, to: string | null = null, via: string[] | null = null) =>
  server.gql<{ egoNetwork: { truncated: boolean; nodes: { id: string; kind: string; date: string | null; depth: number | null }[]; edges: { source: string; target: string }[] } }>(
    'query($n: String!, $d: Int, $f: Date, $t: Date, $v: [EdgeKind!]) { egoNetwork(name: $n, depth: $d, from: $f, to: $t, via: $v) { truncated nodes { id kind date depth } edges { source target } } }',
    { n: pid(n), d: depth, f: from, t: to, v: via },
  );

describe('shortestPath on the large graph', () => {
  it('follows the line of meetings: 281 → 287 is 6 meeting hops, 281 → 288 is beyond the cap', async () => {
    const path = dataOf(await shortest(281, 287, 6, ['MEETING'])).shortestPath!;
    expect(path.length).toBe(6);
    expect(path.nodes.filter((n) => n.kind === 'PERSON').map((n) => n.id)).toEqual([281, 282, 283, 284, 285, 286, 287].map(pid));
    expect(path.edges.every((e) => e.kind === 'MEETING' && e.evidence.length === 1)).toBe(true);
    expect(dataOf(await shortest(281, 288, 6, ['MEETING'])).shortestPath).toBeNull();
    expect(dataOf(await shortest(281, 285)).shortestPath!.length).toBe(4); // default maxHops 4
    expect(dataOf(await shortest(281, 286)).shortestPath).toBeNull();
    expect(dataOf(await shortest(281, 286, 5)).shortestPath!.length).toBe(5);
  });

  it('finds a path between people of the dense component, and null when no path fits', async () => {
    const path = dataOf(await shortest(10, 250)).shortestPath!;
    expect(path.length).toBeGreaterThanOrEqual(1);
    expect(path.length).toBeLessThanOrEqual(4);
    // No meeting path from the line into the dense component, whatever the bound.
    expect(dataOf(await shortest(281, 10, 6, ['MEETING'])).shortestPath).toBeNull();
    // Between two people who did not meet, with a bound of one hop: the search is a breadth-first
    // walk, not an enumeration of paths, so this stays fast however dense the graph.
    expect(dataOf(await shortest(10, 250, 1, ['MEETING'])).shortestPath?.length ?? 1).toBe(1);
  });

  it('maxHops above 6 is LIMIT_EXCEEDED', async () => {
    expect((await shortest(281, 300, 7)).errors?.[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', max: 6 });
  });
});

describe('egoNetwork on the large graph', () => {
  it('depth 1 is the people met and the meetings, each meeting within from/to', async () => {
    const net = dataOf(await ego(1, 1, '2019-01-01', '2019-12-31', ['MEETING'])).egoNetwork;
    expect(net.truncated).toBe(false);
    const meetings = net.nodes.filter((n) => n.kind === 'MEETING');
    expect(meetings.length).toBeGreaterThan(0);
    expect(meetings.every((m) => m.date! >= '2019-01-01' && m.date! <= '2019-12-31')).toBe(true);
    expect(net.nodes.filter((n) => n.kind === 'PERSON').every((p) => p.depth! <= 1)).toBe(true);
  });

  it('depth 3 over the whole graph is cut at 2,000 nodes, nearest first, and says so', async () => {
    const net = dataOf(await ego(1, 3)).egoNetwork;
    expect(net.truncated).toBe(true);
    expect(net.nodes).toHaveLength(2000);
    const depths = net.nodes.map((n) => n.depth ?? 0);
    expect(depths).toEqual([...depths].sort((a, b) => a - b));
    const ids = new Set(net.nodes.map((n) => n.id));
    expect(net.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
  });

  it('depth above 3 is LIMIT_EXCEEDED', async () => {
    expect((await ego(1, 4)).errors?.[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', what: 'depth', max: 3 });
  });
});
