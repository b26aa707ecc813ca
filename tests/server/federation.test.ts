/**
 * diplograph as an Apollo Federation 2 subgraph, without a router: what `_service { sdl }` says,
 * that it composes with another subgraph (@apollo/composition, no network), and that `_entities`
 * look-ups are batched — one database round trip per entity type, however many representations.
 * tests/server/gateway.test.ts puts a real @apollo/gateway in front.
 */
import { composeServices } from '@apollo/composition';
import { type DocumentNode, type ObjectTypeDefinitionNode, Kind, parse, print } from 'graphql';
import { invalidateGraphCaches } from '../../src/neo4j/freshness';
import { ANONYMOUS } from '../../src/server/auth';
import { createContext } from '../../src/server/context';
import { logger, startTestServer } from '../support/harness';
import { dataOf, useSeededServer } from '../support/seeded';

// Seeding the graph in beforeAll takes tens of seconds, minutes on a loaded machine.
jest.setTimeout(300_000);

/**
 * Another team's subgraph: biographical profiles kept in its own database, keyed by diplograph's
 * person ids. (gateway.test.ts serves the same shape for real.)
 */
const PROFILES_TYPE_DEFS = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  type Person @key(fields: "id") {
    id: ID!
    birthYear: Int
    almaMater: [String!]!
  }

  type Query {
    profiledPeople: [Person!]!
  }
