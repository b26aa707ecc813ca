/**
 * The rank closure, computed in memory from the rows of `rank/graph` (every context's claims and
 * precedence holdings, narrowed here to one context and one day when asked). Pure functions, no
 * I/O: the rules live here.
 *
 * - Intervals are half-open `[from, to)` of ISO dates; `from = null` is "since always" and
 *   `to = null` is "still open". ISO dates compare as strings.
 * - A CLAIM link is a stated RANKS_ABOVE edge, valid over the edge's [validFrom, validTo).
 * - A PRECEDENCE link says A above B when, over some interval, A's effective level in the context
 *   (the best — lowest — level among the positions A holds then) is lower than B's. Equal levels
 *   are a tie: neither above nor below.
 * - A chain never leaves its context, holds over the intersection of its links' intervals (it
 *   must not be empty) and is at most RANK_MAX_HOPS links long. It is a simple path: a cycle is
 *   never walked twice, so contradictions (A above B above A) end the walk instead of looping.
 */
import { limitExceeded } from '../errors';

/** The depth cap of the transitive closure: chains longer than this are not followed. */
export const RANK_MAX_HOPS = 10;
/** Safety cap on the states one closure may explore (each is a person reached by a distinct chain interval). */
export const RANK_MAX_STATES = 200_000;

export interface Interval {
  from: string | null;
  to: string | null;
}

export const ALWAYS: Interval = { from: null, to: null };

export function intersect(a: Interval, b: Interval): Interval | null {
  const from = a.from === null ? b.from : b.from === null ? a.from : a.from > b.from ? a.from : b.from;
  const to = a.to === null ? b.to : b.to === null ? a.to : a.to < b.to ? a.to : b.to;
  if (from !== null && to !== null && from >= to) return null;
  return { from, to };
}

/** Whether `outer` contains all of `inner`. */
export function contains(outer: Interval, inner: Interval): boolean {
  const fromOk = outer.from === null || (inner.from !== null && outer.from <= inner.from);
  const toOk = outer.to === null || (inner.to !== null && inner.to <= outer.to);
  return fromOk && toOk;
}

export function validOn(interval: Interval, day: string): boolean {
  return (interval.from === null || interval.from <= day) && (interval.to === null || day < interval.to);
}

/** A stated claim, as `rank/graph` returns it (validity from its RANKS_ABOVE edge). */
export interface ClaimRecord {
  id: string;
  contextId: string;
  superiorId: string;
  inferiorId: string;
  date: string | null;
  validFrom: string | null;
  validTo: string | null;
  /** Tenure ids the claim rests on. */
  basis: string[];
}

/** A person holding a position that has a precedence level, over the overlap of tenure and precedence. */
export interface HoldingRecord {
  precedenceId: string;
  contextId: string;
  level: number;
  positionId: string;
  precedenceFrom: string | null;
  precedenceTo: string | null;
  tenureId: string;
  personId: string;
  from: string | null;
  to: string | null;
}

export interface RankGraphRows {
  claims: ClaimRecord[];
  holdings: HoldingRecord[];
}

/**
 * Whether a claim belongs to the graph of `asOf` and `contextId`: in that context (any when null)
 * and, with `asOf`, valid on that day (`validOn`: from <= D < to, null = open). This is the
 * narrowing `rank/graph` did in Cypher before its rows were cached (tests/rank/rank.cache.test.ts
 * checks the two agree).
 */
export function claimHolds(c: ClaimRecord, asOf: string | null, contextId: string | null): boolean {
  return (contextId === null || c.contextId === contextId) && (asOf === null || validOn({ from: c.validFrom, to: c.validTo }, asOf));
}

/**
 * Whether a holding belongs to the graph of `asOf` and `contextId`, by the same rule. A holding's
 * `from` is never null (it is a tenure's start, which a tenure must have, or a later precedence
 * start), so "null = open" here and Cypher's "null compares as false" agree.
 */
export function holdingHolds(h: HoldingRecord, asOf: string | null, contextId: string | null): boolean {
  return (contextId === null || h.contextId === contextId) && (asOf === null || validOn(h, asOf));
}

