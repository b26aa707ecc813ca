import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureLauncherBuilt, startEmbeddedNeo4j } from '../../src/neo4j/embedded';

/**
 * One real Neo4j for the whole run: the embedded one in a fresh temporary folder, unless
 * NEO4J_URI already points at a database (then that one is used, and its data is reset by tests).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.NEO4J_URI) return;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-test-neo4j-'));
  await ensureLauncherBuilt({ log: (msg) => process.stderr.write(`[neo4j] ${msg}\n`) });
  const neo4j = await startEmbeddedNeo4j({ dataDir, heap: '1g', pagecache: '256m', txMemory: '512m' });
  process.env.NEO4J_URI = neo4j.uri;
  process.env.DIPLOGRAPH_TEST_NEO4J_DATA_DIR = dataDir;
  (globalThis as { __diplographNeo4j?: typeof neo4j }).__diplographNeo4j = neo4j;
}
