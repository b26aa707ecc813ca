/**
 * The API benchmark (issue #8): diplograph vs the floor (hand-tuned Cypher through neo4j-driver
 * behind a minimal HTTP endpoint) vs the peer (@neo4j/graphql 7), same Neo4j, same data, one run.
 *
 *   npm run bench                 default scale: 20,000 people, 2,000 positions, 200,000 meetings
 *   npm run bench -- --quick      500 people, 50 positions, 5,000 meetings, 3 s cells (CI smoke)
 *
 * Options: --people N --positions N --meetings N --seed N --seconds S (per cell) --warmup S
 *          --warmup-pass S (per workload and contender, before the first measured cell)
 *          --only W1,W3 --no-baseline (skip the raw UNWIND import baseline) --out DIR --label TEXT
 * Uses NEO4J_URI when set (that graph is EMPTIED), else starts the embedded Neo4j in a fresh
 * temporary folder. Writes bench/results/latest.json and latest.md (or DIR) and prints the table.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../src/config';
import { checkFile } from '../src/ingest/checks';
import { importFiles } from '../src/ingest/importer';
import type { FactFile } from '../src/ingest/model';
import { planImport } from '../src/ingest/plan';
import { resolveReferences } from '../src/ingest/references';
import { createLogger } from '../src/logger';
import { connect } from '../src/neo4j/connect';
import { type Contender, processStats, startDiplograph, startFloor, startPeer } from './contenders';
import { apiBenchOptions, factCount, generateFactFile, writeFactFileJson } from './generate';
import { emptyGraph, writeRaw } from './import-throughput';
import { waitForIdleDatabase } from './settle';
import { type BenchResults, type CellFigures, evaluateTargets, machine, markdown, type WorkloadResult, writeResults } from './report';
import { type ContenderName, type Workload, workloads } from './workloads';

export interface BenchOptions {
  mode: string;
  people: number;
  positions: number;
  meetings: number;
  seed: number;
  cellSeconds: number;
  warmupSeconds: number;
  warmupPassSeconds: number;
  only: string[] | null;
  baseline: boolean;
  out: string;
  label: string;
  log: (line: string) => void;
}

export function parseArgs(argv: string[]): BenchOptions {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = argv.includes('--quick');
  const num = (name: string, fallback: number) => (value(name) !== undefined ? Number(value(name)) : fallback);
  return {
    mode: quick ? 'quick' : 'default',
    people: num('people', quick ? 500 : 20_000),
    positions: num('positions', quick ? 50 : 2_000),
    meetings: num('meetings', quick ? 5_000 : 200_000),
    seed: num('seed', 1),
    // 5 s cells and 1 s warm-ups keep the default scale's whole run under 15 minutes on 2 cores
    // (14 min 51 s with 6 s cells: too close).
    cellSeconds: num('seconds', quick ? 3 : 5),
    warmupSeconds: num('warmup', 1),
    warmupPassSeconds: num('warmup-pass', quick ? 1 : 2),
    only: value('only')?.split(',') ?? null,
    baseline: !argv.includes('--no-baseline'),
    out: value('out') ?? path.join(PROJECT_ROOT, 'bench', 'results'),
    label: value('label') ?? 'latest',
    log: (line) => process.stdout.write(`${line}\n`),
  };
}

/** The part of autocannon's result the bench reads (autocannon ships no types). */
interface AutocannonResult {
  duration: number;
  requests: { total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<AutocannonResult>;

const CONTENDERS: ContenderName[] = ['diplograph', 'floor', 'peer'];

/** One autocannon run against one contender: the bounded cell of the table. */
async function cell(contender: Contender, workload: Workload, connections: number, seconds: number, start: number, settle: () => Promise<void>): Promise<CellFigures> {
  let i = start;
  const first = new URL(contender.request(workload, workload.params(0)).url);
  const before = processStats(contender.pid);
  const result = await autocannon({
    url: first.origin,
    connections,
    duration: seconds,
    timeout: 20,
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        setupRequest: (req: Record<string, unknown>) => {
          const r = contender.request(workload, workload.params(i++));
          return { ...req, method: 'POST', path: new URL(r.url).pathname, body: r.body };
        },
      },
    ],
  });
  const after = processStats(contender.pid);
  // Measured up to the deadline, as the requests counted; what the cell left running then ends
  // before the next cell starts.
  await settle();
  const ok = result.requests.total - result.non2xx;
  return {
    connections,
    seconds: result.duration,
    requests: result.requests.total,
    throughput: ok / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
    cpuMsPerRequest: ok > 0 ? ((after.cpuSeconds - before.cpuSeconds) * 1000) / ok : NaN,
    peakRssMB: after.peakRssMB,
  };
}

