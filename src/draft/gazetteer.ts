import { nameKey } from '../common/names';
import type { QueryRunner } from '../neo4j/database';
import { CITIES, COUNTRIES, ORGANIZATIONS } from './lexicon';

export type GazKind = 'Person' | 'Organization' | 'Place' | 'Position' | 'Topic' | 'RankContext';

/** One record the drafter can refer to: from the graph, or from the built-in lexicon. */
export interface GazEntry {
  kind: GazKind;
  id: string;
  name: string;
  keys: string[];
  /** Organisation kind (COUNTRY, MEDIA...) or place kind. */
  subkind: string | null;
  /** The country of a place/organisation, the jurisdiction of a position. */
  countryId: string | null;
  /** Demonyms of a country ("Chinese"), built-in only. */
  demonyms: string[];
  fromGraph: boolean;
}

export interface GazTenure {
  id: string;
  personId: string;
  positionId: string;
}

/** Everything the drafter knows before reading the article. */
export class Gazetteer {
  readonly byKey = new Map<string, GazEntry[]>();
  readonly byId = new Map<string, GazEntry>();

  constructor(
    readonly entries: GazEntry[],
    readonly tenures: GazTenure[],
    readonly source: 'graph' | 'offline',
  ) {
    for (const e of entries) {
      this.byId.set(`${e.kind}:${e.id}`, e);
      for (const k of new Set([...e.keys, ...e.demonyms.map(nameKey)])) {
        const list = this.byKey.get(k) ?? [];
        list.push(e);
        this.byKey.set(k, list);
      }
    }
  }

  lookup(text: string, kinds?: GazKind[]): GazEntry[] {
    const found = this.byKey.get(nameKey(text)) ?? [];
    return kinds ? found.filter((e) => kinds.includes(e.kind)) : found;
  }

  get(kind: GazKind, id: string): GazEntry | undefined {
    return this.byId.get(`${kind}:${id}`);
  }

  holdersOf(positionId: string): string[] {
    return this.tenures.filter((t) => t.positionId === positionId).map((t) => t.personId);
  }

  tenuresOf(personId: string): GazTenure[] {
    return this.tenures.filter((t) => t.personId === personId);
  }

  countries(): GazEntry[] {
    return this.entries.filter((e) => e.kind === 'Organization' && e.subkind === 'COUNTRY');
  }
}

/** The built-in lexicon as gazetteer entries (ids are proposals: they are not in the graph). */
function builtinEntries(): GazEntry[] {
  const out: GazEntry[] = [];
  for (const c of COUNTRIES) {
    out.push({ kind: 'Organization', id: c.id, name: c.name, keys: [c.name, ...c.aliases].map(nameKey), subkind: 'COUNTRY', countryId: null, demonyms: c.demonyms, fromGraph: false });
  }
  for (const p of CITIES) {
    out.push({ kind: 'Place', id: p.id, name: p.name, keys: [p.name, ...p.aliases].map(nameKey), subkind: 'CITY', countryId: p.country, demonyms: [], fromGraph: false });
  }
  for (const o of ORGANIZATIONS) {
    out.push({ kind: 'Organization', id: o.id, name: o.name, keys: [o.name, ...o.aliases].map(nameKey), subkind: o.kind, countryId: o.country, demonyms: [], fromGraph: false });
  }
  return out;
}

/** Without a graph: the built-in lexicon only; people are resolved within the text. */
export function offlineGazetteer(): Gazetteer {
  return new Gazetteer(builtinEntries(), [], 'offline');
}

interface GazRow {
  kind: GazKind | 'Tenure';
  id: string;
  name: string | null;
  keys: string[];
  subkind: string | null;
  countryId: string | null;
  personId: string | null;
  positionId: string | null;
}

/**
 * The graph's names (one read-only named query) with the built-in lexicon behind them: a built-in
 * word is dropped when the graph already has a record of that kind under one of its keys, so a
 * draft refers to the graph's id (`prc`) and never proposes a second China.
 */
export async function graphGazetteer(db: QueryRunner, asOf: string): Promise<Gazetteer> {
  const rows = await db.read<GazRow>('draft/gazetteer', { asOf });
  const entries: GazEntry[] = [];
  const tenures: GazTenure[] = [];
  for (const r of rows) {
    if (r.kind === 'Tenure') tenures.push({ id: r.id, personId: r.personId!, positionId: r.positionId! });
    else entries.push({ kind: r.kind, id: r.id, name: r.name ?? r.id, keys: r.keys, subkind: r.subkind, countryId: r.countryId, demonyms: [], fromGraph: true });
  }
  const graphKeys = new Set(entries.flatMap((e) => e.keys.map((k) => `${e.kind}:${k}`)));
  const graphIds = new Set(entries.map((e) => `${e.kind}:${e.id}`));
  for (const b of builtinEntries()) {
    const known = b.keys.some((k) => graphKeys.has(`${b.kind}:${k}`));
    if (known) {
      // Keep the demonyms: the graph has "China" but not "Chinese".
      const g = entries.find((e) => e.kind === b.kind && b.keys.some((k) => e.keys.includes(k)));
      if (g && b.demonyms.length > 0) g.demonyms = b.demonyms;
      continue;
    }
    if (graphIds.has(`${b.kind}:${b.id}`)) continue;
    entries.push(b);
  }
  // Built-in places and organisations point at built-in country ids; map them to the graph's.
  const countryIdOf = new Map<string, string>();
  for (const c of COUNTRIES) {
    const g = entries.find((e) => e.fromGraph && e.kind === 'Organization' && e.subkind === 'COUNTRY' && [c.name, ...c.aliases].map(nameKey).some((k) => e.keys.includes(k)));
    if (g) countryIdOf.set(c.id, g.id);
  }
  for (const e of entries) if (!e.fromGraph && e.countryId) e.countryId = countryIdOf.get(e.countryId) ?? e.countryId;
  return new Gazetteer(entries, tenures, 'graph');
}
