/**
 * Starting and measuring the three contenders. Each runs in its own Node process against the same
 * Neo4j, so that CPU time (utime + stime from /proc/<pid>/stat) and peak RSS (VmHWM from
 * /proc/<pid>/status) are the service's own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import type { ContenderName, Params, Workload } from '../workloads';

export interface Contender {
  name: ContenderName;
  pid: number;
  /** The HTTP request of one workload call: where and what. */
  request(workload: Workload, params: Params): { url: string; body: string };
  /** Unwraps an answer (GraphQL errors and HTTP failures become exceptions). */
  unwrap(status: number, body: string): unknown;
  stop(): Promise<void>;
}

export interface ProcessStats {
  cpuSeconds: number;
  rssMB: number;
  peakRssMB: number;
}

const CLOCK_TICKS = 100;

export function processStats(pid: number): ProcessStats {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at index 3 = state.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { cpuSeconds: (utime + stime) / CLOCK_TICKS, rssMB: kb('VmRSS') / 1024, peakRssMB: kb('VmHWM') / 1024 };
}

/** Spawns `node <nodeFlags> <script> args` and waits for the stdout line that carries its URL. */
function startChild(script: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp, nodeFlags: string[] = [], timeoutMs = 120_000): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${path.basename(script)} did not start within ${timeoutMs / 1000} s:\n${out}\n${err}`));
    }, timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = ready.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      err = (err + chunk.toString()).slice(-20_000);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${path.basename(script)} exited with ${code} before it was ready:\n${out}\n${err}`));
    });
  });
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
}

function graphqlUnwrap(status: number, body: string): unknown {
  const parsed = JSON.parse(body) as { data?: unknown; errors?: Array<{ message: string }> };
  if (status !== 200 || parsed.errors?.length) throw new Error(`HTTP ${status}: ${parsed.errors?.map((e) => e.message).join('; ') ?? body.slice(0, 300)}`);
  return parsed.data;
}

const DIST = path.resolve(__dirname, '..', '..');

/**
 * The Node flags `npm start` runs the service with (package.json's `start` script; the Docker
 * image's CMD has the same), so that the bench measures the service as it is run. V8 sizes its
 * young generation when the process starts, which the service cannot change from inside.
 */
export function serveNodeFlags(startScript: string = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')).scripts.start): string[] {
  const match = /\bnode((?:\s+--\S+)*)\s+dist\/src\/cli\.js serve\b/.exec(startScript);
  if (!match) throw new Error(`package.json's start script does not run "node [flags] dist/src/cli.js serve": ${startScript}`);
  return match[1].trim().split(/\s+/).filter(Boolean);
}

/** diplograph itself: `node <serveNodeFlags> dist/src/cli.js serve`, production settings, the same Neo4j. */
export async function startDiplograph(neo4jUri: string): Promise<Contender> {
  const { child, url } = await startChild(
    path.join(DIST, 'src', 'cli.js'),
    ['serve'],
    { NEO4J_URI: neo4jUri, PORT: '0', NODE_ENV: 'production', LOG_LEVEL: 'warn', SEED_ON_EMPTY: 'false' },
    /diplograph is ready at (\S+)/,
    serveNodeFlags(),
  );
  return {
    name: 'diplograph',
    pid: child.pid!,
    request: (w, params) => ({ url, body: JSON.stringify({ query: w.graphql, variables: w.variables('diplograph', params) }) }),
    unwrap: graphqlUnwrap,
    stop: stopper(child),
  };
}

export async function startFloor(neo4jUri: string): Promise<Contender> {
  const { child, url } = await startChild(path.join(__dirname, 'floor-server.js'), [], { NEO4J_URI: neo4jUri, PORT: '0', NODE_ENV: 'production' }, /ready (\S+)/);
  return {
    name: 'floor',
    pid: child.pid!,
    request: (w, params) => ({ url: `${url}/${w.id}`, body: JSON.stringify(w.variables('floor', params)) }),
    unwrap: (status, body) => {
      if (status !== 200) throw new Error(`HTTP ${status}: ${body.slice(0, 300)}`);
      return JSON.parse(body);
    },
    stop: stopper(child),
  };
}

export async function startPeer(neo4jUri: string): Promise<Contender> {
  const { child, url } = await startChild(path.join(__dirname, 'peer-server.js'), [], { NEO4J_URI: neo4jUri, PORT: '0', NODE_ENV: 'production' }, /ready (\S+)/);
  return {
    name: 'peer',
    pid: child.pid!,
    request: (w, params) => ({ url, body: JSON.stringify({ query: w.peer, variables: w.variables('peer', params) }) }),
    unwrap: graphqlUnwrap,
    stop: stopper(child),
  };
}
