/**
 * The rank graph, kept in this process between requests.
 *
 * Every rank question (`outranks`, `outrankedBy`, `compareRank`) needs the claims and precedence
 * holdings of whole contexts, because a closure can reach anyone in them. Reading and indexing
 * them on every request made a rank question cost ~15 ms of the service's CPU, against 0.5 ms for
 * a hand-written Cypher statement (docs/benchmark.md, W4). So the rows of every context and every
 * date are read once (`rank/graph`), kept as a snapshot and indexed once (RankIndex), which also
 * keeps the effective-level segments it computes; each request builds its RankGraph from the index,
 * taking what holds on its asOf and in its context (claimHolds, holdingHolds). The RankGraphs are
 * not kept: building one costs about 0.1 ms, while keeping the last 64 (as this cache did) let them
 * outlive the young generation, and collecting them from the old one made a rank question over
 * varied dates cost 40% more CPU than building afresh (docs/benchmark.md, W4).
 *
 * When a snapshot may be served:
 * - Writes made by this process (imports, `correctFact`, `retractFact`, `mergePeople`) call
 *   `invalidateRankGraphs()` once their transaction has ended, so the next request here reads
 *   the graph again: a client sees its own write at once on the replica that made it.
 * - Writes made elsewhere (another replica, `npm run import`, which runs as a batch job outside
 *   the replicas, a console session, a restore) are seen within RANK_CACHE_TTL_MS (1 s by
 *   default; 0 turns the cache off). A snapshot younger than that is served as it is. An older
 *   one is served only while the database says nothing has been committed since it was read:
 *   every auto-commit read the service makes comes back with a bookmark, the position of the last
 *   committed transaction (Database's query events carry it), so the cache knows at no cost of
 *   its own whether the graph changed. A snapshot is labelled with the newest bookmark seen
 *   before its read began (its content is at least that new), and is kept past its TTL while a
 *   read begun within the last TTL reported that same bookmark. So what is served is never staler
 *   than one TTL, as before, but a busy replica no longer reads the whole rank graph again every
 *   second when nothing changed (that re-read cost a second of CPU in every few, under the
 *   benchmark's W4). An idle replica has seen no recent bookmark, and reads again.
 * - We chose bookmarks over a version node that writes would bump because a version cannot cover
 *   writes that do not go through this code, and over a check per request because that would be
 *   a round trip per request (each costs the service 3–5 ms of CPU in the driver,
 *   docs/benchmark.md). Replicas read without bookmarks, so a write on one replica may take a
 *   moment to show on another anyway (docs/federation.md): one TTL matches that promise.
 *   docs/operations.md states the trade-off for operators.
 * - A read that fails is not kept.
 *
 * The cache assumes one process serves one database, which is how the service runs.
 */
import { RANK_CACHE_TTL_MS_DEFAULT } from '../config';
import type { Database, QueryListener, QueryRunner } from '../neo4j/database';
import { RankGraph, type RankGraphRows, RankIndex } from './rank.engine';
import type { RankContext } from './rank.type';

/** What `rank/graph` returns: the rows of every context and every date, and the contexts. */
interface RankGraphResult extends RankGraphRows {
  contexts: RankContext[];
}

/** A commit position the database reported (a read's bookmark), and when the read that got it began. */
export interface CommitMark {
  bookmark: string;
  readStartedAt: number;
}

/** What one request's rank fields need: the graph of its asOf and context, and every rank context by id. */
export interface RankView {
  graph: RankGraph;
  contexts: ReadonlyMap<string, RankContext>;
}

interface Snapshot {
  /** When the read started (monotonic clock): what it returns is at least this fresh. */
  startedAt: number;
  /** The newest bookmark seen before the read began (null: none yet): what it returns is at least that new. */
  bookmark: string | null;
  data: Promise<{ index: RankIndex; contexts: ReadonlyMap<string, RankContext> }>;
}

export interface RankGraphCacheOptions {
  /** How long a snapshot may be served, in ms; 0: read on every request. Default: RANK_CACHE_TTL_MS's default. */
  ttlMs?: number;
  /** The clock, in ms; monotonic, so that a wall-clock jump cannot keep a snapshot alive. */
  now?: () => number;
}

export class RankGraphCache {
  private snapshot: Snapshot | null = null;
  private latest: CommitMark | null = null;
  private ttl: number;
  private readonly now: () => number;

  constructor(options: RankGraphCacheOptions = {}) {
    this.ttl = options.ttlMs ?? RANK_CACHE_TTL_MS_DEFAULT;
    this.now = options.now ?? (() => performance.now());
  }

  /** The graph of `asOf` and `contextId` (null: every date, every context), from a fresh enough snapshot. */
  async view(db: QueryRunner, asOf: string | null, contextId: string | null): Promise<RankView> {
    const snapshot = this.current(db);
    const { index, contexts } = await snapshot.data;
    return { graph: new RankGraph(index, asOf, contextId), contexts };
  }

  /** Forgets the snapshot: the next request reads the graph again. Requests already answering from it finish with it. */
  invalidate(): void {
    this.snapshot = null;
  }

  /**
   * Takes note of a commit position the database reported; the newest read (by when it began)
   * wins, since reads may finish out of order.
   */
  observe(mark: CommitMark): void {
    if (this.latest === null || mark.readStartedAt >= this.latest.readStartedAt) this.latest = mark;
  }

  /** Follows the bookmarks of every read `db` makes (createApp calls it); returns the unsubscribe. */
  watch(db: Database): () => void {
    const listener: QueryListener = (event) => {
      if (event.bookmark && !event.error) this.observe({ bookmark: event.bookmark, readStartedAt: event.startedAt });
    };
    return db.onQuery(listener);
  }

  /** Sets how long a snapshot may be served from now on (the service's RANK_CACHE_TTL_MS, set by createApp). */
  setTtl(ttlMs: number): void {
    this.ttl = ttlMs;
  }

  private current(db: QueryRunner): Snapshot {
    const now = this.now();
    const kept = this.snapshot;
    if (kept && (now - kept.startedAt < this.ttl || this.unchangedSince(kept, now))) return kept;
    const snapshot: Snapshot = { startedAt: now, bookmark: this.latest?.bookmark ?? null, data: readRankGraph(db) };
    if (this.ttl > 0) {
      this.snapshot = snapshot;
      // A failed read is not kept: the next request tries again rather than fail for a whole TTL.
      snapshot.data.catch(() => {
        if (this.snapshot === snapshot) this.snapshot = null;
      });
    }
    return snapshot;
  }

  /** Whether a read begun within the last TTL found nothing committed since the snapshot's bookmark. */
  private unchangedSince(snapshot: Snapshot, now: number): boolean {
    const latest = this.latest;
    return snapshot.bookmark !== null && latest !== null && latest.bookmark === snapshot.bookmark && now - latest.readStartedAt < this.ttl;
  }
}

async function readRankGraph(db: QueryRunner): Promise<{ index: RankIndex; contexts: ReadonlyMap<string, RankContext> }> {
  const [row] = await db.read<RankGraphResult>('rank/graph');
  return {
    index: new RankIndex({ claims: row?.claims ?? [], holdings: row?.holdings ?? [] }),
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
