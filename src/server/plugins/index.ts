import type http from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { Config } from '../../config';
import type { Logger } from '../../logger';
import type { Database } from '../../neo4j/database';
import type { Context } from '../context';
import { landingPagePlugin } from './landing-page';

export interface PluginDeps {
  config: Config;
  logger: Logger;
  db: Database;
  httpServer: http.Server;
}

/** The Apollo plugins, in the order they run. */
export function apolloPlugins({ httpServer }: PluginDeps): ApolloServerPlugin<Context>[] {
  return [
    // Lets in-flight requests finish when the server stops (SIGTERM), before the driver closes.
    ApolloServerPluginDrainHttpServer({ httpServer }),
    // GET /graphql from a browser: the offline GraphiQL playground instead of Apollo Sandbox's CDN page.
    landingPagePlugin<Context>(),
  ];
}
