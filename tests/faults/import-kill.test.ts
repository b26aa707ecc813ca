import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runningTransactions } from '../../bench/settle';
import { importFiles } from '../../src/ingest/importer';
import type { Database } from '../../src/neo4j/database';
import { openTestDatabase, resetGraph } from '../support/harness';
import { exited, spawnCli, waitFor } from './support/child';
import { writeLargeFactFile } from './support/large-file';

/**
 * `kill -9` of an import midway through a large file: no fact of the file is visible afterwards,
 * and running the import again ends with exactly the counts of an uninterrupted run.
 */
jest.setTimeout(600_000);

const PEOPLE = Number(process.env.KILL_IMPORT_PEOPLE ?? 3000);
const MEETINGS = Number(process.env.KILL_IMPORT_MEETINGS ?? 6000);

async function counts(db: Database) {
  const labels = await db.runAdministrative('MATCH (n) WHERE NOT n:Migration UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label');
  const rels = await db.runAdministrative('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type');
  return { labels, rels };
}

/** Transactions other than the ones asking: the import's open write transaction. */
async function openTransactions(db: Database): Promise<number> {
  return (await runningTransactions(db)).length;
}

describe('an import killed with SIGKILL midway', () => {
  let db: Database;
  let dir: string;
  let file: string;
  beforeAll(async () => {
    db = await openTestDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-kill-'));
    file = path.join(dir, 'large.json');
    writeLargeFactFile(file, PEOPLE, MEETINGS);
  });
  afterAll(async () => {
    await resetGraph(db);
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('leaves no partial facts, and a re-run ends with the counts of an uninterrupted run', async () => {
    // The uninterrupted run, for reference.
    await resetGraph(db);
    const empty = await counts(db);
    const started = Date.now();
    await importFiles(db, [file], { by: 'reference' });
    const referenceMs = Date.now() - started;
    const reference = await counts(db);
    expect(reference).not.toEqual(empty);
    await resetGraph(db);

    // The interrupted run: killed once its write transaction has been open for a while.
    const env = { ...process.env, LOG_LEVEL: 'warn' };
    const child = spawnCli(['import', file, '--by', 'killed', '--no-progress'], env);
    const seenAt = await waitFor('the import to open its write transaction', async () => (await openTransactions(db)) > 0 || child.exitCode !== null, 300_000, 50);
    expect(child.exitCode).toBeNull(); // still running: the file is large enough to be caught midway
    expect(seenAt).toBe(true);
    await new Promise((r) => setTimeout(r, Math.min(1500, referenceMs / 4)));
    expect(child.exitCode).toBeNull();
    child.kill('SIGKILL');
    const { signal } = await exited(child);
    expect(signal).toBe('SIGKILL');

    // Nothing of the file is visible, now or once Neo4j has noticed the dead connection.
    expect(await counts(db)).toEqual(empty);
    await waitFor('Neo4j to roll the dead transaction back', async () => (await openTransactions(db)) === 0, 60_000);
    expect(await counts(db)).toEqual(empty);

    // The re-run completes with the reference counts.
    const rerun = spawnCli(['import', file, '--by', 'rerun', '--no-progress'], env);
    const { code } = await exited(rerun);
    expect({ code, output: code === 0 ? '' : rerun.output() }).toEqual({ code: 0, output: '' });
    expect(rerun.output()).toMatch(/created/);
    expect(await counts(db)).toEqual(reference);
    console.info(`import kill: reference import of ${PEOPLE} people and ${MEETINGS} meetings took ${referenceMs} ms; killed midway, nothing visible; re-run matched`);
  });
});