async function call(contender: Contender, workload: Workload, i: number): Promise<unknown> {
  const r = contender.request(workload, workload.params(i));
  const response = await fetch(r.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: r.body });
  return contender.unwrap(response.status, await response.text());
}

/** Same people/ids from every contender on a few parameter sets, before any timing. */
async function checkEquivalence(workload: Workload, contenders: Contender[], samples: number): Promise<string[]> {
  const notes: string[] = [];
  for (let i = 0; i < samples; i++) {
    const answers = new Map<ContenderName, string>();
    for (const c of contenders) {
      try {
        answers.set(c.name, JSON.stringify(workload.canon(c.name, await call(c, workload, i))));
      } catch (error) {
        answers.set(c.name, `ERROR ${(error as Error).message.slice(0, 300)}`);
      }
    }
    const floor = answers.get('floor');
    for (const [name, answer] of answers) {
      if (name !== 'floor' && answer !== floor) {
        notes.push(`${workload.id} ${JSON.stringify(workload.params(i))}: ${name} ${answer.slice(0, 300)} ≠ floor ${floor?.slice(0, 300)}`);
      }
    }
  }
  return notes;
}

export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const log = options.log;
  const startedAt = new Date();
  const t0 = performance.now();
  const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(0)} s`;
  let tempData: string | null = null;
  // What the user set for the embedded Neo4j's heap, given back to it for the workloads.
  const servingMemory = { EMBEDDED_NEO4J_HEAP: process.env.EMBEDDED_NEO4J_HEAP, EMBEDDED_NEO4J_TX_MEMORY: process.env.EMBEDDED_NEO4J_TX_MEMORY };
  if (!process.env.NEO4J_URI) {
    tempData = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-api-bench-neo4j-'));
    process.env.DATA_DIR = tempData;
    // The importer writes a file in one transaction (about 20 KB of transaction state a fact): the
    // default scale's ~244,000 facts need a big heap, and a transaction memory cap to match. The
    // page cache holds the whole store (0.7 GB at the default scale) for the workloads as well.
    const large = options.meetings > 50_000;
    process.env.EMBEDDED_NEO4J_HEAP ??= large ? '12g' : '2g';
    process.env.EMBEDDED_NEO4J_TX_MEMORY ??= large ? '8g' : '1g';
    process.env.EMBEDDED_NEO4J_PAGECACHE ??= large ? '2g' : '512m';
  }
  const logger = createLogger('warn');
  let connection = await connect({ ...loadConfig(), LOG_LEVEL: 'warn' }, logger);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-api-bench-'));
  const running: Contender[] = [];
  try {
    const db = connection.db;
    log(`[${elapsed()}] Neo4j at ${connection.uri}`);

    // Data: the generator, seeded, then the project's importer (and the raw UNWIND baseline).
    const genOptions = apiBenchOptions({ people: options.people, positions: options.positions, meetings: options.meetings }, options.seed);
    const generated = generateFactFile(genOptions);
    const file = path.join(work, 'facts.json');
    await writeFactFileJson(generated, file);
    const facts = factCount(generated);
    log(`[${elapsed()}] generated ${facts} facts (${(fs.statSync(file).size / 1e6).toFixed(1)} MB)`);
    await emptyGraph(db);
    let baselineRate: number | null = null;
    if (options.baseline) {
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as FactFile;
      const { resolved } = await resolveReferences(data, db);
      const { checked } = await checkFile(data, resolved, db);
      const plan = planImport(data, resolved, checked);
      const started = performance.now();
      await writeRaw(db, plan, new Set());
      baselineRate = facts / ((performance.now() - started) / 1000);
      log(`[${elapsed()}] raw UNWIND baseline: ${Math.round(baselineRate)} facts/s`);
      await emptyGraph(db);
    }
    // Summed by name: the write steps report once per step, and some steps (fact edges) come in several queries.
    const stageMs = new Map<string, number>();
    const importStarted = performance.now();
    await importFiles(db, [file], { by: 'bench', onStage: (stage: string, ms: number) => stageMs.set(stage, (stageMs.get(stage) ?? 0) + ms) });
    const stages = [...stageMs].map(([stage, ms]) => `${stage} ${(ms / 1000).toFixed(1)} s`);
    const importSeconds = (performance.now() - importStarted) / 1000;
    log(`[${elapsed()}] import: ${facts} facts in ${importSeconds.toFixed(1)} s = ${Math.round(facts / importSeconds)} facts/s (${stages.join(', ')})`);

    if (tempData) {
      // The workloads run on a Neo4j restarted with the service's own heap (its default, or what the
      // user set), not on the JVM that took the import: after a one-transaction import of this size
      // its collector stopped the database for 1–15 s at a time (docs/benchmark.md, session 7),
      // and whichever contender was being measured then paid for it.
      await connection.close();
      for (const [name, value] of Object.entries(servingMemory)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      const serving = loadConfig();
      connection = await connect({ ...serving, LOG_LEVEL: 'warn' }, logger);
      const [{ people }] = await connection.db.runAdministrative('MATCH (p:Person) RETURN count(p) AS people');
      log(`[${elapsed()}] Neo4j restarted with the service's heap (${serving.EMBEDDED_NEO4J_HEAP}) at ${connection.uri}: ${String(people)} people`);
    }

    const rankedPeople = [...new Set((generated.rankClaims ?? []).map((c) => String(c.inferior)))].map((id) => `Person ${id.replace('person-', '')}`);
    const all = workloads({ options: genOptions, rankedPeople }).filter((w) => !options.only || options.only.includes(w.id));

    running.push(await startDiplograph(connection.uri), await startFloor(connection.uri), await startPeer(connection.uri));
    log(`[${elapsed()}] contenders up: ${running.map((c) => `${c.name} (pid ${c.pid})`).join(', ')}`);

    // After each cell, the wait for what it left running in Neo4j (summed per contender into `waits`
    // when given), with a warning when it did not end.
    const settleAfter = (c: Contender, waits?: Map<ContenderName, number>) => async () => {
      const { waitedMs, running: leftovers } = await waitForIdleDatabase(connection.db);
      waits?.set(c.name, (waits.get(c.name) ?? 0) + waitedMs);
      if (leftovers.length > 0) log(`  WARNING ${leftovers.length} transaction(s) still running ${(waitedMs / 1000).toFixed(0)} s after a ${c.name} cell: ${leftovers[0].slice(0, 120)}`);
    };

    // A warm-up pass over every workload before the first measured cell. The workloads run on a
    // Neo4j just started, with its page cache empty and its code not yet compiled, and on services
    // just started: with only its own 1 s warm-up, the first workload's first cells ran at a seventh
    // to a quarter of their speed a minute later (W1 at one connection: diplograph 21, then 75, then
    // 147 req/s, the floor 99, 213 and 378, in three runs one after the other), and whichever
    // contender the rotation put first paid the most.
    if (options.warmupPassSeconds > 0) {
      const answered = new Map<ContenderName, number>();
      for (const w of all) {
        for (const c of running) answered.set(c.name, (answered.get(c.name) ?? 0) + (await cell(c, w, 16, options.warmupPassSeconds, 20_000, settleAfter(c))).requests);
      }
      log(`[${elapsed()}] warm-up pass, ${options.warmupPassSeconds} s per workload: ${[...answered].map(([name, n]) => `${name} ${n}`).join(', ')} requests answered`);
    }

    const results: Record<string, WorkloadResult> = {};
    for (const [wi, w] of all.entries()) {
      const notes = await checkEquivalence(w, running, 5);
      for (const note of notes) log(`  WARNING answers differ: ${note}`);
      const figures: WorkloadResult['contenders'] = {};
      const cells: Record<string, Partial<Record<ContenderName, CellFigures>>> = { c1: {}, c16: {} };
      const settledMs = new Map<ContenderName, number>();
      for (const c of running) await cell(c, w, 16, options.warmupSeconds, 10_000, settleAfter(c, settledMs));
      // Side by side: each connection level runs every contender in turn, in a rotating order.
      for (const connections of [1, 16]) {
        const order = [...running.slice(wi % 3), ...running.slice(0, wi % 3)];
        for (const c of order) cells[`c${connections}`][c.name] = await cell(c, w, connections, options.cellSeconds, 0, settleAfter(c, settledMs));
      }
      for (const name of CONTENDERS) {
        if (cells.c1[name] && cells.c16[name]) figures[name] = { c1: cells.c1[name]!, c16: cells.c16[name]! };
      }
      const d = figures.diplograph?.c16;
      const rate = (name: ContenderName) => figures[name]?.c16.throughput;
      results[w.id] = {
        title: w.title,
        equivalent: notes.length === 0,
        equivalenceNotes: notes,
        contenders: figures,
        vsFloor: d && rate('floor') ? d.throughput / rate('floor')! : null,
        vsPeer: d && rate('peer') ? d.throughput / rate('peer')! : null,
        p99OverP50: d ? d.p99Ms / Math.max(d.p50Ms, 0.001) : null,
      };
      const line = (name: ContenderName) => {
        const f = figures[name];
        return f ? `${name} ${Math.round(f.c1.throughput)}/${Math.round(f.c16.throughput)} req/s p50 ${f.c16.p50Ms} p99 ${f.c16.p99Ms} ms cpu ${f.c16.cpuMsPerRequest.toFixed(2)} ms` : '';
      };
      log(`[${elapsed()}] ${w.id}: ${CONTENDERS.map(line).join(' | ')} → vsFloor ${results[w.id].vsFloor?.toFixed(2)} vsPeer ${results[w.id].vsPeer?.toFixed(2)}`);
      log(`  leftovers ended after the cells in ${[...settledMs].map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
    }

    const partial: Omit<BenchResults, 'targets'> = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      totalSeconds: (performance.now() - t0) / 1000,
      label: options.label,
      machine: machine(),
      scale: { mode: options.mode, people: options.people, positions: options.positions, meetings: options.meetings, facts, seed: options.seed, cellSeconds: options.cellSeconds, warmupSeconds: options.warmupSeconds, warmupPassSeconds: options.warmupPassSeconds },
      import: { facts, seconds: importSeconds, factsPerSecond: facts / importSeconds, baselineFactsPerSecond: baselineRate, ratio: baselineRate ? facts / importSeconds / baselineRate : null, stages },
      workloads: results,
    };
    const final: BenchResults = { ...partial, targets: evaluateTargets(partial) };
    const written = writeResults(final, options.out);
    log('');
    log(markdown(final));
    log(`written: ${written.json}, ${written.md}`);
    return final;
  } finally {
    for (const c of running) await c.stop();
    fs.rmSync(work, { recursive: true, force: true });
    await connection.close();
    if (tempData) fs.rmSync(tempData, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runBench(parseArgs(process.argv.slice(2))).then(
    () => process.exit(0),
    (error) => {
      process.stderr.write(`${(error as Error).stack ?? error}\n`);
      process.exit(1);
    },
  );
}
