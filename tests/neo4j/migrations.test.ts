import { applyMigrations, migrationsPending, readMigrations } from '../../src/neo4j/migrations';
import type { Database } from '../../src/neo4j/database';
import { logger, openTestDatabase } from '../support/harness';

describe('migrations', () => {
  let db: Database;

  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());

  const schemaFingerprint = async () => {
    const constraints = await db.runAdministrative('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names');
    const indexes = await db.runAdministrative('SHOW INDEXES YIELD name RETURN collect(name) AS names');
    return { constraints: (constraints[0].names as string[]).sort(), indexes: (indexes[0].names as string[]).sort() };
  };

  it('are ordered files with their statements', () => {
    const migrations = readMigrations();
    expect(migrations.length).toBeGreaterThanOrEqual(2);
    expect(migrations.map((m) => m.id)).toEqual([...migrations.map((m) => m.id)].sort());
    for (const m of migrations) expect(m.statements.length).toBeGreaterThan(0);
  });

  it('record which ran, and none are pending after start-up', async () => {
    expect(await migrationsPending(db)).toEqual([]);
    const rows = await db.runAdministrative('MATCH (m:Migration) RETURN m.id AS id, m.checksum AS checksum ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual(readMigrations().map((m) => m.id));
  });

  it('are idempotent: a second run applies nothing and changes no schema', async () => {
    const before = await schemaFingerprint();
    const second = await applyMigrations(db, logger);
    expect(second.applied).toEqual([]);
    expect(second.skipped).toEqual(readMigrations().map((m) => m.id));
    expect(await schemaFingerprint()).toEqual(before);
  });

  it('re-apply cleanly when the records are lost (every statement is IF NOT EXISTS)', async () => {
    const before = await schemaFingerprint();
    await db.runAdministrative('MATCH (m:Migration) DELETE m');
    expect(await migrationsPending(db)).toEqual(readMigrations().map((m) => m.id));
    const rerun = await applyMigrations(db, logger);
    expect(rerun.applied).toEqual(readMigrations().map((m) => m.id));
    expect(await schemaFingerprint()).toEqual(before);
  });

  it('create the uniqueness constraints the graph relies on', async () => {
    const { constraints } = await schemaFingerprint();
    expect(constraints).toEqual(expect.arrayContaining(['person_id', 'fact_id', 'name_key', 'evidence_id', 'document_id']));
  });
});
