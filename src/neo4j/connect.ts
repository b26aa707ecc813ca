import { type Config, dataDir } from '../config';
import type { Logger } from '../logger';
import { Database } from './database';
import { ensureLauncherBuilt, startEmbeddedNeo4j, type EmbeddedNeo4j } from './embedded';
import { applyMigrations } from './migrations';

export interface Connection {
  db: Database;
  /** The embedded database this process started, or null for an external Neo4j. */
  embedded: EmbeddedNeo4j | null;
  uri: string;
  close(): Promise<void>;
}

/**
 * Connects to the configured Neo4j, or starts the embedded one when NEO4J_URI is unset; waits
 * until it answers and applies the migrations. Everything the CLI does starts here.
 */
export async function connect(config: Config, logger: Logger, options: { migrate?: boolean } = {}): Promise<Connection> {
  let embedded: EmbeddedNeo4j | null = null;
  let uri = config.NEO4J_URI;
  if (!uri) {
    const log = (msg: string, extra?: object) => logger.info(extra ?? {}, msg);
    await ensureLauncherBuilt({ log });
    embedded = await startEmbeddedNeo4j({
      dataDir: dataDir(config),
      port: config.EMBEDDED_NEO4J_PORT,
      heap: config.EMBEDDED_NEO4J_HEAP,
      pagecache: config.EMBEDDED_NEO4J_PAGECACHE,
      txMemory: config.EMBEDDED_NEO4J_TX_MEMORY,
      startTimeoutMs: config.NEO4J_START_TIMEOUT_MS,
      log,
    });
    uri = embedded.uri;
    logger.info({ uri, dataDir: dataDir(config), pid: embedded.pid }, 'embedded Neo4j is up');
  }
  const db = new Database({
    uri,
    username: config.NEO4J_USERNAME,
    password: config.NEO4J_PASSWORD,
    database: config.NEO4J_DATABASE,
    readTimeoutMs: config.NEO4J_QUERY_TIMEOUT_MS,
    writeTimeoutMs: config.NEO4J_WRITE_TIMEOUT_MS,
    connectionTimeoutMs: config.NEO4J_CONNECTION_TIMEOUT_MS,
    maxPoolSize: config.NEO4J_MAX_POOL_SIZE,
    logger,
  });
  const close = async () => {
    await db.close();
    await embedded?.stop();
  };
  try {
    await waitUntilAnswering(db, config.NEO4J_START_TIMEOUT_MS, uri);
    if (options.migrate !== false) await applyMigrations(db, logger);
  } catch (error) {
    await close();
    throw error;
  }
  return { db, embedded, uri, close };
}

async function waitUntilAnswering(db: Database, timeoutMs: number, uri: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await db.ping();
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(`Neo4j at ${uri} did not answer within ${Math.round(timeoutMs / 1000)} s: ${(error as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
