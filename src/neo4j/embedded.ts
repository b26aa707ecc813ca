/**
 * Builds and starts the embedded Neo4j (Community 5.26, `neo4j-launcher/`) as a child JVM.
 *
 * The JVM prints one line, `DIPLOGRAPH_NEO4J_READY bolt://host:port`, once the `neo4j` database
 * answers, or one line `DIPLOGRAPH_NEO4J_ERROR <CODE>: <message>` on stderr before it exits.
 * It never outlives this process: its stdin is a pipe from us, and its closing (we exited or
 * died, even by SIGKILL) makes it shut the store down cleanly and exit; `--parent-pid` is a
 * second watch. The handle does not keep Node's event loop alive by itself.
 *
 * Node built-ins only.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

export type EmbeddedNeo4jErrorCode =
  | 'JAVA_MISSING'
  | 'MAVEN_MISSING'
  | 'BUILD_FAILED'
  | 'PORT_IN_USE'
  | 'DATA_DIR_NOT_WRITABLE'
  | 'START_TIMEOUT'
  | 'START_FAILED';

export class EmbeddedNeo4jError extends Error {
  constructor(
    readonly code: EmbeddedNeo4jErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EmbeddedNeo4jError';
  }
}

export type EmbeddedNeo4jLog = (msg: string, extra?: object) => void;

export interface EmbeddedNeo4jOptions {
  /** Neo4j's home: the store goes to `<dataDir>/data`, its logs to `<dataDir>/logs`. Created if missing. */
  dataDir: string;
  /** Bolt port; 0 or undefined picks a free one. */
  port?: number;
  /** Interface to listen on; default 127.0.0.1 (auth is off, keep it on loopback). */
  host?: string;
  /** The JVM's largest heap (-Xmx); default '4g'. It starts at 512m at most (-Xms) and grows only when a big import needs it. */
  heap?: string;
  /** Neo4j page cache; default '64m'. */
  pagecache?: string;
  /** Memory all transactions together may hold (a large import is one transaction, ~20 KB a fact); default '3g'. */
  txMemory?: string;
  /** Default 120000. */
  startTimeoutMs?: number;
  /** Else JAVA_HOME, else `java` on PATH. */
  javaHome?: string;
  /** Default `<repo>/neo4j-launcher`. */
  launcherDir?: string;
  log?: EmbeddedNeo4jLog;
}

export interface EmbeddedNeo4j {
  /** `bolt://127.0.0.1:<port>` */
  uri: string;
  /** The JVM's pid. */
  pid: number;
  /** Shuts the store down cleanly (SIGTERM; SIGKILL after 30 s); resolves when the JVM has exited. */
  stop(): Promise<void>;
  /** Resolves with the JVM's exit code (null when it was killed by a signal) once it has exited. */
  exited: Promise<number | null>;
}

/** A JVM/Neo4j memory size ('512m', '4g', '64k') in bytes. */
function bytes(size: string): number {
  const unit = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[size.slice(-1).toLowerCase()] ?? 1;
  return parseFloat(size) * unit;
}

const READY_PREFIX = 'DIPLOGRAPH_NEO4J_READY ';
const ERROR_RE = /^DIPLOGRAPH_NEO4J_ERROR ([A-Z_]+): ?(.*)$/;
const MAIN_CLASS = 'diplograph.launcher.EmbeddedNeo4j';
const JAR_NAME = 'neo4j-launcher.jar';
const STOP_KILL_AFTER_MS = 30_000;
const MIN_JAVA = 17;

/**
 * JVM flags. Neo4j needs the --add-opens (without java.nio it fails at start with a
 * DirectByteBuffer link error); the rest keeps a small footprint and fails fast on OOM.
 */
const JVM_FLAGS = [
  '-XX:+UseSerialGC',
  '-XX:+ExitOnOutOfMemoryError',
  '-XX:-OmitStackTraceInFastThrow',
  '-Xss1m',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Dfile.encoding=UTF-8',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--add-opens=java.base/java.util=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent=ALL-UNNAMED',
];

