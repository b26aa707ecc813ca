/**
 * The benchmark's results: bench/results/latest.json (everything) and latest.md (the table the
 * README and docs/benchmark.md show).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ContenderName } from './workloads';

export interface CellFigures {
  connections: number;
  seconds: number;
  requests: number;
  /** Requests per second. */
  throughput: number;
  p50Ms: number;
  p99Ms: number;
  /** Non-2xx answers and socket errors/timeouts. */
  errors: number;
  /** Service CPU time (user + system) per request, in milliseconds. */
  cpuMsPerRequest: number;
  /** The service's RSS high-water mark (VmHWM) after the cell, in MB. */
  peakRssMB: number;
}

export interface WorkloadResult {
  title: string;
  /** Every contender returned the same people/ids as the floor on the sampled parameters. */
  equivalent: boolean;
  equivalenceNotes: string[];
  contenders: Partial<Record<ContenderName, { c1: CellFigures; c16: CellFigures }>>;
  /** diplograph's throughput at 16 connections over the floor's and over the peer's. */
  vsFloor: number | null;
  vsPeer: number | null;
  /** diplograph's p99 over its p50 at 16 connections. */
  p99OverP50: number | null;
}

export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  totalSeconds: number;
  label: string;
  machine: { cpus: number; cpuModel: string; memoryGB: number; node: string; os: string };
  scale: { mode: string; people: number; positions: number; meetings: number; facts: number; seed: number; cellSeconds: number; warmupSeconds?: number; warmupPassSeconds?: number };
  import: { facts: number; seconds: number; factsPerSecond: number; baselineFactsPerSecond: number | null; ratio: number | null; stages: string[] };
  workloads: Record<string, WorkloadResult>;
  targets: Array<{ target: string; met: boolean; detail: string }>;
}

export function machine(): BenchResults['machine'] {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
  };
}

const f0 = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');
const ratio = (n: number | null) => (n === null || !Number.isFinite(n) ? '–' : `${n.toFixed(2)}×`);

/** Evaluates the issue's targets against the figures. */
export function evaluateTargets(results: Omit<BenchResults, 'targets'>): BenchResults['targets'] {
  const targets: BenchResults['targets'] = [];
  for (const [id, w] of Object.entries(results.workloads)) {
    const d = w.contenders.diplograph?.c16;
    if (w.vsFloor !== null) targets.push({ target: `${id} throughput@16 ≥ 0.9× floor`, met: w.vsFloor >= 0.9, detail: ratio(w.vsFloor) });
    if (w.vsPeer !== null) {
      const need = ['W1', 'W2'].includes(id) ? 1 : 2;
      targets.push({ target: `${id} throughput@16 ≥ ${need}× peer`, met: w.vsPeer >= need, detail: ratio(w.vsPeer) });
    }
    if (d) targets.push({ target: `${id} p99 ≤ 4× p50 @16`, met: d.requests > 0 && d.p99Ms <= 4 * d.p50Ms, detail: `p50 ${f1(d.p50Ms)} ms, p99 ${f1(d.p99Ms)} ms (${f1(d.p99Ms / Math.max(d.p50Ms, 0.001))}×)` });
  }
  const peak = Math.max(0, ...Object.values(results.workloads).map((w) => w.contenders.diplograph?.c16.peakRssMB ?? 0));
  targets.push({ target: 'diplograph RSS under load ≤ 250 MB', met: peak <= 250, detail: `${f0(peak)} MB peak` });
  if (results.import.ratio !== null) {
    targets.push({ target: 'import ≥ 0.8× raw UNWIND', met: results.import.ratio >= 0.8, detail: `${ratio(results.import.ratio)} (${f0(results.import.factsPerSecond)} vs ${f0(results.import.baselineFactsPerSecond ?? NaN)} facts/s)` });
  }
  return targets;
}

export function markdown(results: BenchResults): string {
  const m = results.machine;
  const s = results.scale;
  const lines: string[] = [];
  lines.push(`Run ${results.startedAt} (${results.label}), ${f0(results.totalSeconds)} s in all, on ${m.cpus} × ${m.cpuModel}, ${m.memoryGB} GiB, Node ${m.node}, ${m.os}.`);
  lines.push(`Scale \`${s.mode}\`: ${f0(s.people)} people, ${f0(s.positions)} positions, ${f0(s.meetings)} meetings, ${f0(s.facts)} facts (seed ${s.seed}); ${s.cellSeconds} s per cell${s.warmupPassSeconds ? `, after a warm-up pass of ${s.warmupPassSeconds} s per workload and contender and a ${s.warmupSeconds ?? 1} s warm-up per workload` : ''}.`);
  const imp = results.import;
  lines.push(
    `Import: ${f0(imp.facts)} facts in ${f1(imp.seconds)} s = ${f0(imp.factsPerSecond)} facts/s` +
      (imp.baselineFactsPerSecond !== null ? `; raw UNWIND baseline ${f0(imp.baselineFactsPerSecond)} facts/s → ${ratio(imp.ratio)}.` : '.'),
  );
  lines.push('');
  lines.push('| W | contender | req/s @1 | req/s @16 | p50 @16 (ms) | p99 @16 (ms) | CPU ms/req @16 | peak RSS (MB) | errors |');
  lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [id, w] of Object.entries(results.workloads)) {
    for (const name of ['diplograph', 'floor', 'peer'] as const) {
      const c = w.contenders[name];
      if (!c) continue;
      lines.push(
        `| ${id}${name === 'diplograph' ? ` ${w.title}${w.equivalent ? '' : ' ⚠ answers differ'}` : ''} | ${name} | ${f0(c.c1.throughput)} | ${f0(c.c16.throughput)} | ${f1(c.c16.p50Ms)} | ${f1(c.c16.p99Ms)} | ${f2(c.c16.cpuMsPerRequest)} | ${f0(c.c16.peakRssMB)} | ${c.c1.errors + c.c16.errors} |`,
      );
    }
    lines.push(`| | **diplograph / floor = ${ratio(w.vsFloor)}, / peer = ${ratio(w.vsPeer)}** | | | | | | | |`);
  }
  lines.push('');
  lines.push('| target | met | figure |');
  lines.push('| --- | --- | --- |');
  for (const t of results.targets) lines.push(`| ${t.target} | ${t.met ? 'yes' : '**no**'} | ${t.detail} |`);
  return `${lines.join('\n')}\n`;
}

export function writeResults(results: BenchResults, dir: string): { json: string; md: string } {
  fs.mkdirSync(dir, { recursive: true });
  const json = path.join(dir, 'latest.json');
  const md = path.join(dir, 'latest.md');
  fs.writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(md, markdown(results));
  return { json, md };
}
