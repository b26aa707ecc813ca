import fs from 'node:fs';
import { buildSchema as parseSdl, Kind, parse, validate } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { buildExecutableSchema, printSubgraphSdl, SCHEMA_FILE } from '../../src/server/sdl';

describe('schema/schema.graphql', () => {
  it('is the SDL the code generates (run `npm run schema` after changing the API)', async () => {
    const committed = fs.readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed).toBe(await printSubgraphSdl());
  });

  it('documents every type and every field of the API', async () => {
    const undocumented: string[] = [];
    for (const def of parse(await printSubgraphSdl()).definitions) {
      if (def.kind === Kind.SCHEMA_EXTENSION || !('name' in def) || !def.name || def.name.value.startsWith('_')) continue;
      const typeName = def.name.value;
      const isConnectionPlumbing = /(Connection|Edge)$/.test(typeName) || typeName === 'PageInfo';
      const isRoot = typeName === 'Query' || typeName === 'Mutation';
      if ('description' in def && !def.description && !isConnectionPlumbing && !isRoot) undocumented.push(typeName);
      if (!('fields' in def) || !def.fields || isConnectionPlumbing) continue;
      for (const field of def.fields) {
        if (!field.description && !field.name.value.startsWith('_')) undocumented.push(`${typeName}.${field.name.value}`);
      }
    }
    expect(undocumented).toEqual([]);
  });

  it('answers the contract queries of the API (they validate against it)', async () => {
    const schema = parseSdl((await printSubgraphSdl()).replace(/extend schema[^{]*?\)\n/s, ''), { assumeValidSDL: true });
    const contract = parse(`{
      person(name: "x") { id name aliases positions(asOf: "2023-01-01") { start end } meetings(from: "2023-01-01", to: "2023-12-31", first: 5, after: null) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } }
        counterparts(from: "2023-01-01") { person { name } meetings { id } count first last } statements { text } invitations { date } }
      people(search: "w", first: 5, after: null) { nodes { id } }
      meetings(participant: "a", with: "b", from: "2023-01-01", to: "2023-12-31", place: "p", topic: "t", first: 5, after: null) {
        nodes { id date endDate durationMinutes place { name } participants { person { name } role title tenure { start } } topics { name } statements { text } trip { id } evidence { quote document { title publishedAt } } }
      }
      holders(position: "p", asOf: "2023-01-01") { person { name } start end }
      bilateral(a: "a", b: "b") { countries { name } meetings(first: 5) { nodes { id } } issues(asOf: "2023-01-01") { name } }
    }`);
    expect(validate(schema, contract).map((e) => e.message)).toEqual([]);
  });

  // Without the option, type-graphql gives every plain field a resolver of its own, which
  // graphql-jit must then call (with an info object) instead of reading the property: a tenth of
  // a nested page's CPU (docs/benchmark.md, session 12). No object field is @Authorized.
  it('lets plain fields be read as properties: every object type sets simpleResolvers', async () => {
    await buildExecutableSchema();
    const wrapped = getMetadataStorage().objectTypes.filter((type) => !type.simpleResolvers).map((type) => type.name);
    expect(wrapped).toEqual([]);
  });
});
