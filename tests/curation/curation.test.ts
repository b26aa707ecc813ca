import { importText } from '../../src/ingest/importer';
import { hashToken } from '../../src/server/auth';
import { resetGraph, startTestServer, type TestServer } from '../support/harness';
import { BASE } from '../ingest/fixtures';

const EDITOR = 'editor-token-for-curation-tests';
const READER = 'reader-token-for-curation-tests';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ API_TOKENS: `curator:editor:${hashToken(EDITOR)},onlooker:reader:${hashToken(READER)}` });
});
beforeEach(async () => {
  await resetGraph(server.db);
  await importText(server.db, BASE, { filename: 'base.yaml', by: 'test' });
});
afterAll(() => server.stop());

const rows = (cypher: string) => server.db.runAdministrative(cypher);
const edit = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>) => server.gql<T>(query, variables, { token: EDITOR });

const CORRECT = `mutation ($id: ID!, $field: String!, $value: String!, $reason: String!) {
  correctFact(id: $id, field: $field, value: $value, reason: $reason) { id kind field oldValue newValue revisionId rankEdges }
}`;
const RETRACT = `mutation ($id: ID!, $reason: String!) { retractFact(id: $id, reason: $reason) { id kind rankEdgesRemoved } }`;
const MERGE = `mutation ($keep: ID!, $merge: ID!, $reason: String!) { mergePeople(keep: $keep, merge: $merge, reason: $reason) { keep merged relationshipsMoved aliases } }`;

