import { badInput, limitExceeded } from '../errors';
import type { QueryRunner } from '../neo4j/database';
import type { NamedQuery } from '../neo4j/query-catalog';
import { EdgeKind, GraphEdge, GraphNode, GraphNodeKind, type Path, type Subgraph } from './traversal.type';

/** shortestPath: person-to-person hops when `maxHops` is omitted, and the most it may ask for. */
export const SHORTEST_PATH_HOPS_DEFAULT = 4;
export const SHORTEST_PATH_HOPS_MAX = 6;
/** egoNetwork: hops from the centre when `depth` is omitted, and the most it may ask for. */
export const EGO_DEPTH_DEFAULT = 1;
export const EGO_DEPTH_MAX = 3;
/** The most nodes a Subgraph holds; beyond it the nearest are kept and `truncated` is set. */
export const SUBGRAPH_MAX_NODES = 2000;

/**
 * What each kind of connection may walk besides its relationship types (EDGE_TYPES below): the
 * labels of the nodes between people, and how many relationships one person-to-person hop of that
 * kind takes.
 */
const KIND_GRAPH: Record<EdgeKind, { labels: string[]; relationshipsPerHop: number }> = {
  [EdgeKind.MEETING]: { labels: ['Meeting'], relationshipsPerHop: 2 },
  [EdgeKind.OFFICE]: { labels: ['Tenure', 'Position'], relationshipsPerHop: 4 },
  [EdgeKind.RANK]: { labels: [], relationshipsPerHop: 1 },
  [EdgeKind.STATEMENT]: { labels: ['Statement'], relationshipsPerHop: 2 },
  [EdgeKind.INVITATION]: { labels: ['Invitation'], relationshipsPerHop: 2 },
  [EdgeKind.TRIP]: { labels: ['Trip'], relationshipsPerHop: 2 },
};

const ALL_KINDS = Object.values(EdgeKind);

/**
 * Per relationship type: the kind it belongs to, its label, which end is the fact it rests on, and
 * the labels its two ends can have in this graph (what the importer writes; a test checks them
 * against the seeded graph).
 */
const EDGE_TYPES: Record<string, { kind: EdgeKind; label: string; fact: 'source' | 'target' | 'claim'; ends: string[] }> = {
  PARTICIPATED_IN: { kind: EdgeKind.MEETING, label: 'took part in', fact: 'target', ends: ['Person', 'Meeting'] },
  HELD: { kind: EdgeKind.OFFICE, label: 'held', fact: 'target', ends: ['Person', 'Tenure'] },
  OF_POSITION: { kind: EdgeKind.OFFICE, label: 'of position', fact: 'source', ends: ['Tenure', 'Precedence', 'Position'] },
  RANKS_ABOVE: { kind: EdgeKind.RANK, label: 'ranks above', fact: 'claim', ends: ['Person'] },
  SPOKEN_BY: { kind: EdgeKind.STATEMENT, label: 'spoken by', fact: 'source', ends: ['Statement', 'Person', 'Organization'] },
  AT: { kind: EdgeKind.STATEMENT, label: 'made at', fact: 'source', ends: ['Statement', 'Meeting', 'Place'] },
  INVITER: { kind: EdgeKind.INVITATION, label: 'inviter', fact: 'source', ends: ['Invitation', 'Person'] },
  INVITEE: { kind: EdgeKind.INVITATION, label: 'invitee', fact: 'source', ends: ['Invitation', 'Person'] },
  FULFILLED_BY: { kind: EdgeKind.INVITATION, label: 'fulfilled by', fact: 'source', ends: ['Invitation', 'Person'] },
  MADE_AT: { kind: EdgeKind.INVITATION, label: 'extended at', fact: 'source', ends: ['Invitation', 'Meeting'] },
  TRAVELLED: { kind: EdgeKind.TRIP, label: 'travelled', fact: 'target', ends: ['Person', 'Trip'] },
  DURING: { kind: EdgeKind.TRIP, label: 'during', fact: 'source', ends: ['Meeting', 'Trip'] },
};