const noop: EmbeddedNeo4jLog = () => undefined;

// ---------------------------------------------------------------------------------------------
// Locating things

/**
 * The repository root: the nearest folder above this file with a package.json, preferring one
 * that also holds neo4j-launcher/pom.xml (this file runs from src/neo4j/ under ts-jest and
 * from dist/src/neo4j/ after tsc, where a copied package.json may sit in dist/).
 */
export function repoRoot(start: string = __dirname): string {
  let first: string | undefined;
  let dir = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) {
      if (fs.existsSync(path.join(dir, 'neo4j-launcher', 'pom.xml'))) return dir;
      first ??= dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (first) return first;
  throw new Error(`no package.json found above ${start}`);
}

function defaultLauncherDir(): string {
  return path.join(repoRoot(), 'neo4j-launcher');
}

function isExecutableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function findOnPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

const JAVA_INSTALL_HINT =
  `Install a JDK ${MIN_JAVA} or newer (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless) ` +
  'and put `java` on PATH, or set JAVA_HOME to its folder.';

/** Finds `java` (javaHome option, else JAVA_HOME, else PATH) and checks it is Java 17 or newer. */
export function resolveJava(javaHome?: string, log: EmbeddedNeo4jLog = noop): string {
  let java: string | undefined;
  if (javaHome !== undefined) {
    java = path.join(javaHome, 'bin', 'java');
    if (!isExecutableFile(java)) {
      throw new EmbeddedNeo4jError('JAVA_MISSING', `no java executable at ${java} (javaHome ${javaHome}). ${JAVA_INSTALL_HINT}`);
    }
  } else {
    const envHome = process.env.JAVA_HOME;
    if (envHome) {
      const candidate = path.join(envHome, 'bin', 'java');
      if (isExecutableFile(candidate)) java = candidate;
      else log('JAVA_HOME has no bin/java; looking for java on PATH', { JAVA_HOME: envHome });
    }
    java ??= findOnPath('java');
    if (!java) {
      throw new EmbeddedNeo4jError('JAVA_MISSING', `java was not found on PATH and JAVA_HOME is not set. ${JAVA_INSTALL_HINT}`);
    }
  }
  const major = javaMajorVersion(java);
  if (major === undefined) {
    throw new EmbeddedNeo4jError('JAVA_MISSING', `${java} does not run (\`java -version\` failed). ${JAVA_INSTALL_HINT}`);
  }
  if (major < MIN_JAVA) {
    throw new EmbeddedNeo4jError('JAVA_MISSING', `${java} is Java ${major}; Neo4j 5.26 needs Java ${MIN_JAVA} or newer. ${JAVA_INSTALL_HINT}`);
  }
  return java;
}

const javaVersionCache = new Map<string, number | undefined>();

function javaMajorVersion(java: string): number | undefined {
  if (javaVersionCache.has(java)) return javaVersionCache.get(java);
  const result = spawnSync(java, ['-version'], { encoding: 'utf8', timeout: 30_000 });
  let major: number | undefined;
  if (result.status === 0) {
    const m = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
    if (m) major = m[1] === '1' && m[2] ? Number(m[2]) : Number(m[1]);
  }
  javaVersionCache.set(java, major);
  return major;
}

function resolveMaven(): string {
  for (const home of [process.env.MAVEN_HOME, process.env.M2_HOME]) {
    if (home && isExecutableFile(path.join(home, 'bin', 'mvn'))) return path.join(home, 'bin', 'mvn');
  }
  const mvn = findOnPath('mvn');
  if (!mvn) {
    throw new EmbeddedNeo4jError(
      'MAVEN_MISSING',
      'Maven (`mvn`) was not found on PATH; it builds the embedded Neo4j launcher once. ' +
        'Install it (Debian/Ubuntu: apt-get install maven) or set NEO4J_URI to use an external Neo4j.',
    );
  }
  return mvn;
}