describe('correctFact', () => {
  test('changes the field, keeps the old value in a Revision with who and why, and moves the rank edge', async () => {
    const response = await edit<{ correctFact: Record<string, unknown> }>(CORRECT, { id: 'tenure-alpha-fm', field: 'start', value: '2024-02-01', reason: 'the appointment was in February' });
    expect(response.errors).toBeUndefined();
    expect(response.data!.correctFact).toMatchObject({ id: 'tenure-alpha-fm', kind: 'Tenure', field: 'start', oldValue: '2024-01-01', newValue: '2024-02-01', rankEdges: 1 });
    const [revision] = await rows(
      "MATCH (r:Revision)-[:REVISES]->(t:Tenure {id: 'tenure-alpha-fm'}) RETURN r.by AS by, r.reason AS reason, r.oldValue AS old, r.newValue AS new, toString(t.start) AS start",
    );
    expect(revision).toEqual({ by: 'curator', reason: 'the appointment was in February', old: '2024-01-01', new: '2024-02-01', start: '2024-02-01' });
    const [edge] = await rows("MATCH (:Person {id: 'beta-person'})-[r:RANKS_ABOVE]->(:Person {id: 'alpha-person'}) RETURN toString(r.validFrom) AS validFrom");
    expect(edge.validFrom).toBe('2024-02-01');
  });

  test('refuses a field the kind does not have, an impossible date, an end before the start, and an unknown id', async () => {
    const noField = await edit(CORRECT, { id: 'tenure-alpha-fm', field: 'colour', value: 'red', reason: 'x' });
    expect(noField.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(noField.errors?.[0].message).toContain('A Tenure has no field "colour"');
    const badDate = await edit(CORRECT, { id: 'meeting-alpha-beta', field: 'date', value: '2024-02-30', reason: 'x' });
    expect(badDate.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const backwards = await edit(CORRECT, { id: 'tenure-alpha-fm', field: 'end', value: '2023-06-01', reason: 'x' });
    expect(backwards.errors?.[0].message).toBe('end 2023-06-01 must be after start 2024-01-01');
    const unknown = await edit(CORRECT, { id: 'no-such-fact', field: 'date', value: '2024-01-01', reason: 'x' });
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await rows('MATCH (r:Revision) RETURN r')).toEqual([]);
  });

  test('a reader may not correct', async () => {
    const response = await server.gql(CORRECT, { id: 'tenure-alpha-fm', field: 'start', value: '2024-02-01', reason: 'x' }, { token: READER });
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('retractFact', () => {
  test('retracting a rank claim labels it with the reason and removes its RANKS_ABOVE edge; nothing is deleted', async () => {
    const response = await edit<{ retractFact: Record<string, unknown> }>(RETRACT, { id: 'rank-beta-above-alpha', reason: 'the source corrected itself' });
    expect(response.data!.retractFact).toEqual({ id: 'rank-beta-above-alpha', kind: 'RankClaim', rankEdgesRemoved: 1 });
    const [claim] = await rows("MATCH (c:RankClaim {id: 'rank-beta-above-alpha'}) RETURN c:Retracted AS retracted, c.retractedBy AS by, c.retractionReason AS reason, count { (c)-[:SUPPORTED_BY]->() } AS evidence");
    expect(claim).toEqual({ retracted: true, by: 'curator', reason: 'the source corrected itself', evidence: 1 });
    expect(await rows('MATCH ()-[r:RANKS_ABOVE]->() RETURN r')).toEqual([]);
    const again = await edit(RETRACT, { id: 'rank-beta-above-alpha', reason: 'twice' });
    expect(again.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('retracting a tenure removes the rank edges resting on it, and a re-import does not bring them back', async () => {
    const response = await edit<{ retractFact: Record<string, unknown> }>(RETRACT, { id: 'tenure-beta-premier', reason: 'not the premier' });
    expect(response.data!.retractFact).toMatchObject({ kind: 'Tenure', rankEdgesRemoved: 1 });
    expect(await rows('MATCH ()-[r:RANKS_ABOVE]->() RETURN r')).toEqual([]);
    const report = await importText(server.db, BASE, { filename: 'base.yaml', by: 'test' });
    expect(report.updated).toBe(0);
    expect(await rows('MATCH ()-[r:RANKS_ABOVE]->() RETURN r')).toEqual([]);
  });
});

describe('mergePeople', () => {
  test('moves every relationship and name onto the kept person and leaves a MergedPerson behind', async () => {
    const before = await rows("MATCH (p:Person) WHERE p.id IN ['alpha-person', 'beta-person'] RETURN sum(count { (p)--() }) AS degree");
    const response = await edit<{ mergePeople: Record<string, unknown> }>(MERGE, { keep: 'beta-person', merge: 'alpha-person', reason: 'one person, two spellings' });
    expect(response.errors).toBeUndefined();
    expect(response.data!.mergePeople).toMatchObject({ keep: 'beta-person', merged: 'alpha-person', aliases: ['Beta', 'Alpha Person', 'Alpha'] });

    const [merged] = await rows(
      "MATCH (m {id: 'alpha-person'}) OPTIONAL MATCH (m)-[r:MERGED_INTO]->(k) RETURN labels(m) AS labels, k.id AS into, r.by AS by, r.reason AS reason, count { (m)--() } AS degree",
    );
    expect(merged).toEqual({ labels: ['MergedPerson'], into: 'beta-person', by: 'curator', reason: 'one person, two spellings', degree: 1 });
    const [kept] = await rows("MATCH (k:Person {id: 'beta-person'}) RETURN count { (k)-[:HELD]->() } AS tenures, count { (k)-[:PARTICIPATED_IN]->() } AS meetings, count { (k)<-[:MERGED_INTO]-() } + count { (k)--() } AS degree");
    expect(kept.tenures).toBe(2);
    expect(kept.meetings).toBe(2);
    // The alias "Alpha" and the old id now name the kept person only.
    const names = await server.db.read<{ key: string; value: Array<{ id: string }> }>('names/resolve', { keys: ['alpha', 'alpha-person'], label: 'Person' });
    expect(names.map((n) => [n.key, n.value.map((v) => v.id)])).toEqual([
      ['alpha', ['beta-person']],
      ['alpha-person', ['beta-person']],
    ]);
    expect(before[0].degree).toBeGreaterThan(0);
  });

  test('an unknown person is NOT_FOUND and changes nothing', async () => {
    const response = await edit(MERGE, { keep: 'beta-person', merge: 'nobody', reason: 'x' });
    expect(response.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await rows('MATCH (m:MergedPerson) RETURN m')).toEqual([]);
  });

  test('a file that declares the merged id again is refused, naming where it went', async () => {
    await edit(MERGE, { keep: 'beta-person', merge: 'alpha-person', reason: 'same person' });
    await expect(importText(server.db, BASE, { filename: 'base.yaml', by: 'test' })).rejects.toThrow('"alpha-person" was merged into "beta-person"');
  });
});
