/**
 * The explorer's back end at scale: a generated graph of 10,000 people (bench/generate.ts:
 * meetings, offices, rank claims, every fact with its evidence sentence), imported through the
 * real importer; then every
 * export format of the whole graph, a person's network, an HTTP download and the network measures,
 * each in a child process of its own so that its peak RSS is its own.
 *
 *   npm run build && node dist/bench/explore-scale.js [--people 10000] [--meetings 20000] [--keep] [--phases a,b]
 *
 * Neo4j: NEO4J_URI if set (its graph is replaced!), else an embedded one in a fresh temporary
 * folder (DATA_DIR to reuse one: a folder that already holds the generated graph is not imported
 * again). Results are printed as a table and written to bench/results/explore-scale.json.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { PROJECT_ROOT, loadConfig } from '../src/config';
import { importText } from '../src/ingest/importer';
import { generateFactFile } from './generate';
import { createLogger } from '../src/logger';
import { connect } from '../src/neo4j/connect';
import type { Database } from '../src/neo4j/database';
import type { ExportFormat } from '../src/export/model';
import { parseExportQuery } from '../src/export/query';
import { prepareExport, writeExport } from '../src/export/write';
import { meetingNetworkMeasures } from '../src/network/measures';
import { createApp } from '../src/server/app';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const PEOPLE = Number(option('people', '10000'));
const MEETINGS = Number(option('meetings', String(PEOPLE * 2)));
const POSITIONS = Math.max(10, Math.round(PEOPLE / 10));
const RANK_CLAIMS = Math.max(5, Math.round(PEOPLE / 40));
const CHUNK = Number(option('chunk', '5000'));
const OUT_DIR = path.join(os.tmpdir(), 'diplograph-explore-scale');

/** People of bench/generate.ts are person-000000, person-000001, … */
const pid = (n: number) => `person-${String(n).padStart(6, '0')}`;

/**
 * The generated graph, from the ingest benchmark's generator (bench/generate.ts): PEOPLE people,
 * each with an open tenure in one of POSITIONS offices; MEETINGS meetings of 2 or 3 people over
 * ten years (2010–2019); RANK_CLAIMS rank claims; a few statements. Split into fact files of at
 * most CHUNK facts (one document, one transaction each: a single 40,000-fact transaction is more
 * than the embedded Neo4j's transaction memory allows); the first declares every entity, the
 * others refer to them by id. Each evidence quote is a sentence of its own, so each part's text
 * is just its facts' quotes.
 */
export function* generatedFactFiles(): Generator<{ name: string; text: string }> {
  const whole = generateFactFile({
    seed: 6,
    people: PEOPLE,
    positions: POSITIONS,
    meetings: MEETINGS,
    rankClaims: RANK_CLAIMS,
    statements: Math.round(MEETINGS / 20),
    maxParticipants: 3,
    meetingDays: 3650,
    documentId: `explore-scale-${PEOPLE}`,
  }) as unknown as Record<string, unknown> & { document: Record<string, unknown> };
  const ENTITY_SECTIONS = ['people', 'organizations', 'places', 'positions', 'topics', 'rankContexts'];
  const FACT_SECTIONS = ['tenures', 'meetings', 'trips', 'invitations', 'statements', 'rankClaims', 'precedence', 'relationIssues', 'alternatives'];
  type Fact = { evidence: Array<{ quote: string }> };
  let part = 0;
  let body: Record<string, Fact[]> = {};
  let size = 0;
  const emit = (entities: boolean) => {
    const id = `${whole.document.id}-part-${String(part).padStart(3, '0')}`;
    const quotes = new Set<string>();
    for (const facts of Object.values(body)) for (const f of facts) for (const e of f.evidence) quotes.add(e.quote);
    const file: Record<string, unknown> = {
      format: whole.format,
      document: { ...whole.document, id, title: `${String(whole.document.title)} (part ${part + 1})`, text: [...quotes].join('\n') },
      ...(entities ? Object.fromEntries(ENTITY_SECTIONS.filter((k) => k in whole).map((k) => [k, whole[k]])) : {}),
      ...body,
    };
    part += 1;
    body = {};
    size = 0;
    return { name: `${id}.json`, text: JSON.stringify(file) };
  };
  for (const section of FACT_SECTIONS) {
    for (const fact of (whole[section] as Fact[] | undefined) ?? []) {
      (body[section] ??= []).push(fact);
      size += 1;
      if (size === CHUNK) yield emit(part === 0);
    }
  }
  if (size > 0 || part === 0) yield emit(part === 0);
}

