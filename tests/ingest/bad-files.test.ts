import { ImportError, importText } from '../../src/ingest/importer';
import type { ImportProblem } from '../../src/ingest/problems';
import type { Database } from '../../src/neo4j/database';
import { openTestDatabase, resetGraph } from '../support/harness';
import { BASE, edit, lineOf } from './fixtures';
import { graphFingerprint } from './graph-fingerprint';

let db: Database;
let fingerprint: Record<string, number | string>;

beforeAll(async () => {
  db = await openTestDatabase();
  await resetGraph(db);
  await importText(db, BASE, { filename: 'base.yaml', by: 'test' });
  // A second file declares another "Alpha": the graph now has two things under that name.
  const other = `format: diplograph/facts@1
document: { id: test-doc-2, title: Other, publisher: test-news, publishedAt: "2024-03-06", text: "Alpha Two spoke." }
people:
  - { id: alpha-two, name: Alpha Two, aliases: [Alpha] }
`;
  await importText(db, other, { filename: 'other.yaml', by: 'test' });
  fingerprint = await graphFingerprint(db);
});
afterAll(() => db.close());

/** Imports `text` expecting it to be refused; returns its problems after checking nothing was written. */
async function problemsOf(text: string, filename = 'bad.yaml'): Promise<ImportProblem[]> {
  let caught: unknown;
  try {
    await importText(db, text, { filename, by: 'test' });
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ImportError);
  expect(await graphFingerprint(db)).toEqual(fingerprint);
  return (caught as ImportError).problems;
}

