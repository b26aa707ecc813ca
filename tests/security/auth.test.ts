import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { GraphQLSchema } from 'graphql';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { Database } from '../../src/neo4j/database';
import { createApp } from '../../src/server/app';
import { loadJose } from '../../src/server/jwt';
import { buildExecutableSchema } from '../../src/server/sdl';
import { type TestServer, seedGraph, startTestServer } from '../support/harness';
import { API_TOKENS, TOKENS, bearer, codesOf, graphFingerprint, mutationCalls, post } from './support';

jest.setTimeout(300_000);

/**
 * Mutations that never write (documented so on the field) and may run without a token. Any other
 * mutation must demand the editor role: a new one that does not fails the test below.
 */
const READ_ONLY_MUTATIONS = new Set(['draftFacts']);

describe('writes need a token with the editor role', () => {
  let server: TestServer;
  let schema: GraphQLSchema;
  beforeAll(async () => {
    server = await startTestServer({ API_TOKENS });
    await seedGraph(server.db);
    schema = await buildExecutableSchema();
  });
  afterAll(() => server.stop());

  it('refuses every mutation without a token, with a wrong one and with a reader token, and the graph is unchanged', async () => {
    const calls = mutationCalls(schema).filter((c) => !READ_ONLY_MUTATIONS.has(c.name));
    expect(calls.map((c) => c.name)).toEqual(expect.arrayContaining(['importFacts', 'correctFact', 'retractFact', 'mergePeople']));
    const before = await graphFingerprint(server.db);
    for (const call of calls) {
      const anonymous = await post(server.url, { query: call.query, variables: call.variables });
      expect({ mutation: call.name, codes: codesOf(anonymous) }).toEqual({ mutation: call.name, codes: ['UNAUTHENTICATED'] });
      expect(anonymous.json?.data?.[call.name] ?? null).toBeNull();

      const wrong = await post(server.url, { query: call.query, variables: call.variables }, bearer(TOKENS.wrong));
      expect(wrong.status).toBe(401);
      expect(codesOf(wrong)).toEqual(['UNAUTHENTICATED']);

      const reader = await post(server.url, { query: call.query, variables: call.variables }, bearer(TOKENS.reader));
      expect({ mutation: call.name, codes: codesOf(reader) }).toEqual({ mutation: call.name, codes: ['FORBIDDEN'] });
    }
    expect(await graphFingerprint(server.db)).toEqual(before);
    // The control: with the editor token the same calls get past the auth check (they may fail on their sample input).
    for (const call of calls) {
      const editor = await post(server.url, { query: call.query, variables: call.variables }, bearer(TOKENS.editor));
      expect({ mutation: call.name, codes: codesOf(editor) }).not.toEqual({ mutation: call.name, codes: expect.arrayContaining(['UNAUTHENTICATED']) });
      expect(codesOf(editor)).not.toContain('FORBIDDEN');
      expect(editor.status).toBeLessThan(500);
    }
  });

  it('refuses a malformed Authorization header or a token that is not configured (401), and reads without a token', async () => {
    for (const header of ['Bearer', 'Basic abc', `Bearer ${TOKENS.editor} extra`, `Bearer ${TOKENS.editor.toUpperCase()}`, 'Bearer ' + 'a'.repeat(5000)]) {
      const r = await post(server.url, { query: '{ __typename }' }, { authorization: header });
      expect({ header: header.slice(0, 40), status: r.status }).toEqual({ header: header.slice(0, 40), status: 401 });
    }
    expect((await post(server.url, { query: '{ __typename }' })).status).toBe(200);
    expect((await post(server.url, { query: '{ __typename }' }, bearer(TOKENS.reader))).status).toBe(200);
  });

  it('configures tokens only by their SHA-256 (a clear-text token in API_TOKENS is refused at start-up)', async () => {
    expect(API_TOKENS).not.toContain(TOKENS.editor);
    await expect(startTestServer({ API_TOKENS: `ed:editor:${TOKENS.editor}` })).rejects.toThrow(/API_TOKENS/);
  });
});

describe('REQUIRE_READ_TOKEN', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ API_TOKENS, REQUIRE_READ_TOKEN: 'true' });
  });
  afterAll(() => server.stop());

  it('refuses reads without a reader token, and serves them with one', async () => {
    const anonymous = await post(server.url, { query: '{ person(name: "Blinken") { id } }' });
    expect(anonymous.status).toBe(401);
    expect(codesOf(anonymous)).toEqual(['UNAUTHENTICATED']);
    for (const token of [TOKENS.reader, TOKENS.editor]) {
      const r = await post(server.url, { query: '{ person(name: "Blinken") { id } }' }, bearer(token));
      expect(r.status).toBe(200);
      expect(codesOf(r)).toEqual([]);
    }
  });
});

