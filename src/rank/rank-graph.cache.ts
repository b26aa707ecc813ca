/**
 * The rank graph, kept in this process between requests.
 *
 * Every rank question (`outranks`, `outrankedBy`, `compareRank`) needs the claims and precedence
 * holdings of whole contexts, because a closure can reach anyone in them. Reading and indexing
 * them on every request made a rank question cost ~15 ms of the service's CPU, against 0.5 ms for
 * a hand-written Cypher statement (docs/benchmark.md, W4). So the rows of every context and every
 * date are read once (`rank/graph`), kept as a snapshot, and narrowed in memory to the asOf and
 * context a request asks about (`narrowRows`); the RankGraphs built from them are kept too, for
 * the last RANK_GRAPH_CACHE_SIZE (asOf, context) pairs asked about. Everything kept is immutable
 * and shared between requests.
 *
 * When a snapshot may be served:
 * - Writes made by this process (imports, `correctFact`, `retractFact`, `mergePeople`) call
 *   `invalidateRankGraphs()` once their transaction has ended, so the next request here reads
 *   the graph again: a client sees its own write at once on the replica that made it.
 * - Writes made elsewhere (another replica, `npm run import`, which runs as a batch job outside
 *   the replicas) are seen once the snapshot is older than RANK_CACHE_TTL_MS (1 s by default; 0
 *   turns the cache off). We chose a TTL over checking a graph version on every request because
 *   the check would be one more round trip per request (each costs the service 3–5 ms of CPU in
 *   the driver, docs/benchmark.md), because no version can cover writes that do not go through
 *   this code (a restore, a console session), and because replicas already read without
 *   bookmarks, so a write on one replica may take a moment to show on another anyway
 *   (docs/federation.md): a staleness bound of one TTL matches that promise and keeps it for
 *   every kind of write. docs/operations.md states the trade-off for operators.
 * - The TTL counts from when the read started, so what is served is never older than the TTL; a
 *   read that fails is not kept.
 *
 * The cache assumes one process serves one database, which is how the service runs.
 */
import { RANK_CACHE_TTL_MS_DEFAULT } from '../config';
import type { QueryRunner } from '../neo4j/database';
import { narrowRows, RankGraph, type RankGraphRows } from './rank.engine';
import type { RankContext } from './rank.type';

/** How many built graphs one snapshot keeps (one per (asOf, context) asked about), least recently used out first. */
export const RANK_GRAPH_CACHE_SIZE = 64;

/** What `rank/graph` returns: the rows of every context and every date, and the contexts. */
interface RankGraphResult extends RankGraphRows {
  contexts: RankContext[];
}

/** What one request's rank fields need: the graph of its asOf and context, and every rank context by id. */
export interface RankView {
  graph: RankGraph;
  contexts: ReadonlyMap<string, RankContext>;
}

interface Snapshot {
  /** When the read started (monotonic clock): what it returns is at least this fresh. */
  startedAt: number;
  data: Promise<{ rows: RankGraphRows; contexts: ReadonlyMap<string, RankContext> }>;
  /** JSON of [asOf, contextId] → graph, in order of last use (Map keeps insertion order). */
  graphs: Map<string, RankGraph>;
}

export interface RankGraphCacheOptions {
  /** How long a snapshot may be served, in ms; 0: read on every request. Default: RANK_CACHE_TTL_MS's default. */
  ttlMs?: number;
  /** How many built graphs a snapshot keeps. Default RANK_GRAPH_CACHE_SIZE. */
  maxGraphs?: number;
  /** The clock, in ms; monotonic, so that a wall-clock jump cannot keep a snapshot alive. */
  now?: () => number;
}

export class RankGraphCache {
  private snapshot: Snapshot | null = null;
  private ttl: number;
  private readonly maxGraphs: number;
  private readonly now: () => number;

  constructor(options: RankGraphCacheOptions = {}) {
    this.ttl = options.ttlMs ?? RANK_CACHE_TTL_MS_DEFAULT;
    this.maxGraphs = options.maxGraphs ?? RANK_GRAPH_CACHE_SIZE;
    this.now = options.now ?? (() => performance.now());
  }

  /** The graph of `asOf` and `contextId` (null: every date, every context), from a fresh enough snapshot. */
  async view(db: QueryRunner, asOf: string | null, contextId: string | null): Promise<RankView> {
    const snapshot = this.current(db);
    const { rows, contexts } = await snapshot.data;
    const key = JSON.stringify([asOf, contextId]);
    let graph = snapshot.graphs.get(key);
    if (graph) {
      snapshot.graphs.delete(key);
    } else {
      graph = new RankGraph(narrowRows(rows, asOf, contextId), asOf);
      if (snapshot.graphs.size >= this.maxGraphs) snapshot.graphs.delete(snapshot.graphs.keys().next().value!);
    }
    snapshot.graphs.set(key, graph);
    return { graph, contexts };
  }

  /** Forgets the snapshot: the next request reads the graph again. Requests already answering from it finish with it. */
  invalidate(): void {
    this.snapshot = null;
  }

  /** Sets how long a snapshot may be served from now on (the service's RANK_CACHE_TTL_MS, set by createApp). */
  setTtl(ttlMs: number): void {
    this.ttl = ttlMs;
  }

  private current(db: QueryRunner): Snapshot {
    const now = this.now();
    const kept = this.snapshot;
    if (kept && now - kept.startedAt < this.ttl) return kept;
    const snapshot: Snapshot = { startedAt: now, data: readRankGraph(db), graphs: new Map() };
    if (this.ttl > 0) {
      this.snapshot = snapshot;
      // A failed read is not kept: the next request tries again rather than fail for a whole TTL.
      snapshot.data.catch(() => {
        if (this.snapshot === snapshot) this.snapshot = null;
      });
    }
    return snapshot;
  }
}

async function readRankGraph(db: QueryRunner): Promise<{ rows: RankGraphRows; contexts: ReadonlyMap<string, RankContext> }> {
  const [row] = await db.read<RankGraphResult>('rank/graph');
  return {
    rows: { claims: row?.claims ?? [], holdings: row?.holdings ?? [] },
    contexts: new Map((row?.contexts ?? []).map((c) => [c.id, c])),
  };
}

/** The process's rank cache (one per process: the service serves one database). */
export const rankGraphCache = new RankGraphCache();

/**
 * The invalidation hook: every code path that writes rank-relevant data (claims, tenures,
 * precedence, positions, contexts, people) calls it once its write transaction has ended, whether
 * it committed or failed (a commit whose answer was lost may still have written).
 */
export function invalidateRankGraphs(): void {
  rankGraphCache.invalidate();
}
