/**
 * Load test: a mixed read workload against the real service on loopback.
 *
 *   node -r ./tests/faults/support/ts-register.js bench/load.ts          (no build needed)
 *   npm run build && node dist/bench/load.js
 *
 * Starts the service in-process (embedded Neo4j in a temporary folder unless NEO4J_URI is set,
 * seed articles loaded), then runs autocannon at LOAD_CONNECTIONS (default 64) concurrent
 * connections for LOAD_SECONDS (default 60) over a rotation of read queries, and prints requests
 * served, errors (non-2xx responses, GraphQL errors in 200 responses, socket errors and timeouts)
 * and p50/p99 latency. Exits 1 when there was any error. Loopback only: the target is the
 * server this script starts on 127.0.0.1.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../src/config';
import { seedIfEmpty } from '../src/ingest/seed';
import { createLogger } from '../src/logger';
import { connect } from '../src/neo4j/connect';
import { createApp } from '../src/server/app';

/** The part of autocannon's result this script reads (the package ships no types). */
interface AutocannonResult {
  requests: { total: number; average: number };
  latency: { p50: number; p90: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<AutocannonResult>;

const QUERIES: Array<{ name: string; query: string; variables?: Record<string, unknown> }> = [
  { name: 'person', query: 'query Person($n: String!) { person(name: $n) { id name nativeName positions { start end position { title } } } }', variables: { n: 'Blinken' } },
  { name: 'people', query: 'query People { people(search: "wang") { nodes { id name } totalCount } }' },
  { name: 'holders', query: 'query Holders { holders(position: "Foreign Minister of China") { start end person { name } } }' },
  { name: 'meeting', query: 'query MeetingsOf { person(name: "Wang Yi") { meetings { nodes { id date place { name } participants { role person { name } } } } } }' },
  { name: 'bilateral', query: 'query Bilateral { bilateral(a: "US", b: "China") { meetings { totalCount nodes { id date } } issues { name } } }' },
  { name: 'documents', query: 'query Docs { documents(first: 5) { id title publishedAt } }' },
  { name: 'statements', query: 'query Statements { person(name: "Xi Jinping") { statements { text date } } }' },
];

async function main(): Promise<void> {
  const connections = Number(process.env.LOAD_CONNECTIONS ?? 64);
  const duration = Number(process.env.LOAD_SECONDS ?? 60);
  const dataDir = process.env.NEO4J_URI ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-load-'));
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    ...(dataDir ? { DATA_DIR: dataDir } : {}),
    HOST: '127.0.0.1',
    PORT: '0',
  });
  const connection = await connect(config, logger);
  try {
    await seedIfEmpty(connection.db, logger);
    const { httpServer, apollo } = await createApp(config, connection.db, logger);
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    const { port } = httpServer.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/graphql`;

    // Every query must answer without errors before the run: a broken query is not load.
    for (const q of QUERIES) {
      const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q.query, variables: q.variables }) });
      const body = (await r.json()) as { errors?: unknown[] };
      if (r.status !== 200 || body.errors) throw new Error(`query ${q.name} fails before the load: ${r.status} ${JSON.stringify(body.errors)}`);
    }

    let graphqlErrors = 0;
    const result = await autocannon({
      url,
      connections,
      duration,
      timeout: 10,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      requests: QUERIES.map((q) => ({
        method: 'POST',
        path: '/graphql',
        body: JSON.stringify({ query: q.query, variables: q.variables ?? {}, operationName: null }),
        onResponse: (status: number, body: string) => {
          if (status === 200 && body.includes('"errors"')) graphqlErrors += 1;
        },
      })),
    });
    await apollo.stop();

    const errors = result.errors + result.timeouts + result.non2xx + graphqlErrors;
    const summary = {
      connections,
      seconds: duration,
      requests: result.requests.total,
      requestsPerSecond: Math.round(result.requests.average),
      errors,
      non2xx: result.non2xx,
      graphqlErrors,
      socketErrors: result.errors,
      timeouts: result.timeouts,
      latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    };
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    process.stdout.write(
      `load: ${summary.requests} requests in ${duration} s at ${connections} connections (${summary.requestsPerSecond}/s), ` +
        `${errors} errors, p50 ${summary.latencyMs.p50} ms, p99 ${summary.latencyMs.p99} ms\n`,
    );
    process.exitCode = errors === 0 ? 0 : 1;
  } finally {
    await connection.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`load: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
