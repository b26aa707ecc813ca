/**
 * The Database's mapping of what Neo4j refuses to the service's codes, against a real database:
 * an embedded Neo4j of its own, started with a small transaction memory cap (Community cannot
 * change the cap of a running database).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importText } from '../../src/ingest/importer';
import type { Database } from '../../src/neo4j/database';
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from '../../src/neo4j/embedded';
import { graphFingerprint } from '../ingest/graph-fingerprint';
import { largeGraphFactFile } from '../support/graphs';
import { openTestDatabase, testConfig } from '../support/harness';

jest.setTimeout(180_000);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-tx-memory-test-'));
let neo4j: EmbeddedNeo4j;
let db: Database;

beforeAll(async () => {
  neo4j = await startEmbeddedNeo4j({ dataDir, heap: '512m', pagecache: '32m', txMemory: '32m' });
  db = await openTestDatabase(testConfig({ NEO4J_URI: neo4j.uri }));
});

afterAll(async () => {
  await db?.close();
  await neo4j?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a transaction over the memory cap', () => {
  it('fails with LIMIT_EXCEEDED, saying what to do, and writes nothing', async () => {
    const before = await graphFingerprint(db);
    // About 3,000 facts in one file, one transaction: well over 32 MiB of transaction state.
    const error = await importText(db, JSON.stringify(largeGraphFactFile()), { filename: 'large.json', by: 'test' }).catch((e: unknown) => e);

    expect(error).toMatchObject({ extensions: { code: 'LIMIT_EXCEEDED', what: 'transactionMemory', file: 'large.json' } });
    expect((error as Error).message).toMatch(/^large\.json: .*split the file into smaller documents, or raise the limit/);
    expect(await graphFingerprint(db)).toEqual(before);
  });
});
