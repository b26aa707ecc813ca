import { hashToken } from '../../src/server/auth';
import { resetGraph, startTestServer, type TestServer } from '../support/harness';
import { BASE, edit, lineOf } from './fixtures';
import { graphFingerprint } from './graph-fingerprint';

const EDITOR = 'editor-token-for-ingest-tests';
const READER = 'reader-token-for-ingest-tests';
const IMPORT = `mutation ($text: String!, $filename: String) {
  importFacts(text: $text, filename: $filename) { file documentId created updated unchanged facts }
}`;

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ API_TOKENS: `ingest-editor:editor:${hashToken(EDITOR)},ingest-reader:reader:${hashToken(READER)}` });
  await resetGraph(server.db);
});
afterAll(() => server.stop());

describe('importFacts', () => {
  test('without a token it is refused as UNAUTHENTICATED and writes nothing', async () => {
    const before = await graphFingerprint(server.db);
    const response = await server.gql(IMPORT, { text: BASE, filename: 'base.yaml' });
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.data?.importFacts ?? null).toBeNull();
    expect(await graphFingerprint(server.db)).toEqual(before);
  });

  test('with a reader token it is refused as FORBIDDEN and writes nothing', async () => {
    const before = await graphFingerprint(server.db);
    const response = await server.gql(IMPORT, { text: BASE, filename: 'base.yaml' }, { token: READER });
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await graphFingerprint(server.db)).toEqual(before);
  });

  test('with an editor token it imports, records who did, and a second time changes nothing', async () => {
    const first = await server.gql<{ importFacts: Record<string, unknown> }>(IMPORT, { text: BASE, filename: 'base.yaml' }, { token: EDITOR });
    expect(first.errors).toBeUndefined();
    expect(first.data!.importFacts).toMatchObject({ file: 'base.yaml', documentId: 'test-doc-1', updated: 0, unchanged: 0, facts: 4 });
    const [imported] = await server.db.runAdministrative("MATCH (i:Import {documentId: 'test-doc-1'}) RETURN i.by AS by, i.created AS created");
    expect(imported).toEqual({ by: 'ingest-editor', created: first.data!.importFacts.created });

    const before = await graphFingerprint(server.db);
    const second = await server.gql<{ importFacts: Record<string, unknown> }>(IMPORT, { text: BASE, filename: 'base.yaml' }, { token: EDITOR });
    expect(second.data!.importFacts).toMatchObject({ created: 0, updated: 0, unchanged: first.data!.importFacts.created });
    expect(await graphFingerprint(server.db)).toEqual(before);
  });

  test('a bad file comes back as IMPORT_INVALID with every problem, and writes nothing', async () => {
    const before = await graphFingerprint(server.db);
    const text = edit(BASE, 'person: Alpha Person', 'person: Nobody At All');
    const response = await server.gql(IMPORT, { text, filename: 'bad.yaml' }, { token: EDITOR });
    expect(response.errors?.[0].extensions?.code).toBe('IMPORT_INVALID');
    expect(response.errors?.[0].extensions?.problems).toEqual([
      { file: 'bad.yaml', line: lineOf(text, 'Nobody At All'), column: 13, path: 'tenures[0].person', message: 'no person is named "Nobody At All"' },
    ]);
    expect(await graphFingerprint(server.db)).toEqual(before);
  });
});
