import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '../src/neo4j/database';

export interface Settled {
  /** How long the database took to have nothing else running. */
  waitedMs: number;
  /** What was still running when the wait timed out (empty when the database settled). */
  running: string[];
}

// Every poll lists itself (and a concurrent poll lists the other); neither is a leftover.
const OWN_QUERY = 'SHOW TRANSACTIONS';

/** The statement of every transaction Neo4j runs (open ones included), but the ones asking. */
export async function runningTransactions(db: Database): Promise<string[]> {
  const rows = await db.runAdministrative('SHOW TRANSACTIONS YIELD currentQuery');
  return rows.map((r) => String(r.currentQuery ?? '')).filter((query) => !query.startsWith(OWN_QUERY));
}

/**
 * Waits until Neo4j runs no transaction but the one asking. autocannon ends a cell at its
 * deadline, but the statements its last requests started run on to their end in Neo4j: left alone,
 * a slow contender's leftovers are paid for by the contender measured next. (Measured: after the
 * peer's W6 cell, whose statements take about 2 s each, diplograph's W6 ran at 9–14 req/s; after
 * the floor's, at 23–25.)
 */
export async function waitForIdleDatabase(db: Database, { timeoutMs = 60_000, pollMs = 50 } = {}): Promise<Settled> {
  const started = performance.now();
  for (;;) {
    const running = await runningTransactions(db);
    const waitedMs = performance.now() - started;
    if (running.length === 0 || waitedMs >= timeoutMs) return { waitedMs, running };
    await sleep(pollMs);
  }
}