// ---------------------------------------------------------------------------------------------
// Building

function newestMtime(entry: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

/** Why the launcher needs a build, or undefined when target/ is up to date. */
function buildReason(launcherDir: string): string | undefined {
  const jar = path.join(launcherDir, 'target', JAR_NAME);
  const lib = path.join(launcherDir, 'target', 'lib');
  let jarMtime: number;
  try {
    jarMtime = fs.statSync(jar).mtimeMs;
  } catch {
    return `${jar} is missing`;
  }
  try {
    if (!fs.readdirSync(lib).some((f) => f.endsWith('.jar'))) return `${lib} has no jars`;
  } catch {
    return `${lib} is missing`;
  }
  const sources = Math.max(newestMtime(path.join(launcherDir, 'pom.xml')), newestMtime(path.join(launcherDir, 'src')));
  if (sources > jarMtime) return 'pom.xml or the Java sources are newer than the jar';
  return undefined;
}

const builds = new Map<string, Promise<void>>();

/**
 * Builds neo4j-launcher with Maven when target/neo4j-launcher.jar or target/lib is missing, or
 * pom.xml or a Java source is newer than the jar. The first build downloads Neo4j (~120 MB)
 * from Maven Central into ~/.m2.
 */
export async function ensureLauncherBuilt(opts: { launcherDir?: string; javaHome?: string; log?: EmbeddedNeo4jLog } = {}): Promise<void> {
  const launcherDir = path.resolve(opts.launcherDir ?? defaultLauncherDir());
  const running = builds.get(launcherDir);
  if (running) return running;
  const build = buildLauncher(launcherDir, opts.javaHome, opts.log ?? noop).finally(() => builds.delete(launcherDir));
  builds.set(launcherDir, build);
  return build;
}

async function buildLauncher(launcherDir: string, javaHome: string | undefined, log: EmbeddedNeo4jLog): Promise<void> {
  const pom = path.join(launcherDir, 'pom.xml');
  if (!fs.existsSync(pom)) throw new EmbeddedNeo4jError('BUILD_FAILED', `no ${pom}: launcherDir must be the neo4j-launcher folder`);
  const reason = buildReason(launcherDir);
  if (!reason) return;

  const java = resolveJava(javaHome, log);
  const mvn = resolveMaven();
  const args = ['-q', '-B', '-f', pom, 'package', '-DskipTests'];
  log('building the embedded Neo4j launcher with Maven (the first build downloads Neo4j)', { reason, command: [mvn, ...args].join(' ') });
  const started = Date.now();
  const env = { ...process.env, JAVA_HOME: path.dirname(path.dirname(fs.realpathSync(java))) };

  const { code, signal, output, spawnError } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string; spawnError?: Error }>(
    (resolve) => {
      const child = spawn(mvn, args, { cwd: launcherDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
      const chunks: string[] = [];
      let size = 0;
      const collect = (chunk: Buffer) => {
        chunks.push(chunk.toString('utf8'));
        size += chunk.length;
        while (size > 256 * 1024 && chunks.length > 1) size -= chunks.shift()!.length;
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      child.on('error', (err) => resolve({ code: null, signal: null, output: chunks.join(''), spawnError: err }));
      child.on('close', (c, s) => resolve({ code: c, signal: s, output: chunks.join('') }));
    },
  );
  if (spawnError) throw new EmbeddedNeo4jError('MAVEN_MISSING', `cannot run ${mvn}: ${spawnError.message}`);
  if (code !== 0) {
    const tail = tailLines(stripAnsi(output), 40);
    throw new EmbeddedNeo4jError(
      'BUILD_FAILED',
      `mvn package in ${launcherDir} failed (${signal ? `signal ${signal}` : `exit ${code}`}):\n${tail || '(no output)'}`,
    );
  }
  const still = buildReason(launcherDir);
  if (still && !still.includes('newer')) throw new EmbeddedNeo4jError('BUILD_FAILED', `mvn package succeeded but ${still}`);
  // Maven leaves an unchanged jar alone; touch it so the sources are not seen as newer forever.
  const now = new Date();
  fs.utimesSync(path.join(launcherDir, 'target', JAR_NAME), now, now);
  log('embedded Neo4j launcher built', { ms: Date.now() - started });
}

function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

function tailLines(text: string, n: number): string {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(-n)
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// Pre-checks

function checkDataDir(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    const probe = path.join(dataDir, `.write-probe-${process.pid}-${Date.now()}`);
    fs.writeFileSync(probe, '');
    fs.unlinkSync(probe);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new EmbeddedNeo4jError('DATA_DIR_NOT_WRITABLE', `the Neo4j data folder ${dataDir} is not writable (${reason})`);
  }
}

function checkPortFree(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new EmbeddedNeo4jError('PORT_IN_USE', `port ${port} on ${host} is already in use; choose another port or 0 for a free one`));
      } else {
        reject(new EmbeddedNeo4jError('START_FAILED', `cannot listen on ${host}:${port}: ${error.message}`));
      }
    });
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve()));
  });
}