/** A stretch of time over which a person's effective level in a context is one holding's level. */
export interface Segment extends Interval {
  personId: string;
  contextId: string;
  level: number;
  holding: HoldingRecord;
}

export type LinkKind = 'CLAIM' | 'PRECEDENCE';

/** One step of a chain: `superior` above `inferior`, over `interval`, because of a claim or precedence. */
export interface Link {
  kind: LinkKind;
  contextId: string;
  superiorId: string;
  inferiorId: string;
  interval: Interval;
  claim: ClaimRecord | null;
  superiorSegment: Segment | null;
  inferiorSegment: Segment | null;
}

export type Direction = 'DOWN' | 'UP';

/** A chain from the start person to `personId`, DOWN (start above them) or UP (they above start). */
export interface Chain {
  personId: string;
  contextId: string;
  hops: number;
  /** STATED: one link, a claim a source states. DERIVED: precedence, or chained claims. */
  basis: 'STATED' | 'DERIVED';
  interval: Interval;
  /** Links in order from the highest-ranking person down to the lowest. */
  links: Link[];
}

function sameSegment(a: Segment, b: Segment): boolean {
  return a.holding.precedenceId === b.holding.precedenceId && a.holding.tenureId === b.holding.tenureId;
}

/**
 * The effective level of one person in one context as a piecewise function of time: split time at
 * every bound of their holdings; in each piece the best (lowest) level wins (ties between holdings
 * of the same level: the smallest precedence then tenure id, for a stable answer).
 */
