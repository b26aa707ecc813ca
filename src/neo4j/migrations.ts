import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import type { Logger } from '../logger';
import type { Database } from './database';

const MIGRATION_DIR = path.join(PROJECT_ROOT, 'cypher', 'migrations');

export interface Migration {
  id: string;
  checksum: string;
  statements: string[];
}

/** The migration files in order: `NNN-name.cypher`, statements separated by `;`, `//` comments allowed. */
export function readMigrations(dir = MIGRATION_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}-[a-z0-9-]+\.cypher$/.test(f))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const statements = text
        .split('\n')
        .filter((line) => !line.trim().startsWith('//'))
        .join('\n')
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean);
      return { id: file.replace(/\.cypher$/, ''), checksum: crypto.createHash('sha256').update(text).digest('hex'), statements };
    });
}

/**
 * Applies the migrations not yet recorded in the graph. Schema statements cannot share a
 * transaction with data writes in Neo4j, so each runs on its own; all of them are written
 * `IF NOT EXISTS`, which makes a half-finished run (or two replicas starting at once) safe to repeat.
 */
export async function applyMigrations(db: Database, logger: Logger): Promise<{ applied: string[]; skipped: string[] }> {
  const migrations = readMigrations();
  const recorded = new Map<string, string>();
  for (const row of await db.runAdministrative('MATCH (m:Migration) RETURN m.id AS id, m.checksum AS checksum')) {
    recorded.set(row.id as string, row.checksum as string);
  }
  const applied: string[] = [];
  const skipped: string[] = [];
  for (const migration of migrations) {
    const previous = recorded.get(migration.id);
    if (previous !== undefined) {
      if (previous !== migration.checksum) {
        logger.warn({ migration: migration.id }, 'migration file changed after it was applied; add a new migration instead');
      }
      skipped.push(migration.id);
      continue;
    }
    for (const statement of migration.statements) await db.runAdministrative(statement);
    await db.runAdministrative(
      'MERGE (m:Migration {id: $id}) SET m.checksum = $checksum, m.appliedAt = datetime()',
      { id: migration.id, checksum: migration.checksum },
    );
    logger.info({ migration: migration.id }, 'migration applied');
    applied.push(migration.id);
  }
  // Indexes build in the background; wait so that the first queries use them.
  await db.runAdministrative('CALL db.awaitIndexes(300)');
  return { applied, skipped };
}

/** True when every migration file has been recorded as applied. */
export async function migrationsPending(db: Database): Promise<string[]> {
  const rows = await db.runAdministrative('MATCH (m:Migration) RETURN collect(m.id) AS ids');
  const done = new Set((rows[0]?.ids as string[]) ?? []);
  return readMigrations().map((m) => m.id).filter((id) => !done.has(id));
}
