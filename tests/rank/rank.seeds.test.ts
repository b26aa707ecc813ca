/**
 * Rank on the seed articles: "Wang Yi … ranks above Foreign Minister Qin Gang in Beijing's power
 * hierarchy" (DW, 2023-06-19; valid while both tenures are: from 2023-06-19 until Qin's removal on
 * 2023-07-25) and "Xi … stands at the top" above Wang (seed 002), in the PRC party-state context.
 */
import { invalidateGraphCaches } from '../../src/neo4j/freshness';
import { dataOf, useSeededServer } from '../support/seeded';

const STEP = `person { id } hops basis validFrom validTo contradicted context { id name }
  path { kind superior { id } inferior { id } validFrom validTo claim { id } evidence { quote document { id } } }`;

interface Link {
  kind: string;
  superior: { id: string };
  inferior: { id: string };
  validFrom: string | null;
  validTo: string | null;
  claim: { id: string } | null;
  evidence: { quote: string; document: { id: string } }[];
}
interface Step {
  person: { id: string };
  hops: number;
  basis: string;
  validFrom: string | null;
  validTo: string | null;
  contradicted: boolean;
  context: { id: string; name: string };
  path: Link[];
}

const WANG_ABOVE_QIN = "Blinken also met China's top foreign policy official Wang Yi on Monday, who ranks above Foreign Minister Qin Gang in Beijing's power hierarchy.";
const XI_ABOVE_WANG = "He answers to Xi Jinping, who heads the commission and, as general secretary of the Communist Party since November 2012, stands at the top of Beijing's power hierarchy.";

