import { getIntrospectionQuery, getNamedType, isObjectType } from 'graphql';
import { loadConfig } from '../../src/config';
import { buildExecutableSchema } from '../../src/server/sdl';
import { operationCost } from '../../src/server/plugins/cost';
import { type TestServer, startTestServer } from '../support/harness';
import { codesOf, post } from '../security/support';

/**
 * Abusive documents are refused before they reach Neo4j, each limit with LIMIT_EXCEEDED, HTTP
 * 400 and the setting's name; the same documents one step under the limit run.
 */

/** Counts round trips to Neo4j while `work` runs: a refused query makes none. */
async function roundTrips(server: TestServer, work: () => Promise<unknown>): Promise<number> {
  let n = 0;
  const stop = server.db.onQuery(() => (n += 1));
  try {
    await work();
  } finally {
    stop();
  }
  return n;
}

/** `position(title:"x") { organization { partOf { partOf … { id } } } }`: `levels` fields deep, cost about `levels`. */
function deepQuery(levels: number): string {
  const partOf = levels - 3;
  return `{ position(title: "nobody at all") { organization { ${'partOf { '.repeat(partOf)}id${' }'.repeat(partOf)} } } }`;
}

const expectLimit = (r: Awaited<ReturnType<typeof post>>, limit: string) => {
  expect(r.status).toBe(400);
  expect(r.json?.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit });
  expect(r.json?.data ?? null).toBeNull();
};