export function effectiveSegments(holdings: HoldingRecord[]): Segment[] {
  if (holdings.length === 0) return [];
  const bounds = new Set<string>();
  for (const h of holdings) {
    if (h.from !== null) bounds.add(h.from);
    if (h.to !== null) bounds.add(h.to);
  }
  const sorted = [...bounds].sort();
  const pieces: Interval[] = [];
  let previous: string | null = null;
  for (const b of sorted) {
    pieces.push({ from: previous, to: b });
    previous = b;
  }
  pieces.push({ from: previous, to: null });

  const segments: Segment[] = [];
  for (const piece of pieces) {
    let best: HoldingRecord | null = null;
    for (const h of holdings) {
      if (!contains({ from: h.from, to: h.to }, piece)) continue;
      if (
        best === null ||
        h.level < best.level ||
        (h.level === best.level && (h.precedenceId < best.precedenceId || (h.precedenceId === best.precedenceId && h.tenureId < best.tenureId)))
      ) {
        best = h;
      }
    }
    if (!best) continue;
    const segment: Segment = { ...piece, personId: best.personId, contextId: best.contextId, level: best.level, holding: best };
    const last = segments[segments.length - 1];
    if (last && last.to === segment.from && sameSegment(last, segment)) last.to = segment.to;
    else segments.push(segment);
  }
  return segments;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function intervalKey(i: Interval): string {
  return `${i.from ?? '-'}..${i.to ?? '-'}`;
}

/** Orders chains: fewest hops, stated before derived, most recent, then a stable tie-break. */
export function compareChains(a: Chain, b: Chain): number {
  if (a.hops !== b.hops) return a.hops - b.hops;
  if (a.basis !== b.basis) return a.basis === 'STATED' ? -1 : 1;
  const aTo = a.interval.to ?? '9999-99-99';
  const bTo = b.interval.to ?? '9999-99-99';
  if (aTo !== bTo) return aTo > bTo ? -1 : 1;
  const aFrom = a.interval.from ?? '';
  const bFrom = b.interval.from ?? '';
  if (aFrom !== bFrom) return aFrom > bFrom ? -1 : 1;
  const aKey = a.links.map(linkKey).join('|');
  const bKey = b.links.map(linkKey).join('|');
  return aKey < bKey ? -1 : aKey > bKey ? 1 : 0;
}

function linkKey(l: Link): string {
  return l.claim ? `c:${l.claim.id}` : `p:${l.superiorSegment?.holding.tenureId}>${l.inferiorSegment?.holding.tenureId}:${intervalKey(l.interval)}`;
}

/**
 * How many holdings of one person in one context the segment memo tells apart (a bit each); a
 * person with more is computed afresh in every view (no office-holder comes near).
 */
const MEMO_MAX_HOLDINGS = 30;

/**
 * The rows of every context and every date, indexed once per rank snapshot: claims by the person
 * at either end, holdings by context and person. Each RankGraph (one day, one context) is built
 * from it without redoing the snapshot's work: a walk reads only the claims of the people it
 * reaches and keeps those of its day and context as it goes, and a person's effective-level
 * segments are computed once per distinct set of their holdings that a view keeps (on most days,
 * the same set), then shared.
 */
export class RankIndex {
  readonly claimsBySuperior = new Map<string, ClaimRecord[]>();
  readonly claimsByInferior = new Map<string, ClaimRecord[]>();
  /**
   * Holdings by context, then person, in their original order. The people of a context are in the
   * order of their ids (as `localeCompare` sorts them), so that a view lists a context's segments
   * by level and then by person by gathering each level's in turn (RankGraph.segmentsIn).
   */
  readonly holdings = new Map<string, Map<string, HoldingRecord[]>>();
  /** The contexts in which each person holds a position with a precedence level, at some time. */
  readonly contextsByPerson = new Map<string, Set<string>>();
  /**
   * Segments by one person's holdings in one context (the list in `holdings`), then by the subset
   * a view keeps, as a bit mask: no key is built per person and view.
   */
  private readonly segmentsByHoldings = new Map<HoldingRecord[], Map<number, Segment[]>>();

  constructor(readonly rows: RankGraphRows) {
    for (const claim of rows.claims) {
      push(this.claimsBySuperior, claim.superiorId, claim);
      push(this.claimsByInferior, claim.inferiorId, claim);
    }
    const unsorted = new Map<string, Map<string, HoldingRecord[]>>();
    for (const h of rows.holdings) {
      let byPerson = unsorted.get(h.contextId);
      if (!byPerson) unsorted.set(h.contextId, (byPerson = new Map()));
      push(byPerson, h.personId, h);
      let contexts = this.contextsByPerson.get(h.personId);
      if (!contexts) this.contextsByPerson.set(h.personId, (contexts = new Set()));
      contexts.add(h.contextId);
    }
    for (const [contextId, byPerson] of unsorted) {
      this.holdings.set(contextId, new Map([...byPerson].sort(([a], [b]) => a.localeCompare(b))));
    }
  }

  /**
   * effectiveSegments of those of `all` (one person's holdings in one context, the list in
   * `holdings`) that `keep` keeps, computed once per distinct subset.
   */
  segmentsOf(all: HoldingRecord[], keep: (h: HoldingRecord) => boolean): Segment[] {
    if (all.length > MEMO_MAX_HOLDINGS) return effectiveSegments(all.filter(keep));
    let mask = 0;
    for (let i = 0; i < all.length; i++) if (keep(all[i])) mask |= 1 << i;
    if (mask === 0) return [];
    let bySubset = this.segmentsByHoldings.get(all);
    if (!bySubset) this.segmentsByHoldings.set(all, (bySubset = new Map()));
    let segments = bySubset.get(mask);
    if (!segments) {
      segments = effectiveSegments(all.filter((_, i) => (mask & (1 << i)) !== 0));
      bySubset.set(mask, segments);
    }
    return segments;
  }
}

/** A context's effective-level segments in one view: by person, and all of them by level. */
interface ContextSegments {
  byPerson: Map<string, Segment[]>;
  byLevel: Segment[];
}

/**
 * One view of rank: the claims and precedence of one context (every context when null) on one day
 * (every day when null), indexed for walking. Claims are taken from the snapshot's RankIndex when
 * they hold in the view (claimHolds). Effective-level segments are computed from the holdings that
 * hold in the view (holdingHolds), before any segment is cut to the day: a holding that does not
 * cover the day must not cut short the segment of one that does. They are computed per context,
 * the first time the view needs that context: a question about one person reaches only the
 * contexts the person is ranked in. A view lives for one request; what outlives it (the segments
 * of each set of holdings) is kept by the RankIndex.
 */
export class RankGraph {
  private readonly contexts = new Map<string, ContextSegments>();
  private contextIdList: string[] | null = null;

  constructor(
    private readonly index: RankIndex,
    readonly asOf: string | null,
    readonly contextId: string | null = null,
  ) {}

  /** The context's segments in this view, computed on first use. */
  private segmentsIn(contextId: string): ContextSegments {
    let found = this.contexts.get(contextId);
    if (found === undefined) {
      found = { byPerson: new Map(), byLevel: [] };
      const keep = (h: HoldingRecord) => holdingHolds(h, this.asOf, this.contextId);
      // By level, then by person: the index lists a context's people in that order, so the
      // segments of each level, gathered in turn, need no sort; only the (few) levels are sorted.
      const byLevel = new Map<number, Segment[]>();
      for (const [personId, holdings] of this.index.holdings.get(contextId) ?? []) {
        let segs = this.index.segmentsOf(holdings, keep);
        if (this.asOf !== null && !segs.every((s) => validOn(s, this.asOf!))) segs = segs.filter((s) => validOn(s, this.asOf!));
        if (segs.length === 0) continue;
        found.byPerson.set(personId, segs);
        for (const segment of segs) push(byLevel, segment.level, segment);
      }
      for (const level of [...byLevel.keys()].sort((a, b) => a - b)) for (const segment of byLevel.get(level)!) found.byLevel.push(segment);
      this.contexts.set(contextId, found);
    }
    return found;
  }

  /** Whether a claim holds in this view: in its context, and valid on its day. */
  private holds(claim: ClaimRecord): boolean {
    return claimHolds(claim, this.asOf, this.contextId);
  }

  /** The claims of this view with `personId` as the superior (DOWN) or the inferior (UP). */
  private claimsOf(personId: string, direction: Direction): ClaimRecord[] {
    const all = (direction === 'DOWN' ? this.index.claimsBySuperior : this.index.claimsByInferior).get(personId) ?? [];
    return all.filter((c) => this.holds(c));
  }

  /** Every context with a claim or a precedence level in this view, sorted. */
  get contextIds(): string[] {
    if (this.contextIdList === null) {
      const contexts = new Set<string>();
      for (const context of this.index.holdings.keys()) if (this.segmentsIn(context).byLevel.length > 0) contexts.add(context);
      for (const claim of this.index.rows.claims) if (this.holds(claim)) contexts.add(claim.contextId);
      this.contextIdList = [...contexts].sort();
    }
    return this.contextIdList;
  }

  /** The contexts in which a person has a claim or a precedence level. */
  contextsOf(personId: string): string[] {
    const found = new Set<string>();
    for (const c of this.claimsOf(personId, 'DOWN')) found.add(c.contextId);
    for (const c of this.claimsOf(personId, 'UP')) found.add(c.contextId);
    for (const contextId of this.index.contextsByPerson.get(personId) ?? []) if (this.segmentsOf(contextId, personId).length > 0) found.add(contextId);
    return [...found].sort();
  }

  /** The person's effective-level segments in a context (on `asOf` only, when given). */
  segmentsOf(contextId: string, personId: string): Segment[] {
    // Someone who never held a position with a level in the context has none, whatever the view:
    // the context's segments (every holder's) are not worked out for them. A walk along claims
    // asks this of every person it reaches, and most people ranked by claims hold no such position.
    if (!this.index.holdings.get(contextId)?.has(personId)) return [];
    return this.segmentsIn(contextId).byPerson.get(personId) ?? [];
  }

  /** Links leaving `personId` in `direction` inside one context. */
  private linksFrom(personId: string, contextId: string, direction: Direction): Link[] {
    const links: Link[] = [];
    for (const claim of this.claimsOf(personId, direction)) {
      if (claim.contextId !== contextId) continue;
      links.push({
        kind: 'CLAIM',
        contextId,
        superiorId: claim.superiorId,
        inferiorId: claim.inferiorId,
        interval: { from: claim.validFrom, to: claim.validTo },
        claim,
        superiorSegment: null,
        inferiorSegment: null,
      });
    }
    const own = this.segmentsOf(contextId, personId);
    if (own.length > 0) {
      for (const other of this.segmentsIn(contextId).byLevel) {
        if (other.personId === personId) continue;
        for (const mine of own) {
          const below = direction === 'DOWN' ? mine.level < other.level : other.level < mine.level;
          if (!below) continue;
          const interval = intersect(mine, other);
          if (!interval) continue;
          const [sup, inf] = direction === 'DOWN' ? [mine, other] : [other, mine];
          links.push({
            kind: 'PRECEDENCE',
            contextId,
            superiorId: sup.personId,
            inferiorId: inf.personId,
            interval,
            claim: null,
            superiorSegment: sup,
            inferiorSegment: inf,
          });
        }
      }
    }
    return links;
  }

  /**
   * Every chain from `startId` in one context, breadth first: DOWN finds the people the start ranks
   * above, UP the people who rank above it. A chain reaching a person is kept unless a chain already
   * found there is as short, covers its whole interval and is as well founded (stated vs derived).
   * Returns, per person reached, the chains kept (best first).
   */
  walk(startId: string, contextId: string, direction: Direction): Map<string, Chain[]> {
    interface State {
      personId: string;
      interval: Interval;
      links: Link[];
      visited: Set<string>;
    }
    const found = new Map<string, Chain[]>();
    let frontier: State[] = [{ personId: startId, interval: ALWAYS, links: [], visited: new Set([startId]) }];
    let states = 0;
    for (let hops = 1; hops <= RANK_MAX_HOPS && frontier.length > 0; hops++) {
      const next: State[] = [];
      for (const state of frontier) {
        for (const link of this.linksFrom(state.personId, contextId, direction)) {
          const otherId = direction === 'DOWN' ? link.inferiorId : link.superiorId;
          if (state.visited.has(otherId)) continue;
          const interval = intersect(state.interval, link.interval);
          if (!interval) continue;
          const links = direction === 'DOWN' ? [...state.links, link] : [link, ...state.links];
          const basis = hops === 1 && link.kind === 'CLAIM' ? 'STATED' : 'DERIVED';
          const existing = found.get(otherId) ?? [];
          if (existing.some((c) => c.hops <= hops && contains(c.interval, interval) && (c.basis === 'STATED' || basis === 'DERIVED'))) continue;
          if (++states > RANK_MAX_STATES) throw limitExceeded('rank closure states', states, RANK_MAX_STATES);
          existing.push({ personId: otherId, contextId, hops, basis, interval, links });
          found.set(otherId, existing);
          next.push({ personId: otherId, interval, links, visited: new Set([...state.visited, otherId]) });
        }
      }
      frontier = next;
    }
    for (const chains of found.values()) chains.sort(compareChains);
    return found;
  }

  /** Both closures of a person in every context they appear in (or only `contextId`). */
  closure(personId: string, contextId: string | null): PersonClosure {
    const contexts = contextId ? [contextId] : this.contextsOf(personId);
    const down = new Map<string, Map<string, Chain[]>>();
    const up = new Map<string, Map<string, Chain[]>>();
    for (const c of contexts) {
      down.set(c, this.walk(personId, c, 'DOWN'));
      up.set(c, this.walk(personId, c, 'UP'));
    }
    return { personId, down, up };
  }
}

/** Per context, per person reached: the chains below (down) and above (up) one person. */
export interface PersonClosure {
  personId: string;
  down: Map<string, Map<string, Chain[]>>;
  up: Map<string, Map<string, Chain[]>>;
}

/** A chain as the API reports it, with whether the reverse also holds at an overlapping time. */
export interface RankStepRecord extends Chain {
  contradicted: boolean;
}

function overlapsAny(chain: Chain, others: Chain[] | undefined): boolean {
  return (others ?? []).some((o) => intersect(o.interval, chain.interval) !== null);
}

/** The best chain per (person, context) in one direction, flagged when the opposite direction also holds. */
export function stepsOf(closure: PersonClosure, direction: Direction): RankStepRecord[] {
  const steps: RankStepRecord[] = [];
  const [same, opposite] = direction === 'DOWN' ? [closure.down, closure.up] : [closure.up, closure.down];
  for (const [contextId, byPerson] of same) {
    for (const [personId, chains] of byPerson) {
      const best = chains[0];
      steps.push({ ...best, contradicted: overlapsAny(best, opposite.get(contextId)?.get(personId)) });
    }
  }
  return steps.sort((a, b) => a.contextId.localeCompare(b.contextId) || a.hops - b.hops || a.personId.localeCompare(b.personId));
}

export type Relation = 'ABOVE' | 'BELOW' | 'EQUAL' | 'UNKNOWN';

export interface ContradictionRecord {
  contextId: string;
  interval: Interval;
  aAboveB: Chain;
  bAboveA: Chain;
}

export interface ComparisonRecord {
  aId: string;
  bId: string;
  contextId: string | null;
  relation: Relation;
  chain: Chain | null;
  /** For a tie: the two segments of equal level; with asOf: the levels on that day. */
  levels: Segment[];
  contradictions: ContradictionRecord[];
}

/**
 * How `a` relates to `b` in one context. Both directions proven over overlapping time is a
 * contradiction (UNKNOWN, both chains reported). Without asOf, two directions that never overlap
 * in time are an order that changed: the most recent one is the answer. Equal effective levels
 * with no chain either way are a tie (EQUAL).
 */
export function compareInContext(graph: RankGraph, closure: PersonClosure, bId: string, contextId: string): ComparisonRecord {
  const aId = closure.personId;
  const downs = closure.down.get(contextId)?.get(bId) ?? [];
  const ups = closure.up.get(contextId)?.get(bId) ?? [];
  const base = { aId, bId, contextId, levels: [] as Segment[], contradictions: [] as ContradictionRecord[] };
  if (graph.asOf !== null) {
    base.levels = [...graph.segmentsOf(contextId, aId), ...graph.segmentsOf(contextId, bId)];
  }
  const contradictions: ContradictionRecord[] = [];
  for (const d of downs) {
    for (const u of ups) {
      const interval = intersect(d.interval, u.interval);
      if (interval) contradictions.push({ contextId, interval, aAboveB: d, bAboveA: u });
    }
  }
  if (contradictions.length > 0) {
    contradictions.sort((x, y) => compareChains(x.aAboveB, y.aAboveB) || compareChains(x.bAboveA, y.bAboveA));
    return { ...base, relation: 'UNKNOWN', chain: null, contradictions: [contradictions[0]] };
  }
  if (downs.length > 0 || ups.length > 0) {
    const candidates = [...downs.map((c) => ({ c, r: 'ABOVE' as const })), ...ups.map((c) => ({ c, r: 'BELOW' as const }))];
    candidates.sort((x, y) => {
      // Most recent first (the order holding last), then the usual preference.
      const xTo = x.c.interval.to ?? '9999-99-99';
      const yTo = y.c.interval.to ?? '9999-99-99';
      if (xTo !== yTo) return xTo > yTo ? -1 : 1;
      return compareChains(x.c, y.c);
    });
    return { ...base, relation: candidates[0].r, chain: candidates[0].c };
  }
  for (const sa of graph.segmentsOf(contextId, aId)) {
    for (const sb of graph.segmentsOf(contextId, bId)) {
      if (sa.level === sb.level && intersect(sa, sb)) {
        return { ...base, relation: 'EQUAL', chain: null, levels: [sa, sb] };
      }
    }
  }
  return { ...base, relation: 'UNKNOWN', chain: null };
}

/** How much a comparison says: contradictions and definite orders first, a tie next, nothing last. */
export function comparisonWeight(c: ComparisonRecord): number {
  if (c.contradictions.length > 0) return 0;
  if (c.relation === 'ABOVE' || c.relation === 'BELOW') return 1;
  if (c.relation === 'EQUAL') return 2;
  return 3;
}
