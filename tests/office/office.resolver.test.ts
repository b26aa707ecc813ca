import { dataOf, useSeededServer } from '../support/seeded';

type Holders = { holders: { person: { name: string }; start: string; end: string | null; startPrecision: string }[] };

describe('holders(position:, asOf:)', () => {
  const server = useSeededServer();

  const holderNames = async (position: string, asOf?: string) => {
    const data = dataOf(
      await server().gql<Holders>('query($p: String!, $d: Date) { holders(position: $p, asOf: $d) { person { name } start end startPrecision } }', {
        p: position,
        d: asOf ?? null,
      }),
    );
    return data.holders.map((h) => h.person.name);
  };

  it('answers who held an office on a day, by title or alias', async () => {
    expect(await holderNames('Chinese foreign minister', '2023-06-19')).toEqual(['Qin Gang']);
    expect(await holderNames('Minister of Foreign Affairs of the People\'s Republic of China', '2020-01-01')).toEqual(['Wang Yi']);
  });

  it('treats a tenure as half-open: in office on its first day, out on its end day', async () => {
    // Qin Gang: [2022-12-30, 2023-07-25); Wang Yi: [2013-03-16, 2022-12-30) and [2023-07-25, …).
    expect(await holderNames('PRC Foreign Minister', '2022-12-29')).toEqual(['Wang Yi']);
    expect(await holderNames('PRC Foreign Minister', '2022-12-30')).toEqual(['Qin Gang']);
    expect(await holderNames('PRC Foreign Minister', '2023-07-24')).toEqual(['Qin Gang']);
    expect(await holderNames('PRC Foreign Minister', '2023-07-25')).toEqual(['Wang Yi']);
  });

  it('lists every tenure, in order, when no date is given: one person can hold an office twice', async () => {
    const data = dataOf(await server().gql<Holders>('{ holders(position: "PRC Foreign Minister") { person { name } start end } }'));
    expect(data.holders).toEqual([
      { person: { name: 'Wang Yi' }, start: '2013-03-16', end: '2022-12-30' },
      { person: { name: 'Qin Gang' }, start: '2022-12-30', end: '2023-07-25' },
      { person: { name: 'Wang Yi' }, start: '2023-07-25', end: null },
    ]);
  });

  it('says NOT_FOUND for a title no office has, and rejects a malformed date', async () => {
    const unknown = await server().gql('{ holders(position: "Grand Vizier") { start } }');
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'position' });
    const badDate = await server().gql('{ holders(position: "PRC Foreign Minister", asOf: "2023-02-30") { start } }');
    expect(badDate.errors?.[0].extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
  });

  it('keeps the precision of each date and the evidence of each tenure', async () => {
    const data = dataOf(
      await server().gql<{ person: { positions: { position: { title: string }; startPrecision: string; evidence: { quote: string }[] }[] } }>(`{
        person(name: "Wang Yi") { positions { position { title } startPrecision evidence { quote } } }
      }`),
    );
    const politburo = data.person.positions.find((p) => p.position.title.includes('Politburo'));
    expect(politburo?.startPrecision).toBe('MONTH');
    expect(politburo?.evidence.map((e) => e.quote)).toContain('Wang, a member of the Communist Party\'s Politburo since October 2022');
  });
});

describe('Person.positions(asOf:)', () => {
  const server = useSeededServer();

  it('gives the offices held on a day, several at once', async () => {
    const data = dataOf(
      await server().gql<{ person: { positions: { position: { id: string } }[] } }>(
        '{ person(name: "Qin Gang") { positions(asOf: "2023-07-01") { position { id } } } }',
      ),
    );
    expect(data.person.positions.map((p) => p.position.id).sort()).toEqual(['prc-minister-of-foreign-affairs', 'prc-state-councilor']);
  });

  it('gives nothing once every tenure has ended', async () => {
    const data = dataOf(
      await server().gql<{ person: { positions: unknown[] } }>('{ person(name: "Qin Gang") { positions(asOf: "2023-10-24") { id } } }'),
    );
    expect(data.person.positions).toEqual([]);
  });
});
