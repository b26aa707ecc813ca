/**
 * The embedded Neo4j launcher and its Node controller, against the real JVM (no mocks).
 *
 * Neo4j starts cost seconds each, so one data folder goes through three starts in order:
 * start in-process → start from a child Node process that is then SIGKILLed → start again.
 * The error cases are pre-checks that never start Neo4j, plus two direct launcher runs.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import ts from 'typescript';
import {
  EmbeddedNeo4jError,
  ensureLauncherBuilt,
  repoRoot,
  resolveJava,
  startEmbeddedNeo4j,
  type EmbeddedNeo4j,
} from '../../src/neo4j/embedded';

jest.setTimeout(120_000);

const root = repoRoot(__dirname);
const launcherDir = path.join(root, 'neo4j-launcher');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-embedded-test-'));
const dataDir = path.join(tmp, 'db');
const started: EmbeddedNeo4j[] = [];
const drivers: Driver[] = [];

async function start(opts: Partial<Parameters<typeof startEmbeddedNeo4j>[0]> = {}): Promise<EmbeddedNeo4j> {
  const db = await startEmbeddedNeo4j({ dataDir, heap: '512m', pagecache: '32m', launcherDir, ...opts });
  started.push(db);
  return db;
}

function driverFor(uri: string): Driver {
  // Auth is off in the embedded database: no token needed.
  const driver = neo4j.driver(uri, undefined, { connectionTimeout: 10_000 });
  drivers.push(driver);
  return driver;
}

async function probeIds(driver: Driver): Promise<string[]> {
  const { records } = await driver.executeQuery('MATCH (p:EmbeddedProbe) RETURN p.id AS id ORDER BY id');
  return records.map((r) => r.get('id') as string);
}

/** Alive and not a zombie (an orphan may wait for a PID 1 that does not reap it). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<number> {
  const t0 = Date.now();
  while (!condition()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return Date.now() - t0;
}

async function expectCode(promise: Promise<unknown>, code: string, messagePart?: string): Promise<EmbeddedNeo4jError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EmbeddedNeo4jError);
  const e = error as EmbeddedNeo4jError;
  expect(e.code).toBe(code);
  if (messagePart) expect(e.message).toContain(messagePart);
  return e;
}

/** Runs the launcher's Java main directly (no Node pre-checks) and returns its exit and stderr. */
function runLauncher(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const cp = [path.join(launcherDir, 'target', 'neo4j-launcher.jar'), path.join(launcherDir, 'target', 'lib', '*')].join(path.delimiter);
  const r = spawnSync(resolveJava(), ['-cp', cp, 'diplograph.launcher.EmbeddedNeo4j', ...args], { encoding: 'utf8', timeout: 60_000, input: '' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  // A cold build downloads Neo4j from Maven Central; later runs only stat a few files.
  await ensureLauncherBuilt({ launcherDir });
}, 900_000);

afterAll(async () => {
  await Promise.all(drivers.map((d) => d.close().catch(() => undefined)));
  await Promise.all(started.map((db) => db.stop()));
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('embedded Neo4j', () => {
  let firstPort = 0;

  test('starts on a free port and answers RETURN 1 over Bolt; PORT_IN_USE for its port', async () => {
    const db = await start();
    expect(db.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
    expect(db.pid).toBeGreaterThan(0);
    firstPort = Number(new URL(db.uri.replace('bolt:', 'http:')).port);
    expect(firstPort).toBeGreaterThan(0);

    const driver = driverFor(db.uri);
    const { records } = await driver.executeQuery('RETURN 1 AS n');
    expect(records[0].get('n').toNumber()).toBe(1);
    await driver.executeQuery('CREATE (:EmbeddedProbe {id: $id})', { id: 'first' });
    expect(await probeIds(driver)).toEqual(['first']);

    // The port is held by this very Neo4j: a second start on it must say so, naming the port.
    const other = path.join(tmp, 'other');
    await expectCode(start({ dataDir: other, port: firstPort }), 'PORT_IN_USE', String(firstPort));

    await driver.close();
    await db.stop();
    expect(isAlive(db.pid)).toBe(false);
    expect(await db.exited).not.toBeUndefined();
  });

  test('a JVM whose Node parent is SIGKILLed exits by itself; data survives and is seen by the next start', async () => {
    // The child transpiles nothing: we hand it a CommonJS copy of the controller.
    const source = fs.readFileSync(path.join(root, 'src', 'neo4j', 'embedded.ts'), 'utf8');
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
    fs.writeFileSync(path.join(tmp, 'embedded.js'), js);
    fs.writeFileSync(
      path.join(tmp, 'child.js'),
      `const { startEmbeddedNeo4j } = require('./embedded.js');
       startEmbeddedNeo4j({ dataDir: ${JSON.stringify(dataDir)}, launcherDir: ${JSON.stringify(launcherDir)}, heap: '512m', pagecache: '32m' })
         .then((db) => { console.log(JSON.stringify({ pid: db.pid, uri: db.uri })); setInterval(() => {}, 1 << 30); })
         .catch((e) => { console.error(e.code, e.message); process.exit(1); });`,
    );
    const child = spawn(process.execPath, [path.join(tmp, 'child.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
    const childExited = new Promise((r) => child.once('exit', r));
    const info = await new Promise<{ pid: number; uri: string }>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const line = out.split('\n').find((l) => l.startsWith('{'));
        if (line) resolve(JSON.parse(line));
      });
      child.once('exit', (code) => reject(new Error(`child exited with ${code} before the database was ready`)));
    });
    expect(isAlive(info.pid)).toBe(true);

    // Second start on the same folder sees what the first one wrote.
    const driver = driverFor(info.uri);
    expect(await probeIds(driver)).toEqual(['first']);
    await driver.executeQuery('CREATE (:EmbeddedProbe {id: $id})', { id: 'second' });
    await driver.close();

    child.kill('SIGKILL');
    await childExited;
    const ms = await waitFor(() => !isAlive(info.pid), 10_000);
    expect(ms).toBeLessThan(10_000);

    // Third start: the store was shut down cleanly and keeps both writes.
    const db = await start();
    const driver2 = driverFor(db.uri);
    expect(await probeIds(driver2)).toEqual(['first', 'second']);
    await driver2.close();
    await db.stop();
  });

  test('PORT_IN_USE when another program holds the port', async () => {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as net.AddressInfo).port;
    try {
      await expectCode(start({ dataDir: path.join(tmp, 'busy'), port }), 'PORT_IN_USE', `port ${port}`);
      // The launcher's own check, without the Node pre-check in front of it.
      const r = runLauncher(['--data-dir', path.join(tmp, 'busy-direct'), '--port', String(port)]);
      expect(r.status).toBe(4);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(new RegExp(`^DIPLOGRAPH_NEO4J_ERROR PORT_IN_USE: .*${port}`, 'm'));
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  test('DATA_DIR_NOT_WRITABLE for a folder that cannot be created (under a regular file)', async () => {
    // Tests run as root, so chmod would not stop us: a path below a plain file cannot exist.
    const file = path.join(tmp, 'plain-file');
    fs.writeFileSync(file, 'not a folder');
    const bad = path.join(file, 'sub');
    await expectCode(start({ dataDir: bad }), 'DATA_DIR_NOT_WRITABLE', bad);

    const r = runLauncher(['--data-dir', bad]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^DIPLOGRAPH_NEO4J_ERROR DATA_DIR_NOT_WRITABLE: .*plain-file\/sub/m);
  });

  test('the launcher rejects bad arguments with BAD_ARGS', () => {
    const r = runLauncher(['--port', 'abc']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^DIPLOGRAPH_NEO4J_ERROR BAD_ARGS: /m);
  });

  test('JAVA_MISSING with a javaHome that has no java, saying how to install one', async () => {
    const emptyHome = path.join(tmp, 'no-java-home');
    fs.mkdirSync(emptyHome);
    const e = await expectCode(start({ dataDir: path.join(tmp, 'unused'), javaHome: emptyHome }), 'JAVA_MISSING', emptyHome);
    expect(e.message).toMatch(/install/i);
  });
});
