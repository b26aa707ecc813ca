import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import type { Logger } from '../logger';
import type { Database } from '../neo4j/database';
import { importFiles } from './importer';

export const SEED_DIR = path.join(PROJECT_ROOT, 'seeds');

/** The seed fact files, in the order they load (by file name). */
export function seedFiles(): string[] {
  return fs
    .readdirSync(SEED_DIR)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => path.join(SEED_DIR, f));
}

/** Loads the seed documents into a graph that has no document yet; leaves any other graph alone. */
export async function seedIfEmpty(db: Database, logger: Logger): Promise<boolean> {
  const [{ documents }] = await db.read<{ documents: number }>('source/count-documents');
  if (documents > 0) return false;
  const reports = await importFiles(db, seedFiles(), { by: 'seed' });
  for (const report of reports) logger.info(report, 'seed imported');
  return true;
}