describe('limits on abusive queries (defaults)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('documents its defaults: depth 10, aliases 15, directives 20, tokens 2000, cost 20000, body 10 MiB', () => {
    const c = loadConfig({ NODE_ENV: 'test' });
    expect([c.MAX_DEPTH, c.MAX_ALIASES, c.MAX_DIRECTIVES, c.MAX_TOKENS, c.MAX_COST, c.MAX_BODY_BYTES]).toEqual([10, 15, 20, 2000, 20000, 10 * 1024 * 1024]);
  });

  it('refuses a query deeper than MAX_DEPTH without touching Neo4j, and runs one at the limit', async () => {
    let refused!: Awaited<ReturnType<typeof post>>;
    expect(await roundTrips(server, async () => (refused = await post(server.url, { query: deepQuery(11) })))).toBe(0);
    expectLimit(refused, 'MAX_DEPTH');
    expect(refused.json?.errors?.[0]?.extensions).toMatchObject({ max: 10, value: 11 });
    const ok = await post(server.url, { query: deepQuery(10) });
    expect(ok.status).toBe(200);
    expect(codesOf(ok)).toEqual([]);
  });

  it('refuses more than MAX_ALIASES aliases', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: person(name: "x${i}") { id }`).join(' ')} }`;
    expectLimit(await post(server.url, { query: aliases(16) }), 'MAX_ALIASES');
    expect(codesOf(await post(server.url, { query: aliases(15) }))).toEqual([]);
  });

  it('refuses more than MAX_DIRECTIVES directives', async () => {
    const directives = (n: number) => `{ person(name: "x") { ${'... @include(if: true) { id } '.repeat(n)} } }`;
    expectLimit(await post(server.url, { query: directives(21) }), 'MAX_DIRECTIVES');
    expect(codesOf(await post(server.url, { query: directives(20) }))).toEqual([]);
  });

  it('refuses a document over MAX_TOKENS with a 400, not a 500, before parsing it whole', async () => {
    // 11 tokens around the list, 8 per representation: 240 → 1931 tokens, 250 → 2011.
    const tokens = (n: number) => `{ _entities(representations: [${'{__typename: "Person", id: "p"} '.repeat(n)}]) { __typename } }`;
    const refused = await post(server.url, { query: tokens(250) });
    expectLimit(refused, 'MAX_TOKENS');
    expect(codesOf(await post(server.url, { query: tokens(240) }))).toEqual([]);
  });

  it('computes the cost with the real variables: the same document runs with first: 2 and is refused with first: 100', async () => {
    const query = `query($n: Int) { people(first: $n) { nodes { positions { position { holders { person { name } } } } } } }`;
    expect(codesOf(await post(server.url, { query, variables: { n: 2 } }))).not.toContain('LIMIT_EXCEEDED');
    let refused!: Awaited<ReturnType<typeof post>>;
    expect(await roundTrips(server, async () => (refused = await post(server.url, { query, variables: { n: 100 } })))).toBe(0);
    expectLimit(refused, 'MAX_COST');
    expect(refused.json!.errors![0].extensions!.value as number).toBeGreaterThan(20000);
  });

  it('keeps the cost of a document per value of its costed variables, and refuses a document over a limit every time', async () => {
    // The cost is kept with the parsed document: alternating values must each get their own.
    const query = `query($n: Int, $name: String) { people(first: $n, search: $name) { nodes { positions { position { holders { person { name } } } } } } }`;
    for (const n of [2, 100, 2, 100]) {
      const codes = codesOf(await post(server.url, { query, variables: { n, name: `x${n}` } }));
      if (n === 2) expect(codes).not.toContain('LIMIT_EXCEEDED');
      else expect(codes).toContain('LIMIT_EXCEEDED');
    }
    // A refused shape is not remembered as passed.
    for (let i = 0; i < 2; i++) expectLimit(await post(server.url, { query: deepQuery(11) }), 'MAX_DEPTH');
  });

  it('costs list fields as page size × child cost, connections by `first`, and introspection at 0', async () => {
    const schema = await buildExecutableSchema();
    const { parse } = await import('graphql');
    const cost = (q: string, v: Record<string, unknown> = {}) => {
      const r = operationCost(schema, parse(q), v);
      if (!('cost' in r)) throw new Error('invalid variables');
      return r.cost;
    };
    // meetings: 1 + first × (nodes: 1 + 1 × (id: 1))
    expect(cost('{ meetings(first: 5) { nodes { id } } }')).toBe(1 + 5 * (1 + 1));
    expect(cost('query($f: Int) { meetings(first: $f) { nodes { id } } }', { f: 50 })).toBe(1 + 50 * 2);
    // no `first`: the default page of 20
    expect(cost('{ meetings { nodes { id } } }')).toBe(1 + 20 * 2);
    expect(cost(getIntrospectionQuery())).toBe(0);
  });

  it('costs a federation `_entities` by its representations, and lets a required variable through', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id name } } }`;
    const few = Array.from({ length: 3 }, (_, i) => ({ __typename: 'Person', id: `p${i}` }));
    expect(codesOf(await post(server.url, { query, variables: { r: few } }))).toEqual([]);
    const many = Array.from({ length: 12000 }, (_, i) => ({ __typename: 'Person', id: `p${i}` }));
    expectLimit(await post(server.url, { query, variables: { r: many } }), 'MAX_COST');
    const sdl = await post(server.url, { query: '{ _service { sdl } }' });
    expect(codesOf(sdl)).toEqual([]);
  });

  it('lets the full introspection query through when introspection is on', async () => {
    const r = await post(server.url, { query: getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }) });
    expect(r.status).toBe(200);
    expect(codesOf(r)).toEqual([]);
  });

  it('caps page sizes in the resolvers: first above 100 is LIMIT_EXCEEDED', async () => {
    for (const query of ['{ meetings(first: 101) { nodes { id } } }', '{ people(first: 101) { nodes { id } } }', '{ documents(first: 1001) { id } }']) {
      const r = await post(server.url, { query });
      expect(codesOf(r)).toContain('LIMIT_EXCEEDED');
    }
  });

  it('caps every maxHops/depth argument of the schema (when the schema has one)', async () => {
    const schema = await buildExecutableSchema();
    const capped: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (field.args.some((a) => ['maxHops', 'depth', 'hops'].includes(a.name))) capped.push(`${type.name}.${field.name}`);
      }
    }
    // Each such field must refuse 1000 hops: the cost counts them, and so must the resolver.
    for (const name of capped) {
      const [typeName, fieldName] = name.split('.');
      if (typeName !== 'Query') continue;
      const field = schema.getQueryType()!.getFields()[fieldName];
      const args = field.args
        .filter((a) => a.type.toString().endsWith('!') || ['maxHops', 'depth', 'hops'].includes(a.name))
        .map((a) => (['maxHops', 'depth', 'hops'].includes(a.name) ? `${a.name}: 1000` : `${a.name}: ${getNamedType(a.type).name === 'Int' ? 1 : '"x"'}`));
      const leaf = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
      const r = await post(server.url, { query: `{ ${fieldName}(${args.join(', ')})${leaf} }` });
      expect(codesOf(r)).toContain('LIMIT_EXCEEDED');
    }
  });

  it('bounds the request body (413 LIMIT_EXCEEDED) and refuses batched requests', async () => {
    const big = await post(server.url, { query: '{ __typename }', variables: { pad: 'x'.repeat(11 * 1024 * 1024) } });
    expect(big.status).toBe(413);
    expect(big.json?.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'MAX_BODY_BYTES' });
    const batch = await post(server.url, [{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(batch.status).toBe(400);
    expect(batch.text).not.toContain('"__typename"');
  });

  it('keeps CSRF prevention on: a simple GET or a text/plain POST is refused', async () => {
    const get = await fetch(`${server.url}?query=${encodeURIComponent('{ __typename }')}`);
    expect(get.status).toBe(400);
    const form = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(form.status).toBe(400);
    const preflighted = await fetch(`${server.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
  });

  it('shows field suggestions and stack traces in development only', async () => {
    const r = await post(server.url, { query: '{ peple { nodes { id } } }' });
    expect(r.json?.errors?.[0]?.message).toMatch(/Did you mean/);
  });
});

