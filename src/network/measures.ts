import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import { weightedDegree } from 'graphology-metrics/node/weighted-degree';
import type { Database } from '../neo4j/database';
import { streamRows } from '../export/stream';

/**
 * Network measures of the meeting network of a date range: people are nodes, and two people are
 * joined by one undirected edge whose weight is the number of meetings they shared in the range.
 * Every measure comes from graphology's libraries:
 *
 *   - degree: how many distinct people someone met (graphology's `degree`);
 *   - weightedDegree: the sum of the weights of their edges, i.e. person-meetings with others
 *     (graphology-metrics `weightedDegree`);
 *   - betweenness: Brandes' betweenness over hops, unweighted (a shared meeting is one step
 *     whatever the count; weights would be read as distances), as the number of shortest paths
 *     between other pairs that pass through someone, each pair counted once (graphology-metrics,
 *     `normalized: false`); normalizedBetweenness divides it by (n-1)(n-2)/2, as NetworkX does;
 *   - community: Louvain on the weighted graph (graphology-communities-louvain), with a seeded
 *     random walk so that the same graph always gets the same communities, renumbered from 0 by
 *     size (largest first, ties by the smallest id in them).
 *
 * The meeting network is held in memory (people and pairs, not meetings or evidence): measures
 * like betweenness need the whole graph at once.
 */
export interface PersonMeasureRecord {
  personId: string;
  name: string;
  /** Meetings in the range the person took part in. */
  meetings: number;
  degree: number;
  weightedDegree: number;
  betweenness: number;
  normalizedBetweenness: number;
  community: number;
}

export interface MeetingNetwork {
  graph: Graph<{ name: string; meetings: number }, { weight: number }>;
}

export interface MeasureRange {
  from: string | null;
  to: string | null;
}

/** Reads the meeting network of a range from Neo4j, streaming its rows into a graphology graph. */
export async function loadMeetingNetwork(db: Database, { from, to }: MeasureRange): Promise<MeetingNetwork> {
  const graph = new Graph<{ name: string; meetings: number }, { weight: number }>({ type: 'undirected', multi: false, allowSelfLoops: false });
  for await (const row of streamRows<{ id: string; name: string; meetings: number }>(db, 'network/meeting-people', { from, to })) {
    graph.addNode(row.id, { name: row.name, meetings: row.meetings });
  }
  for await (const row of streamRows<{ a: string; b: string; weight: number }>(db, 'network/meeting-pairs', { from, to, people: null })) {
    graph.addEdge(row.a, row.b, { weight: row.weight });
  }
  return { graph };
}

/** A small deterministic generator (mulberry32), so that Louvain's random walk repeats itself. */
export function seededRandom(seed = 0x5eed): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Computes every measure of every person of the network. */
export function computeMeasures({ graph }: MeetingNetwork): PersonMeasureRecord[] {
  if (graph.order === 0) return [];
  const betweenness = betweennessCentrality(graph, { getEdgeWeight: null, normalized: false });
  const n = graph.order;
  const pairs = ((n - 1) * (n - 2)) / 2;
  const rawCommunities = graph.size > 0 ? louvain(graph, { getEdgeWeight: 'weight', rng: seededRandom() }) : {};
  const community = renumberCommunities(graph.nodes(), rawCommunities);
  return graph.mapNodes((id, attributes) => ({
    personId: id,
    name: attributes.name,
    meetings: attributes.meetings,
    degree: graph.degree(id),
    weightedDegree: weightedDegree(graph, id, 'weight'),
    betweenness: round(betweenness[id] ?? 0),
    normalizedBetweenness: pairs > 0 ? round((betweenness[id] ?? 0) / pairs) : 0,
    community: community.get(id)!,
  }));
}

/** Louvain's community numbers are arbitrary; number them 0, 1, … by size, largest first (isolated people get their own). */
function renumberCommunities(nodes: string[], raw: Record<string, number>): Map<string, number> {
  const members = new Map<string, string[]>();
  for (const id of nodes) {
    const key = id in raw ? `c${raw[id]}` : `n${id}`;
    const list = members.get(key) ?? [];
    list.push(id);
    members.set(key, list);
  }
  const groups = [...members.values()].map((ids) => ids.sort());
  groups.sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out = new Map<string, number>();
  groups.forEach((ids, index) => ids.forEach((id) => out.set(id, index)));
  return out;
}

/** Floating-point noise (1.9999999998) would make values differ between runs and platforms. */
const round = (x: number) => Math.round(x * 1e9) / 1e9;

export type MeasureOrder = 'BETWEENNESS' | 'WEIGHTED_DEGREE' | 'DEGREE' | 'NAME';

/** Orders measures, highest first (ties by name, then id). */
export function orderMeasures(measures: PersonMeasureRecord[], order: MeasureOrder): PersonMeasureRecord[] {
  const byName = (a: PersonMeasureRecord, b: PersonMeasureRecord) => a.name.localeCompare(b.name) || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0);
  const key: Record<MeasureOrder, (m: PersonMeasureRecord) => number> = {
    BETWEENNESS: (m) => m.betweenness,
    WEIGHTED_DEGREE: (m) => m.weightedDegree,
    DEGREE: (m) => m.degree,
    NAME: () => 0,
  };
  const k = key[order];
  return [...measures].sort((a, b) => k(b) - k(a) || byName(a, b));
}

/** The measures of a range, straight from the database. */
export async function meetingNetworkMeasures(db: Database, range: MeasureRange): Promise<PersonMeasureRecord[]> {
  return computeMeasures(await loadMeetingNetwork(db, range));
}
