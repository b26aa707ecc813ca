import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import { buildExecutableSchema } from '../../src/server/sdl';
import { buildDocument } from './generate';
import { type TestServer, seedGraph, startTestServer } from '../support/harness';
import { API_TOKENS, TOKENS, bearer, graphFingerprint, post } from '../security/support';

/**
 * Documents and variables generated from the schema's own types, fields and arguments — valid
 * ones, and ones with wrong fields, wrong argument types, broken syntax and hostile values — get
 * only well-formed answers: no 5xx, no internal error, no stack trace, no unhandled rejection,
 * and the graph is the same afterwards.
 */
jest.setTimeout(400_000);

const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);

/** Codes a client may see; INTERNAL_SERVER_ERROR (a bug) is not among them. */
const WELL_FORMED = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'NOT_FOUND',
  'AMBIGUOUS_NAME',
  'LIMIT_EXCEEDED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
]);

describe('fuzzing GraphQL documents generated from the schema', () => {
  let server: TestServer;
  let schema: GraphQLSchema;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    server = await startTestServer({ NODE_ENV: 'production', INTROSPECTION: 'true', API_TOKENS });
    await seedGraph(server.db);
    schema = await buildExecutableSchema();
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await server.stop();
  });

  it(`answers ${RUNS} generated documents with well-formed errors only, and changes nothing`, async () => {
    const before = await graphFingerprint(server.db);
    const seen = { ok: 0, errors: 0 };
    const slow: Array<{ ms: number; query: string }> = [];
    await fc.assert(
      fc.asyncProperty(fc.gen(), fc.constantFrom(null, null, null, TOKENS.reader, TOKENS.reader, TOKENS.wrong), async (g, token) => {
        const doc = buildDocument(g, schema);
        const started = Date.now();
        const r = await post(server.url, doc, token ? bearer(token) : {});
        if (Date.now() - started > 1000) {
          slow.push({ ms: Date.now() - started, query: doc.query.slice(0, 300) });
          if (process.env.FUZZ_TRACE) process.stderr.write(`slow ${Date.now() - started} ms: ${JSON.stringify(doc).slice(0, 400)}\n`);
        }
        const wellFormed =
          r.status < 500 &&
          r.json !== null &&
          !r.text.includes('stacktrace') &&
          (r.json.errors ?? []).every((e) => typeof e.message === 'string' && WELL_FORMED.has(String(e.extensions?.code)));
        if (!wellFormed) {
          throw new Error(`not a well-formed answer:\n${JSON.stringify(doc)}\n→ ${r.status} ${r.text.slice(0, 1500)}`);
        }
        if (r.json!.errors?.length) seen.errors += 1;
        else seen.ok += 1;
      }),
      { numRuns: RUNS, endOnFailure: true, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    );
    if (slow.length) console.info(`fuzz: slowest documents\n${slow.sort((a, b) => b.ms - a.ms).slice(0, 5).map((x) => `${x.ms} ms ${x.query}`).join('\n')}`);
    expect(unhandled).toEqual([]);
    expect(await graphFingerprint(server.db)).toEqual(before);
    // Both kinds were exercised.
    expect(seen.ok).toBeGreaterThan(RUNS / 20);
    expect(seen.errors).toBeGreaterThan(RUNS / 20);
    console.info(`fuzz: ${RUNS} documents, ${seen.ok} answered without errors, ${seen.errors} with well-formed errors`);
  });
});
