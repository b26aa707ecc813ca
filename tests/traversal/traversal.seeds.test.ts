/**
 * shortestPath and egoNetwork on the seed articles: Blinken's meetings in Beijing (2023-06-18/19),
 * Jakarta (2023-07-13), Washington (2023-10-26/27) and Filoli (2023-11-15), the rank claims
 * Xi > Wang > Qin, the invitation to Qin fulfilled by Wang.
 */
import { importText } from '../../src/ingest/importer';
import { EDGE_TYPE_ENDS } from '../../src/traversal/traversal.repository';
import { dataOf, useSeededServer } from '../support/seeded';

interface GraphNode {
  id: string;
  kind: string;
  label: string;
  date: string | null;
  depth?: number | null;
}
interface GraphEdge {
  id: string;
  kind: string;
  type: string;
  source: string;
  target: string;
  label: string;
  validFrom: string | null;
  validTo: string | null;
  evidence: { quote: string }[];
}
interface PathResult {
  length: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const PATH = 'length nodes { id kind label date } edges { id kind type source target label validFrom validTo evidence { quote } }';
const BLINKEN_QIN_QUOTE = 'On Sunday, Blinken spoke with Qin for seven and a half hours – much longer than planned.';

describe('shortestPath and egoNetwork on the seeds', () => {
  const server = useSeededServer();

  const shortest = (from: string, to: string, extra: { maxHops?: number; via?: string[] } = {}) =>
    server().gql<{ shortestPath: PathResult | null }>(
      `query($f: String!, $t: String!, $h: Int, $v: [EdgeKind!]) { shortestPath(from: $f, to: $t, maxHops: $h, via: $v) { ${PATH} } }`,
      { f: from, t: to, h: extra.maxHops ?? null, v: extra.via ?? null },
    );

  const ego = (name: string, args: { depth?: number; from?: string; to?: string; via?: string[] } = {}) =>
    server().gql<{ egoNetwork: { nodes: GraphNode[]; edges: GraphEdge[]; truncated: boolean } }>(
      `query($n: String!, $d: Int, $f: Date, $t: Date, $v: [EdgeKind!]) {
         egoNetwork(name: $n, depth: $d, from: $f, to: $t, via: $v) {
           truncated nodes { id kind label date depth } edges { id kind type source target label validFrom validTo evidence { quote } }
         }
       }`,
      { n: name, d: args.depth ?? null, f: args.from ?? null, t: args.to ?? null, v: args.via ?? null },
    );

  describe('shortestPath', () => {
    it('knows which labels each relationship type it walks can reach: every end in the seeded graph is one of them', async () => {
      // The search drops its label test when the types alone imply the labels (EDGE_TYPE_ENDS); a
      // relationship the importer starts writing between other labels must show up here.
      const rows = (await server().db.runAdministrative(
        'MATCH (a)-[r]->(b) WHERE type(r) IN $types UNWIND [a, b] AS n RETURN type(r) AS type, collect(DISTINCT labels(n)) AS labelSets',
        { types: Object.keys(EDGE_TYPE_ENDS) },
      )) as Array<{ type: string; labelSets: string[][] }>;
      // The seeds have every kind of fact, so every type is there to check.
      expect(rows.map((r) => r.type).sort()).toEqual(Object.keys(EDGE_TYPE_ENDS).sort());
      for (const { type, labelSets } of rows) {
        for (const labels of labelSets) expect({ type, labels, known: labels.some((l) => EDGE_TYPE_ENDS[type].includes(l)) }).toEqual({ type, labels, known: true });
      }
    });

    it('Blinken → Qin Gang is one meeting hop: the Sunday meeting, with its evidence on both edges', async () => {
      const path = dataOf(await shortest('Blinken', 'Qin Gang')).shortestPath!;
      expect(path.length).toBe(1);
      expect(path.nodes.map((n) => [n.id, n.kind])).toEqual([
        ['antony-blinken', 'PERSON'],
        ['meeting-blinken-qin-2023-06-18', 'MEETING'],
        ['qin-gang', 'PERSON'],
      ]);
      expect(path.nodes[1].date).toBe('2023-06-18');
      expect(path.edges.map((e) => [e.type, e.kind, e.source, e.target])).toEqual([
        ['PARTICIPATED_IN', 'MEETING', 'antony-blinken', 'meeting-blinken-qin-2023-06-18'],
        ['PARTICIPATED_IN', 'MEETING', 'qin-gang', 'meeting-blinken-qin-2023-06-18'],
      ]);
      for (const edge of path.edges) expect(edge.evidence.map((e) => e.quote)).toContain(BLINKEN_QIN_QUOTE);
      expect(path.edges[0].label).toBe('guest: US secretary of state');
    });

    it('via restricts the kinds: over RANK only, Xi → Qin is two RANKS_ABOVE hops through Wang Yi, each with its claim evidence', async () => {
      const path = dataOf(await shortest('Xi Jinping', 'Qin Gang', { via: ['RANK'] })).shortestPath!;
      expect(path.length).toBe(2);
      expect(path.nodes.map((n) => n.id)).toEqual(['xi-jinping', 'wang-yi', 'qin-gang']);
      expect(path.edges.map((e) => [e.id, e.kind, e.validFrom, e.validTo])).toEqual([
        ['RANKS_ABOVE:rank-xi-jinping-above-wang-yi', 'RANK', '2023-06-19', null],
        ['RANKS_ABOVE:rank-wang-yi-above-qin-gang', 'RANK', '2023-06-19', '2023-07-25'],
      ]);
      expect(path.edges[1].evidence[0].quote).toMatch(/ranks above Foreign Minister Qin Gang/);
    });

    it('over OFFICE only, Wang Yi and Qin Gang are one hop apart: both held the foreign-minister post', async () => {
      const path = dataOf(await shortest('Wang Yi', 'Qin Gang', { via: ['OFFICE'] })).shortestPath!;
      expect(path.length).toBe(1);
      expect(path.nodes.map((n) => n.kind)).toEqual(['PERSON', 'TENURE', 'POSITION', 'TENURE', 'PERSON']);
      expect(path.nodes[2].id).toBe('prc-minister-of-foreign-affairs');
      expect(path.edges.every((e) => e.kind === 'OFFICE' && e.evidence.length > 0)).toBe(true);
    });

    it('is null when the allowed kinds do not connect the two within maxHops', async () => {
      expect(dataOf(await shortest('Blinken', 'Qin Gang', { via: ['RANK'] })).shortestPath).toBeNull();
      // Rudenko met only Qin; Biden is three meeting hops away (Rudenko–Qin–Blinken–Biden).
      expect(dataOf(await shortest('Rudenko', 'Joe Biden', { via: ['MEETING'], maxHops: 2 })).shortestPath).toBeNull();
      expect(dataOf(await shortest('Rudenko', 'Joe Biden', { via: ['MEETING'], maxHops: 3 })).shortestPath!.length).toBe(3);
    });

    it('the same person at both ends is a path of length 0', async () => {
      const path = dataOf(await shortest('Blinken', 'antony-blinken')).shortestPath!;
      expect(path).toMatchObject({ length: 0, nodes: [{ id: 'antony-blinken', kind: 'PERSON', label: 'Antony Blinken' }], edges: [] });
    });

    it('maxHops above the cap of 6 is LIMIT_EXCEEDED; below 1 is BAD_USER_INPUT', async () => {
      const over = await shortest('Blinken', 'Qin Gang', { maxHops: 7 });
      expect(over.errors?.[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', what: 'maxHops', max: 6, value: 7 });
      expect((await shortest('Blinken', 'Qin Gang', { maxHops: 0 })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('an unknown name is NOT_FOUND', async () => {
      const r = await shortest('Nobody Atall', 'Qin Gang');
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'from' });
    });
  });

  describe('egoNetwork', () => {
    it('Blinken at depth 1: Xi, Wang, Qin (and Biden) with the meetings that connect them, each edge with evidence', async () => {
      const net = dataOf(await ego('Blinken')).egoNetwork;
      expect(net.truncated).toBe(false);
      const people = net.nodes.filter((n) => n.kind === 'PERSON').map((n) => n.id);
      expect(people).toEqual(expect.arrayContaining(['antony-blinken', 'xi-jinping', 'wang-yi', 'qin-gang', 'joe-biden']));
      expect(people).not.toContain('andrey-rudenko'); // two hops away (Blinken–Qin–Rudenko)
      expect(net.nodes.find((n) => n.id === 'antony-blinken')!.depth).toBe(0);
      expect(net.nodes.find((n) => n.id === 'qin-gang')!.depth).toBe(1);
      const meetings = net.nodes.filter((n) => n.kind === 'MEETING').map((n) => n.id);
      expect(meetings).toEqual(
        expect.arrayContaining(['meeting-blinken-qin-2023-06-18', 'meeting-blinken-xi-2023-06-19', 'meeting-blinken-wang-yi-2023-06-19', 'meeting-blinken-wang-yi-2023-07-13']),
      );
      // The invitation Blinken extended to Qin, fulfilled by Wang; the rank edges among the people.
      expect(net.nodes.find((n) => n.id === 'invitation-blinken-qin-washington-2023-06-18')?.kind).toBe('INVITATION');
      expect(net.edges.map((e) => e.id)).toEqual(expect.arrayContaining(['RANKS_ABOVE:rank-wang-yi-above-qin-gang', 'RANKS_ABOVE:rank-xi-jinping-above-wang-yi']));
      // Offices are attached: Blinken's tenure as Secretary of State.
      expect(net.edges.find((e) => e.type === 'HELD' && e.source === 'antony-blinken')?.target).toBe('tenure-antony-blinken-secretary-of-state');
      // Every edge that rests on a fact carries its evidence; every edge joins two nodes of the network.
      const ids = new Set(net.nodes.map((n) => n.id));
      for (const e of net.edges) {
        expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
        expect(e.evidence.length).toBeGreaterThan(0);
      }
    });

    it('from/to narrows it to the facts of the period: Beijing, 18–19 June 2023', async () => {
      const net = dataOf(await ego('Blinken', { from: '2023-06-18', to: '2023-06-19' })).egoNetwork;
      const people = net.nodes.filter((n) => n.kind === 'PERSON').map((n) => n.id).sort();
      expect(people).toEqual(['antony-blinken', 'qin-gang', 'wang-yi', 'xi-jinping']);
      const meetings = net.nodes.filter((n) => n.kind === 'MEETING').map((n) => n.id).sort();
      expect(meetings).toEqual(['meeting-blinken-qin-2023-06-18', 'meeting-blinken-wang-yi-2023-06-19', 'meeting-blinken-xi-2023-06-19']);
      // Rank edges overlapping the period: Wang above Qin holds from 2023-06-19; Xi above Wang too.
      expect(net.edges.filter((e) => e.type === 'RANKS_ABOVE').map((e) => e.id).sort()).toEqual([
        'RANKS_ABOVE:rank-wang-yi-above-qin-gang',
        'RANKS_ABOVE:rank-xi-jinping-above-wang-yi',
      ]);
      // In November only the Filoli summit (and the rank claim Xi > Wang, still open) remains.
      const nov = dataOf(await ego('Blinken', { from: '2023-11-01', to: '2023-11-30', via: ['MEETING'] })).egoNetwork;
      expect(nov.nodes.filter((n) => n.kind === 'MEETING').map((n) => n.id)).toEqual(['meeting-biden-xi-2023-11-15']);
    });

    it('depth 2 reaches Rudenko through Qin', async () => {
      const net = dataOf(await ego('Blinken', { depth: 2, via: ['MEETING'] })).egoNetwork;
      expect(net.nodes.find((n) => n.id === 'andrey-rudenko')).toMatchObject({ kind: 'PERSON', depth: 2 });
    });

    it('costs one round trip per level, one for the drawing and one for all the evidence, however many nodes', async () => {
      const queries: string[] = [];
      const off = server().db.onQuery((e) => queries.push(e.name));
      dataOf(await ego('Blinken', { depth: 2 }));
      off();
      expect(queries.filter((q) => q.startsWith('traversal/'))).toEqual(['traversal/ego-expand', 'traversal/ego-expand', 'traversal/ego-assemble']);
      expect(queries.filter((q) => q === 'source/evidence-by-fact')).toHaveLength(1);
    });

    it('depth above the cap of 3 is LIMIT_EXCEEDED; from after to is BAD_USER_INPUT', async () => {
      expect((await ego('Blinken', { depth: 4 })).errors?.[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', what: 'depth', max: 3 });
      expect((await ego('Blinken', { from: '2023-07-01', to: '2023-06-01' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  // Last: it adds a person to the graph.
  it('an ambiguous name is AMBIGUOUS_NAME with the candidates, in shortestPath and egoNetwork alike', async () => {
    await importText(
      server().db,
      [
        'format: diplograph/facts@1',
        'document: { id: test-second-wang, title: Another Wang, publisher: dw, publishedAt: "2024-01-01", text: "Wang Huning chaired the session." }',
        'people: [{ id: wang-huning, name: Wang Huning, aliases: [Wang] }]',
      ].join('\n'),
      { filename: 'second-wang.yaml', by: 'test' },
    );
    const r = await shortest('Wang', 'Qin Gang');
    expect(r.errors?.[0].extensions?.code).toBe('AMBIGUOUS_NAME');
    const candidates = (r.errors?.[0].extensions?.candidates as { id: string }[]).map((c) => c.id).sort();
    expect(candidates).toEqual(['wang-huning', 'wang-yi']);
    expect((await ego('Wang')).errors?.[0].extensions?.code).toBe('AMBIGUOUS_NAME');
    // The full name still resolves.
    expect(dataOf(await shortest('Wang Yi', 'Qin Gang', { via: ['RANK'] })).shortestPath!.length).toBe(1);
  });
});
