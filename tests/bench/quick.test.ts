/**
 * Smoke test of the API benchmark (issue #8): the `--quick` bench at a tiny scale with 1-second
 * cells, as a child process, as `npm run bench` runs it: on an embedded Neo4j of its own, which it
 * restarts between the import and the workloads. Figures are printed, never asserted: only that the
 * restarted database holds what was imported, that every contender warmed up on every workload
 * before the first measured cell, that each workload waited for the leftovers of its cells, that
 * every cell has figures, and that the results were written.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

jest.setTimeout(600_000);

test('the quick bench runs every workload on every contender and writes its results', () => {
  // The contenders are the built service and servers (dist/); compile what the bench runs.
  // tsc emits even when an unrelated file has a type error; the run below is the real check.
  spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'ignore' });
  expect(fs.existsSync(path.join(ROOT, 'dist', 'bench', 'run.js'))).toBe(true);

  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-bench-smoke-'));
  // Without NEO4J_URI the bench starts a Neo4j of its own (two JVM starts: before the import and after).
  const { NEO4J_URI: _testNeo4j, ...withoutNeo4jUri } = process.env;
  try {
    const stdout = execFileSync(
      process.execPath,
      [path.join(ROOT, 'dist', 'bench', 'run.js'), '--quick', '--people', '120', '--positions', '20', '--meetings', '600', '--seconds', '1', '--warmup', '1', '--no-baseline', '--out', out],
      { cwd: ROOT, env: withoutNeo4jUri, encoding: 'utf8', timeout: 540_000, maxBuffer: 10 * 1024 * 1024 },
    );
    process.stdout.write(stdout);
    expect(stdout).toMatch(/Neo4j restarted with the service's heap \(\w+\) at bolt:\/\/[^:]+:\d+: 120 people\n/);
    // Every contender warmed up on every workload before the first measured cell.
    const pass = /warm-up pass, 1 s per workload: diplograph (\d+), floor (\d+), peer (\d+) requests answered\n/.exec(stdout);
    expect(pass).not.toBeNull();
    expect(pass!.slice(1).map(Number).every((n) => n > 0)).toBe(true);
    expect(pass!.index).toBeLessThan(stdout.indexOf('] W1: '));
    // Every workload waited, after each contender's cells, for what they left running in Neo4j.
    expect(stdout.match(/leftovers ended after the cells in diplograph [\d.]+ s, floor [\d.]+ s, peer [\d.]+ s\n/g)).toHaveLength(6);
    const results = JSON.parse(fs.readFileSync(path.join(out, 'latest.json'), 'utf8'));
    expect(fs.existsSync(path.join(out, 'latest.md'))).toBe(true);
    expect(Object.keys(results.workloads).sort()).toEqual(['W1', 'W2', 'W3', 'W4', 'W5', 'W6']);
    for (const workload of Object.values(results.workloads) as Array<{ contenders: Record<string, Record<string, { requests: number; throughput: number; p50Ms: number }>> }>) {
      expect(Object.keys(workload.contenders).sort()).toEqual(['diplograph', 'floor', 'peer']);
      for (const figures of Object.values(workload.contenders)) {
        for (const c of ['c1', 'c16']) {
          // A 1-second cell on a loaded CI machine may finish no request of a slow workload: the
          // cell must exist with its figures, whatever they are.
          expect(figures[c].requests).toBeGreaterThanOrEqual(0);
          expect(Number.isFinite(figures[c].throughput)).toBe(true);
          expect(Number.isFinite(figures[c].p50Ms)).toBe(true);
        }
      }
    }
    expect(results.import.factsPerSecond).toBeGreaterThan(0);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
