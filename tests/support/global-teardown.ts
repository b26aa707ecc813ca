import fs from 'node:fs';
import type { EmbeddedNeo4j } from '../../src/neo4j/embedded';

export default async function globalTeardown(): Promise<void> {
  const neo4j = (globalThis as { __diplographNeo4j?: EmbeddedNeo4j }).__diplographNeo4j;
  if (!neo4j) return;
  await neo4j.stop();
  const dir = process.env.DIPLOGRAPH_TEST_NEO4J_DATA_DIR;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