// ---------------------------------------------------------------------------------------------
// Starting

function launcherErrorCode(code: string): EmbeddedNeo4jErrorCode {
  switch (code) {
    case 'PORT_IN_USE':
    case 'DATA_DIR_NOT_WRITABLE':
    case 'START_FAILED':
      return code;
    default:
      return 'START_FAILED'; // BAD_ARGS and anything unknown: a bug on our side
  }
}

function unrefStream(stream: NodeJS.ReadableStream | NodeJS.WritableStream | null): void {
  (stream as unknown as { unref?: () => void } | null)?.unref?.();
}

function refStream(stream: NodeJS.ReadableStream | NodeJS.WritableStream | null): void {
  (stream as unknown as { ref?: () => void } | null)?.ref?.();
}

/** Line splitter for a child's output stream. */
function onLines(stream: NodeJS.ReadableStream, handle: (line: string) => void): void {
  let buffered = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffered += chunk;
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      handle(buffered.slice(0, nl).replace(/\r$/, ''));
      buffered = buffered.slice(nl + 1);
    }
  });
  stream.on('end', () => {
    if (buffered) handle(buffered);
    buffered = '';
  });
}

/**
 * Starts the embedded Neo4j and resolves once it answers on Bolt. Builds the launcher first if
 * needed. Throws EmbeddedNeo4jError (JAVA_MISSING, MAVEN_MISSING, BUILD_FAILED,
 * DATA_DIR_NOT_WRITABLE, PORT_IN_USE, START_TIMEOUT, START_FAILED).
 */
