/**
 * When something read from the graph and kept in this process may still be served: the rule the
 * service's caches share (the rank graph, src/rank/rank-graph.cache.ts, and name look-ups and
 * entities by id, src/neo4j/keyed-read-cache.ts).
 *
 * - Writes made by this process (imports, `correctFact`, `retractFact`, `mergePeople`) call
 *   `invalidateGraphCaches()` once their transaction has ended: nothing read before is served
 *   after, so a client sees its own write at once on the replica that made it.
 * - Writes made elsewhere (another replica, `npm run import`, which runs as a batch job outside
 *   the replicas, a console session, a restore) are seen within CACHE_TTL_MS (1 s by default; 0
 *   turns caching off). What was read less than a TTL ago is served as it is. An older read is
 *   served only while the database says nothing has been committed since: every auto-commit read
 *   the service makes comes back with a bookmark, the position of the last committed transaction
 *   (Database's query events carry it), so the caches know at no cost of their own whether the
 *   graph changed; and a heartbeat (`RETURN 1`, twice a TTL) keeps them informed when every answer
 *   comes from the caches. A read is stamped with the newest bookmark seen before it began (what it
 *   returns is at least that new), and is kept past its TTL while a read begun within the last TTL
 *   reported that same bookmark. So nothing served is staler than one TTL, but a busy replica does
 *   not read again every second when nothing changed.
 * - We chose bookmarks over a version node that writes would bump because a version cannot cover
 *   writes that do not go through this code, and over a check per request because that would be a
 *   round trip per request (each costs the service 0.3–0.5 ms of CPU on this machine's loopback,
 *   docs/benchmark.md). Replicas read without bookmarks, so a write on one replica may take a
 *   moment to show on another anyway (docs/federation.md): one TTL matches that promise.
 *   docs/operations.md states the trade-off for operators.
 *
 * It assumes one process serves one database, which is how the service runs.
 */
import { CACHE_TTL_MS_DEFAULT } from '../config';
import type { Database, QueryListener } from './database';

/** The heartbeat's shortest period, whatever the TTL. */
const HEARTBEAT_MIN_MS = 50;

/** A commit position the database reported (a read's bookmark), and when the read that got it began. */
export interface CommitMark {
  bookmark: string;
  readStartedAt: number;
}

/** What a kept read is judged by: when it began, the newest bookmark seen before, and the invalidations so far. */
export interface ReadStamp {
  startedAt: number;
  bookmark: string | null;
  generation: number;
}

export interface GraphFreshnessOptions {
  /** How long a read may be served, in ms; 0: never kept. Default: CACHE_TTL_MS's default. */
  ttlMs?: number;
  /** The clock, in ms; monotonic, so that a wall-clock jump cannot keep a read alive. */
  now?: () => number;
}

export class GraphFreshness {
  private latest: CommitMark | null = null;
  private generation = 0;
  private ttl: number;
  readonly now: () => number;

  constructor(options: GraphFreshnessOptions = {}) {
    this.ttl = options.ttlMs ?? CACHE_TTL_MS_DEFAULT;
    this.now = options.now ?? (() => performance.now());
  }

  /** Whether anything may be kept at all (a TTL of 0 keeps nothing). */
  get keeps(): boolean {
    return this.ttl > 0;
  }

  /** The stamp of a read that begins now. */
  stamp(): ReadStamp {
    return { startedAt: this.now(), bookmark: this.latest?.bookmark ?? null, generation: this.generation };
  }

  /** Whether what a read with this stamp returned may still be served. */
  isFresh(stamp: ReadStamp): boolean {
    if (stamp.generation !== this.generation || !this.keeps) return false;
    const now = this.now();
    if (now - stamp.startedAt < this.ttl) return true;
    // Older than the TTL: only while a read begun within the last TTL found nothing committed since.
    const latest = this.latest;
    return stamp.bookmark !== null && latest !== null && latest.bookmark === stamp.bookmark && now - latest.readStartedAt < this.ttl;
  }

  /** Nothing read before this call is served after it (this process wrote, or may have). */
  invalidate(): void {
    this.generation += 1;
  }

  /**
   * Takes note of a commit position the database reported; the newest read (by when it began)
   * wins, since reads may finish out of order.
   */
  observe(mark: CommitMark): void {
    if (this.latest === null || mark.readStartedAt >= this.latest.readStartedAt) this.latest = mark;
  }

  /**
   * Follows the bookmarks of every read `db` makes (the service's freshness plugin calls it), and
   * asks for one itself every half TTL (`Database.ping`: not a named query, so it reports no query
   * event and counts in no request's round trips). When every answer comes from what is kept,
   * nothing else shows that the graph has not changed, and everything kept went stale together
   * each TTL and was read again in a burst: under the benchmark's W4, 22 reads in 10 s, the whole
   * rank graph among them; none with the heartbeat (docs/benchmark.md, session 6). Returns the stop.
   */
  watch(db: Database): () => void {
    const listener: QueryListener = (event) => {
      if (event.bookmark && !event.error) this.observe({ bookmark: event.bookmark, readStartedAt: event.startedAt });
    };
    const unsubscribe = db.onQuery(listener);
    const heartbeat = setInterval(() => {
      if (!this.keeps) return;
      const readStartedAt = this.now();
      // A failed ping is no news: what is kept then goes stale at its TTL, as without the heartbeat.
      db.ping().then((bookmark) => bookmark && this.observe({ bookmark, readStartedAt }), () => undefined);
    }, Math.max(HEARTBEAT_MIN_MS, this.ttl / 2));
    heartbeat.unref();
    return () => {
      unsubscribe();
      clearInterval(heartbeat);
    };
  }

  /** Sets how long a read may be served from now on (the service's CACHE_TTL_MS, set by its freshness plugin). */
  setTtl(ttlMs: number): void {
    this.ttl = ttlMs;
  }
}

/** The process's freshness rule, shared by its caches (one per process: the service serves one database). */
export const graphFreshness = new GraphFreshness();

/**
 * The invalidation hook: every code path that writes (imports, curation) calls it once its write
 * transaction has ended, whether it committed or failed (a commit whose answer was lost may still
 * have written).
 */
export function invalidateGraphCaches(): void {
  graphFreshness.invalidate();
}
