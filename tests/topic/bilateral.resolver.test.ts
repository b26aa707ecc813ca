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
