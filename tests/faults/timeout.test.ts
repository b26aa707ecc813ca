import type { Session } from 'neo4j-driver';
import { Database } from '../../src/neo4j/database';
import { logger, testConfig } from '../support/harness';

/**
 * Every transaction carries a timeout; one that runs past it is stopped by Neo4j, the caller gets
 * TIMEOUT, and the database is free again.
 */
const SLOW = 'UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b WITH a, b WHERE a * b = -1 RETURN count(*) AS n /* diplograph-slow-probe */';

function database(timeoutMs: number) {
  const config = testConfig();
  return new Database({
    uri: config.NEO4J_URI!,
    username: config.NEO4J_USERNAME,
    password: config.NEO4J_PASSWORD,
    readTimeoutMs: timeoutMs,
    writeTimeoutMs: timeoutMs,
    connectionTimeoutMs: 5000,
    maxPoolSize: 5,
    logger,
  });
}

describe('transaction timeouts', () => {
  it('stops a query that runs past its timeout with TIMEOUT and frees the database', async () => {
    const db = database(1000);
    const checker = database(30_000);
    try {
      const started = Date.now();
      await expect(db.runAdministrative(SLOW)).rejects.toMatchObject({ extensions: { code: 'TIMEOUT' } });
      const ms = Date.now() - started;
      // Neo4j checks transaction deadlines every couple of seconds.
      expect(ms).toBeLessThan(1000 + 6000);
      const running = await checker.runAdministrative('SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS "diplograph-slow-probe" AND NOT currentQuery CONTAINS "SHOW" RETURN count(*) AS n');
      expect(running).toEqual([{ n: 0 }]);
      await db.ping();
      console.info(`timeout: a 1000 ms transaction timeout stopped the query after ${ms} ms`);
    } finally {
      await db.close();
      await checker.close();
    }
  });

  it('sends a timeout with every read, write, held write transaction and administrative statement', async () => {
    const db = database(4321);
    const seen: Array<{ kind: string; timeout: unknown }> = [];
    const original = db.driver.session.bind(db.driver);
    jest.spyOn(db.driver, 'session').mockImplementation((config) => {
      const session = original(config) as Session;
      for (const kind of ['executeRead', 'executeWrite', 'run'] as const) {
        const fn = (session[kind] as (...args: unknown[]) => unknown).bind(session);
        (session as unknown as Record<string, unknown>)[kind] = (...args: unknown[]) => {
          const options = (kind === 'run' ? args[2] : args[1]) as { timeout?: unknown } | undefined;
          seen.push({ kind, timeout: options?.timeout });
          return fn(...args);
        };
      }
      return session;
    });
    try {
      await db.read('person/by-name', { keys: ['nobody'] }).catch(() => undefined);
      await db.write('person/by-name', { keys: ['nobody'] }).catch(() => undefined);
      await db.inWriteTransaction(async () => undefined).catch(() => undefined);
      await db.runAdministrative('RETURN 1');
      // One transaction (or auto-commit statement) per call; reads may run as either.
      expect(seen.length).toBeGreaterThanOrEqual(4);
      expect(seen.filter((s) => s.kind === 'executeWrite').length).toBeGreaterThanOrEqual(2);
      for (const s of seen) expect(s).toEqual({ kind: s.kind, timeout: 4321 });
    } finally {
      await db.close();
    }
  });
});
