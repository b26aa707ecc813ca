import { post } from '../security/support';
import { dataOf, useSeededServer } from '../support/seeded';
import type { TestServer } from '../support/harness';

/**
 * Operations run interpreted by graphql-js until a document's GRAPHQL_COMPILE_AFTER-th request,
 * then compiled by graphql-jit (src/server/execution.ts). Whichever runs, the client gets the same
 * answer: data, errors, codes and status.
 */

/** The operations each engine has run so far, from /metrics. */
async function executions(server: TestServer): Promise<{ compiled: number; interpreted: number }> {
  const text = await (await fetch(server.url.replace(/\/graphql$/, '/metrics'))).text();
  const count = (engine: string) => Number(text.match(new RegExp(`^diplograph_graphql_executions_total\\{engine="${engine}"\\} (\\d+)`, 'm'))?.[1] ?? 0);
  return { compiled: count('compiled'), interpreted: count('interpreted') };
}

/** What the engines ran during `run`. */
async function counted(server: TestServer, run: () => Promise<unknown>): Promise<{ compiled: number; interpreted: number }> {
  const before = await executions(server);
  await run();
  const after = await executions(server);
  return { compiled: after.compiled - before.compiled, interpreted: after.interpreted - before.interpreted };
}

const NESTED = `query Nested($name: String!) {
  person(name: $name) {
    id name
    meetings(first: 20) {
      nodes { id date endDate participants { role title person { id name } tenure { id start end position { id title } } } }
      pageInfo { hasNextPage endCursor }
    }
    counterparts { count first last person { id name } }
  }
}`;

describe('execution: compiled from the second request of a document', () => {
  const server = useSeededServer({ GRAPHQL_COMPILE_AFTER: '2' });

  it('runs the first request interpreted and the next ones compiled, with the same answer', async () => {
    let answers: unknown[] = [];
    const ran = await counted(server(), async () => {
      answers = [];
      for (let i = 0; i < 3; i += 1) answers.push(dataOf(await server().gql(NESTED, { name: 'Blinken' })));
    });
    expect(ran).toEqual({ compiled: 2, interpreted: 1 });
    const nested = answers[0] as { person: { meetings: { nodes: Array<{ participants: Array<{ tenure: unknown }> }> } } };
    // The answer is not trivially equal: meetings, participants and the tenures they acted in.
    expect(nested.person.meetings.nodes.length).toBeGreaterThan(3);
    expect(nested.person.meetings.nodes.flatMap((m) => m.participants).filter((p) => p.tenure !== null).length).toBeGreaterThan(3);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it('answers each request with its own variables once compiled', async () => {
    const qin = dataOf(await server().gql<{ person: { id: string } }>(NESTED, { name: 'Qin Gang' }));
    const xi = dataOf(await server().gql<{ person: { id: string } }>(NESTED, { name: 'Xi Jinping' }));
    expect(qin.person.id).not.toEqual(xi.person.id);
  });

  it('keeps an error’s message, code, path and status when compiled', async () => {
    const query = 'query Missing($name: String!) { meetings(participant: $name) { nodes { id } } }';
    const responses: Awaited<ReturnType<typeof post>>[] = [];
    const ran = await counted(server(), async () => {
      for (let i = 0; i < 2; i += 1) responses.push(await post(server().url, { query, variables: { name: 'Nobody Atall' } }));
    });
    expect(ran).toEqual({ compiled: 1, interpreted: 1 });
    const [interpreted, compiled] = responses;
    expect(interpreted.json?.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'participant' });
    // All but the stack trace (sent outside production), whose frames differ by engine.
    const withoutStack = (json: typeof compiled.json) => ({
      ...json,
      errors: json?.errors?.map(({ extensions, ...error }) => ({ ...error, extensions: { ...extensions, stacktrace: undefined } })),
    });
    expect(compiled.status).toBe(interpreted.status);
    expect(withoutStack(compiled.json)).toEqual(withoutStack(interpreted.json));
  });

  it('refuses variables that do not coerce with a 400 and BAD_USER_INPUT, compiled or not', async () => {
    const query = 'query AsOf($asOf: Date!) { person(name: "Qin Gang") { positions(asOf: $asOf) { id } } }';
    dataOf(await server().gql(query, { asOf: '2023-06-19' }));
    dataOf(await server().gql(query, { asOf: '2023-06-19' })); // compiled from here on
    const bad = await post(server().url, { query, variables: { asOf: 'the nineteenth' } });
    expect(bad.status).toBe(400);
    expect(bad.json?.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.json?.errors?.[0].message).toMatch(/\$asOf/);
  });

  it('runs a request for a federated trace interpreted, and sends the trace', async () => {
    const query = 'query Traced { person(name: "Wang Yi") { id name } }';
    await post(server().url, { query });
    await post(server().url, { query }); // compiled from here on
    let traced: Awaited<ReturnType<typeof post>> | null = null;
    const ran = await counted(server(), async () => {
      traced = await post(server().url, { query }, { 'apollo-federation-include-trace': 'ftv1' });
    });
    expect(ran).toEqual({ compiled: 0, interpreted: 1 });
    const json = traced!.json as { data: unknown; extensions?: { ftv1?: string } };
    expect(json.data).toEqual({ person: { id: expect.any(String), name: 'Wang Yi' } });
    expect(typeof json.extensions?.ftv1).toBe('string');
  });
});

describe('execution: GRAPHQL_COMPILE_AFTER=0', () => {
  const server = useSeededServer({ GRAPHQL_COMPILE_AFTER: '0' });

  it('never compiles', async () => {
    const ran = await counted(server(), async () => {
      for (let i = 0; i < 3; i += 1) dataOf(await server().gql(NESTED, { name: 'Blinken' }));
    });
    expect(ran).toEqual({ compiled: 0, interpreted: 3 });
  });
});