/** The labels each relationship type's ends can have, for the test that checks them against a graph. */
export const EDGE_TYPE_ENDS: Record<string, readonly string[]> = Object.fromEntries(Object.entries(EDGE_TYPES).map(([type, spec]) => [type, spec.ends]));

const NODE_KINDS: Array<[string, GraphNodeKind]> = [
  ['Person', GraphNodeKind.PERSON],
  ['Meeting', GraphNodeKind.MEETING],
  ['Tenure', GraphNodeKind.TENURE],
  ['Position', GraphNodeKind.POSITION],
  ['Statement', GraphNodeKind.STATEMENT],
  ['Invitation', GraphNodeKind.INVITATION],
  ['Trip', GraphNodeKind.TRIP],
  ['RankClaim', GraphNodeKind.RANK_CLAIM],
  ['Organization', GraphNodeKind.ORGANIZATION],
  ['Place', GraphNodeKind.PLACE],
];

export interface RawNode {
  id: string;
  labels: string[];
  props: Record<string, unknown>;
  depth?: number;
}

export interface RawEdge {
  type: string;
  source: string;
  target: string;
  props: Record<string, unknown>;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function nodeKind(labels: string[]): GraphNodeKind {
  return NODE_KINDS.find(([label]) => labels.includes(label))?.[1] ?? GraphNodeKind.OTHER;
}

function nodeDate(kind: GraphNodeKind, p: Record<string, unknown>): string | null {
  switch (kind) {
    case GraphNodeKind.MEETING:
    case GraphNodeKind.STATEMENT:
    case GraphNodeKind.INVITATION:
    case GraphNodeKind.RANK_CLAIM:
      return str(p.date);
    case GraphNodeKind.TRIP:
      return str(p.startDate);
    case GraphNodeKind.TENURE:
      return str(p.start);
    default:
      return null;
  }
}

function nodeLabel(kind: GraphNodeKind, p: Record<string, unknown>, positionTitle?: string): string {
  const short = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}…` : s);
  switch (kind) {
    case GraphNodeKind.PERSON:
    case GraphNodeKind.ORGANIZATION:
    case GraphNodeKind.PLACE:
      return str(p.name) ?? '';
    case GraphNodeKind.POSITION:
      return str(p.title) ?? '';
    case GraphNodeKind.MEETING:
      return `Meeting ${str(p.date)}${p.endDate ? `–${str(p.endDate)}` : ''}`;
    case GraphNodeKind.TENURE:
      return `${positionTitle ? `${positionTitle}, ` : 'Tenure '}${str(p.start)}–${str(p.end) ?? ''}`;
    case GraphNodeKind.STATEMENT:
      return `“${short(str(p.text) ?? '')}”`;
    case GraphNodeKind.INVITATION:
      return `Invitation ${str(p.date)} (${str(p.status)?.toLowerCase() ?? ''})`;
    case GraphNodeKind.TRIP:
      return `Trip ${str(p.startDate)}${p.endDate ? `–${str(p.endDate)}` : ''}`;
    default:
      return str(p.name) ?? str(p.title) ?? '';
  }
}

export function toGraphNode(raw: RawNode, positionTitle?: string): GraphNode {
  const kind = nodeKind(raw.labels);
  const { searchText: _searchText, ...props } = raw.props;
  return Object.assign(new GraphNode(), {
    id: raw.id,
    kind,
    label: nodeLabel(kind, props, positionTitle),
    date: nodeDate(kind, props),
    properties: JSON.stringify(props),
    depth: raw.depth === undefined ? null : Math.floor(raw.depth),
  });
}

/** An edge; `nodes` gives the tenure behind an office edge its interval. */
export function toGraphEdge(raw: RawEdge, nodes: Map<string, RawNode>): GraphEdge {
  const spec = EDGE_TYPES[raw.type];
  const factId = spec?.fact === 'claim' ? str(raw.props.claimId) : spec ? (spec.fact === 'source' ? raw.source : raw.target) : null;
  let validFrom: string | null = null;
  let validTo: string | null = null;
  if (raw.type === 'RANKS_ABOVE') {
    validFrom = str(raw.props.validFrom);
    validTo = str(raw.props.validTo);
  } else if (spec?.kind === EdgeKind.OFFICE && factId) {
    const tenure = nodes.get(factId);
    validFrom = str(tenure?.props.start);
    validTo = str(tenure?.props.end);
  }
  let label = spec?.label ?? raw.type.toLowerCase();
  if (raw.type === 'PARTICIPATED_IN') {
    const role = str(raw.props.role)?.toLowerCase();
    const title = str(raw.props.title);
    label = [role ?? label, title].filter(Boolean).join(': ');
  }
  return Object.assign(new GraphEdge(), {
    id: raw.type === 'RANKS_ABOVE' && factId ? `RANKS_ABOVE:${factId}` : `${raw.type}:${raw.source}:${raw.target}`,
    kind: spec?.kind ?? EdgeKind.MEETING,
    type: raw.type,
    source: raw.source,
    target: raw.target,
    label,
    validFrom,
    validTo,
    factId,
  });
}

/** The edge kinds a `via` argument allows: all when omitted; an empty list is an error. */
export function allowedKinds(via: EdgeKind[] | null | undefined): EdgeKind[] {
  if (via === null || via === undefined) return ALL_KINDS;
  if (via.length === 0) throw badInput('`via` must name at least one edge kind (or be omitted for all)', { argument: 'via' });
  return [...new Set(via)];
}

function boundedInt(value: number | null | undefined, fallback: number, max: number, argument: string): number {
  const n = value ?? fallback;
  if (n < 1) throw badInput(`\`${argument}\` must be at least 1`, { argument });
  if (n > max) throw limitExceeded(argument, n, max);
  return n;
}

