import fs from 'node:fs';
import path from 'node:path';
import { SEED_DIR, seedFiles } from '../../src/ingest/seed';
import { importFiles } from '../../src/ingest/importer';
import type { Database } from '../../src/neo4j/database';
import { openTestDatabase, resetGraph } from '../support/harness';
import { graphFingerprint } from './graph-fingerprint';

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  await resetGraph(db);
});
afterAll(() => db.close());

describe('the seed articles', () => {
  test('import cleanly, every record created', async () => {
    const reports = await importFiles(db, seedFiles(), { by: 'test' });
    expect(reports.length).toBe(seedFiles().length);
    const first = reports[0];
    expect(first.documentId).toBe('dw-2023-06-19-xi-blinken');
    expect(first.updated).toBe(0);
    expect(first.unchanged).toBe(0);
    expect(first.facts).toBeGreaterThan(20);
    expect(first.created).toBeGreaterThan(first.facts);
  });

  test('a second import is a no-op: nothing created or updated, the graph unchanged', async () => {
    const before = await graphFingerprint(db);
    const reports = await importFiles(db, seedFiles(), { by: 'test' });
    for (const r of reports) {
      expect({ created: r.created, updated: r.updated }).toEqual({ created: 0, updated: 0 });
      expect(r.unchanged).toBeGreaterThan(r.facts);
    }
    expect(await graphFingerprint(db)).toEqual(before);
  });

  test('every fact is :Fact with its evidence, its document and an import time', async () => {
    const [row] = await db.runAdministrative(
      `MATCH (f:Fact)
       RETURN count(f) AS facts,
              count { MATCH (f) WHERE f.sourceDocumentIds IS NULL OR f.importedAt IS NULL } AS unstamped,
              count { MATCH (f) WHERE NOT (f)-[:SUPPORTED_BY]->(:Evidence)-[:IN_DOCUMENT]->(:Document) } AS unsupported`,
    );
    expect(row.facts).toBeGreaterThan(20);
    expect(row.unstamped).toBe(0);
    expect(row.unsupported).toBe(0);
  });

  test('the source article kept beside its seed is the document text the graph holds, word for word', async () => {
    // The article's first line carries its date and title; the body is the document's text.
    const [, ...body] = fs.readFileSync(path.join(SEED_DIR, '001-dw-2023-06-19-xi-blinken.txt'), 'utf8').split('\n');
    const [doc] = await db.runAdministrative(`MATCH (d:Document {id: 'dw-2023-06-19-xi-blinken'}) RETURN d.text AS text`);
    expect(doc.text).toBe(body.join('\n').trim());
  });

  test('evidence offsets point at the quote in the document text', async () => {
    const rows = await db.runAdministrative(
      `MATCH (e:Evidence)-[:IN_DOCUMENT]->(d:Document)
       RETURN e.id AS id, d.id AS doc, e.quote = substring(d.text, e.start, e.end - e.start) AS exact`,
    );
    expect(rows.length).toBeGreaterThan(20);
    for (const r of rows) {
      expect(r.exact).toBe(true);
      expect(r.id).toMatch(new RegExp(`^${r.doc}:\\d+-\\d+$`));
    }
  });

  test('derived edges: Wang Yi ranks above Qin Gang while both tenures hold (002 ends Qin\'s); meetings involve both delegations', async () => {
    const [rank] = await db.runAdministrative(
      `MATCH (:Person {id: 'wang-yi'})-[r:RANKS_ABOVE]->(:Person {id: 'qin-gang'}) RETURN r.claimId AS claim, r.contextId AS context, toString(r.validFrom) AS from, toString(r.validTo) AS to`,
    );
    expect(rank).toEqual({ claim: 'rank-wang-yi-above-qin-gang', context: 'prc-party-state', from: '2023-06-19', to: '2023-07-25' });
    const involves = await db.runAdministrative(
      `MATCH (:Meeting {id: 'meeting-blinken-qin-2023-06-18'})-[:INVOLVES]->(o:Organization) RETURN o.id AS id ORDER BY id`,
    );
    expect(involves.map((r) => r.id)).toEqual(['prc', 'usa']);
  });

  test('a participant with a position is linked to the tenure valid on the meeting date', async () => {
    const rows = await db.runAdministrative(
      `MATCH (p:Person {id: 'qin-gang'})-[r:PARTICIPATED_IN]->(:Meeting {id: 'meeting-blinken-qin-2023-06-18'}) RETURN r.tenureId AS tenure, r.role AS role`,
    );
    expect(rows).toEqual([{ tenure: 'tenure-qin-gang-foreign-minister', role: 'HOST' }]);
  });

  test('the second seed links to the same Person nodes as the first, and refines its tenure', async () => {
    const [people] = await db.runAdministrative(`MATCH (p:Person) RETURN count(p) AS people, count(DISTINCT p.id) AS ids`);
    expect(people.people).toBe(people.ids);
    const [wang] = await db.runAdministrative(
      `MATCH (p:Person {id: 'wang-yi'}) RETURN count(p) AS nodes,
              [(p)-[:HELD]->(t) | t.id] AS tenures,
              [(p)-[:PARTICIPATED_IN]->(m) | m.id] AS meetings`,
    );
    expect(wang.nodes).toBe(1);
    expect(wang.tenures).toEqual(expect.arrayContaining(['tenure-wang-yi-director-cfac', 'tenure-wang-yi-foreign-minister-2013', 'tenure-wang-yi-foreign-minister-2023']));
    expect(wang.meetings).toEqual(expect.arrayContaining(['meeting-blinken-wang-yi-2023-06-19', 'meeting-blinken-wang-yi-2023-07-13']));
    const [qin] = await db.runAdministrative(
      `MATCH (t:Tenure {id: 'tenure-qin-gang-foreign-minister'})
       RETURN toString(t.start) AS start, t.startPrecision AS precision, toString(t.end) AS end, t.sourceDocumentIds AS documents,
              [(t)-[:SUPPORTED_BY]->(:Evidence)-[:IN_DOCUMENT]->(d) | d.id] AS evidenceFrom`,
    );
    expect(qin).toMatchObject({ start: '2022-12-30', precision: 'DAY', end: '2023-07-25', documents: ['dw-2023-06-19-xi-blinken', 'diplograph-2023-11-qin-gang-removed-wang-yi-returns'] });
    expect(new Set(qin.evidenceFrom as string[])).toEqual(new Set(['dw-2023-06-19-xi-blinken', 'diplograph-2023-11-qin-gang-removed-wang-yi-returns']));
  });

  test('names resolve through Name nodes, and a name shared by two entities names both', async () => {
    const rows = await db.read<{ key: string; value: Array<{ id: string }> }>('names/resolve', { keys: ['blinken', 'antony-blinken', '王毅'], label: 'Person' });
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r.value.map((v) => v.id)]));
    expect(byKey).toEqual({ blinken: ['antony-blinken'], 'antony-blinken': ['antony-blinken'], 王毅: ['wang-yi'] });
  });
});
