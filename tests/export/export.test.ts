import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { Command } from 'commander';
import { registerExportCommand } from '../../src/cli/export.command';
import { prepareExport, writeExport } from '../../src/export/write';
import { parseExportQuery } from '../../src/export/query';
import { importText } from '../../src/ingest/importer';
import { logger, resetGraph, startTestServer, testConfig, type TestServer } from '../support/harness';
import { TINY_NETWORK } from '../network/fixtures';
import { type Graphml, parseCsv, parseGraphml } from './parsers';

/**
 * Every format parsed back, on the tiny network of tests/network/fixtures.ts: five people, five
 * meetings, one office held by two people in turn, one rank claim. Counted by hand:
 *   nodes: 5 people + 5 meetings + 1 position = 11
 *   edges: 11 participations (2+2+2+2+3) + 2 tenures (HELD) + 1 rank claim (RANKS_ABOVE) = 14
 */
describe('exports', () => {
  let server: TestServer;
  let base: string;

  beforeAll(async () => {
    server = await startTestServer();
    base = server.url.replace(/\/graphql$/, '');
    await resetGraph(server.db);
    await importText(server.db, TINY_NETWORK, { by: 'test', filename: 'tiny-network.yaml' });
  });
  afterAll(() => server?.stop());

  const get = async (route: string) => {
    const response = await fetch(`${base}${route}`);
    return { status: response.status, type: response.headers.get('content-type'), disposition: response.headers.get('content-disposition'), text: await response.text() };
  };
  const graphml = async (query = '') => {
    const r = await get(`/export/graph.graphml${query}`);
    expect(r.status).toBe(200);
    return parseGraphml(r.text);
  };
  const ids = (elements: Array<{ id?: string }>) => elements.map((e) => e.id!).sort();
  const byKind = (g: Graphml) => {
    const count: Record<string, number> = {};
    for (const n of [...g.nodes, ...g.edges]) count[n.data.kind as string] = (count[n.data.kind as string] ?? 0) + 1;
    return count;
  };

  it('writes the whole graph as GraphML with typed keys, node kinds, dates, measures and evidence', async () => {
    const r = await get('/export/graph.graphml');
    expect(r.type).toBe('application/graphml+xml; charset=utf-8');
    expect(r.disposition).toBe('attachment; filename="graph.graphml"');
    const g = parseGraphml(r.text);
    expect(g.edgedefault).toBe('directed');
    expect(g.keys).toEqual(
      expect.arrayContaining([
        { id: 'n_kind', for: 'node', name: 'kind', type: 'string' },
        { id: 'n_date', for: 'node', name: 'date', type: 'string' },
        { id: 'n_degree', for: 'node', name: 'degree', type: 'int' },
        { id: 'n_weightedDegree', for: 'node', name: 'weightedDegree', type: 'double' },
        { id: 'n_betweenness', for: 'node', name: 'betweenness', type: 'double' },
        { id: 'n_community', for: 'node', name: 'community', type: 'int' },
        { id: 'e_kind', for: 'edge', name: 'kind', type: 'string' },
        { id: 'e_validFrom', for: 'edge', name: 'validFrom', type: 'string' },
        { id: 'e_weight', for: 'edge', name: 'weight', type: 'double' },
        { id: 'e_evidence', for: 'edge', name: 'evidence', type: 'string' },
      ]),
    );
    expect(g.nodes).toHaveLength(11);
    expect(g.edges).toHaveLength(14);
    expect(byKind(g)).toEqual({ Person: 5, Meeting: 5, Position: 1, PARTICIPATED_IN: 11, HELD: 2, RANKS_ABOVE: 1 });
    const node = (id: string) => g.nodes.find((n) => n.id === id)!.data;
    // Measures as worked out in tests/network/measures.test.ts.
    expect(node('cleo')).toMatchObject({ kind: 'Person', label: 'Cleo Tiny', degree: 3, weightedDegree: 4, betweenness: 4, community: 0 });
    expect(node('ada')).toMatchObject({ degree: 1, weightedDegree: 2, betweenness: 0, community: 1 });
    expect(node('tiny-m5')).toMatchObject({ kind: 'Meeting', date: '2024-05-10' });
    expect(node('tiny-m5').degree).toBeUndefined();
    expect(node('tiny-chair')).toMatchObject({ kind: 'Position', label: 'Chair of the Tiny Council' });
    // Every edge joins two exported nodes.
    const nodeIds = new Set(ids(g.nodes));
    for (const e of g.edges) expect(nodeIds.has(e.source!) && nodeIds.has(e.target!)).toBe(true);
    const edge = (id: string) => g.edges.find((e) => e.id === id)!;
    expect(edge('tenure-ada-chair')).toMatchObject({
      source: 'ada',
      target: 'tiny-chair',
      data: { kind: 'HELD', validFrom: '2023-01-01', validTo: '2024-03-01', evidence: 'Ada chaired the Tiny Council until March', sources: 'A tiny meeting network', weight: 1 },
    });
    expect(edge('rank-ada-above-cleo')).toMatchObject({ source: 'ada', target: 'cleo', data: { kind: 'RANKS_ABOVE', validFrom: '2023-01-01', validTo: '2024-03-01', title: 'Tiny Council' } });
    expect(edge('eve|tiny-m5')).toMatchObject({ source: 'eve', target: 'tiny-m5', data: { kind: 'PARTICIPATED_IN', role: 'GUEST', validFrom: '2024-05-10', evidence: 'Cleo, Dan and Eve met in May.' } });
  });

  it('writes node-link JSON as NetworkX reads it, with the same nodes and edges', async () => {
    const r = await get('/export/graph.json');
    expect(r.type).toBe('application/json; charset=utf-8');
    const data = JSON.parse(r.text);
    expect(data).toMatchObject({ directed: true, multigraph: true, graph: { name: 'diplograph', view: 'full' } });
    expect(data.nodes).toHaveLength(11);
    expect(data.links).toHaveLength(14);
    const g = await graphml();
    expect(ids(data.nodes)).toEqual(ids(g.nodes));
    expect(data.links.map((l: { key: string }) => l.key).sort()).toEqual(ids(g.edges));
    expect(data.nodes.find((n: { id: string }) => n.id === 'ben')).toMatchObject({ kind: 'Person', degree: 2, weightedDegree: 3, betweenness: 3, community: 1 });
    expect(data.links.find((l: { id: string }) => l.id === 'tenure-ben-chair')).toEqual({
      source: 'ben', target: 'tiny-chair', key: 'tenure-ben-chair', id: 'tenure-ben-chair', kind: 'HELD', label: 'held',
      validFrom: '2024-03-01', weight: 1, quotes: ['when Ben took the chair'], sources: ['A tiny meeting network'],
    });
  });

  it('writes CSV node and edge lists (quoted where needed) with the same content', async () => {
    const nodes = await get('/export/nodes.csv');
    const edges = await get('/export/edges.csv');
    expect(nodes.type).toBe('text/csv; charset=utf-8; header=present');
    const nodeRows = parseCsv(nodes.text);
    const edgeRows = parseCsv(edges.text);
    expect(nodes.text.split('\r\n')[0]).toBe('id,kind,label,date,endDate,nativeName,place,degree,weightedDegree,betweenness,community');
    expect(edges.text.split('\r\n')[0]).toBe('id,source,target,kind,label,validFrom,validTo,role,title,weight,evidence,sources');
    expect(nodeRows).toHaveLength(11);
    expect(edgeRows).toHaveLength(14);
    const g = await graphml();
    expect(ids(nodeRows)).toEqual(ids(g.nodes));
    expect(ids(edgeRows)).toEqual(ids(g.edges));
    expect(nodeRows.find((n) => n.id === 'dan')).toMatchObject({ kind: 'Person', degree: '2', weightedDegree: '3', betweenness: '0', community: '0', date: '' });
    // The quote has a comma: quoted, and read back whole.
    expect(edgeRows.find((e) => e.id === 'cleo|tiny-m5')).toMatchObject({ source: 'cleo', target: 'tiny-m5', kind: 'PARTICIPATED_IN', evidence: 'Cleo, Dan and Eve met in May.' });
    expect(edges.text).toContain('"Cleo, Dan and Eve met in May."');
  });

  it('narrows to what was true or happened in a date range', async () => {
    // 2024-01-01..2024-02-15: meetings m1, m2 (Ada, Ben); Ada's tenure (to 2024-03-01) but not
    // Ben's (from 2024-03-01); the rank claim (2023-01-01..2024-03-01) and so Cleo.
    const g = await graphml('?from=2024-01-01&to=2024-02-15');
    expect(ids(g.nodes)).toEqual(['ada', 'ben', 'cleo', 'tiny-chair', 'tiny-m1', 'tiny-m2']);
    expect(ids(g.edges)).toEqual(['ada|tiny-m1', 'ada|tiny-m2', 'ben|tiny-m1', 'ben|tiny-m2', 'rank-ada-above-cleo', 'tenure-ada-chair']);
    // Measures are those of the range's meeting network: Ada and Ben met twice; Cleo met nobody.
    expect(g.nodes.find((n) => n.id === 'ada')!.data).toMatchObject({ degree: 1, weightedDegree: 2, betweenness: 0 });
    expect(g.nodes.find((n) => n.id === 'cleo')!.data).toMatchObject({ degree: 0, weightedDegree: 0 });
    expect(g.nodes.find((n) => n.id === 'cleo')!.data.community).toBeUndefined();
  });

  it("exports a person's network to a depth, in person-to-person hops", async () => {
    // Ada, 1 hop: her meetings m1, m2 and office, Ben (met; later chair), Cleo (rank); the last
    // ring keeps its offices and the meetings it shares with the network (m3: Ben and Cleo).
    const one = await graphml('?person=Ada%20Tiny&depth=1');
    expect(ids(one.nodes)).toEqual(['ada', 'ben', 'cleo', 'tiny-chair', 'tiny-m1', 'tiny-m2', 'tiny-m3']);
    expect(one.edges).toHaveLength(6 + 2 + 1);
    const two = await graphml('?person=ada&depth=2');
    expect(two.nodes).toHaveLength(11);
    expect(two.edges).toHaveLength(14);
    const zero = await graphml('?person=ada&depth=0');
    expect(ids(zero.nodes)).toEqual(['ada', 'tiny-chair']);
    expect(ids(zero.edges)).toEqual(['tenure-ada-chair']);
    const dated = await graphml('?person=ada&depth=2&from=2024-01-01&to=2024-02-15');
    expect(ids(dated.nodes)).toEqual(['ada', 'ben', 'cleo', 'tiny-chair', 'tiny-m1', 'tiny-m2']);
    const r = await get('/export/graph.graphml?person=ada&depth=1');
    expect(r.disposition).toBe('attachment; filename="ada-graph.graphml"');
  });

  it('exports the meeting network itself (view=meetings): people, and edges weighted by shared meetings', async () => {
    const g = await graphml('?view=meetings');
    expect(g.edgedefault).toBe('undirected');
    expect(ids(g.nodes)).toEqual(['ada', 'ben', 'cleo', 'dan', 'eve']);
    expect(Object.fromEntries(g.edges.map((e) => [e.id, e.data.weight]))).toEqual({ 'ada|ben': 2, 'ben|cleo': 1, 'cleo|dan': 2, 'cleo|eve': 1, 'dan|eve': 1 });
    const json = JSON.parse((await get('/export/graph.json?view=meetings&person=ada&depth=1')).text);
    expect(json).toMatchObject({ directed: false, multigraph: false });
    expect(json.nodes.map((n: { id: string }) => n.id).sort()).toEqual(['ada', 'ben', 'cleo']);
    expect(json.links.map((l: { source: string; target: string; weight: number }) => [l.source, l.target, l.weight])).toEqual(
      expect.arrayContaining([['ada', 'ben', 2], ['ben', 'cleo', 1]]),
    );
  });

  it('leaves the measures out on request', async () => {
    const g = await graphml('?measures=0');
    expect(g.nodes.find((n) => n.id === 'ada')!.data.degree).toBeUndefined();
  });

  it('refuses bad requests before writing anything, in the GraphQL error shape', async () => {
    const bad = await get('/export/graph.graphml?from=2024-02-30');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'from' });
    const nobody = await get('/export/nodes.csv?person=Nobody%20Atall');
    expect(nobody.status).toBe(404);
    expect(JSON.parse(nobody.text).errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await get('/export/graph.json?depth=9')).status).toBe(400);
    expect((await get('/export/graph.json?from=2024-05-01&to=2024-01-01')).status).toBe(400);
    expect((await get('/export/graph.json?view=tree')).status).toBe(400);
  });

  it('asks for a reader token when the service requires one for reads', async () => {
    const locked = await startTestServer({ REQUIRE_READ_TOKEN: 'true' });
    try {
      const response = await fetch(`${locked.url.replace(/\/graphql$/, '')}/export/nodes.csv`);
      expect(response.status).toBe(401);
      expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    } finally {
      await locked.stop();
    }
  });

  it('never writes while the destination is full (backpressure), and all of it arrives', async () => {
    const source = await prepareExport(server.db, parseExportQuery({}));
    let written = '';
    let writesWhileFull = 0;
    let writes = 0;
    const slow = new Writable({
      highWaterMark: 64,
      write(chunk, _encoding, callback) {
        written += String(chunk);
        setTimeout(callback, 5);
      },
    });
    const write = slow.write.bind(slow);
    slow.write = ((chunk: unknown, ...rest: never[]) => {
      writes += 1;
      if (slow.writableNeedDrain) writesWhileFull += 1;
      return write(chunk as string, ...rest);
    }) as typeof slow.write;
    // Small chunks, so that the destination fills up many times over.
    const { ChunkedWriter } = await import('../../src/export/write');
    const writer = new ChunkedWriter(slow, 100);
    for (let i = 0; i < 50; i += 1) await writer.push('x'.repeat(60));
    await writer.flush();
    expect(writes).toBeGreaterThan(20);
    expect(writesWhileFull).toBe(0);
    const summary = await writeExport(source, 'graphml', slow);
    await new Promise<void>((resolve) => slow.end(resolve));
    expect(writesWhileFull).toBe(0);
    expect(summary).toMatchObject({ nodes: 11, edges: 14 });
    expect(parseGraphml(written.slice(3000)).nodes).toHaveLength(11);
  });

  it('exports from the command line, with a progress bar on stderr', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-export-'));
    const stderr: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation(((chunk: string | Uint8Array) => {
      stderr.push(String(chunk));
      return true;
    }) as typeof process.stderr.write);
    const run = async (...args: string[]) => {
      const program = new Command().exitOverride();
      registerExportCommand(program, () => testConfig(), logger);
      await program.parseAsync(['node', 'diplograph', 'export', ...args]);
    };
    try {
      await run('--format', 'graphml', '--person', 'Ada Tiny', '--depth', '2', '--from', '2024-01-01', '--to', '2024-12-31', '--out', path.join(dir, 'ada.graphml'));
      await run('--format', 'csv', '--out', path.join(dir, 'all.csv'), '--no-progress');
      await run('--format', 'json', '--view', 'meetings', '--out', path.join(dir, 'meetings.json'), '--no-measures');
    } finally {
      spy.mockRestore();
    }
    const g = parseGraphml(fs.readFileSync(path.join(dir, 'ada.graphml'), 'utf8'));
    // 2024 only: Ada's tenure (to 2024-03-01) and Ben's, every meeting; the rank claim ended 2024-03-01 but overlaps.
    expect(g.nodes).toHaveLength(11);
    expect(g.edges).toHaveLength(14);
    expect(parseCsv(fs.readFileSync(path.join(dir, 'all.nodes.csv'), 'utf8'))).toHaveLength(11);
    expect(parseCsv(fs.readFileSync(path.join(dir, 'all.edges.csv'), 'utf8'))).toHaveLength(14);
    const meetings = JSON.parse(fs.readFileSync(path.join(dir, 'meetings.json'), 'utf8'));
    expect(meetings.links).toHaveLength(5);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
    const err = stderr.join('');
    expect(err).toMatch(/ada\.graphml \[[=\-█░ ]*\] 100% \| 25\/25 rows \| 11 nodes, 14 edges/);
    expect(err).toContain(`${path.join(dir, 'ada.graphml')}: 11 nodes, 14 edges`);
    expect(err).toContain(`${path.join(dir, 'all.nodes.csv')}: 11 nodes, 0 edges`);
  });

  const networkx = (() => {
    try {
      execFileSync('python3', ['-c', 'import networkx'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  (networkx ? it : it.skip)('opens in NetworkX (when python3 with networkx is installed)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-nx-'));
    fs.writeFileSync(path.join(dir, 'g.json'), (await get('/export/graph.json')).text);
    fs.writeFileSync(path.join(dir, 'g.graphml'), (await get('/export/graph.graphml')).text);
    const script = `
import json, sys, networkx as nx
d = json.load(open(sys.argv[1] + '/g.json'))
G = nx.node_link_graph(d, edges="links")
H = nx.read_graphml(sys.argv[1] + '/g.graphml')
print(json.dumps({"json": [G.number_of_nodes(), G.number_of_edges(), G.is_directed(), G.is_multigraph(), G.nodes["cleo"]["betweenness"]],
                  "graphml": [H.number_of_nodes(), H.number_of_edges(), H.nodes["cleo"]["degree"], H.nodes["tiny-m1"]["date"], type(H.nodes["cleo"]["weightedDegree"]).__name__]}))
`;
    const out = JSON.parse(execFileSync('python3', ['-c', script, dir], { encoding: 'utf8' }));
    expect(out).toEqual({ json: [11, 14, true, true, 4], graphml: [11, 14, 3, '2024-01-10', 'float'] });
  });
});