export function checkMaxHops(maxHops: number | null | undefined): number {
  return boundedInt(maxHops, SHORTEST_PATH_HOPS_DEFAULT, SHORTEST_PATH_HOPS_MAX, 'maxHops');
}

export function checkDepth(depth: number | null | undefined): number {
  return boundedInt(depth, EGO_DEPTH_DEFAULT, EGO_DEPTH_MAX, 'depth');
}

/** Tenure → the title of the position it is of, from the position nodes and office edges at hand. */
function positionTitles(nodes: Map<string, RawNode>, edges: RawEdge[]): Map<string, string> {
  const titles = new Map<string, string>();
  for (const e of edges) {
    if (e.type !== 'OF_POSITION') continue;
    const title = str(nodes.get(e.target)?.props.title);
    if (title) titles.set(e.source, title);
  }
  return titles;
}

/** How many equally short paths the query chooses from. */
const PATH_CANDIDATES = 25;
/** Among equally short paths: fewer person hops, then the kinds most telling of a relation, then ids. */
const KIND_PREFERENCE: EdgeKind[] = [EdgeKind.MEETING, EdgeKind.RANK, EdgeKind.INVITATION, EdgeKind.TRIP, EdgeKind.STATEMENT, EdgeKind.OFFICE];
/** The same preference per relationship type, as the query takes it (lower first). */
const TYPE_PREFERENCE: Record<string, number> = Object.fromEntries(
  Object.entries(EDGE_TYPES).map(([type, spec]) => [type, KIND_PREFERENCE.indexOf(spec.kind)]),
);

/**
 * The statement that finds the shortest connection over `kinds`, with its literals. One kind whose
 * hop goes through a fact (a meeting, statement, invitation or trip between two people) is
 * searched hop by hop (traversal/shortest-path-through-facts), which Neo4j does several times
 * faster; any other choice relationship by relationship (traversal/shortest-path). Both find the
 * same paths: with one such kind, the only relationships between allowed nodes are those joining
 * a person to the kind's fact, so every path alternates person and fact.
 */
