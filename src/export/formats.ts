import { EDGE_ATTRIBUTES, edgeAttribute, type ExportEdge, type ExportFormat, type ExportNode, type ExportQuery, NODE_ATTRIBUTES } from './model';

/**
 * The three formats as text pieces: a header, one piece per node and per edge, what goes between
 * the nodes and the edges, a footer. A writer never sees more than one row at a time, so an
 * export of any size is written as it is read.
 */
export interface GraphFormat {
  /** Which streams the format needs (a CSV file holds only one of them). */
  nodes: boolean;
  edges: boolean;
  header(): string;
  node(node: ExportNode): string;
  middle(): string;
  edge(edge: ExportEdge): string;
  footer(): string;
}

export interface FormatContext {
  query: ExportQuery;
  /** The meeting network is undirected (and has one edge per pair); the full graph is a directed multigraph. */
  directed: boolean;
}

export function graphFormat(format: ExportFormat, context: FormatContext): GraphFormat {
  switch (format) {
    case 'graphml':
      return graphml(context);
    case 'json':
      return nodeLinkJson(context);
    case 'nodes.csv':
      return nodesCsv();
    case 'edges.csv':
      return edgesCsv();
  }
}

export const CONTENT_TYPE: Record<ExportFormat, string> = {
  graphml: 'application/graphml+xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
  'nodes.csv': 'text/csv; charset=utf-8; header=present',
  'edges.csv': 'text/csv; charset=utf-8; header=present',
};

// ------------------------------------------------------------------------------------- GraphML

/** Characters XML 1.0 cannot hold at all (C0 controls but tab, newline, carriage return; lone surrogates). */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlEscape(value: string): string {
  return value
    .replace(XML_INVALID, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
}

function graphml({ directed }: FormatContext): GraphFormat {
  const data = (prefix: string, name: string, value: unknown) =>
    value === null || value === undefined ? '' : `<data key="${prefix}_${name}">${xmlEscape(String(value))}</data>`;
  return {
    nodes: true,
    edges: true,
    header: () =>
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
        ...NODE_ATTRIBUTES.map((a) => `  <key id="n_${a.name}" for="node" attr.name="${a.name}" attr.type="${a.type}"/>`),
        ...EDGE_ATTRIBUTES.map((a) => `  <key id="e_${a.name}" for="edge" attr.name="${a.name}" attr.type="${a.type}"/>`),
        `  <graph id="diplograph" edgedefault="${directed ? 'directed' : 'undirected'}">`,
        '',
      ].join('\n'),
    node: (node) => `    <node id="${xmlEscape(node.id)}">${NODE_ATTRIBUTES.map((a) => data('n', a.name, node[a.name])).join('')}</node>\n`,
    middle: () => '',
    edge: (edge) =>
      `    <edge id="${xmlEscape(edge.id)}" source="${xmlEscape(edge.source)}" target="${xmlEscape(edge.target)}">${EDGE_ATTRIBUTES.map((a) => data('e', a.name, edgeAttribute(edge, a.name))).join('')}</edge>\n`,
    footer: () => '  </graph>\n</graphml>\n',
  };
}

// ---------------------------------------------------------------------------------------- JSON

/**
 * NetworkX's node_link_data: `{directed, multigraph, graph, nodes: [{id, …}], links: [{source,
 * target, key, …}]}`; `networkx.node_link_graph(data, edges="links")` reads it back. The full graph
 * is a multigraph (a person can hold the same office twice), keyed by edge id.
 */
function nodeLinkJson({ query, directed }: FormatContext): GraphFormat {
  let nodes = 0;
  let edges = 0;
  const compact = (o: object) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
  return {
    nodes: true,
    edges: true,
    header: () => {
      const graph = compact({ name: 'diplograph', view: query.view, person: query.person, depth: query.person ? query.depth : null, from: query.from, to: query.to });
      return `{"directed":${directed},"multigraph":${directed},"graph":${JSON.stringify(graph)},"nodes":[\n`;
    },
    node: (node) => `${nodes++ ? ',\n' : ''}${JSON.stringify(compact(node))}`,
    middle: () => '\n],"links":[\n',
    edge: (edge) => {
      const { id, source, target, ...rest } = edge;
      return `${edges++ ? ',\n' : ''}${JSON.stringify(compact({ source, target, ...(directed ? { key: id } : {}), id, ...rest }))}`;
    },
    footer: () => '\n]}\n',
  };
}

// ----------------------------------------------------------------------------------------- CSV

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvRow = (values: unknown[]) => `${values.map(csvField).join(',')}\r\n`;

/** Node list; Gephi's spreadsheet import recognises the `id` and `label` columns. */
function nodesCsv(): GraphFormat {
  const columns = ['id', ...NODE_ATTRIBUTES.map((a) => a.name)] as const;
  return {
    nodes: true,
    edges: false,
    header: () => csvRow([...columns]),
    node: (node) => csvRow(columns.map((c) => node[c])),
    middle: () => '',
    edge: () => '',
    footer: () => '',
  };
}

/** Edge list; Gephi recognises `id`, `source`, `target`, `label` and `weight` (the edge type is `kind`, not `type`, which Gephi reads as directedness). */
function edgesCsv(): GraphFormat {
  const attributes = EDGE_ATTRIBUTES.map((a) => a.name);
  return {
    nodes: false,
    edges: true,
    header: () => csvRow(['id', 'source', 'target', ...attributes]),
    node: () => '',
    middle: () => '',
    edge: (edge) => csvRow([edge.id, edge.source, edge.target, ...attributes.map((a) => edgeAttribute(edge, a))]),
    footer: () => '',
  };
}
