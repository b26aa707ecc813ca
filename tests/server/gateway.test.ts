/**
 * A real router: @apollo/gateway composes diplograph (listening over HTTP, seeded) with a second
 * subgraph written here — biographical profiles from "another team's" own store, keyed by
 * diplograph's person ids — and answers queries that cross both, in both directions:
 *
 * - diplograph first: meetings → participants → Person.birthYear from the profiles service;
 * - profiles first: profiledPeople → Person.name, positions from diplograph through `_entities`,
 *   which must cost diplograph one round trip per type however many people the router sends.
 *
 * The federated query and its answer are written to tests/artifacts/ for docs/federation.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApolloGateway, IntrospectAndCompose } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { invalidateGraphCaches } from '../../src/neo4j/freshness';
import { useSeededServer } from '../support/seeded';

// Seeding the graph in beforeAll takes tens of seconds, minutes on a loaded machine.
jest.setTimeout(300_000);

const ARTIFACTS = path.join(__dirname, '..', 'artifacts');

/** The second subgraph: it owns birthYear and almaMater, and knows people only by diplograph's id. */
const PROFILES_TYPE_DEFS = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  "A person as diplograph identifies them, with what the profiles service knows about them."
  type Person @key(fields: "id") {
    id: ID!
    "Year of birth."
    birthYear: Int
    "Universities attended."
    almaMater: [String!]!
  }

  type Query {
    "Everyone the profiles service has a profile for, by diplograph id."
    profiledPeople: [Person!]!
  }