`;

/** The types another service can reference or extend by id. */
const ENTITIES = ['Person', 'Meeting', 'Position', 'Organization', 'Place', 'Topic'];

/** People the seed does not have, so that one `_entities` call can carry 50 of them. */
const EXTRA_PEOPLE = 50;
const extraPersonId = (i: number) => `federation-test-person-${String(i).padStart(2, '0')}`;

const ENTITIES_QUERY = `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Person { id name }
    ... on Meeting { id date }
    ... on Position { id title }
    ... on Organization { id name }
  }
}`;

type EntityResult = { __typename: string; id: string; name?: string; date?: string; title?: string } | null;

describe('Federation 2 subgraph', () => {
  const server = useSeededServer();
  let sdl: string;
  let meetingIds: string[];

  beforeAll(async () => {
    await server().db.runAdministrative(
      `UNWIND range(1, $count) AS i
       WITH 'federation-test-person-' + CASE WHEN i < 10 THEN '0' ELSE '' END + toString(i) AS id, i
       CREATE (:Person {id: id, name: 'Federation Test Person ' + toString(i), aliases: []})`,
      { count: EXTRA_PEOPLE },
    );
    sdl = dataOf(await server().gql<{ _service: { sdl: string } }>('{ _service { sdl } }'))._service.sdl;
    const meetings = await server().db.runAdministrative('MATCH (m:Meeting) WHERE NOT m:Retracted RETURN m.id AS id ORDER BY id');
    meetingIds = meetings.map((m) => m.id as string);
  });

  describe('_service { sdl }', () => {
    it('declares Federation 2 and imports every federation directive it uses', () => {
      const link = /extend schema\s+@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+", import: \[([^\]]*)\]\)/.exec(sdl);
      expect(link).not.toBeNull();
      const imported = new Set(link![1].split(',').map((d) => d.trim().replace(/"/g, '')));
      const used = new Set([...sdl.matchAll(/@(key|shareable|external|requires|provides|inaccessible|override|tag|interfaceObject|composeDirective|authenticated|requiresScopes|policy|cost|listSize)\b/g)].map((m) => `@${m[1]}`));
      for (const directive of used) expect(imported).toContain(directive);
    });

    it('answers with introspection off, as in production (composition needs _service, not __schema)', async () => {
      const production = await startTestServer({ INTROSPECTION: 'false' });
      try {
        const refused = await production.gql('{ __schema { queryType { name } } }');
        expect(refused.status).toBe(400);
        const answered = dataOf(await production.gql<{ _service: { sdl: string } }>('{ _service { sdl } }'));
        expect(answered._service.sdl).toBe(sdl);
      } finally {
        await production.stop();
      }
    });

    it.each(ENTITIES)('makes %s an entity with @key(fields: "id")', (typeName) => {
      const type = objectType(parse(sdl), typeName);
      const keys = (type.directives ?? []).filter((d) => d.name.value === 'key').map((d) => print(d));
      expect(keys).toEqual(['@key(fields: "id")']);
    });
  });

  describe('composition', () => {
    it('composes with a subgraph that extends Person with fields from its own database', () => {
      const result = composeServices([
        { name: 'diplograph', typeDefs: parse(sdl), url: 'http://diplograph:4000/graphql' },
        { name: 'profiles', typeDefs: parse(PROFILES_TYPE_DEFS), url: 'http://profiles:4001/graphql' },
      ]);
      expect(result.errors?.map((e) => e.message) ?? []).toEqual([]);
      const supergraph = parse(result.supergraphSdl!);
      const person = objectType(supergraph, 'Person');
      const fields = person.fields!.map((f) => f.name.value);
      // Fields from both subgraphs on one type: diplograph's and the profile service's.
      expect(fields).toEqual(expect.arrayContaining(['id', 'name', 'positions', 'meetings', 'birthYear', 'almaMater']));
      const joins = (person.directives ?? []).filter((d) => d.name.value === 'join__type').map((d) => print(d));
      expect(joins).toEqual(
        expect.arrayContaining([expect.stringMatching(/graph: DIPLOGRAPH, key: "id"/), expect.stringMatching(/graph: PROFILES, key: "id"/)]),
      );
    });

    it('fails to compose a subgraph that redefines a diplograph field (the check is real)', () => {
      const clash = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
        type Person @key(fields: "id") { id: ID! name: Int }`;
      const result = composeServices([
        { name: 'diplograph', typeDefs: parse(sdl), url: 'http://diplograph:4000/graphql' },
        { name: 'clash', typeDefs: parse(clash), url: 'http://clash:4002/graphql' },
      ]);
      expect(result.errors?.length ?? 0).toBeGreaterThan(0);
    });
  });

  describe('_entities', () => {
    const people = () => Array.from({ length: EXTRA_PEOPLE }, (_, i) => ({ __typename: 'Person', id: extraPersonId(i + 1) }));

    // Entities an earlier test read are kept between requests (src/neo4j/keyed-read-cache.ts):
    // these tests count the round trips of reading them afresh.
    beforeEach(() => invalidateGraphCaches());

    /** Runs `_entities` in-process with a context of our own, so that its round-trip counter can be read. */
    async function resolveEntities(representations: Array<{ __typename: string; id: string }>) {
      const context = createContext(server().db, ANONYMOUS, logger);
      const response = await server().apollo.executeOperation<{ _entities: EntityResult[] }>(
        { query: ENTITIES_QUERY, variables: { representations } },
        { contextValue: context },
      );
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      const { data, errors } = response.body.singleResult;
      if (errors?.length) throw new Error(JSON.stringify(errors, null, 2));
      return { entities: data!._entities, roundTrips: context.stats.roundTrips };
    }

    it('resolves 50 people in one round trip, in the order asked, with null for an unknown id', async () => {
      const representations = [...people(), { __typename: 'Person', id: 'nobody-by-this-id' }, { __typename: 'Person', id: 'wang-yi' }];
      const { entities, roundTrips } = await resolveEntities(representations);
      expect(entities).toHaveLength(EXTRA_PEOPLE + 2);
      expect(entities.slice(0, EXTRA_PEOPLE).map((e) => e?.id)).toEqual(people().map((p) => p.id));
      expect(entities[0]).toEqual({ __typename: 'Person', id: extraPersonId(1), name: 'Federation Test Person 1' });
      expect(entities[EXTRA_PEOPLE]).toBeNull();
      expect(entities[EXTRA_PEOPLE + 1]).toEqual({ __typename: 'Person', id: 'wang-yi', name: 'Wang Yi' });
      expect(roundTrips).toBe(1);
    });

    it('costs one round trip per entity type for a mix of 50 people, the meetings, positions and organisations', async () => {
      expect(meetingIds.length).toBeGreaterThanOrEqual(5);
      const representations = [
        ...people().slice(0, 25),
        ...meetingIds.map((id) => ({ __typename: 'Meeting', id })),
        { __typename: 'Position', id: 'us-secretary-of-state' },
        { __typename: 'Organization', id: 'usa' },
        { __typename: 'Organization', id: 'prc' },
        ...people().slice(25),
        { __typename: 'Position', id: 'prc-president' },
      ];
      const { entities, roundTrips } = await resolveEntities(representations);
      expect(entities.map((e) => e?.__typename)).toEqual(representations.map((r) => r.__typename));
      expect(entities.every((e) => e !== null)).toBe(true);
      expect(entities.find((e) => e?.__typename === 'Meeting')?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(entities.find((e) => e?.id === 'us-secretary-of-state')?.title).toBe('United States Secretary of State');
      // Person, Meeting, Position, Organization: four types, four round trips, for 58+ representations.
      expect(roundTrips).toBe(4);
    });

    it('batches the same way over HTTP, as a router calls it (counted at the database)', async () => {
      const queries: string[] = [];
      const stop = server().db.onQuery((event) => queries.push(event.name));
      try {
        const representations = [...people(), ...meetingIds.map((id) => ({ __typename: 'Meeting', id }))];
        const data = dataOf(await server().gql<{ _entities: EntityResult[] }>(ENTITIES_QUERY, { representations }));
        expect(data._entities).toHaveLength(representations.length);
      } finally {
        stop();
      }
      expect(queries.sort()).toEqual(['meeting/by-ids', 'person/by-ids']);
    });
  });
});

function objectType(document: DocumentNode, name: string): ObjectTypeDefinitionNode {
  const found = document.definitions.find((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === name);
  if (!found) throw new Error(`type ${name} is not in the SDL`);
  return found;
}
