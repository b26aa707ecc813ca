import { dataOf, useSeededServer } from '../support/seeded';

describe('bilateral(a:, b:)', () => {
  const server = useSeededServer();

  it('gives the meetings between two countries and the issues that strain their relation', async () => {
    const data = dataOf(
      await server().gql<{ bilateral: { countries: { id: string }[]; meetings: { nodes: { id: string }[] }; issues: { name: string }[]; issueClaims: { evidence: { quote: string }[] }[] } }>(`{
        bilateral(a: "US", b: "China") {
          countries { id }
          meetings(from: "2023-06-01", to: "2023-06-30") { nodes { id } }
          issues { name }
          issueClaims { evidence { quote } }
        }
      }`),
    );
    expect(data.bilateral.countries.map((c) => c.id)).toEqual(['usa', 'prc']);
    expect(data.bilateral.meetings.nodes.map((m) => m.id)).toEqual([
      'meeting-blinken-qin-2023-06-18',
      'meeting-blinken-wang-yi-2023-06-19',
      'meeting-blinken-xi-2023-06-19',
    ]);
    expect(data.bilateral.issues.map((t) => t.name)).toEqual(
      expect.arrayContaining(['Taiwan', 'Spying allegations', 'Trade disputes over advanced computer chips', "Russia's war in Ukraine"]),
    );
    for (const claim of data.bilateral.issueClaims) expect(claim.evidence.length).toBeGreaterThan(0);
  });

  it('pages through the meetings oldest first, one page after another, within from/to', async () => {
    type Page = { bilateral: { meetings: { nodes: { id: string; date: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } };
    const page = async (args: string) =>
      dataOf(await server().gql<Page>(`{ bilateral(a: "China", b: "US") { meetings(${args}) { nodes { id date } pageInfo { hasNextPage endCursor } } } }`)).bilateral.meetings;
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 3; i++) {
      const p = await page(`from: "2023-06-01", to: "2023-06-30", first: 1${after ? `, after: "${after}"` : ''}`);
      seen.push(...p.nodes.map((m) => m.id));
      expect(p.pageInfo.hasNextPage).toBe(i < 2);
      after = p.pageInfo.endCursor;
    }
    expect(seen).toEqual(['meeting-blinken-qin-2023-06-18', 'meeting-blinken-wang-yi-2023-06-19', 'meeting-blinken-xi-2023-06-19']);
    expect((await page('from: "2023-06-19", to: "2023-06-30"')).nodes.map((m) => m.date)).toEqual(['2023-06-19', '2023-06-19']);
    expect((await page('from: "2023-06-01", to: "2023-06-18"')).nodes.map((m) => m.id)).toEqual(['meeting-blinken-qin-2023-06-18']);
    expect((await page('from: "2023-06-20", to: "2023-07-12"')).nodes).toEqual([]);
    expect((await page('from: "2023-06-20"')).nodes.map((m) => m.date)).toEqual(['2023-07-13', '2023-10-26', '2023-10-27', '2023-11-15']);
  });

  it('knows no issue before any source spoke of one', async () => {
    const data = dataOf(await server().gql<{ bilateral: { issues: unknown[] } }>('{ bilateral(a: "usa", b: "prc") { issues(asOf: "2020-01-01") { name } } }'));
    expect(data.bilateral.issues).toEqual([]);
  });

  it('refuses what is not a pair of countries', async () => {
    const notCountry = await server().gql('{ bilateral(a: "US", b: "CCTV") { countries { id } } }');
    expect(notCountry.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const same = await server().gql('{ bilateral(a: "US", b: "USA") { countries { id } } }');
    expect(same.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await server().gql('{ bilateral(a: "US", b: "Atlantis") { countries { id } } }');
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
