import { dataOf, useSeededServer } from '../support/seeded';

/**
 * Nested fields are batched per request (DataLoader), so the number of database round trips of a
 * query depends on its shape, not on how many parents it touches.
 */
describe('no N+1: round trips do not grow with the number of parents', () => {
  const server = useSeededServer();

  const NESTED = `query($first: Int) {
    person(name: "Blinken") {
      meetings(first: $first) { nodes {
        id place { name }
        participants { role person { name positions { id } } tenure { start position { title } } delegation { name } }
        evidence { quote document { title } }
        statements { text speaker { name } }
      } }
    }
  }`;

  /** Runs a query and counts the round trips it makes to Neo4j. */
  const counted = async <T>(query: string, variables: Record<string, unknown>) => {
    let roundTrips = 0;
    const stop = server().db.onQuery(() => {
      roundTrips += 1;
    });
    try {
      return { roundTrips, data: dataOf(await server().gql<T>(query, variables)) };
    } finally {
      stop();
    }
  };

  const roundTripsFor = async (first: number) => {
    const { roundTrips, data } = await counted<{ person: { meetings: { nodes: unknown[] } } }>(NESTED, { first });
    return { roundTrips, meetings: data.person.meetings.nodes.length };
  };

  it('costs the same number of round trips for 1 meeting as for all of them', async () => {
    const one = await roundTripsFor(1);
    const all = await roundTripsFor(20);
    expect(one.meetings).toBe(1);
    expect(all.meetings).toBeGreaterThanOrEqual(5);
    expect(all.roundTrips).toBe(one.roundTrips);
    // person, meetings, places, participants, people, tenures, positions, delegations, positions of people,
    // evidence, documents, statements, speakers: a fixed handful.
    expect(one.roundTrips).toBeLessThanOrEqual(15);
  });

  it('pages the meetings of every person in a list with one query, not one per person', async () => {
    const PEOPLE = `query($first: Int) {
      people(first: $first) { nodes { name meetings(first: 3) { nodes { id participants { person { name } } } } counterparts { count } } }
    }`;
    const one = await counted<{ people: { nodes: unknown[] } }>(PEOPLE, { first: 1 });
    const many = await counted<{ people: { nodes: unknown[] } }>(PEOPLE, { first: 6 });
    expect(many.data.people.nodes.length).toBe(6);
    expect(many.roundTrips).toBe(one.roundTrips);
  });
});
