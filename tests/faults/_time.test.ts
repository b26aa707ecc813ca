import os from 'node:os'; import path from 'node:path';
import { importFiles } from '../../src/ingest/importer';
import { openTestDatabase, resetGraph } from '../support/harness';
import { writeLargeFactFile } from './support/large-file';
jest.setTimeout(300000);
it('time', async () => {
  const db = await openTestDatabase();
  await resetGraph(db);
  const file = path.join(os.tmpdir(), 'bulk-time.json');
  writeLargeFactFile(file, 4000, 8000);
  const t = Date.now();
  const r = await importFiles(db, [file], { by: 't' });
  console.log(Date.now() - t, JSON.stringify(r));
  await resetGraph(db); await db.close();
});
