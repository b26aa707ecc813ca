/**
 * The writer sends each batch while Neo4j still writes the one before (src/ingest/writer.ts). A
 * file of several batches per step must still come out whole: every fact its plan holds, with
 * every edge, each end found (an edge whose fact or target were not there yet would be dropped
 * by its MATCH, not reported).
 */
import { checkFile } from '../../src/ingest/checks';
import { importText } from '../../src/ingest/importer';
import { ENTITY_SECTIONS, FACT_LABELS, type FactFile } from '../../src/ingest/model';
import { planImport } from '../../src/ingest/plan';
import { resolveReferences } from '../../src/ingest/references';
import { BATCH_SIZE } from '../../src/ingest/writer';
import type { Database } from '../../src/neo4j/database';
import { largeGraphFactFile } from '../support/graphs';
import { openTestDatabase, resetGraph } from '../support/harness';

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  await resetGraph(db);
});
afterAll(() => db.close());

const tally = (keys: string[]) => {
  const out: Record<string, number> = {};
  for (const key of keys) out[key] = (out[key] ?? 0) + 1;
  return out;
};

describe('a file written in many batches', () => {
  test('holds every fact and every edge of its plan', async () => {
    const file = largeGraphFactFile() as unknown as FactFile;
    const { resolved } = await resolveReferences(file, db);
    const { checked } = await checkFile(file, resolved, db);
    const plan = planImport(file, resolved, checked);
    const edges = plan.facts.flatMap((f) => f.edges);
    // Several batches for facts and for one kind of edge at least, or the test proves nothing.
    expect(plan.facts.length).toBeGreaterThan(BATCH_SIZE);
    expect(Math.max(...Object.values(tally(edges.map((e) => `${e.type}|${e.label}`))))).toBeGreaterThan(2 * BATCH_SIZE);

    await importText(db, JSON.stringify(file), { filename: 'large.json', by: 'test' });

    const facts = await db.runAdministrative('MATCH (f:Fact) RETURN [l IN labels(f) WHERE l <> "Fact"][0] AS label, count(*) AS n');
    expect(Object.fromEntries(facts.map((r) => [r.label, r.n]))).toEqual(tally(plan.facts.map((f) => f.label)));
    // Each edge of the plan, by type and by the label at its far end (what a fact edge may point
    // at: evidence, an entity or another fact, counted once from its start), and no other.
    const written = await db.runAdministrative(
      `MATCH (f:Fact)-[r]-(t)
       WITH r, t, [l IN labels(t) WHERE l IN $targets][0] AS target
       WHERE target IS NOT NULL AND (NOT t:Fact OR startNode(r) = f)
       RETURN type(r) + '|' + target AS key, count(*) AS n`,
      { targets: ['Evidence', ...Object.values(ENTITY_SECTIONS), ...FACT_LABELS] },
    );
    expect(Object.fromEntries(written.map((r) => [r.key, r.n]))).toEqual(tally(edges.map((e) => `${e.type}|${e.label}`)));
  });
});
