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
 * When a snapshot may be served is src/neo4j/freshness.ts's rule (writes through this process
 * drop it at once; writes made elsewhere show within CACHE_TTL_MS, and a snapshot is kept past its
 * TTL only while read bookmarks show nothing committed since). Before that rule, a busy replica
 * read the whole rank graph again every second, a second of CPU in every few under the
 * benchmark's W4. A read that fails is not kept.
 */
import type { QueryRunner } from '../neo4j/database';
import { GraphFreshness, type GraphFreshnessOptions, graphFreshness, type ReadStamp } from '../neo4j/freshness';
import { RankGraph, type RankGraphRows, RankIndex } from './rank.engine';
import type { RankContext } from './rank.type';

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
  /** When the read began, and what was known then. */
  stamp: ReadStamp;
  data: Promise<{ index: RankIndex; contexts: ReadonlyMap<string, RankContext> }>;
}

export interface RankGraphCacheOptions extends GraphFreshnessOptions {
  /** The rule it follows; default: one of its own, with `ttlMs` and `now`. */
  freshness?: GraphFreshness;
}

export class RankGraphCache {
  private snapshot: Snapshot | null = null;
  readonly freshness: GraphFreshness;

  constructor(options: RankGraphCacheOptions = {}) {
    this.freshness = options.freshness ?? new GraphFreshness(options);
  }

  /** The graph of `asOf` and `contextId` (null: every date, every context), from a fresh enough snapshot. */
  async view(db: QueryRunner, asOf: string | null, contextId: string | null): Promise<RankView> {
    const snapshot = this.current(db);
    const { index, contexts } = await snapshot.data;
    return { graph: new RankGraph(index, asOf, contextId), contexts };
  }

  private current(db: QueryRunner): Snapshot {
    const kept = this.snapshot;
    if (kept && this.freshness.isFresh(kept.stamp)) return kept;
    const snapshot: Snapshot = { stamp: this.freshness.stamp(), data: readRankGraph(db) };
    if (this.freshness.keeps) {
      this.snapshot = snapshot;
      // A failed read is not kept: the next request tries again rather than fail for a whole TTL.
      snapshot.data.catch(() => {
        if (this.snapshot === snapshot) this.snapshot = null;
      });
    }
    return snapshot;
  }
}

async function readRankGraph(db: QueryRunner): Promise<{ index: RankIndex; contexts: ReadonlyMap<string, RankContext> }> {
  const [row] = await db.read<RankGraphResult>('rank/graph');
  return {
    index: new RankIndex({ claims: row?.claims ?? [], holdings: row?.holdings ?? [] }),
    contexts: new Map((row?.contexts ?? []).map((c) => [c.id, c])),
  };
}

/** The process's rank cache (one per process: the service serves one database), under the process's freshness rule. */
export const rankGraphCache = new RankGraphCache({ freshness: graphFreshness });
