import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { exited, spawnCli, waitFor, freePort } from './support/child';

/**
 * SIGTERM drains: the server stops taking connections, a request already in flight still gets
 * its answer, then the driver and the embedded Neo4j close and the process exits 0.
 */
jest.setTimeout(600_000);

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('graceful shutdown on SIGTERM', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-shutdown-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finishes the in-flight request, refuses new connections, closes the driver and Neo4j, exits 0', async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dir,
      SEED_ON_EMPTY: 'false',
      LOG_LEVEL: 'info',
      SHUTDOWN_GRACE_MS: '20000',
      EMBEDDED_NEO4J_HEAP: '384m',
      EMBEDDED_NEO4J_PAGECACHE: '32m',
      NEO4J_START_TIMEOUT_MS: '400000',
    };
    delete env.NEO4J_URI; // its own embedded Neo4j, which it must stop
    const child = spawnCli(['serve'], env);
    try {
      await waitFor('the service to be ready', () => /diplograph is ready at/.test(child.output()) || child.exitCode !== null, 420_000);
      expect(child.exitCode).toBeNull();
      const jvmPid = Number(/"pid":(\d+)[^\n]*embedded Neo4j is up/.exec(child.output())?.[1]);
      expect(alive(jvmPid)).toBe(true);

      // A request in flight: headers and half the body sent, the rest after SIGTERM.
      const body = JSON.stringify({ query: '{ __typename documents(first: 1) { id } }' });
      const socket = net.connect(port, '127.0.0.1');
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      let response = '';
      socket.on('data', (c) => (response += c.toString()));
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      socket.write(
        `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
      );
      await new Promise((r) => setTimeout(r, 300));

      child.kill('SIGTERM');
      await waitFor('the listener to close', async () => {
        return new Promise<boolean>((resolve) => {
          const probe = net.connect(port, '127.0.0.1');
          probe.once('connect', () => (probe.destroy(), resolve(false)));
          probe.once('error', () => resolve(true));
        });
      }, 15_000, 100);

      socket.write(body.slice(10));
      await closed;
      expect(response).toMatch(/^HTTP\/1\.1 200/);
      expect(response).toContain('"__typename":"Query"');

      const { code } = await exited(child);
      expect({ code, output: code === 0 ? '' : child.output() }).toEqual({ code: 0, output: '' });
      expect(child.output()).toMatch(/shutting down/);
      expect(child.output()).toMatch(/embedded Neo4j stopped/);
      expect(child.output()).toMatch(/diplograph stopped/);
      expect(alive(jvmPid)).toBe(false);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