describe('rank on the seeds', () => {
  const server = useSeededServer();

  const outranks = async (name: string, asOf: string | null, context: string | null = null) =>
    dataOf(
      await server().gql<{ person: { outranks: Step[] } }>(
        `query($n: String!, $d: Date, $c: String) { person(name: $n) { outranks(asOf: $d, context: $c) { ${STEP} } } }`,
        { n: name, d: asOf, c: context },
      ),
    ).person.outranks;

  const outrankedBy = async (name: string, asOf: string | null) =>
    dataOf(
      await server().gql<{ person: { outrankedBy: Step[] } }>(`query($n: String!, $d: Date) { person(name: $n) { outrankedBy(asOf: $d) { ${STEP} } } }`, {
        n: name,
        d: asOf,
      }),
    ).person.outrankedBy;

  const compare = async (a: string, b: string, asOf: string | null = null, context: string | null = null) =>
    server().gql<{ compareRank: { relation: string; basis: string | null; hops: number | null; context: { id: string } | null; path: Link[]; contradictions: unknown[] } }>(
      `query($a: String!, $b: String!, $d: Date, $c: String) {
         compareRank(a: $a, b: $b, asOf: $d, context: $c) {
           relation basis hops context { id } contradictions { validFrom }
           path { kind superior { id } inferior { id } claim { id } evidence { quote } }
         }
       }`,
      { a, b, d: asOf, c: context },
    );

  it('Wang Yi outranks Qin Gang as of 2023-06-19: STATED, with the article sentence as evidence', async () => {
    const steps = await outranks('Wang Yi', '2023-06-19');
    const qin = steps.find((s) => s.person.id === 'qin-gang');
    expect(qin).toMatchObject({
      hops: 1,
      basis: 'STATED',
      contradicted: false,
      context: { id: 'prc-party-state', name: 'PRC party-state hierarchy' },
      validFrom: '2023-06-19',
      validTo: '2023-07-25',
    });
    expect(qin!.path).toHaveLength(1);
    expect(qin!.path[0]).toMatchObject({ kind: 'CLAIM', superior: { id: 'wang-yi' }, inferior: { id: 'qin-gang' }, claim: { id: 'rank-wang-yi-above-qin-gang' } });
    expect(qin!.path[0].evidence).toEqual([{ quote: WANG_ABOVE_QIN, document: { id: 'dw-2023-06-19-xi-blinken' } }]);
  });

  it('Xi outranks Qin Gang on 2023-06-19 transitively through Wang Yi: DERIVED, 2 hops, both steps with their evidence', async () => {
    const steps = await outranks('Xi', '2023-06-19');
    expect(steps.map((s) => s.person.id).sort()).toEqual(['qin-gang', 'wang-yi']);
    const qin = steps.find((s) => s.person.id === 'qin-gang')!;
    expect(qin).toMatchObject({ hops: 2, basis: 'DERIVED', validFrom: '2023-06-19', validTo: '2023-07-25', context: { id: 'prc-party-state' } });
    expect(qin.path.map((l) => [l.superior.id, l.inferior.id, l.kind])).toEqual([
      ['xi-jinping', 'wang-yi', 'CLAIM'],
      ['wang-yi', 'qin-gang', 'CLAIM'],
    ]);
    expect(qin.path[0].evidence.map((e) => e.quote)).toEqual([XI_ABOVE_WANG]);
    expect(qin.path[1].evidence.map((e) => e.quote)).toEqual([WANG_ABOVE_QIN]);
    // The direct claim on the same day is stated.
    expect(steps.find((s) => s.person.id === 'wang-yi')).toMatchObject({ hops: 1, basis: 'STATED' });
  });

  it('half-open: on 2023-07-24 Wang still outranks Qin; on 2023-07-25, the day his tenure ends, no longer', async () => {
    expect((await outranks('Wang Yi', '2023-07-24')).map((s) => s.person.id)).toEqual(['qin-gang']);
    expect(await outranks('Wang Yi', '2023-07-25')).toEqual([]);
    // And before the claim's tenures both hold (Wang's CFAC post is attested from 2023-06-19).
    expect(await outranks('Wang Yi', '2023-06-18')).toEqual([]);
  });

  it('outrankedBy is the closure upwards: Qin is outranked by Wang (1 hop) and Xi (2 hops), highest first in each path', async () => {
    const steps = await outrankedBy('Qin Gang', '2023-07-01');
    expect(steps.map((s) => [s.person.id, s.hops, s.basis])).toEqual([
      ['wang-yi', 1, 'STATED'],
      ['xi-jinping', 2, 'DERIVED'],
    ]);
    expect(steps[1].path.map((l) => l.superior.id)).toEqual(['xi-jinping', 'wang-yi']);
    expect(await outrankedBy('Qin Gang', '2023-07-25')).toEqual([]);
  });

  it('without asOf: each chain reports the interval over which all its steps hold', async () => {
    const steps = await outranks('Xi Jinping', null);
    const qin = steps.find((s) => s.person.id === 'qin-gang')!;
    expect(qin).toMatchObject({ hops: 2, validFrom: '2023-06-19', validTo: '2023-07-25' });
    const wang = steps.find((s) => s.person.id === 'wang-yi')!;
    expect(wang).toMatchObject({ hops: 1, basis: 'STATED', validFrom: '2023-06-19', validTo: null });
  });

  it('compareRank(Qin, Wang) is BELOW, with the stated claim as the path', async () => {
    const c = dataOf(await compare('Qin Gang', 'Wang Yi', '2023-06-19')).compareRank;
    expect(c).toMatchObject({ relation: 'BELOW', basis: 'STATED', hops: 1, context: { id: 'prc-party-state' }, contradictions: [] });
    expect(c.path).toEqual([{ kind: 'CLAIM', superior: { id: 'wang-yi' }, inferior: { id: 'qin-gang' }, claim: { id: 'rank-wang-yi-above-qin-gang' }, evidence: [{ quote: WANG_ABOVE_QIN }] }]);
    expect(dataOf(await compare('Wang Yi', 'Qin Gang', '2023-06-19')).compareRank.relation).toBe('ABOVE');
    expect(dataOf(await compare('Xi Jinping', 'Qin Gang', '2023-06-19')).compareRank).toMatchObject({ relation: 'ABOVE', basis: 'DERIVED', hops: 2 });
  });

  it('compareRank of a pair nothing connects is UNKNOWN, with no path: nothing is invented', async () => {
    const c = dataOf(await compare('Antony Blinken', 'Qin Gang')).compareRank;
    expect(c).toMatchObject({ relation: 'UNKNOWN', basis: null, hops: null, context: null, path: [], contradictions: [] });
    // Wang and Qin on a day the claim does not hold.
    expect(dataOf(await compare('Wang Yi', 'Qin Gang', '2023-08-01')).compareRank.relation).toBe('UNKNOWN');
  });

  it('accepts the context by name or alias, and says NOT_FOUND for a context that does not exist', async () => {
    expect((await outranks('Wang Yi', '2023-06-19', "Beijing's power hierarchy")).map((s) => s.person.id)).toEqual(['qin-gang']);
    expect(dataOf(await compare('Wang Yi', 'Qin Gang', '2023-06-19', 'PRC party-state hierarchy')).compareRank.relation).toBe('ABOVE');
    const r = await compare('Wang Yi', 'Qin Gang', null, 'Atlantis protocol');
    expect(r.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('unknown person is NOT_FOUND', async () => {
    const r = await compare('Nobody Atall', 'Qin Gang');
    expect(r.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('batches: outranks and outrankedBy of several people in one request cost one rank query', async () => {
    // As in a process that has not read the rank graph yet (the earlier tests filled its cache).
    invalidateGraphCaches();
    const queries: string[] = [];
    const off = server().db.onQuery((e) => queries.push(e.name));
    const fields = 'id outranks(asOf: "2023-06-19") { person { id } } outrankedBy(asOf: "2023-06-19") { person { id } }';
    const data = dataOf(
      await server().gql<Record<string, { id: string; outranks: { person: { id: string } }[]; outrankedBy: { person: { id: string } }[] }>>(
        `{ xi: person(name: "xi-jinping") { ${fields} } wang: person(name: "wang-yi") { ${fields} } qin: person(name: "qin-gang") { ${fields} } blinken: person(name: "antony-blinken") { ${fields} } }`,
      ),
    );
    off();
    expect(queries.filter((q) => q === 'rank/graph')).toHaveLength(1);
    expect(data.xi.outranks.map((s) => s.person.id).sort()).toEqual(['qin-gang', 'wang-yi']);
    expect(data.wang.outrankedBy.map((s) => s.person.id)).toEqual(['xi-jinping']);
    expect(data.qin.outrankedBy.map((s) => s.person.id)).toEqual(['wang-yi', 'xi-jinping']);
    expect(data.blinken).toMatchObject({ outranks: [], outrankedBy: [] });
  });
});