export async function startEmbeddedNeo4j(opts: EmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
  const log = opts.log ?? noop;
  const host = opts.host ?? '127.0.0.1';
  const port = opts.port ?? 0;
  const heap = opts.heap ?? '4g';
  const pagecache = opts.pagecache ?? '64m';
  const txMemory = opts.txMemory ?? '3g';
  const startTimeoutMs = opts.startTimeoutMs ?? 120_000;
  const dataDir = path.resolve(opts.dataDir);
  const launcherDir = path.resolve(opts.launcherDir ?? defaultLauncherDir());

  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new EmbeddedNeo4jError('START_FAILED', `port must be an integer from 0 to 65535, got ${port}`);
  }
  const java = resolveJava(opts.javaHome, log);
  checkDataDir(dataDir);
  if (port !== 0) await checkPortFree(host, port);
  await ensureLauncherBuilt({ launcherDir, javaHome: opts.javaHome, log });

  const classpath = [path.join(launcherDir, 'target', JAR_NAME), path.join(launcherDir, 'target', 'lib', '*')].join(path.delimiter);
  const args = [
    // The heap starts small and grows on demand: an idle service stays small, and one import file of
    // 100,000 facts (one transaction, ~2 GB of transaction state) still fits under the defaults.
    `-Xms${bytes(heap) < bytes('512m') ? heap : '512m'}`,
    `-Xmx${heap}`,
    ...JVM_FLAGS,
    '-cp',
    classpath,
    MAIN_CLASS,
    '--data-dir',
    dataDir,
    '--host',
    host,
    '--port',
    String(port),
    '--pagecache',
    pagecache,
    '--tx-memory',
    txMemory,
    '--parent-pid',
    String(process.pid),
  ];
  log('starting embedded Neo4j', { java, dataDir, host, port, heap, pagecache, txMemory });
  const started = Date.now();
  // stdin stays an open pipe for the JVM's whole life: its EOF is how the JVM learns we are gone.
  const child = spawn(java, args, { cwd: dataDir, stdio: ['pipe', 'pipe', 'pipe'] });
  // Writing to the pipe of a JVM that has exited must not crash us.
  child.stdin.on('error', () => undefined);

  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(null));
  });

  const stderrTail: string[] = [];
  let launcherError: { code: string; message: string } | undefined;
  let ready = false;
  onLines(child.stderr, (line) => {
    const m = ERROR_RE.exec(line);
    if (m) launcherError = { code: m[1], message: m[2] };
    stderrTail.push(line);
    if (stderrTail.length > 30) stderrTail.shift();
    if (ready && line.trim()) log('neo4j: ' + line);
  });

  const uri = await new Promise<string>((resolve, reject) => {
    let settled = false;
    const finish = (error: EmbeddedNeo4jError | undefined, value?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(value!);
    };
    const timer = setTimeout(() => {
      killHard(child);
      finish(new EmbeddedNeo4jError('START_TIMEOUT', `embedded Neo4j did not become ready within ${startTimeoutMs} ms (data ${dataDir}; see ${path.join(dataDir, 'logs', 'debug.log')})`));
    }, startTimeoutMs);
    onLines(child.stdout, (line) => {
      if (line.startsWith(READY_PREFIX)) finish(undefined, line.slice(READY_PREFIX.length).trim());
      else if (line.trim()) log('neo4j stdout: ' + line);
    });
    child.once('error', (error) => finish(new EmbeddedNeo4jError('JAVA_MISSING', `cannot run ${java}: ${error.message}. ${JAVA_INSTALL_HINT}`)));
    // 'close' (not 'exit'): by then stderr has been read to its end, with the error line in it.
    child.once('close', (code, signal) => {
      if (launcherError) {
        finish(new EmbeddedNeo4jError(launcherErrorCode(launcherError.code), launcherError.message));
      } else {
        const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
        const tail = stderrTail.filter((l) => l.trim()).slice(-15).join('\n');
        finish(new EmbeddedNeo4jError('START_FAILED', `embedded Neo4j ${how} before it was ready${tail ? `:\n${tail}` : ''}`));
      }
    });
  });
  ready = true;
  log('embedded Neo4j is ready', { uri, pid: child.pid, ms: Date.now() - started });

  // From here on the JVM must not keep Node alive: when Node exits, the stdin pipe closes and
  // the JVM shuts down cleanly by itself.
  child.unref();
  unrefStream(child.stdin);
  unrefStream(child.stdout);
  unrefStream(child.stderr);
  let stopping: Promise<void> | undefined;
  void exited.then((code) => {
    if (!stopping) log('embedded Neo4j exited', { pid: child.pid, code });
  });
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.ref();
      refStream(child.stdout);
      refStream(child.stderr);
      const timer = setTimeout(() => {
        log('embedded Neo4j did not stop within 30 s; killing it', { pid: child.pid });
        child.kill('SIGKILL');
      }, STOP_KILL_AFTER_MS);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(timer);
      child.stdin.destroy();
      log('embedded Neo4j stopped', { pid: child.pid });
    })();
    return stopping;
  };

  return { uri, pid: child.pid!, stop, exited };
}

function killHard(child: ChildProcess): void {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
