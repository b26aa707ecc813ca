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

  describe('one kind whose hop goes through a fact is searched hop by hop, and finds what the relationship walk finds', () => {
    // The relationship-by-relationship walk over every type of the kind, testing every node's
    // label: the general statement with nothing folded away, as the reference.
    const KINDS: Record<string, { types: string[]; labels: string[] }> = {
      MEETING: { types: ['PARTICIPATED_IN'], labels: ['Meeting'] },
      TRIP: { types: ['TRAVELLED', 'DURING'], labels: ['Trip'] },
      INVITATION: { types: ['INVITER', 'INVITEE', 'FULFILLED_BY', 'MADE_AT'], labels: ['Invitation'] },
      STATEMENT: { types: ['SPOKEN_BY', 'AT'], labels: ['Statement'] },
    };
    const random = (() => {
      let state = 20231;
      return (n: number) => {
        state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
        return state % n;
      };
    })();
    const meetingPairs: Array<[number, number, number]> = [
      ...Array.from({ length: 40 }, (): [number, number, number] => [1 + random(270), 1 + random(270), 1 + random(4)]),
      [281, 287, 6],
      [281, 288, 6],
      [281, 10, 6],
    ];
    const cases: Array<[string, number, number, number]> = [
      ...meetingPairs.filter(([a, b]) => a !== b).map(([a, b, hops]): [string, number, number, number] => ['MEETING', a, b, hops]),
      ['TRIP', 1, 3, 4],
      ['TRIP', 1, 101, 4],
      ['INVITATION', 1, 101, 4],
      ['INVITATION', 101, 3, 4],
      ['STATEMENT', 2, 1, 4],
    ];

    const nodeIds = (rows: Array<{ nodes: Array<{ id: string }> }>) => (rows[0] ? rows[0].nodes.map((n) => n.id) : null);

    it.each(cases)('%s %i → %i within %i hops', async (kind, from, to, maxHops) => {
      const seen: string[] = [];
      const stop = server.db.onQuery((event) => seen.push(event.name));
      const answer = await shortest(from, to, maxHops, [kind]).finally(stop);
      expect(seen).toContain('traversal/shortest-path-through-facts');

      const { types, labels } = KINDS[kind];
      const params = { fromId: pid(from), toId: pid(to), labels, maxHops, preference: Object.fromEntries(types.map((t) => [t, 0])), candidates: 25 };
      const walk = await server.db.read<{ nodes: Array<{ id: string }> }>(
        { name: 'traversal/shortest-path', literals: { types, labelsImplied: 0, maxRelationships: 2 * maxHops } },
        params,
      );
      const path = dataOf(answer).shortestPath;
      expect(path ? path.nodes.map((n) => n.id) : null).toEqual(nodeIds(walk));
    });

    it('mixed kinds, or a kind whose hop is not through one fact, take the relationship walk', async () => {
      for (const via of [['MEETING', 'TRIP'], ['RANK'], ['OFFICE']]) {
        const seen: string[] = [];
        const stop = server.db.onQuery((event) => seen.push(event.name));
        dataOf(await shortest(1, 3, 2, via).finally(stop));
        expect(seen).toContain('traversal/shortest-path');
        expect(seen).not.toContain('traversal/shortest-path-through-facts');
      }
    });
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