function shortestPathQuery(kinds: EdgeKind[], maxHops: number): { query: NamedQuery; labels: string[] } {
  const types = Object.keys(EDGE_TYPES).filter((t) => kinds.includes(EDGE_TYPES[t].kind));
  const labels = [...new Set(kinds.flatMap((k) => KIND_GRAPH[k].labels))];
  // When every end of every type walked is a person or an allowed label, the label test is moot.
  const allowed = new Set(['Person', ...labels]);
  const impliedBy = (walked: string[]) => (walked.every((t) => EDGE_TYPES[t].ends.every((l) => allowed.has(l))) ? 1 : 0);
  if (kinds.length === 1 && KIND_GRAPH[kinds[0]].relationshipsPerHop === 2) {
    const toPerson = types.filter((t) => EDGE_TYPES[t].ends.includes('Person'));
    return { query: { name: 'traversal/shortest-path-through-facts', literals: { types: toPerson, labelsImplied: impliedBy(toPerson), maxHops } }, labels };
  }
  // No path of at most maxHops person hops has more relationships than this: the search stops there.
  const maxRelationships = maxHops * Math.max(...kinds.map((k) => KIND_GRAPH[k].relationshipsPerHop));
  return { query: { name: 'traversal/shortest-path', literals: { types, labelsImplied: impliedBy(types), maxRelationships } }, labels };
}

/**
 * The shortest connection between two people (ids): the fewest relationships (a rank hop is 1, a
 * meeting, statement, invitation or trip hop 2, an office hop 4); null when there is none, or when
 * it has more than `maxHops` person-to-person hops. The query chooses among equally short paths.
 */
export async function findShortestPath(db: QueryRunner, fromId: string, toId: string, maxHops: number, kinds: EdgeKind[]): Promise<Path | null> {
  const { query, labels } = shortestPathQuery(kinds, maxHops);
  const [row] = await db.read<{ hops: number; nodes: RawNode[]; edges: RawEdge[] }>(query, {
    fromId,
    toId,
    labels,
    maxHops,
    preference: TYPE_PREFERENCE,
    candidates: PATH_CANDIDATES,
  });
  if (!row) return null;
  const byId = new Map(row.nodes.map((n) => [n.id, n]));
  const titles = positionTitles(byId, row.edges);
  return {
    length: row.hops,
    nodes: row.nodes.map((n) => toGraphNode(n, titles.get(n.id))),
    edges: row.edges.map((e) => toGraphEdge(e, byId)),
  };
}

/** Where a node stands in an egoNetwork's cut: hops from the centre, people before facts at the same distance, then by id. */
interface NodeOrder {
  id: string;
  order: number;
  person: boolean;
}

const nearestFirst = (a: NodeOrder, b: NodeOrder) => a.order - b.order || Number(b.person) - Number(a.person) || a.id.localeCompare(b.id);

interface EgoRow {
  personNodes: RawNode[];
  factNodes: RawNode[];
  factEdges: RawEdge[][];
  rankEdges: RawEdge[];
  offices: Array<{ personId: string; depth: number; tenure: RawNode; position: RawNode }>;
  statements: Array<{ personId: string; depth: number; statement: RawNode }>;
  crossEdges: RawEdge[];
}

/**
 * The neighbourhood of a person (id): one `traversal/ego-expand` round trip per level (at most
 * EGO_DEPTH_MAX, each a set-based query over the whole frontier, never one per node), then one
 * `traversal/ego-assemble` for the drawing, cut to SUBGRAPH_MAX_NODES nodes, nearest first
 * (people and connecting facts by hop, a person's offices and statements just after the person),
 * with the edges whose two ends are kept.
 */