interface PhaseResult {
  phase: string;
  ms: number;
  maxRssMb: number;
  [key: string]: unknown;
}

/** Runs in a child process: one measured task, then its time and peak RSS on stdout as JSON. */
async function runPhase(phase: string): Promise<void> {
  const logger = createLogger('warn');
  const config = loadConfig({ ...process.env, NEO4J_QUERY_TIMEOUT_MS: '600000' });
  const connection = await connect(config, logger, { migrate: false });
  const db = connection.db;
  const started = performance.now();
  let extra: Record<string, unknown> = {};
  const liveHeap: number[] = [];
  try {
    const exportTo = async (format: ExportFormat, file: string, raw: Record<string, unknown> = {}, prepared?: Awaited<ReturnType<typeof prepareExport>>) => {
      const source = prepared ?? (await prepareExport(db, parseExportQuery(raw)));
      const out = fs.createWriteStream(path.join(OUT_DIR, file));
      // With --expose-gc (the live-heap phases): the heap still in use after a full collection,
      // every 5,000 rows — what the export holds, as opposed to garbage not yet collected.
      const gc = (globalThis as { gc?: () => void }).gc;
      let rows = 0;
      const sample = () => {
        gc!();
        const mb = process.memoryUsage().heapUsed / 1048576;
        liveHeap.push(Math.round(mb * 10) / 10);
      };
      if (gc) sample();
      const summary = await writeExport(source, format, out, gc ? { row: () => (++rows % 5000 === 0 ? sample() : undefined) } : {});
      if (gc) sample();
      await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
      return summary;
    };
    switch (phase) {
      case 'baseline':
        break;
      case 'export-graphml':
        extra = { ...(await exportTo('graphml', 'graph.graphml')) };
        break;
      case 'export-json':
        extra = { ...(await exportTo('json', 'graph.json')) };
        break;
      case 'export-csv': {
        // As the CLI's --format csv does: one preparation (measures included), two files.
        const source = await prepareExport(db, parseExportQuery({}));
        const nodes = await exportTo('nodes.csv', 'nodes.csv', {}, source);
        const edges = await exportTo('edges.csv', 'edges.csv', {}, source);
        extra = { nodes: nodes.nodes, edges: edges.edges, bytes: nodes.bytes + edges.bytes };
        break;
      }
      case 'export-graphml-no-measures':
        extra = { ...(await exportTo('graphml', 'graph-plain.graphml', { measures: '0' })) };
        break;
      case 'export-ego':
        extra = { ...(await exportTo('graphml', 'ego.graphml', { person: pid(1), depth: '2', from: '2012-01-01', to: '2013-12-31' })) };
        break;
      case 'export-http':
        extra = await httpExport(db);
        break;
      case 'measures-all': {
        const m = await meetingNetworkMeasures(db, { from: null, to: null });
        extra = { people: m.length, communities: new Set(m.map((x) => x.community)).size };
        break;
      }
      case 'measures-2015': {
        const m = await meetingNetworkMeasures(db, { from: '2015-01-01', to: '2015-12-31' });
        extra = { people: m.length, communities: new Set(m.map((x) => x.community)).size };
        break;
      }
      case 'measures-graphql':
        extra = await graphqlMeasures(db);
        break;
      default:
        throw new Error(`unknown phase ${phase}`);
    }
  } finally {
    await connection.close();
  }
  if (liveHeap.length > 0) extra.liveHeapMb = { first: liveHeap[0], max: Math.max(...liveHeap), last: liveHeap[liveHeap.length - 1], samples: liveHeap.length };
  const result: PhaseResult = { phase, ms: Math.round(performance.now() - started), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), ...extra };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

async function withServer<T>(db: Database, work: (base: string) => Promise<T>): Promise<T> {
  const config = loadConfig({ ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn' });
  const app = await createApp(config, db, createLogger('warn'));
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = app.httpServer.address() as AddressInfo;
  try {
    return await work(`http://127.0.0.1:${port}`);
  } finally {
    await app.apollo.stop();
  }
}

/** GET /export/graph.graphml, read as a stream and thrown away: the server's memory is what counts. */
async function httpExport(db: Database) {
  return withServer(db, async (base) => {
    const response = await fetch(`${base}/export/graph.graphml`);
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
    let bytes = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
    }
    return { bytes, status: response.status };
  });
}

async function graphqlMeasures(db: Database) {
  return withServer(db, async (base) => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ networkMeasures(first: 5, orderBy: BETWEENNESS) { person { name } degree weightedDegree betweenness community } }' }),
    });
    const body = (await response.json()) as { data?: { networkMeasures: unknown[] }; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return { top: body.data!.networkMeasures };
  });
}