describe('JWTs verified against a JWKS (deployments behind a router)', () => {
  const jose = loadJose();
  let server: TestServer;
  let privateKey: CryptoKey;
  let otherKey: CryptoKey;
  let dir: string;

  const sign = (claims: Record<string, unknown>, opts: { key?: CryptoKey; iss?: string; aud?: string; exp?: string | number } = {}) =>
    new jose.SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setSubject('router-client')
      .setIssuer(opts.iss ?? 'https://issuer.test')
      .setAudience(opts.aud ?? 'diplograph')
      .setIssuedAt()
      .setExpirationTime(opts.exp ?? '5m')
      .sign(opts.key ?? privateKey);

  beforeAll(async () => {
    const pair = await jose.generateKeyPair('ES256', { extractable: true });
    privateKey = pair.privateKey;
    otherKey = (await jose.generateKeyPair('ES256')).privateKey;
    const jwk = { ...(await jose.exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-jwks-'));
    fs.writeFileSync(path.join(dir, 'jwks.json'), JSON.stringify({ keys: [jwk] }));
    server = await startTestServer({
      API_TOKENS,
      REQUIRE_READ_TOKEN: 'true',
      JWT_JWKS_FILE: path.join(dir, 'jwks.json'),
      JWT_ISSUER: 'https://issuer.test',
      JWT_AUDIENCE: 'diplograph',
    });
  });
  afterAll(async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('accepts a valid token with a roles claim and refuses a bad signature, issuer, audience or an expired one', async () => {
    const q = { query: '{ __typename }' };
    expect((await post(server.url, q, bearer(await sign({ roles: ['reader'] })))).status).toBe(200);
    expect((await post(server.url, q, bearer(await sign({ roles: 'editor' })))).status).toBe(200);
    for (const bad of [
      await sign({ roles: ['reader'] }, { key: otherKey }),
      await sign({ roles: ['reader'] }, { iss: 'https://evil.test' }),
      await sign({ roles: ['reader'] }, { aud: 'someone-else' }),
      await sign({ roles: ['reader'] }, { exp: Math.floor(Date.now() / 1000) - 3600 }),
      // alg "none" with the same claims
      `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${Buffer.from(JSON.stringify({ roles: ['editor'], iss: 'https://issuer.test', aud: 'diplograph', exp: 9999999999 })).toString('base64url')}.`,
    ]) {
      const r = await post(server.url, q, bearer(bad));
      expect(r.status).toBe(401);
      expect(codesOf(r)).toEqual(['UNAUTHENTICATED']);
    }
    // A token without the reader role does not satisfy REQUIRE_READ_TOKEN.
    expect((await post(server.url, q, bearer(await sign({ roles: ['guest'] })))).status).toBe(401);
    // Hashed API tokens keep working beside JWTs.
    expect((await post(server.url, q, bearer(TOKENS.reader))).status).toBe(200);
  });

  it('gives a JWT reader no write access', async () => {
    const calls = mutationCalls(await buildExecutableSchema()).filter((c) => !READ_ONLY_MUTATIONS.has(c.name));
    expect(calls.length).toBeGreaterThanOrEqual(4);
    const reader = await sign({ roles: ['reader'] });
    for (const call of calls) {
      expect(codesOf(await post(server.url, { query: call.query, variables: call.variables }, bearer(reader)))).toEqual(['FORBIDDEN']);
    }
  });
});

describe('failed authentication is logged without the token', () => {
  it('logs the refusal and the client address, never the token', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = pino({ level: 'info' }, sink);
    const config = loadConfig({ ...process.env, NODE_ENV: 'test', API_TOKENS });
    const db = new Database({
      uri: config.NEO4J_URI!,
      username: config.NEO4J_USERNAME,
      password: config.NEO4J_PASSWORD,
      readTimeoutMs: 5000,
      writeTimeoutMs: 5000,
      connectionTimeoutMs: 5000,
      maxPoolSize: 5,
      logger,
    });
    const app = await createApp(config, db, logger);
    await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
    const { port } = app.httpServer.address() as { port: number };
    try {
      const secret = 'a-secret-token-that-must-not-be-logged';
      const r = await post(`http://127.0.0.1:${port}/graphql`, { query: '{ __typename }' }, bearer(secret));
      expect(r.status).toBe(401);
      const log = lines.join('');
      expect(log).toMatch(/rejected an invalid bearer token/);
      expect(log).toContain('127.0.0.1');
      expect(log).not.toContain(secret);
    } finally {
      await app.apollo.stop();
      await db.close();
    }
  });
});
