import express, { type Request, type Response, type Router } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Database } from '../neo4j/database';

/**
 * Prometheus metrics for one running app. One registry per Database (an app is built over one),
 * so that several apps in one process (the tests) do not collide; the Apollo plugin and the
 * /metrics route find the same instance through `metricsFor(db)`.
 *
 *   diplograph_graphql_requests_total{operation,type,outcome}   requests by outcome (ok | error)
 *   diplograph_graphql_request_duration_seconds{type,outcome}   latency histogram
 *   diplograph_graphql_errors_total{code}                        errors by extensions.code
 *   diplograph_graphql_executions_total{engine}                  operations run compiled or interpreted
 *   diplograph_neo4j_queries_total{query,mode,outcome}           round trips by named query
 *   diplograph_neo4j_query_duration_seconds{query,mode}          round-trip latency by named query
 *   diplograph_neo4j_pool_{active,idle}_connections, ..._pool_max_connections
 *   diplograph_process_* / nodejs_*                               prom-client's default metrics
 */
export class Metrics {
  readonly registry = new Registry();
  readonly requests: Counter<'operation' | 'type' | 'outcome'>;
  readonly duration: Histogram<'type' | 'outcome'>;
  readonly errors: Counter<'code'>;
  readonly executions: Counter<'engine'>;
  readonly queries: Counter<'query' | 'mode' | 'outcome'>;
  readonly queryDuration: Histogram<'query' | 'mode'>;
  private readonly unsubscribe: () => void;

  constructor(db: Database, maxPoolSize?: number) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'diplograph_' });
    this.requests = new Counter({
      name: 'diplograph_graphql_requests_total',
      help: 'GraphQL requests, by operation name (or "anonymous"), operation type and outcome.',
      labelNames: ['operation', 'type', 'outcome'],
      registers,
    });
    this.duration = new Histogram({
      name: 'diplograph_graphql_request_duration_seconds',
      help: 'GraphQL request latency from the start of processing to the response.',
      labelNames: ['type', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.errors = new Counter({
      name: 'diplograph_graphql_errors_total',
      help: 'GraphQL errors sent to clients, by extensions.code.',
      labelNames: ['code'],
      registers,
    });
    this.executions = new Counter({
      name: 'diplograph_graphql_executions_total',
      help: 'GraphQL operations executed, by engine: compiled (graphql-jit) or interpreted (graphql-js).',
      labelNames: ['engine'],
      registers,
    });
    this.queries = new Counter({
      name: 'diplograph_neo4j_queries_total',
      help: 'Neo4j round trips, by named query, access mode and outcome.',
      labelNames: ['query', 'mode', 'outcome'],
      registers,
    });
    this.queryDuration = new Histogram({
      name: 'diplograph_neo4j_query_duration_seconds',
      help: 'Neo4j round-trip latency, by named query.',
      labelNames: ['query', 'mode'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
      registers,
    });
    const pool = () => poolCounts(db);
    new Gauge({
      name: 'diplograph_neo4j_pool_active_connections',
      help: 'Neo4j connections in use (from the driver’s pool).',
      registers,
      collect() {
        this.set(pool().active);
      },
    });
    new Gauge({
      name: 'diplograph_neo4j_pool_idle_connections',
      help: 'Neo4j connections open and idle in the driver’s pool.',
      registers,
      collect() {
        this.set(pool().idle);
      },
    });
    if (maxPoolSize !== undefined) {
      new Gauge({ name: 'diplograph_neo4j_pool_max_connections', help: 'NEO4J_MAX_POOL_SIZE.', registers }).set(maxPoolSize);
    }
    this.unsubscribe = db.onQuery((event) => {
      const outcome = event.error ? 'error' : 'ok';
      this.queries.inc({ query: event.name, mode: event.mode, outcome });
      this.queryDuration.observe({ query: event.name, mode: event.mode }, event.ms / 1000);
    });
  }

  /** The text exposition Prometheus scrapes. */
  async exposition(): Promise<string> {
    return this.registry.metrics();
  }

  close(): void {
    this.unsubscribe();
  }
}

/**
 * The driver has no public pool statistics; these are read from its pool (neo4j-driver 6) and
 * read as zero if its internals change.
 */
export function poolCounts(db: Database): { active: number; idle: number } {
  try {
    const pool = (db.driver as unknown as { _connectionProvider?: { _connectionPool?: { _activeResourceCounts?: Record<string, number>; _pools?: Record<string, { length: number }> } } })
      ._connectionProvider?._connectionPool;
    if (!pool) return { active: 0, idle: 0 };
    const active = Object.values(pool._activeResourceCounts ?? {}).reduce((a, b) => a + b, 0);
    const idle = Object.values(pool._pools ?? {}).reduce((a, p) => a + (p?.length ?? 0), 0);
    return { active, idle };
  } catch {
    return { active: 0, idle: 0 };
  }
}

const instances = new WeakMap<Database, Metrics>();

/** The metrics of the app built over `db` (created on first use). */
export function metricsFor(db: Database, maxPoolSize?: number): Metrics {
  let metrics = instances.get(db);
  if (!metrics) {
    metrics = new Metrics(db, maxPoolSize);
    instances.set(db, metrics);
  }
  return metrics;
}

/** GET /metrics in Prometheus' text format. */
export function metricsRoute(metrics: Metrics): Router {
  const router = express.Router();
  router.get('/metrics', async (_req: Request, res: Response) => {
    res.set('content-type', metrics.registry.contentType);
    res.send(await metrics.exposition());
  });
  return router;
}
