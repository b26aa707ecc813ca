/**
 * The peer: @neo4j/graphql 7 over the same graph, served like diplograph is (Apollo Server 5 on
 * express 5, JSON body parser), so that the comparison is between the GraphQL layers. Started as a
 * child process by bench/run.ts with NEO4J_URI and PORT set.
 */
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import neo4j from 'neo4j-driver';
import { peerTypeDefs } from './peer-typedefs';

async function main(): Promise<void> {
  const driver = neo4j.driver(process.env.NEO4J_URI!, neo4j.auth.basic(process.env.NEO4J_USERNAME ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''), {
    maxConnectionPoolSize: 100,
  });
  const neoSchema = new Neo4jGraphQL({ typeDefs: peerTypeDefs, driver });
  const schema = await neoSchema.getSchema();
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer({ schema, introspection: false, allowBatchedHttpRequests: false });
  await apollo.start();
  app.use('/graphql', express.json({ limit: '10mb' }), expressMiddleware(apollo, { context: async ({ req }) => ({ token: req.headers.authorization }) }));
  httpServer.keepAliveTimeout = 60_000;
  httpServer.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    const address = httpServer.address() as { port: number };
    process.stdout.write(`ready http://127.0.0.1:${address.port}/graphql\n`);
  });
  process.on('SIGTERM', () => {
    void apollo.stop().then(() => driver.close()).then(() => process.exit(0));
  });
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
