import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { Config } from '../config';
import { ErrorCode } from '../errors';
import type { Logger } from '../logger';
import type { Database } from '../neo4j/database';
import { Authenticator } from './auth';
import { type Context, createContext } from './context';
import { executionGateway } from './execution';
import { metricsFor } from './metrics';
import { apolloPlugins } from './plugins';
import { bodyErrorHandler } from './plugins/limits';
import { httpRoutes } from './routes';
import { buildExecutableSchema } from './sdl';

export interface App {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
}

/**
 * Hides internals in production: an error without one of the service's codes is a bug, and its
 * message may carry Cypher or paths that a client has no business seeing.
 */
export function formatError(production: boolean) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    const code = formatted.extensions?.code as string | undefined;
    if (production && (code === undefined || code === ErrorCode.INTERNAL_SERVER_ERROR)) {
      return { message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR }, path: formatted.path, locations: formatted.locations };
    }
    return formatted;
  };
}

/** Builds the HTTP application: health routes, then GraphQL. It does not listen. */
export async function createApp(config: Config, db: Database, logger: Logger): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const schema = await buildExecutableSchema();
  const production = config.NODE_ENV === 'production';

  const metrics = metricsFor(db, config.NEO4J_MAX_POOL_SIZE);

  const apollo = new ApolloServer<Context>({
    // The schema, with an executor that runs repeated documents compiled (see execution.ts).
    gateway: executionGateway(schema, {
      compileAfter: config.GRAPHQL_COMPILE_AFTER,
      onExecute: (engine) => metrics.executions.inc({ engine }),
    }),
    // Apollo's own messages go to the service's structured log, not to the console.
    logger,
    introspection: config.INTROSPECTION,
    includeStacktraceInErrorResponses: !production,
    // Batched requests multiply the cost limits by the batch size; one operation per request.
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // The CLI owns SIGINT/SIGTERM (drain, close the driver, stop the embedded Neo4j, exit once);
    // Apollo's own handlers would stop the server and re-raise the signal behind its back.
    stopOnTerminationSignals: false,
    formatError: formatError(production),
    plugins: apolloPlugins({ config, logger, db, httpServer }),
  });
  await apollo.start();

  // Hashed API tokens or JWTs; a bad token is a 401 before anything runs (see auth.ts).
  const auth = new Authenticator(config, logger);
  app.use(
    '/graphql',
    express.json({ limit: config.MAX_BODY_BYTES }),
    expressMiddleware(apollo, {
      context: async ({ req }) => createContext(db, await auth.authenticate(req), logger),
    }),
  );
  // After /graphql, which none of them serves: a GraphQL request would otherwise walk every one of
  // their routers first (8 KB more garbage on each of W4's requests, which make 131 KB;
  // docs/benchmark.md, session 11).
  app.use(httpRoutes({ config, logger, db }));
  // A body over MAX_BODY_BYTES or unreadable JSON: a coded JSON error, never a stack trace.
  app.use(bodyErrorHandler(config, logger));
  return { app, httpServer, apollo };
}
