import type { Request, Response, Router } from 'express';
import express from 'express';
import type { Database } from '../neo4j/database';
import { migrationsPending } from '../neo4j/migrations';

/**
 * Liveness says the process is up; readiness says it can answer queries: Neo4j answers and every
 * migration has run. A load balancer should route only to ready replicas.
 */
export function healthRoutes(db: Database): Router {
  const router = express.Router();
  router.get('/health/live', (_req: Request, res: Response) => {
    res.json({ status: 'live' });
  });
  router.get('/health/ready', async (_req: Request, res: Response) => {
    try {
      const pending = await migrationsPending(db);
      if (pending.length > 0) {
        res.status(503).json({ status: 'not ready', reason: `migrations not applied: ${pending.join(', ')}` });
        return;
      }
      res.json({ status: 'ready' });
    } catch (error) {
      res.status(503).json({ status: 'not ready', reason: `Neo4j does not answer: ${(error as Error).message}` });
    }
  });
  return router;
}
