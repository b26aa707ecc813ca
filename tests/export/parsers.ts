/**
 * Just enough GraphML and CSV reading to check what the exports write, without new packages:
 * the GraphML reader takes the subset the exporter writes (keys, nodes, edges, data) and rejects
 * anything left over; the CSV reader is RFC 4180 (quoted fields with doubled quotes and line breaks).
 */
export interface GraphmlKey {
  id: string;
  for: string;
  name: string;
  type: string;
}

export interface GraphmlElement {
  id: string;
  source?: string;
  target?: string;
  data: Record<string, string | number>;
}

export interface Graphml {
  keys: GraphmlKey[];
  edgedefault: string;
  nodes: GraphmlElement[];
  edges: GraphmlElement[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function xmlUnescape(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e],
  );
}

const attributes = (text: string) => Object.fromEntries([...text.matchAll(/([\w.:]+)="([^"]*)"/g)].map((m) => [m[1], xmlUnescape(m[2])]));

export function parseGraphml(xml: string): Graphml {
  if (!xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')) throw new Error('no XML declaration');
  const keys: GraphmlKey[] = [...xml.matchAll(/<key ([^>]*)\/>/g)].map((m) => {
    const a = attributes(m[1]);
    return { id: a.id, for: a.for, name: a['attr.name'], type: a['attr.type'] };
  });
  const byId = new Map(keys.map((k) => [k.id, k]));
  const graph = /<graph ([^>]*)>/.exec(xml);
  if (!graph) throw new Error('no <graph>');
  const read = (inner: string) => {
    const data: Record<string, string | number> = {};
    for (const d of inner.matchAll(/<data key="([^"]+)">([^<]*)<\/data>/g)) {
      const key = byId.get(d[1]);
      if (!key) throw new Error(`data for an undeclared key ${d[1]}`);
      const value = xmlUnescape(d[2]);
      data[key.name] = key.type === 'int' || key.type === 'double' ? Number(value) : value;
    }
    if (inner.replace(/<data key="[^"]+">[^<]*<\/data>/g, '').trim() !== '') throw new Error(`unexpected content: ${inner}`);
    return data;
  };
  const nodes = [...xml.matchAll(/<node ([^>]*)>(.*?)<\/node>/g)].map((m) => ({ id: attributes(m[1]).id, data: read(m[2]) }));
  const edges = [...xml.matchAll(/<edge ([^>]*)>(.*?)<\/edge>/g)].map((m) => {
    const a = attributes(m[1]);
    return { id: a.id, source: a.source, target: a.target, data: read(m[2]) };
  });
  // Nothing but what was read: the document is the declaration, keys, nodes and edges.
  const rest = xml
    .replace(/<\?xml[^>]*\?>/, '')
    .replace(/<graphml [^>]*>|<\/graphml>/g, '')
    .replace(/<key [^>]*\/>/g, '')
    .replace(/<graph [^>]*>|<\/graph>/g, '')
    .replace(/<node [^>]*>.*?<\/node>/g, '')
    .replace(/<edge [^>]*>.*?<\/edge>/g, '')
    .trim();
  if (rest !== '') throw new Error(`unexpected GraphML content: ${rest.slice(0, 200)}`);
  if (/&(?!(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos);)/i.test(xml)) throw new Error('an unescaped &');
  return { keys, edgedefault: attributes(graph[1]).edgedefault, nodes, edges };
}

/** RFC 4180 rows (the first is the header), as objects by column name. */
export function parseCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') {
      if (field !== '') throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else if (c === '\n') {
      throw new Error(`a bare line feed outside quotes at ${i}`);
    } else field += c;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length > 0) throw new Error('the last row does not end with CRLF');
  const [header, ...body] = rows;
  for (const r of body) if (r.length !== header.length) throw new Error(`a row of ${r.length} fields under a header of ${header.length}`);
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}