`;

/** The profiles service's own "database". */
const PROFILES: Record<string, { birthYear: number; almaMater: string[] }> = {
  'antony-blinken': { birthYear: 1962, almaMater: ['Harvard University', 'Columbia Law School'] },
  'xi-jinping': { birthYear: 1953, almaMater: ['Tsinghua University'] },
  'wang-yi': { birthYear: 1953, almaMater: ['Beijing International Studies University'] },
  'qin-gang': { birthYear: 1966, almaMater: ['University of International Relations'] },
};

const profileOf = (id: string) => PROFILES[id] ?? { birthYear: null, almaMater: [] };

/** The federated query shown in the docs: diplograph's meetings, with each participant's profile from the other service. */
const FEDERATED_QUERY = `query MeetingsWithProfiles {
  meetings(participant: "Antony Blinken", with: "Wang Yi", from: "2023-06-19", to: "2023-06-19") {
    nodes {
      date
      place { name }
      participants {
        role
        person { name nativeName birthYear almaMater }
      }
    }
  }
}`;

const PROFILES_FIRST_QUERY = `query ProfiledOfficials {
  profiledPeople {
    id
    birthYear
    name
    nativeName
    positions(asOf: "2023-06-19") { position { title } }
  }
}`;

interface RouterResponse<T> {
  status: number;
  data?: T;
  errors?: Array<{ message: string }>;
}

describe('diplograph behind a real @apollo/gateway, with a second subgraph', () => {
  const diplograph = useSeededServer();
  let profiles: ApolloServer;
  let router: ApolloServer;
  let routerUrl: string;
  let profilesEntityCalls: number[] = [];

  beforeAll(async () => {
    profiles = new ApolloServer({
      schema: buildSubgraphSchema({
        typeDefs: parse(PROFILES_TYPE_DEFS),
        resolvers: {
          Query: { profiledPeople: () => Object.keys(PROFILES).map((id) => ({ id })) },
          Person: {
            __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
            birthYear: (person: { id: string }) => profileOf(person.id).birthYear,
            almaMater: (person: { id: string }) => profileOf(person.id).almaMater,
          },
        } as never,
      }),
      plugins: [
        // This test subgraph reports no usage: without this, Apollo enables inline tracing for any
        // subgraph and says so on the console.
        ApolloServerPluginInlineTraceDisabled(),
        {
          // Counts the representations of each `_entities` call the router makes to this subgraph.
          async requestDidStart({ request }) {
            const representations = request.variables?.representations;
            if (Array.isArray(representations)) profilesEntityCalls.push(representations.length);
          },
        },
      ],
    });
    const { url: profilesUrl } = await startStandaloneServer(profiles, { listen: { port: 0, host: '127.0.0.1' } });

    const gateway = new ApolloGateway({
      supergraphSdl: new IntrospectAndCompose({
        subgraphs: [
          { name: 'diplograph', url: diplograph().url },
          { name: 'profiles', url: profilesUrl },
        ],
      }),
    });
    router = new ApolloServer({ gateway });
    ({ url: routerUrl } = await startStandaloneServer(router, { listen: { port: 0, host: '127.0.0.1' } }));
  });

  afterAll(async () => {
    await router?.stop();
    await profiles?.stop();
  });

  async function viaRouter<T>(query: string): Promise<RouterResponse<T>> {
    const response = await fetch(routerUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, ...((await response.json()) as Omit<RouterResponse<T>, 'status'>) };
  }

  it('answers diplograph meetings with each participant’s profile from the other subgraph', async () => {
    profilesEntityCalls = [];
    type Data = {
      meetings: {
        nodes: Array<{ date: string; place: { name: string } | null; participants: Array<{ role: string; person: { name: string; birthYear: number | null; almaMater: string[] } }> }>;
      };
    };
    const response = await viaRouter<Data>(FEDERATED_QUERY);
    expect(response.errors).toBeUndefined();
    expect(response.status).toBe(200);
    const meetings = response.data!.meetings.nodes;
    // Their talks in Beijing on 2023-06-19 (seed 001).
    expect(meetings.map((m) => [m.date, m.place?.name])).toEqual([['2023-06-19', 'Beijing']]);
    const people = meetings.flatMap((m) => m.participants.map((p) => p.person));
    expect(people).toContainEqual(expect.objectContaining({ name: 'Wang Yi', birthYear: 1953, almaMater: ['Beijing International Studies University'] }));
    expect(people).toContainEqual(expect.objectContaining({ name: 'Antony Blinken', birthYear: 1962 }));
    // Every participant of every meeting went to the profiles service in one `_entities` call.
    expect(profilesEntityCalls).toEqual([people.length]);

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    fs.writeFileSync(path.join(ARTIFACTS, 'federated-query.json'), `${JSON.stringify({ query: FEDERATED_QUERY, response: { data: response.data } }, null, 2)}\n`);
  });

  it('resolves people the other subgraph names through diplograph’s _entities: one round trip per type', async () => {
    type Data = { profiledPeople: Array<{ id: string; birthYear: number; name: string; nativeName: string | null; positions: Array<{ position: { title: string } }> }> };
    /** The router's answer, and how many times each query was sent to Neo4j for it. */
    const ask = async () => {
      const queries: string[] = [];
      const stop = diplograph().db.onQuery((event) => queries.push(event.name));
      try {
        const response = await viaRouter<Data>(PROFILES_FIRST_QUERY);
        return { response, counts: queries.reduce<Record<string, number>>((acc, name) => ({ ...acc, [name]: (acc[name] ?? 0) + 1 }), {}) };
      } finally {
        stop();
      }
    };
    // The test before kept some of these people (src/neo4j/keyed-read-cache.ts). Those a request
    // finds kept resolve at once and the others after their read, so the fields below each would
    // be read in a batch of their own: start with nothing kept.
    invalidateGraphCaches();
    const { response, counts } = await ask();
    expect(response.errors).toBeUndefined();
    const people = response.data!.profiledPeople;
    expect(people.map((p) => p.name).sort()).toEqual(['Antony Blinken', 'Qin Gang', 'Wang Yi', 'Xi Jinping']);
    const wang = people.find((p) => p.id === 'wang-yi')!;
    expect(wang).toMatchObject({ birthYear: 1953, nativeName: '王毅' });
    expect(people.find((p) => p.id === 'qin-gang')!.positions.map((t) => t.position.title)).toContain("Minister of Foreign Affairs of the People's Republic of China");
    // Four people, one look-up of people, one of their tenures (which bring their offices along): per type, not per person.
    expect(counts).toEqual({ 'person/by-ids': 1, 'office/tenures': 1 });
    // Asked again, the people are kept: only their tenures are read, still in one round trip.
    const again = await ask();
    expect(again.response.data).toEqual(response.data);
    expect(again.counts).toEqual({ 'office/tenures': 1 });
  });

  it('passes diplograph’s errors through the router with their codes', async () => {
    const response = await viaRouter<{ meetings: unknown }>('{ meetings(participant: "Nobody At All") { nodes { date } } }');
    expect(response.errors?.[0]).toMatchObject({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) });
  });
});
