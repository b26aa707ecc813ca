/**
 * The bench's wait between cells (bench/settle.ts), against the real Neo4j: it returns once nothing
 * but itself runs, waits while another transaction is open, and gives up after its timeout naming
 * what still runs.
 */
import { waitForIdleDatabase } from '../../bench/settle';
import type { Database } from '../../src/neo4j/database';
import { openTestDatabase } from '../support/harness';

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
});

afterAll(async () => {
  await db.close();
});

/** An explicit transaction left open on its own session: what a cell's leftover statement looks like to Neo4j. */
async function openTransaction() {
  const session = db.driver.session();
  const tx = session.beginTransaction();
  await tx.run('RETURN 1 AS leftover');
  return {
    async end() {
      await tx.commit();
      await session.close();
    },
  };
}

test('returns at once when nothing else runs', async () => {
  const settled = await waitForIdleDatabase(db, { timeoutMs: 10_000 });
  expect(settled.running).toEqual([]);
});

test('waits until another open transaction ends', async () => {
  const other = await openTransaction();
  let ended = false;
  const waiting = waitForIdleDatabase(db, { timeoutMs: 30_000 }).then((settled) => ({ settled, endedBefore: ended }));
  await new Promise((resolve) => setTimeout(resolve, 500));
  ended = true;
  await other.end();
  const { settled, endedBefore } = await waiting;
  expect(endedBefore).toBe(true);
  expect(settled.running).toEqual([]);
  expect(settled.waitedMs).toBeGreaterThanOrEqual(450);
});

test('gives up after its timeout and says what still runs', async () => {
  const other = await openTransaction();
  try {
    const settled = await waitForIdleDatabase(db, { timeoutMs: 300, pollMs: 20 });
    expect(settled.running).toHaveLength(1);
    expect(settled.waitedMs).toBeGreaterThanOrEqual(300);
  } finally {
    await other.end();
  }
});
