/**
 * The floor: each workload's hand-tuned Cypher, run through neo4j-driver in one read transaction,
 * behind the smallest HTTP endpoint that does the job (POST /W1 … /W6, JSON parameters in, JSON
 * rows out). Started as a child process by bench/run.ts with NEO4J_URI and PORT set.
 */
import http from 'node:http';
import neo4j from 'neo4j-driver';
import { workloads } from '../workloads';

const cypherById = new Map(workloads({ options: { seed: 1, people: 1, positions: 1, meetings: 1 }, rankedPeople: [] }).map((w) => [`/${w.id}`, w.cypher]));
const driver = neo4j.driver(process.env.NEO4J_URI!, neo4j.auth.basic(process.env.NEO4J_USERNAME ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''), {
  disableLosslessIntegers: true,
  maxConnectionPoolSize: 100,
});

const server = http.createServer((req, res) => {
  const cypher = cypherById.get(req.url ?? '');
  if (req.method !== 'POST' || !cypher) {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', async () => {
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      const params = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      // One auto-commit statement: RUN + PULL in one round trip (no BEGIN/COMMIT), the cheapest read the driver offers.
      const records = await session.run(cypher, params, { timeout: 10_000 });
      const body = JSON.stringify(records.records.map((r) => r.toObject()));
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: (error as Error).message }));
    } finally {
      await session.close();
    }
  });
});

server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address() as { port: number };
  process.stdout.write(`ready http://127.0.0.1:${address.port}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  void driver.close().then(() => process.exit(0));
});
