import { importText } from '../../src/ingest/importer';
import { computeMeasures, loadMeetingNetwork } from '../../src/network/measures';
import { resetGraph, startTestServer, type TestServer } from '../support/harness';
import { dataOf } from '../support/seeded';
import { TINY_NETWORK } from './fixtures';

interface Measure {
  person: { id: string; name: string };
  degree: number;
  weightedDegree: number;
  betweenness: number;
  normalizedBetweenness: number;
  community: number;
  meetings: number;
}

const MEASURES = `query($from: Date, $to: Date, $first: Int, $orderBy: MeasureOrder) {
  networkMeasures(from: $from, to: $to, first: $first, orderBy: $orderBy) {
    person { id name } degree weightedDegree betweenness normalizedBetweenness community meetings
  }
}`;

describe('networkMeasures on a meeting network worked out by hand', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    await resetGraph(server.db);
    await importText(server.db, TINY_NETWORK, { by: 'test', filename: 'tiny-network.yaml' });
  });
  afterAll(() => server?.stop());

  const measures = async (variables: Record<string, unknown> = {}) => {
    const { networkMeasures } = dataOf(await server.gql<{ networkMeasures: Measure[] }>(MEASURES, variables));
    return Object.fromEntries(networkMeasures.map((m) => [m.person.id, m]));
  };

  it('computes degree, weighted degree, betweenness and communities for the whole period', async () => {
    const m = await measures();
    // Edges (weight = shared meetings): Ada-Ben 2 (m1, m2), Ben-Cleo 1 (m3), Cleo-Dan 2 (m4, m5),
    // Cleo-Eve 1 (m5), Dan-Eve 1 (m5).
    // degree = people met:        Ada 1, Ben 2, Cleo 3, Dan 2, Eve 2
    // weighted degree = Σ weights: Ada 2, Ben 2+1 = 3, Cleo 1+2+1 = 4, Dan 2+1 = 3, Eve 1+1 = 2
    expect(Object.fromEntries(Object.entries(m).map(([id, x]) => [id, [x.degree, x.weightedDegree, x.meetings]]))).toEqual({
      ada: [1, 2, 2],
      ben: [2, 3, 3],
      cleo: [3, 4, 3],
      dan: [2, 3, 2],
      eve: [2, 2, 1],
    });
    // Betweenness over hops, each unordered pair of *other* people counted once, a pair with k
    // shortest paths giving 1/k to each path's inner people. The 10 pairs and their shortest paths:
    //   Ada-Ben direct · Ada-Cleo via Ben · Ada-Dan via Ben, Cleo · Ada-Eve via Ben, Cleo
    //   Ben-Cleo direct · Ben-Dan via Cleo · Ben-Eve via Cleo
    //   Cleo-Dan direct · Cleo-Eve direct · Dan-Eve direct (the triangle: no detour is shorter)
    // Ben lies inside Ada-Cleo, Ada-Dan, Ada-Eve = 3; Cleo inside Ada-Dan, Ada-Eve, Ben-Dan, Ben-Eve = 4;
    // Ada, Dan and Eve inside none = 0. Normalised by (n-1)(n-2)/2 = 4·3/2 = 6: Ben 0.5, Cleo 4/6.
    expect(m.ada.betweenness).toBe(0);
    expect(m.ben.betweenness).toBe(3);
    expect(m.cleo.betweenness).toBe(4);
    expect(m.dan.betweenness).toBe(0);
    expect(m.eve.betweenness).toBe(0);
    expect(m.ben.normalizedBetweenness).toBeCloseTo(0.5, 9);
    expect(m.cleo.normalizedBetweenness).toBeCloseTo(4 / 6, 9);
    // Louvain (weighted), by modularity Q = Σ_c [in_c / m − (tot_c / 2m)²], m = 7 (total weight),
    // strengths Ada 2, Ben 3, Cleo 4, Dan 3, Eve 2 (2m = 14):
    //   {Ada, Ben} {Cleo, Dan, Eve}: 2/7 − (5/14)² + 4/7 − (9/14)² = 0.316
    //   {Ada, Ben, Cleo} {Dan, Eve}: 3/7 − (9/14)² + 1/7 − (5/14)² = 0.031;   everyone together: 0
    // so the pair and the triangle, numbered by size: the triangle 0, the pair 1.
    expect([m.cleo.community, m.dan.community, m.eve.community]).toEqual([0, 0, 0]);
    expect([m.ada.community, m.ben.community]).toEqual([1, 1]);
  });

  it('narrows the network to a date range (inclusive)', async () => {
    // January to March: m1, m2, m3 only; Ada =2= Ben -1- Cleo, a path, Ben in the middle.
    const m = await measures({ from: '2024-01-01', to: '2024-03-10' });
    expect(Object.keys(m).sort()).toEqual(['ada', 'ben', 'cleo']);
    expect([m.ada.degree, m.ben.degree, m.cleo.degree]).toEqual([1, 2, 1]);
    expect([m.ada.weightedDegree, m.ben.weightedDegree, m.cleo.weightedDegree]).toEqual([2, 3, 1]);
    expect([m.ada.betweenness, m.ben.betweenness, m.cleo.betweenness]).toEqual([0, 1, 0]);
    // n = 3: (n-1)(n-2)/2 = 1, so Ben's normalised betweenness is 1 too.
    expect(m.ben.normalizedBetweenness).toBe(1);
  });

  it('orders and limits', async () => {
    const byBetweenness = dataOf(await server.gql<{ networkMeasures: Measure[] }>(MEASURES, { orderBy: 'BETWEENNESS', first: 2 })).networkMeasures;
    expect(byBetweenness.map((m) => m.person.id)).toEqual(['cleo', 'ben']);
    const byWeight = dataOf(await server.gql<{ networkMeasures: Measure[] }>(MEASURES, {})).networkMeasures;
    // weighted degree 4, 3, 3, 2, 2; ties by name.
    expect(byWeight.map((m) => m.person.id)).toEqual(['cleo', 'ben', 'dan', 'ada', 'eve']);
    const tooMany = await server.gql(MEASURES, { first: 100000 });
    expect(tooMany.errors?.[0].extensions?.code).toBe('LIMIT_EXCEEDED');
    const backwards = await server.gql(MEASURES, { from: '2024-05-01', to: '2024-01-01' });
    expect(backwards.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('gives the same communities every time (a seeded random walk)', async () => {
    const first = computeMeasures(await loadMeetingNetwork(server.db, { from: null, to: null }));
    for (let i = 0; i < 5; i += 1) {
      expect(computeMeasures(await loadMeetingNetwork(server.db, { from: null, to: null }))).toEqual(first);
    }
  });

  it('is empty for a range without meetings', async () => {
    expect(await measures({ from: '2030-01-01', to: '2030-12-31' })).toEqual({});
  });
});
