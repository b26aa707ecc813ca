import type http from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { Config } from '../../config';
import type { Logger } from '../../logger';
import type { Database } from '../../neo4j/database';
import type { Context } from '../context';
import { metricsFor } from '../metrics';
import { costPlugin } from './cost';
import { freshnessPlugin } from './freshness';
import { hideSuggestionsPlugin, limitsPlugin } from './limits';
import { metricsPlugin } from './metrics';
import { landingPagePlugin } from './landing-page';

export interface PluginDeps {
  config: Config;
  logger: Logger;
  db: Database;
  httpServer: http.Server;
}

/** The Apollo plugins, in the order they run. */
export function apolloPlugins({ config, logger, db, httpServer }: PluginDeps): ApolloServerPlugin<Context>[] {
  return [
    // Lets in-flight requests finish when the server stops (SIGTERM), before the driver closes.
    ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.SHUTDOWN_GRACE_MS }),
    // What the process keeps of the graph is served under one freshness rule, kept informed.
    freshnessPlugin(db, config.CACHE_TTL_MS),
    // Request counts, latencies and errors by code for /metrics.
    metricsPlugin(metricsFor(db, config.NEO4J_MAX_POOL_SIZE)),
    // Abusive documents are refused before anything reaches Neo4j: tokens, depth, aliases,
    // directives (limits.ts), then the cost with the real variables (cost.ts).
    limitsPlugin(config, logger),
    costPlugin(config, logger),
    ...(config.NODE_ENV === 'production' ? [hideSuggestionsPlugin()] : []),
    // GET /graphql from a browser: the offline GraphiQL playground instead of Apollo Sandbox's CDN page.
    landingPagePlugin<Context>(),
    // The schema sets no cache hints, yet Apollo's default cache-control plugin wraps every field
    // resolution to collect them: a nested page of 20 meetings paid for it some 600 times.
    ApolloServerPluginCacheControlDisabled(),
  ];
}
