import { type GraphQLSchema, getNamedType, isNonNullType, isObjectType, isScalarType } from 'graphql';
import { importText } from '../../src/ingest/importer';
import { buildExecutableSchema } from '../../src/server/sdl';
import { type TestServer, seedGraph, startTestServer } from '../support/harness';
import { API_TOKENS, TOKENS, bearer, codesOf, graphFingerprint, graphNodes, post, sampleValue } from './support';

jest.setTimeout(300_000);

/**
 * User text reaches Cypher only as parameters: strings built to break out of a Cypher literal or
 * comment, or to fool a comparison, are matched or stored as they are and change nothing else.
 */
export const INJECTIONS = [
  `'`,
  `"`,
  '`',
  `\\`,
  `x' OR 1=1 //`,
  `x" OR true RETURN n //`,
  `}) DETACH DELETE n //`,
  `'}) MATCH (n) DETACH DELETE n //`,
  '`}) DETACH DELETE n //',
  `$name`,
  `{name: "x"}`,
  `/* */ MATCH (n) SET n.pwned = true`,
  `x\u0000y`,
  `\u202Enimda\u202C`, // right-to-left override
  `Blin\u200Bken`, // zero-width space inside a real name
  `ＢＬＩＮＫＥＮ`, // full-width letters
  `Åntony Bli\u0301nken`, // combining accent
  `🙂👍🏽`,
  `%00%27`,
  `\r\n\t`,
  'a'.repeat(5000),
];

const ALLOWED = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'AMBIGUOUS_NAME', 'LIMIT_EXCEEDED', 'IMPORT_INVALID', 'GRAPHQL_VALIDATION_FAILED']);

/** Every query and mutation field with a String argument, called once per injection string in each such argument. */
function stringArgCalls(schema: GraphQLSchema) {
  const calls: Array<{ field: string; arg: string; query: string; variables: (text: string) => Record<string, unknown> }> = [];
  const roots = [{ op: 'query', fields: Object.values(schema.getQueryType()!.getFields()) }, { op: 'mutation', fields: Object.values(schema.getMutationType()?.getFields() ?? {}) }];
  for (const { op, fields } of roots) for (const field of fields) {
    if (field.name.startsWith('_')) continue;
    const named = getNamedType(field.type);
    const selection = isObjectType(named) ? ' { __typename }' : isScalarType(named) ? '' : ' { __typename }';
    for (const arg of field.args) {
      if (getNamedType(arg.type).name !== 'String') continue;
      const used = field.args.filter((a) => a === arg || isNonNullType(a.type));
      const defs = used.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
      const query = `${op}(${defs}) { ${field.name}(${used.map((a) => `${a.name}: $${a.name}`).join(', ')})${selection} }`;
      calls.push({
        field: field.name,
        arg: arg.name,
        query,
        variables: (text) => Object.fromEntries(used.map((a) => [a.name, a === arg ? text : sampleValue(a.type)])),
      });
    }
  }
  return calls;
}

describe('injection strings in string arguments', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ API_TOKENS });
    await seedGraph(server.db);
  });
  afterAll(() => server.stop());

  it('in every String argument of every query and mutation (with the editor token): well-formed answers and an unchanged graph', async () => {
    const schema = await buildExecutableSchema();
    const calls = stringArgCalls(schema);
    expect(calls.length).toBeGreaterThan(5);
    expect(calls.some((c) => c.field === 'importFacts')).toBe(true);
    const before = await graphFingerprint(server.db);
    for (const call of calls) {
      for (const text of INJECTIONS) {
        const r = await post(server.url, { query: call.query, variables: call.variables(text) }, bearer(TOKENS.editor));
        const unexpected = codesOf(r).filter((c) => !ALLOWED.has(String(c)));
        expect({ call: `${call.field}(${call.arg})`, text, status: r.status < 500, unexpected }).toEqual({
          call: `${call.field}(${call.arg})`,
          text,
          status: true,
          unexpected: [],
        });
      }
    }
    expect(await graphFingerprint(server.db)).toEqual(before);
  });

  it('stores them verbatim through the importer and matches them verbatim by name', async () => {
    const names = INJECTIONS.filter((t) => t.trim() !== '' && !t.includes('\u0000') && t.length < 200);
    const ids = names.map((_, i) => `inj-person-${i}`);
    const text = names.join(' | ');
    const file = {
      format: 'diplograph/facts@1',
      document: { id: 'inj-doc', title: '`}) DETACH DELETE n //', publisher: 'inj-org', publishedAt: '2024-01-01', text },
      organizations: [{ id: 'inj-org', name: `Org ' " \` }) DETACH DELETE n //`, kind: 'MEDIA' }],
      people: names.map((name, i) => ({ id: ids[i], name })),
    };
    const before = await graphNodes(server.db);
    await importText(server.db, JSON.stringify(file), { by: 'injection-test', filename: 'injection.json' });
    // Nodes were added, and every node that was there before is there unchanged.
    const after = new Set(await graphNodes(server.db));
    expect(after.size).toBeGreaterThan(before.length);
    expect(before.filter((n) => !after.has(n))).toEqual([]);
    const stored = await server.db.runAdministrative('MATCH (p:Person) WHERE p.id STARTS WITH "inj-person-" RETURN p.id AS id, p.name AS name ORDER BY id');
    expect(new Map(stored.map((r) => [r.id, r.name]))).toEqual(new Map(ids.map((id, i) => [id, names[i]])));
    const seeded = await server.db.runAdministrative('MATCH (p:Person {id: "antony-blinken"}) RETURN p.name AS name');
    expect(seeded).toEqual([{ name: 'Antony Blinken' }]);
    for (const [i, name] of names.entries()) {
      const r = await post(server.url, { query: 'query($n: String!) { person(name: $n) { id name } }', variables: { n: ids[i] } });
      expect(r.json?.data?.person).toEqual({ id: ids[i], name });
    }
    const doc = await server.db.runAdministrative('MATCH (d:Document {id: "inj-doc"}) RETURN d.title AS title');
    expect(doc).toEqual([{ title: '`}) DETACH DELETE n //' }]);
  });
});