/**
 * The phases. The `live heap` ones run with --expose-gc and sample the heap still in use after a
 * full collection every 5,000 rows: flat from the first row to the last is the proof that the
 * export streams (peak RSS alone includes garbage V8 has not bothered to collect yet).
 */
const PHASES: Array<{ name: string; run: string; gc?: boolean }> = [
  { name: 'baseline', run: 'baseline' },
  { name: 'export-graphml', run: 'export-graphml' },
  { name: 'export-graphml-no-measures', run: 'export-graphml-no-measures' },
  { name: 'export-graphml (live heap)', run: 'export-graphml', gc: true },
  { name: 'export-graphml-no-measures (live heap)', run: 'export-graphml-no-measures', gc: true },
  { name: 'export-json (live heap)', run: 'export-json', gc: true },
  { name: 'export-json', run: 'export-json' },
  { name: 'export-csv', run: 'export-csv' },
  { name: 'export-ego', run: 'export-ego' },
  { name: 'export-http', run: 'export-http' },
  { name: 'measures-all', run: 'measures-all' },
  { name: 'measures-2015', run: 'measures-2015' },
  { name: 'measures-graphql', run: 'measures-graphql' },
];

function runChild(phase: string, env: NodeJS.ProcessEnv, gc = false): Promise<PhaseResult> {
  return new Promise((resolve, reject) => {
    const flags = gc ? ['--expose-gc'] : [];
    const child = spawn(process.execPath, [...flags, __filename, '--phase', phase], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`phase ${phase} exited with ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').pop()!) as PhaseResult);
    });
  });
}

async function main(): Promise<void> {
  const phase = option('phase', '');
  if (phase) return runPhase(phase);

  fs.mkdirSync(OUT_DIR, { recursive: true });
  const logger = createLogger('warn');
  const dataDir = process.env.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-scale-neo4j-'));
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, EMBEDDED_NEO4J_PAGECACHE: process.env.EMBEDDED_NEO4J_PAGECACHE ?? '512m' });
  const connection = await connect(config, logger);
  const results: PhaseResult[] = [];
  try {
    const db = connection.db;
    const [{ people }] = await db.read<{ people: number }>('network/count-people');
    if (people !== PEOPLE) {
      process.stderr.write(`importing a generated graph of ${PEOPLE} people, ${MEETINGS} meetings…\n`);
      await db.runAdministrative('MATCH (n) WHERE NOT n:Migration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
      const started = performance.now();
      for (const { name, text } of generatedFactFiles()) {
        const report = await importText(db, text, { by: 'bench', filename: name, progress: process.stderr.isTTY });
        process.stderr.write(`  ${name}: ${report.created} created in ${(report.ms / 1000).toFixed(1)} s\n`);
      }
      results.push({ phase: 'import (generation + importer)', ms: Math.round(performance.now() - started), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) });
    }
    const env = { ...process.env, NEO4J_URI: connection.uri, LOG_LEVEL: 'warn' };
    const only = option('phases', '');
    for (const p of PHASES.filter((x) => !only || only.split(',').includes(x.name))) {
      const r = { ...(await runChild(p.run, env, p.gc)), phase: p.name };
      results.push(r);
      process.stderr.write(`${JSON.stringify(r)}\n`);
    }
  } finally {
    await connection.close();
  }
  const host = { cpus: os.cpus().length, load: os.loadavg().map((x) => x.toFixed(1)).join(' '), node: process.version };
  process.stdout.write(`\n${PEOPLE} people, ${MEETINGS} meetings (host: ${host.cpus} CPUs, load ${host.load}, node ${host.node})\n`);
  process.stdout.write(`${'phase'.padEnd(32)} ${'time s'.padStart(8)} ${'peak RSS MB'.padStart(12)}  detail\n`);
  for (const r of results) {
    const { phase, ms, maxRssMb, ...rest } = r;
    process.stdout.write(`${phase.padEnd(32)} ${(ms / 1000).toFixed(1).padStart(8)} ${String(maxRssMb).padStart(12)}  ${JSON.stringify(rest)}\n`);
  }
  const outFile = path.join(PROJECT_ROOT, 'bench', 'results', 'explore-scale.json');
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, `${JSON.stringify({ people: PEOPLE, meetings: MEETINGS, host, results }, null, 2)}\n`);
  if (!args.includes('--keep')) fs.rmSync(OUT_DIR, { recursive: true, force: true });
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