describe('a bad file is refused with file:line path: message, and writes nothing', () => {
  test('schema error: an enum value that does not exist, at its line', async () => {
    const text = edit(BASE, 'format: IN_PERSON', 'format: ONLINE');
    expect(await problemsOf(text)).toEqual([
      { file: 'bad.yaml', line: lineOf(text, 'format: ONLINE'), column: 13, path: 'meetings[0].format', message: '"ONLINE" is not one of IN_PERSON, PHONE, VIDEO' },
    ]);
  });

  test('schema errors are all reported: a missing field and an unknown one', async () => {
    const text = edit(edit(BASE, '    date: "2024-03-05"\n', '    dated: "2024-03-05"\n'), 'format: diplograph/facts@1', 'format: diplograph/facts@2');
    const problems = await problemsOf(text);
    expect(problems.map((p) => [p.line, p.path, p.message])).toEqual([
      [1, 'format', 'must be "diplograph/facts@1", not "diplograph/facts@2"'],
      [lineOf(text, 'id: rank-beta-above-alpha'), 'rankClaims[0].date', 'required field "date" is missing'],
      [lineOf(text, 'dated:'), 'rankClaims[0].dated', 'unknown field "dated"'],
    ]);
  });

  test('a name that names nothing', async () => {
    const text = edit(BASE, 'person: Alpha Person', 'person: Gamma Person');
    expect(await problemsOf(text)).toEqual([
      { file: 'bad.yaml', line: lineOf(text, 'Gamma Person'), column: 13, path: 'tenures[0].person', message: 'no person is named "Gamma Person"' },
    ]);
  });

  test('a name the file itself gives to two people lists both candidates', async () => {
    const text = edit(BASE, '  - { id: beta-person, name: Beta Person, aliases: [Beta] }', '  - { id: beta-person, name: Beta Person, aliases: [Beta, Alpha] }');
    const problems = await problemsOf(text);
    expect(problems).toEqual([
      {
        file: 'bad.yaml',
        line: lineOf(text, '{ person: Alpha, role: GUEST'),
        column: 19,
        path: 'meetings[0].participants[0].person',
        message: '"Alpha" is ambiguous: it names alpha-person (Alpha Person), beta-person (Beta Person); refer by id',
      },
    ]);
  });

  test('a name the graph gives to two people lists both candidates, never guesses', async () => {
    const text = `format: diplograph/facts@1
document: { id: test-doc-3, title: Third, publisher: test-news, publishedAt: "2024-03-07", text: "Alpha spoke." }
statements:
  - id: statement-alpha-spoke
    speakers: [Alpha]
    text: spoke
    mode: PARAPHRASE
    date: "2024-03-07"
    evidence: [{ quote: Alpha spoke. }]
`;
    const [problem] = await problemsOf(text);
    expect(problem.path).toBe('statements[0].speakers[0]');
    expect(problem.line).toBe(5);
    expect(problem.message).toBe('"Alpha" is ambiguous: it names alpha-person (Alpha Person), alpha-two (Alpha Two); refer by id');
  });

  test('a quote that is not in the text', async () => {
    const text = edit(BASE, '- quote: Beta Person, the premier', '- quote: Beta Person, the president');
    expect(await problemsOf(text)).toEqual([
      { file: 'bad.yaml', line: lineOf(text, 'the president'), column: 16, path: 'tenures[1].evidence[0].quote', message: 'quote not found verbatim in document.text: "Beta Person, the president"' },
    ]);
  });

  test('an occurrence the text does not have', async () => {
    const text = edit(BASE, '      - quote: Beta Person, the premier\n', '      - quote: Beta Person, the premier\n        occurrence: 2\n');
    const [problem] = await problemsOf(text);
    expect([problem.line, problem.path, problem.message]).toEqual([lineOf(text, 'occurrence: 2'), 'tenures[1].evidence[0].occurrence', 'the quote occurs 1 time in document.text, not 2']);
  });

  test('a date that is not on the calendar', async () => {
    const text = edit(BASE, 'date: "2024-03-04"', 'date: "2023-02-30"');
    const problems = await problemsOf(text);
    expect(problems[0]).toEqual({ file: 'bad.yaml', line: lineOf(text, '2023-02-30'), column: 11, path: 'meetings[0].date', message: '"2023-02-30" is not a calendar date: 2023-02 has 28 days' });
  });

  test('an end before the start', async () => {
    const text = edit(BASE, '    start: "2024-01-01"\n', '    start: "2024-01-01"\n    end: "2023-12-01"\n');
    const problems = await problemsOf(text);
    expect(problems.map((p) => `${p.line} ${p.path}: ${p.message}`)).toContain(`${lineOf(text, 'end: "2023-12-01"')} tenures[0].end: 2023-12-01 must be after start 2024-01-01`);
  });

  test('a stated position with no tenure valid on the meeting date', async () => {
    const text = edit(BASE, 'start: "2024-01-01"', 'start: "2024-03-05"');
    const [problem] = await problemsOf(text);
    expect(problem.path).toBe('meetings[0].participants[0].position');
    expect(problem.message).toBe('no tenure of alpha-person as testland-foreign-minister is valid on the meeting date 2024-03-04; declare the tenure or drop the position');
  });

  test('a duplicate id', async () => {
    const text = edit(BASE, '  - id: tenure-beta-premier', '  - id: tenure-alpha-fm');
    const problems = await problemsOf(text);
    expect(problems).toContainEqual({ file: 'bad.yaml', line: lineOf(text, 'id: tenure-alpha-fm', 2), column: 9, path: 'tenures[1].id', message: 'duplicate id "tenure-alpha-fm": already declared at tenures[0]' });
  });

  test('a YAML syntax error, at its line', async () => {
    const text = edit(BASE, '    date: "2024-03-04"', '    date: "2024-03-04');
    const problems = await problemsOf(text);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0].path).toBe('(file)');
    expect(problems[0].message).toMatch(/^YAML syntax error: /);
    expect(problems[0].line).toBe(lineOf(text, '"2024-03-04'));
  });

  test('JSON: a schema error maps to its line too, and a syntax error to its position', async () => {
    const json = JSON.stringify({ format: 'diplograph/facts@1', document: { id: 'x', title: 'T', publisher: 'test-news', publishedAt: '2024-01-01', text: 'Hello.' }, people: [{ id: 'Not An Id', name: 'N' }] }, null, 2);
    const [problem] = await problemsOf(json, 'bad.json');
    expect([problem.line, problem.column, problem.path]).toEqual([lineOf(json, 'Not An Id'), 13, 'people[0].id']);
    expect(problem.message).toMatch(/^"Not An Id" is not valid/);
    const [syntax] = await problemsOf('{\n  "format": "diplograph/facts@1",\n  "document": {,\n}', 'broken.json');
    expect([syntax.line, syntax.column]).toEqual([3, 16]);
  });

  test('every problem of a file comes back at once, in line order, and the message lists them', async () => {
    const text = edit(edit(BASE, 'person: Alpha Person', 'person: Gamma Person'), '- quote: Beta Person, the premier', '- quote: Nowhere');
    let error: ImportError | null = null;
    try {
      await importText(db, text, { filename: 'two.yaml', by: 'test' });
    } catch (e) {
      error = e as ImportError;
    }
    expect(error!.problems.map((p) => p.path)).toEqual(['tenures[0].person', 'tenures[1].evidence[0].quote']);
    expect(error!.message).toContain(`two.yaml:${lineOf(text, 'Gamma Person')}:13 tenures[0].person: no person is named "Gamma Person"`);
    expect(error!.message).toContain(`two.yaml:${lineOf(text, 'Nowhere')}:16 tenures[1].evidence[0].quote: quote not found`);
  });
});
