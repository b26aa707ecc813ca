import express, { type Router } from 'express';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Database } from '../neo4j/database';
import { exploreRoutes } from '../explore/routes';
import { exportRoutes } from '../export/routes';
import { healthRoutes } from './health';
import { metricsFor, metricsRoute } from './metrics';
import { playgroundRoutes } from './playground';

export interface RouteDeps {
  config: Config;
  logger: Logger;
  db: Database;
}

/** The plain HTTP routes beside /graphql: health, and whatever pages and downloads the service offers. */
export function httpRoutes({ config, logger, db }: RouteDeps): Router {
  const router = express.Router();
  router.use(healthRoutes(db));
  // Prometheus scrape endpoint (GET /metrics); see src/server/metrics.ts.
  router.use(metricsRoute(metricsFor(db, config.NEO4J_MAX_POOL_SIZE)));
  router.use(playgroundRoutes());
  // The graph explorer (GET /explore) and graph downloads (GET /export/*); see docs/explore.md.
  router.use(exploreRoutes());
  router.use(exportRoutes({ config, logger, db }));
  return router;
}
