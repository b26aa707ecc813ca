import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { draftFromText } from '../../src/draft/draft.service';
import { evaluate, evaluationCases, ARTICLE_DIR } from '../../src/draft/evaluation';
import { graphGazetteer } from '../../src/draft/gazetteer';
import { scoreDraft } from '../../src/draft/score';
import { importFiles, importText } from '../../src/ingest/importer';
import type { Database } from '../../src/neo4j/database';
import { graphFingerprint } from '../ingest/graph-fingerprint';
import { openTestDatabase, seedGraph, startTestServer, type TestServer } from '../support/harness';

/** Drafting against the real graph (seeded): resolution by the graph's names, and never a write. */

// Seeding the graph takes a while on a busy machine; the default minute is too short for the hooks that do it.
jest.setTimeout(300_000);

let db: Database;

const counts = () => graphFingerprint(db);

beforeAll(async () => {
  db = await openTestDatabase();
  await seedGraph(db);
});
afterAll(() => db.close());

describe('drafting against the seeded graph', () => {
  test('the reference files of the three further articles import on top of the seeds', async () => {
    const files = fs.readdirSync(ARTICLE_DIR).filter((f) => f.endsWith('.yaml')).sort().map((f) => path.join(ARTICLE_DIR, f));
    const reports = await importFiles(db, files, { by: 'test' });
    expect(reports).toHaveLength(3);
    await seedGraph(db); // back to the seeds only
  });

  test('the source article: every name resolves to the graph id, nothing new is proposed', async () => {
    const before = await counts();
    const [source] = evaluationCases();
    const { outcome, scores } = evaluate(source, await graphGazetteer(db, '2023-06-19'));
    expect(outcome.problems).toEqual([]);
    const file = outcome.file as Record<string, any>;
    expect(file.people).toBeUndefined();
    expect(new Set(file.meetings.flatMap((m: any) => m.participants.map((p: any) => p.person)))).toEqual(new Set(['antony-blinken', 'xi-jinping', 'wang-yi', 'qin-gang']));
    expect(file.rankClaims[0]).toMatchObject({ superior: 'wang-yi', inferior: 'qin-gang', context: 'prc-party-state' });
    const meetings = scores.find((s) => s.kind === 'meetings')!;
    expect(meetings.matched).toBe(3);
    expect(await counts()).toEqual(before);
  });

  test('"the US secretary of state" alone becomes the holder of that office on the article date', async () => {
    const outcome = await draftFromText(db, { raw: ' date 2023-06-19 Test\nThe US secretary of state met Chinese President Xi Jinping in Beijing on Monday.', publisher: 'Deutsche Welle' });
    const [meeting] = (outcome.file as Record<string, any>).meetings;
    expect(meeting.participants.map((p: any) => p.person).sort()).toEqual(['antony-blinken', 'xi-jinping']);
    expect(meeting.participants.find((p: any) => p.person === 'antony-blinken').title).toBe('US secretary of state');
  });

  test('a surname the graph gives to two people is flagged with both; importing the draft unreviewed fails naming them', async () => {
    await importText(
      db,
      YAML.stringify({
        format: 'diplograph/facts@1',
        document: { id: 'test-wang-huning', title: 'Test', publisher: 'dw', publishedAt: '2023-06-20', text: 'Wang Huning is a member of the Politburo Standing Committee.' },
        people: [{ id: 'wang-huning', name: 'Wang Huning', aliases: ['Wang'] }],
      }),
      { by: 'test', filename: 'wang-huning.yaml' },
    );
    const outcome = await draftFromText(db, { raw: ' date 2023-06-20 Test\nOn Tuesday, Wang met Blinken in Beijing.\nWang said the talks were useful.', publisher: 'dw' });
    const item = outcome.review.find((r) => r.kind === 'AMBIGUOUS_NAME');
    expect(item?.candidates?.map((c) => c.id).sort()).toEqual(['wang-huning', 'wang-yi']);
    expect(outcome.problems).toEqual([]);
    const before = await counts();
    await expect(importText(db, outcome.yaml, { by: 'test', filename: 'draft.yaml' })).rejects.toThrow(/wang-huning|Wang Huning/);
    expect(await counts()).toEqual(before);
    await seedGraph(db);
  });

  test('a reviewed draft goes through the normal import with all its checks', async () => {
    const c = evaluationCases().find((x) => x.name.startsWith('03-'))!;
    const outcome = await draftFromText(db, { raw: fs.readFileSync(c.article, 'utf8'), publisher: 'Diplograph editors' });
    expect(outcome.problems).toEqual([]);
    const report = await importText(db, outcome.yaml, { by: 'test', filename: 'draft-03.yaml' });
    expect(report.created).toBeGreaterThan(0);
    const [row] = await db.runAdministrative("MATCH (p:Person)-[:PARTICIPATED_IN]->(m:Meeting {date: date('2023-04-26')}) RETURN collect(p.name) AS names");
    expect((row.names as string[]).sort()).toEqual(['Volodymyr Zelensky', 'Xi Jinping']);
    const scores = scoreDraft(outcome.file, YAML.parse(fs.readFileSync(c.reference, 'utf8')));
    expect(scores.find((s) => s.kind === 'meetings')!.matched).toBe(1);
    await seedGraph(db);
  });
});

describe('the draftFacts mutation', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  test('returns the YAML, the counts and the review items, and writes nothing', async () => {
    const before = await counts();
    const text = fs.readFileSync(evaluationCases()[0].article, 'utf8');
    const response = await server.gql<{ draftFacts: { yaml: string; counts: Array<{ kind: string; count: number }>; review: unknown[] } }>(
      'mutation($text: String!) { draftFacts(text: $text, publisher: "Deutsche Welle") { yaml counts { kind count } review { kind mention message candidates { id name kind } start } } }',
      { text },
    );
    expect(response.errors).toBeUndefined();
    const result = response.data!.draftFacts;
    expect(YAML.parse(result.yaml).format).toBe('diplograph/facts@1');
    expect(result.counts.find((c) => c.kind === 'meetings')?.count).toBe(3);
    expect(await counts()).toEqual(before);
  });

  test('an article without a date is refused with BAD_USER_INPUT', async () => {
    const response = await server.gql('mutation { draftFacts(text: "Blinken met Xi.", offline: true) { yaml } }');
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
