import express, { type Router } from 'express';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Database } from '../neo4j/database';
import { healthRoutes } from './health';
import { playgroundRoutes } from './playground';

export interface RouteDeps {
  config: Config;
  logger: Logger;
  db: Database;
}

/** The plain HTTP routes beside /graphql: health, and whatever pages and downloads the service offers. */
export function httpRoutes({ db }: RouteDeps): Router {
  const router = express.Router();
  router.use(healthRoutes(db));
  router.use(playgroundRoutes());
  return router;
}