describe('limits are configurable', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ MAX_DEPTH: '4', MAX_ALIASES: '2', MAX_DIRECTIVES: '1', MAX_TOKENS: '50', MAX_COST: '30', MAX_BODY_BYTES: '2000' });
  });
  afterAll(() => server.stop());

  it('applies the configured values', async () => {
    expectLimit(await post(server.url, { query: deepQuery(5) }), 'MAX_DEPTH');
    expect(codesOf(await post(server.url, { query: deepQuery(4) }))).toEqual([]);
    expectLimit(await post(server.url, { query: '{ a: person(name: "a") { id } b: person(name: "b") { id } c: person(name: "c") { id } }' }), 'MAX_ALIASES');
    expectLimit(await post(server.url, { query: '{ person(name: "a") { id @include(if: true) name @skip(if: false) } }' }), 'MAX_DIRECTIVES');
    expectLimit(await post(server.url, { query: `{ person(name: "x") { ${'id name '.repeat(25)}} }` }), 'MAX_TOKENS');
    expectLimit(await post(server.url, { query: '{ people(first: 20) { nodes { id } } }' }), 'MAX_COST');
    expect(codesOf(await post(server.url, { query: '{ people(first: 10) { nodes { id } } }' }))).not.toContain('LIMIT_EXCEEDED');
    const big = await post(server.url, { query: '{ __typename }', variables: { pad: 'x'.repeat(3000) } });
    expect(big.status).toBe(413);
  });
});

describe('production mode', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ NODE_ENV: 'production' });
  });
  afterAll(() => server.stop());

  it('hides field suggestions, stack traces and (by default) introspection', async () => {
    const typo = await post(server.url, { query: '{ peple { nodes { id } } }' });
    expect(typo.status).toBe(400);
    expect(typo.text).not.toMatch(/Did you mean/);
    expect(typo.text).not.toContain('people');
    expect(typo.text).not.toContain('stacktrace');
    const enumTypo = await post(server.url, { query: '{ __typename }', variables: {} });
    expect(enumTypo.status).toBe(200);
    const introspection = await post(server.url, { query: '{ __schema { types { name } } }' });
    expect(introspection.status).toBe(400);
    expect(introspection.text).not.toContain('"Person"');
  });

  it('still applies every limit', async () => {
    expectLimit(await post(server.url, { query: deepQuery(11) }), 'MAX_DEPTH');
  });
});

describe('introspection is configurable', () => {
  it('INTROSPECTION=true turns it on in production', async () => {
    const server = await startTestServer({ NODE_ENV: 'production', INTROSPECTION: 'true' });
    try {
      const r = await post(server.url, { query: getIntrospectionQuery() });
      expect(codesOf(r)).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});
