import { importText } from '../../src/ingest/importer';
import { dataOf, useSeededServer } from '../support/seeded';

describe('person(name:) and people()', () => {
  const server = useSeededServer();

  it('finds a person by full name, alias or id, case-insensitively', async () => {
    for (const name of ['Antony Blinken', 'blinken', 'ANTONY-BLINKEN', '  antony   blinken ']) {
      const data = dataOf(await server().gql<{ person: { id: string } }>('query($n: String!) { person(name: $n) { id } }', { n: name }));
      expect(data.person).toEqual({ id: 'antony-blinken' });
    }
  });

  it('finds a person by native-script name', async () => {
    const data = dataOf(await server().gql<{ person: { name: string } }>('{ person(name: "王毅") { name } }'));
    expect(data.person.name).toBe('Wang Yi');
  });

  it('answers null for a name nobody has', async () => {
    const data = dataOf(await server().gql<{ person: null }>('{ person(name: "Nobody Atall") { id } }'));
    expect(data.person).toBeNull();
  });

  it('lists people by name with a search over names and aliases', async () => {
    const data = dataOf(await server().gql<{ people: { nodes: { id: string }[] } }>('{ people(search: "wang") { nodes { id } } }'));
    expect(data.people.nodes.map((p) => p.id)).toEqual(['wang-yi']);
  });

  it('pages people with opaque cursors that stay stable when people are added', async () => {
    const page = (after: string | null) =>
      server().gql<{ people: { nodes: { id: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } }>(
        'query($after: String) { people(first: 2, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } }',
        { after },
      );
    const first = dataOf(await page(null)).people;
    expect(first.nodes).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const secondBefore = dataOf(await page(first.pageInfo.endCursor)).people.nodes.map((p) => p.id);

    // Someone whose name sorts before everyone already paged through arrives.
    await importText(
      server().db,
      [
        'format: diplograph/facts@1',
        'document: { id: cursor-test, title: Cursor test, publisher: dw, publishedAt: "2024-01-01", text: "Aaron Aardvark was there." }',
        'people: [{ id: aaron-aardvark, name: Aaron Aardvark, aliases: [] }]',
      ].join('\n'),
      { filename: 'cursor-test.yaml', by: 'test' },
    );
    const secondAfter = dataOf(await page(first.pageInfo.endCursor)).people.nodes.map((p) => p.id);
    expect(secondAfter).toEqual(secondBefore);
  });

  it('rejects a cursor it did not issue', async () => {
    const response = await server().gql('{ people(after: "not-a-cursor") { nodes { id } } }');
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('caps the page size', async () => {
    const response = await server().gql('{ people(first: 101) { nodes { id } } }');
    expect(response.errors?.[0].extensions?.code).toBe('LIMIT_EXCEEDED');
    expect(response.errors?.[0].message).toMatch(/first is 101, above the limit of 100/);
  });
});

describe('an ambiguous name', () => {
  const server = useSeededServer();

  it('is an AMBIGUOUS_NAME error that lists the candidates, never a guess', async () => {
    await importText(
      server().db,
      [
        'format: diplograph/facts@1',
        'document: { id: another-wang, title: Another Wang, publisher: dw, publishedAt: "2024-01-01", text: "Wang Wenbin spoke." }',
        'people: [{ id: wang-wenbin, name: Wang Wenbin, aliases: [Wang] }]',
      ].join('\n'),
      { filename: 'another-wang.yaml', by: 'test' },
    );
    const response = await server().gql('{ person(name: "Wang") { id } }');
    expect(response.errors?.[0].extensions?.code).toBe('AMBIGUOUS_NAME');
    const candidates = (response.errors?.[0].extensions?.candidates as { id: string }[]).map((c) => c.id).sort();
    expect(candidates).toEqual(['wang-wenbin', 'wang-yi']);
    expect(response.errors?.[0].message).toMatch(/"Wang" names 2 things/);
  });
});
