/**
 * The exported graph: people, meetings and positions as nodes; participation, tenures (HELD) and
 * rank claims (RANKS_ABOVE) as edges, each edge with the evidence of the fact it rests on. In the
 * `meetings` view the graph is the meeting network instead: people joined by MET edges weighted
 * by the number of meetings they shared. See docs/explore.md.
 */
export type NodeKind = 'Person' | 'Meeting' | 'Position';
export type EdgeKind = 'PARTICIPATED_IN' | 'HELD' | 'RANKS_ABOVE' | 'MET';
export type ExportView = 'full' | 'meetings';
export type ExportFormat = 'graphml' | 'json' | 'nodes.csv' | 'edges.csv';

export interface ExportNode {
  id: string;
  kind: NodeKind;
  label: string;
  /** A meeting's (first) day. */
  date: string | null;
  /** Last day of multi-day talks. */
  endDate: string | null;
  nativeName: string | null;
  /** Where a meeting took place. */
  place: string | null;
  /** Network measures of a person in the meeting network of the export's range (when asked for). */
  degree?: number | null;
  weightedDegree?: number | null;
  betweenness?: number | null;
  community?: number | null;
}

export interface ExportEdge {
  id: string;
  kind: EdgeKind;
  source: string;
  target: string;
  label: string;
  /** When the edge holds: a meeting's days, a tenure's start and end (end exclusive), a rank claim's validity. */
  validFrom: string | null;
  validTo: string | null;
  /** A participant's role (HOST, GUEST, ATTENDEE). */
  role: string | null;
  /** A participant's title as the source wrote it; a tenure's end cause; a rank claim's context. */
  title: string | null;
  /** Number of meetings (MET); 1 otherwise. */
  weight: number;
  /** The evidence quotes, in document order. */
  quotes: string[];
  /** The titles of the documents the quotes come from. */
  sources: string[];
}

/** What to export: the whole graph, or a person's network to `depth` hops; either narrowed to a date range. */
export interface ExportQuery {
  /** A name, alias or id; null for the whole graph. */
  person: string | null;
  /** Person-to-person hops from the person (1: the people they met, held an office with or have a rank claim with), as egoNetwork counts them. */
  depth: number;
  from: string | null;
  to: string | null;
  view: ExportView;
  /** Attach degree, weighted degree, betweenness and community to people. */
  measures: boolean;
}

export const MAX_DEPTH = 4;
export const DEFAULT_DEPTH = 2;

/** Node attributes as GraphML declares them and CSV orders its columns. */
export const NODE_ATTRIBUTES = [
  { name: 'kind', type: 'string' },
  { name: 'label', type: 'string' },
  { name: 'date', type: 'string' },
  { name: 'endDate', type: 'string' },
  { name: 'nativeName', type: 'string' },
  { name: 'place', type: 'string' },
  { name: 'degree', type: 'int' },
  { name: 'weightedDegree', type: 'double' },
  { name: 'betweenness', type: 'double' },
  { name: 'community', type: 'int' },
] as const satisfies ReadonlyArray<{ name: keyof ExportNode; type: string }>;

export const EDGE_ATTRIBUTES = [
  { name: 'kind', type: 'string' },
  { name: 'label', type: 'string' },
  { name: 'validFrom', type: 'string' },
  { name: 'validTo', type: 'string' },
  { name: 'role', type: 'string' },
  { name: 'title', type: 'string' },
  { name: 'weight', type: 'double' },
  { name: 'evidence', type: 'string' },
  { name: 'sources', type: 'string' },
] as const;

/** Quotes and document titles flattened into one attribute value (GraphML, CSV). */
export const EVIDENCE_SEPARATOR = ' | ';

export function edgeAttribute(edge: ExportEdge, name: (typeof EDGE_ATTRIBUTES)[number]['name']): string | number | null {
  if (name === 'evidence') return edge.quotes.length ? edge.quotes.join(EVIDENCE_SEPARATOR) : null;
  if (name === 'sources') return edge.sources.length ? edge.sources.join(EVIDENCE_SEPARATOR) : null;
  return edge[name];
}