export async function findEgoNetwork(
  db: QueryRunner,
  egoId: string,
  depth: number,
  from: string | null,
  to: string | null,
  kinds: EdgeKind[],
  maxNodes = SUBGRAPH_MAX_NODES,
): Promise<Subgraph> {
  if (from && to && from > to) throw badInput('`from` must not be after `to`', { argument: 'from' });
  const personDepth = new Map<string, number>([[egoId, 0]]);
  const factDepth = new Map<string, number>();
  let frontier = [egoId];
  let capped = false;
  for (let level = 1; level <= depth && frontier.length > 0; level++) {
    if (personDepth.size > maxNodes) {
      capped = true;
      break;
    }
    const [found] = await db.read<{ facts: string[]; people: string[]; capped: boolean }>('traversal/ego-expand', {
      frontier,
      kinds,
      from,
      to,
      rowCap: maxNodes * 5,
    });
    capped ||= found.capped;
    for (const f of found.facts) if (!factDepth.has(f)) factDepth.set(f, level);
    frontier = found.people.filter((p) => !personDepth.has(p));
    for (const p of frontier) personDepth.set(p, level);
  }
  // Only the nearest maxNodes people and facts can survive the cut below (a person's leaves come
  // after the person), so the drawing is fetched for those alone, not for all that was reached.
  const reached = [
    ...[...personDepth].map(([id, order]) => ({ id, order, person: true })),
    ...[...factDepth].map(([id, order]) => ({ id, order, person: false })),
  ].sort(nearestFirst);
  const nearest = reached.slice(0, maxNodes);
  const [row] = await db.read<EgoRow>('traversal/ego-assemble', {
    persons: nearest.filter((n) => n.person).map(({ id, order }) => ({ id, depth: order })),
    facts: nearest.filter((n) => !n.person).map(({ id, order }) => ({ id, depth: order })),
    kinds,
    from,
    to,
  });
  if (!row) return { nodes: [], edges: [], truncated: false };

  // Each candidate node with its order: hop distance, leaves half a hop further than their person.
  const candidates = new Map<string, NodeOrder & { raw: RawNode }>();
  const add = (raw: RawNode, order: number) => {
    const known = candidates.get(raw.id);
    if (!known || known.order > order) {
      candidates.set(raw.id, { id: raw.id, order, person: nodeKind(raw.labels) === GraphNodeKind.PERSON, raw: { ...raw, depth: Math.floor(order) } });
    }
  };
  for (const n of row.personNodes) add(n, n.depth ?? 0);
  for (const n of row.factNodes) add(n, n.depth ?? 0);
  const rawEdges: RawEdge[] = [...row.factEdges.flat(), ...row.rankEdges, ...row.crossEdges];
  for (const o of row.offices) {
    add(o.tenure, o.depth + 0.5);
    add(o.position, o.depth + 0.5);
    rawEdges.push({ type: 'HELD', source: o.personId, target: o.tenure.id, props: {} });
    rawEdges.push({ type: 'OF_POSITION', source: o.tenure.id, target: o.position.id, props: {} });
  }
  for (const s of row.statements) {
    add(s.statement, s.depth + 0.5);
    rawEdges.push({ type: 'SPOKEN_BY', source: s.statement.id, target: s.personId, props: {} });
  }

  const ordered = [...candidates.values()].sort(nearestFirst);
  const kept = ordered.slice(0, maxNodes).map((c) => c.raw);
  const byId = new Map(kept.map((n) => [n.id, n]));

  const edges = new Map<string, GraphEdge>();
  for (const e of rawEdges) {
    if (!byId.has(e.source) || !byId.has(e.target)) continue;
    const edge = toGraphEdge(e, byId);
    if (!edges.has(edge.id)) edges.set(edge.id, edge);
  }
  const titles = positionTitles(byId, rawEdges);
  return {
    nodes: kept.map((n) => toGraphNode(n, titles.get(n.id))),
    edges: [...edges.values()],
    truncated: capped || reached.length > maxNodes || ordered.length > maxNodes,
  };
}
