import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type EmbeddedNeo4j, ensureLauncherBuilt, startEmbeddedNeo4j } from '../../src/neo4j/embedded';
import { type TestServer, startTestServer } from '../support/harness';
import { codesOf, post } from '../security/support';
import { freePort } from './support/child';

/**
 * Neo4j stops while the service runs: requests fail fast with DATABASE_UNAVAILABLE, readiness
 * turns 503, and once Neo4j is back on the same port and data the service answers again by itself.
 * A separate embedded Neo4j (not the run's shared one) is killed with SIGKILL and restarted.
 */
jest.setTimeout(300_000);

const CONNECTION_TIMEOUT_MS = 2000;
// A new name each time: a name looked up within the last CACHE_TTL_MS may be answered from what the
// service keeps (src/neo4j/keyed-read-cache.ts), and these requests must reach the database.
let asked = 0;
const query = () => ({ query: `{ person(name: "nobody at all ${++asked}") { id } }` });

describe('Neo4j outage and recovery', () => {
  let dir: string;
  let port: number;
  let neo4j: EmbeddedNeo4j;
  let server: TestServer;
  let ready: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-outage-'));
    port = await freePort();
    await ensureLauncherBuilt();
    neo4j = await startEmbeddedNeo4j({ dataDir: dir, port, heap: '384m', pagecache: '32m' });
    server = await startTestServer({
      NEO4J_URI: neo4j.uri,
      NEO4J_CONNECTION_TIMEOUT_MS: String(CONNECTION_TIMEOUT_MS),
      NEO4J_QUERY_TIMEOUT_MS: '5000',
      NEO4J_MAX_POOL_SIZE: '10',
    });
    ready = `${server.url.replace(/\/graphql$/, '')}/health/ready`;
  });

  afterAll(async () => {
    await server?.stop().catch(() => undefined);
    await neo4j?.stop().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fails fast while Neo4j is down and recovers without a restart', async () => {
    expect(codesOf(await post(server.url, query()))).toEqual([]);
    expect((await fetch(ready)).status).toBe(200);

    process.kill(neo4j.pid, 'SIGKILL');
    await neo4j.exited;

    // Every request fails with DATABASE_UNAVAILABLE, well within the connection timeout's retries.
    const failures: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      const r = await post(server.url, query());
      failures.push(Date.now() - started);
      expect(r.status).toBeLessThan(500);
      expect(codesOf(r)).toEqual(['DATABASE_UNAVAILABLE']);
    }
    const readyStarted = Date.now();
    const notReady = await fetch(ready);
    const readyMs = Date.now() - readyStarted;
    expect(notReady.status).toBe(503);
    expect(Math.max(...failures, readyMs)).toBeLessThan(CONNECTION_TIMEOUT_MS * 2 + 2000);

    // Neo4j comes back on the same port and data; the same server, driver and pool recover by themselves.
    const restartStarted = Date.now();
    // The killed JVM's sockets linger in TIME_WAIT for up to a minute; a real supervisor retries too.
    for (;;) {
      try {
        neo4j = await startEmbeddedNeo4j({ dataDir: dir, port, heap: '384m', pagecache: '32m' });
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== 'PORT_IN_USE' || Date.now() - restartStarted > 150_000) throw error;
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
    }
    const backAt = Date.now();
    let recoveredAt = 0;
    while (Date.now() - backAt < 30_000) {
      const r = await post(server.url, query());
      if (codesOf(r).length === 0) {
        recoveredAt = Date.now();
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(recoveredAt).toBeGreaterThan(0);
    expect((await fetch(ready)).status).toBe(200);
    console.info(
      `outage: requests failed in ${failures.join('/')} ms, /health/ready 503 in ${readyMs} ms; ` +
        `Neo4j restart took ${backAt - restartStarted} ms, service answered ${recoveredAt - backAt} ms after Neo4j was back`,
    );
  });
});
