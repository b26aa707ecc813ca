import type { AddressInfo } from 'node:net';
import { type Config, loadConfig } from '../../src/config';
import { seedFiles } from '../../src/ingest/seed';
import { importFiles } from '../../src/ingest/importer';
import { createLogger } from '../../src/logger';
import { Database } from '../../src/neo4j/database';
import { invalidateGraphCaches } from '../../src/neo4j/freshness';
import { applyMigrations } from '../../src/neo4j/migrations';
import { type App, createApp } from '../../src/server/app';

export const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');

/**
 * The configuration tests run with: the test database, and whatever a test overrides. A test sends
 * most documents once, so they are compiled at once (GRAPHQL_COMPILE_AFTER=1): the suite checks
 * what a service runs for its clients' repeated documents. `GRAPHQL_COMPILE_AFTER=0 npm test`
 * runs it all on graphql-js instead; tests/server/execution.test.ts checks that both agree.
 */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ GRAPHQL_COMPILE_AFTER: '1', ...process.env, NODE_ENV: 'test', PORT: '0', ...overrides });
}

/** A connection to the run's Neo4j with the migrations applied. */
export async function openTestDatabase(config: Config = testConfig()): Promise<Database> {
  const db = new Database({
    uri: config.NEO4J_URI!,
    username: config.NEO4J_USERNAME,
    password: config.NEO4J_PASSWORD,
    database: config.NEO4J_DATABASE,
    readTimeoutMs: config.NEO4J_QUERY_TIMEOUT_MS,
    writeTimeoutMs: config.NEO4J_WRITE_TIMEOUT_MS,
    connectionTimeoutMs: config.NEO4J_CONNECTION_TIMEOUT_MS,
    maxPoolSize: config.NEO4J_MAX_POOL_SIZE,
    logger,
  });
  await applyMigrations(db, logger);
  return db;
}

/**
 * Empties the graph but for the migration records (Community has one database: reset data, not
 * databases), and drops what this process keeps of it, as a fresh database would have nothing kept.
 */
export async function resetGraph(db: Database): Promise<void> {
  await db.runAdministrative('MATCH (n) WHERE NOT n:Migration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  invalidateGraphCaches();
}

/** Resets the graph and loads the seed articles, as a fresh `npm start` would. */
export async function seedGraph(db: Database): Promise<void> {
  await resetGraph(db);
  await importFiles(db, seedFiles(), { by: 'test' });
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: unknown[] }>;
}

export interface TestServer extends App {
  url: string;
  db: Database;
  config: Config;
  /** POSTs one operation, as a client would. */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, options?: { token?: string }): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/** The real HTTP server on a free port, over the run's Neo4j. */
export async function startTestServer(overrides: Record<string, string> = {}): Promise<TestServer> {
  const config = testConfig(overrides);
  const db = await openTestDatabase(config);
  const app = await createApp(config, db, logger);
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = app.httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/graphql`;
  return {
    ...app,
    url,
    db,
    config,
    async gql(query, variables = {}, options = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse, 'status'>;
      return { status: response.status, ...body } as GraphQLResponse<never>;
    },
    async stop() {
      await app.apollo.stop();
      await db.close();
    },
  };
}
