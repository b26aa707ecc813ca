import { Database } from '../../src/neo4j/database';
import { applyMigrations } from '../../src/neo4j/migrations';
import { createApp } from '../../src/server/app';
import { logger, startTestServer, testConfig, type TestServer } from '../support/harness';

describe('health endpoints', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  const get = (path: string) => fetch(server.url.replace('/graphql', path));

  it('/health/live answers 200 while the process runs', async () => {
    const response = await get('/health/live');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'live' });
  });

  it('/health/ready answers 200 when Neo4j answers and migrations are applied', async () => {
    const response = await get('/health/ready');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready' });
  });

  it('/health/ready answers 503 with the reason while a migration is pending', async () => {
    const [row] = await server.db.runAdministrative('MATCH (m:Migration) WITH m, m.id AS id ORDER BY id DESC LIMIT 1 DETACH DELETE m RETURN id');
    try {
      const response = await get('/health/ready');
      expect(response.status).toBe(503);
      const body = (await response.json()) as { status: string; reason: string };
      expect(body.reason).toContain('migrations not applied');
    } finally {
      // Put the record back as the migration runner would.
      await applyMigrations(server.db, logger);
      expect(row).toBeDefined();
    }
  });

  it('/health/ready answers 503 when Neo4j does not answer', async () => {
    // A database on a port where nothing listens: the service must say so, not hang.
    const config = testConfig({ NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_CONNECTION_TIMEOUT_MS: '1000' });
    const db = new Database({
      uri: config.NEO4J_URI!, username: 'neo4j', password: '', readTimeoutMs: 1000, writeTimeoutMs: 1000,
      connectionTimeoutMs: 1000, maxPoolSize: 2, logger,
    });
    const app = await createApp(config, db, logger);
    await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = app.httpServer.address() as { port: number };
      const started = Date.now();
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      expect(response.status).toBe(503);
      expect(((await response.json()) as { reason: string }).reason).toMatch(/Neo4j does not answer/);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await app.apollo.stop();
      await db.close();
    }
  });
});
