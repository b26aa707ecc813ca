import { nameKey } from '../common/names';
import type { QueryRunner } from '../neo4j/database';
import { ENTITY_SECTIONS, type EntityLabel, type EntitySection, type FactFile, type FactLabel, FACT_SECTIONS, type FactSection } from './model';
import { PlaceMap } from './place-map';
import type { Path, PathProblem, PathSegment } from './problems';

/** What a reference may name. `Country` is an Organization of kind COUNTRY (label `:Country`). */
export type RefKind = EntityLabel | 'Country';

export interface EntityRef {
  label: EntityLabel;
  id: string;
}

export interface FactRef {
  label: FactLabel;
  id: string;
}

/** A fact already in the graph, as the checks need it. */
export interface GraphFact {
  id: string;
  kind: FactLabel;
  retracted: boolean;
  personId: string | null;
  positionId: string | null;
  start: string | null;
  end: string | null;
}

export interface Resolved {
  /** The entity each reference names, by the object or array that holds the reference and its key there. */
  entities: PlaceMap<EntityRef>;
  /** The fact each fact reference names, likewise. */
  facts: PlaceMap<FactRef>;
  /** Facts of the graph that this file declares again or refers to. */
  graphFacts: Map<string, GraphFact>;
}

/** A reference in the file: `holder[key]`, where `holder` is at `at`. */
interface Site<Kind> {
  holder: object;
  at: Path;
  key: PathSegment;
  value: string;
  /** For a fact reference, empty: any kind of fact. */
  kinds: Kind[];
}

const pathOf = (site: Site<unknown>): Path => [...site.at, site.key];

const KIND_WORDS: Record<RefKind | FactLabel, string> = {
  Person: 'person',
  Organization: 'organisation',
  Place: 'place',
  Position: 'position',
  Topic: 'topic',
  RankContext: 'rank context',
  Country: 'country',
  Tenure: 'tenure',
  Meeting: 'meeting',
  Trip: 'trip',
  Invitation: 'invitation',
  Statement: 'statement',
  RankClaim: 'rank claim',
  Precedence: 'precedence',
  RelationIssue: 'relation issue',
  Alternative: 'alternative',
};

const words = (kinds: readonly (RefKind | FactLabel)[]) => kinds.map((k) => KIND_WORDS[k]).join(' or ');

/** Every place in the file where an entity or a fact is referred to, with what it may name. */
function collectSites(file: FactFile): { sites: Site<RefKind>[]; factSites: Site<FactLabel>[] } {
  const sites: Site<RefKind>[] = [];
  const factSites: Site<FactLabel>[] = [];
  // Each takes the holder, its path, and the key of the reference in it.
  const ref = (holder: object, at: Path, key: PathSegment, ...kinds: RefKind[]) => {
    const value = (holder as Record<PathSegment, unknown>)[key];
    if (typeof value === 'string') sites.push({ holder, at, key, value, kinds });
  };
  const refs = (holder: object, at: Path, key: string, ...kinds: RefKind[]) => {
    const values = (holder as Record<string, unknown>)[key];
    if (Array.isArray(values)) values.forEach((_, i) => ref(values, [...at, key], i, ...kinds));
  };
  const fact = (holder: object, at: Path, key: PathSegment, ...kinds: FactLabel[]) => {
    const value = (holder as Record<PathSegment, unknown>)[key];
    if (typeof value === 'string') factSites.push({ holder, at, key, value, kinds });
  };

  ref(file.document, ['document'], 'publisher', 'Organization');
  file.organizations?.forEach((o, i) => {
    ref(o, ['organizations', i], 'partOf', 'Organization');
    ref(o, ['organizations', i], 'country', 'Country');
  });
  file.places?.forEach((p, i) => ref(p, ['places', i], 'country', 'Country'));
  file.positions?.forEach((p, i) => {
    ref(p, ['positions', i], 'organization', 'Organization');
    ref(p, ['positions', i], 'jurisdiction', 'Organization');
  });
  file.rankContexts?.forEach((c, i) => ref(c, ['rankContexts', i], 'jurisdiction', 'Organization'));
  file.tenures?.forEach((t, i) => {
    const at = ['tenures', i];
    ref(t, at, 'person', 'Person');
    ref(t, at, 'position', 'Position');
  });
  file.meetings?.forEach((m, i) => {
    const at = ['meetings', i];
    ref(m, at, 'place', 'Place');
    refs(m, at, 'topics', 'Topic');
    fact(m, at, 'trip', 'Trip');
    m.participants.forEach((p, j) => {
      const participantAt = ['meetings', i, 'participants', j];
      ref(p, participantAt, 'person', 'Person');
      ref(p, participantAt, 'delegation', 'Organization');
      ref(p, participantAt, 'position', 'Position');
    });
  });
  file.trips?.forEach((t, i) => {
    refs(t, ['trips', i], 'travellers', 'Person');
    ref(t, ['trips', i], 'destination', 'Place', 'Organization');
  });
  file.invitations?.forEach((v, i) => {
    const at = ['invitations', i];
    ref(v, at, 'inviter', 'Person');
    ref(v, at, 'invitee', 'Person');
    ref(v, at, 'destination', 'Place', 'Organization');
    ref(v, at, 'fulfilledBy', 'Person');
    fact(v, at, 'meeting', 'Meeting');
  });
  file.statements?.forEach((s, i) => {
    const at = ['statements', i];
    refs(s, at, 'speakers', 'Person', 'Organization');
    ref(s, at, 'reportedBy', 'Organization');
    refs(s, at, 'about', 'Topic');
    fact(s, at, 'meeting', 'Meeting');
  });
  file.rankClaims?.forEach((c, i) => {
    const at = ['rankClaims', i];
    ref(c, at, 'superior', 'Person');
    ref(c, at, 'inferior', 'Person');
    ref(c, at, 'context', 'RankContext');
    const basis = c.basis;
    basis?.forEach((_, j) => fact(basis, [...at, 'basis'], j, 'Tenure'));
  });
  file.precedence?.forEach((p, i) => {
    ref(p, ['precedence', i], 'context', 'RankContext');
    ref(p, ['precedence', i], 'position', 'Position');
  });
  file.relationIssues?.forEach((r, i) => {
    ref(r, ['relationIssues', i], 'topic', 'Topic');
    refs(r, ['relationIssues', i], 'between', 'Country');
  });
  file.alternatives?.forEach((a, i) => fact(a, ['alternatives', i], 'fact'));
  for (const section of Object.keys(FACT_SECTIONS) as FactSection[]) {
    (file[section] ?? []).forEach((f, i) => f.evidence.forEach((e, k) => ref(e, [section, i, 'evidence', k], 'attributedTo', 'Person', 'Organization')));
  }
  return { sites, factSites };
}

/** A record a reference may name; `ref` is shared by every reference resolved to it. */
interface Candidate {
  ref: EntityRef;
  name: string;
}

/** Candidates by kind, then by name key (nested maps: a key string per look-up would cost a string each). */
class ByKind {
  private readonly kinds = new Map<RefKind, Map<string, Candidate[]>>();

  get(kind: RefKind, key: string): Candidate[] | undefined {
    return this.kinds.get(kind)?.get(key);
  }

  set(kind: RefKind, key: string, list: Candidate[]): void {
    let byKey = this.kinds.get(kind);
    if (byKey === undefined) this.kinds.set(kind, (byKey = new Map()));
    byKey.set(key, list);
  }

  add(kind: RefKind, key: string, c: Candidate): void {
    const list = this.get(kind, key);
    if (list === undefined) this.set(kind, key, [c]);
    else if (!list.some((x) => x.ref.label === c.ref.label && x.ref.id === c.ref.id)) list.push(c);
  }

  /** Every candidate of the given kinds for the key (the same record may come twice: a country is an organisation too). */
  all(kinds: RefKind[], key: string): Candidate[] {
    return kinds.flatMap((k) => this.get(k, key) ?? []);
  }
}

/** The file's own entities, by id and by every name, per kind. */
class FileIndex {
  readonly ids = new ByKind();
  readonly names = new ByKind();

  constructor(file: FactFile) {
    for (const [section, label] of Object.entries(ENTITY_SECTIONS) as [EntitySection, EntityLabel][]) {
      for (const decl of (file[section] ?? []) as unknown as Array<Record<string, unknown>>) {
        const name = String(decl.name ?? decl.title);
        const candidate: Candidate = { ref: { label, id: decl.id as string }, name };
        const kinds: RefKind[] = label === 'Organization' && decl.kind === 'COUNTRY' ? ['Organization', 'Country'] : [label];
        for (const kind of kinds) {
          this.ids.add(kind, nameKey(decl.id as string), candidate);
          const keys = new Set([name, ...((decl.aliases as string[]) ?? []), ...(typeof decl.nativeName === 'string' ? [decl.nativeName] : [])].map(nameKey));
          for (const key of keys) this.names.add(kind, key, candidate);
        }
      }
    }
  }
}

const dedupe = (list: Candidate[]) => [...new Map(list.map((c) => [`${c.ref.label}|${c.ref.id}`, c])).values()];

/** The graph's candidates for keys, ONE query per kind (`names/resolve`), whatever the file's size. */
async function graphCandidates(db: QueryRunner, keysByKind: Map<RefKind, Set<string>>): Promise<ByKind> {
  const out = new ByKind();
  for (const [kind, keys] of keysByKind) {
    if (keys.size === 0) continue;
    const rows = await db.read<{ key: string; value: Array<{ id: string; name: string }> }>('names/resolve', { keys: [...keys], label: kind });
    const label: EntityLabel = kind === 'Country' ? 'Organization' : kind;
    for (const row of rows) out.set(kind, row.key, row.value.map((v) => ({ ref: { label, id: v.id }, name: v.name })));
  }
  return out;
}

/**
 * Stage 3: resolves every reference, never guessing. An id names one record of its kind, so an
 * id match wins; otherwise a name or alias is looked up in this file first, then in the graph.
 * Nothing, or more than one thing, is a problem that names the candidates.
 */
export async function resolveReferences(file: FactFile, db: QueryRunner): Promise<{ resolved: Resolved; problems: PathProblem[] }> {
  const problems: PathProblem[] = [];
  const { sites, factSites } = collectSites(file);
  const index = new FileIndex(file);

  // A reference's name key, computed once: the look-up and the resolution below both need it.
  const keys = sites.map((site) => nameKey(site.value));
  const keysByKind = new Map<RefKind, Set<string>>();
  sites.forEach((site, i) => {
    const key = keys[i];
    // A single-kind reference that matches a file id needs no look-up: ids are unique per kind.
    if (site.kinds.length === 1 && index.ids.get(site.kinds[0], key) !== undefined) return;
    for (const kind of site.kinds) {
      if (!keysByKind.has(kind)) keysByKind.set(kind, new Set());
      keysByKind.get(kind)!.add(key);
    }
  });
  const graph = await graphCandidates(db, keysByKind);

  const entities = new PlaceMap<EntityRef>();
  sites.forEach((site, i) => {
    const key = keys[i];
    // The common case, settled at once: a single-kind reference to one of the file's own ids (the
    // rule below would choose it too: an id match wins, and the graph can only add the same record).
    if (site.kinds.length === 1) {
      const own = index.ids.get(site.kinds[0], key);
      if (own?.length === 1) {
        entities.set(site.holder, site.key, own[0].ref);
        return;
      }
    }
    const fromGraph = graph.all(site.kinds, key);
    const byId = dedupe([...index.ids.all(site.kinds, key), ...fromGraph.filter((c) => c.ref.id === key)]);
    const byFileName = dedupe(index.names.all(site.kinds, key));
    const byGraphName = dedupe(fromGraph);
    const chosen = [byId, byFileName, byGraphName].find((list) => list.length > 0) ?? [];
    if (chosen.length === 1) {
      entities.set(site.holder, site.key, chosen[0].ref);
    } else if (chosen.length === 0) {
      problems.push({ path: pathOf(site), message: `no ${words(site.kinds)} is named "${site.value}"` });
    } else {
      const list = [...chosen].sort((a, b) => a.ref.id.localeCompare(b.ref.id)).map((c) => `${c.ref.id} (${c.name})`).join(', ');
      problems.push({ path: pathOf(site), message: `"${site.value}" is ambiguous: it names ${list}; refer by id` });
    }
  });

  // Facts: by id only, in this file or in the graph.
  const fileFacts = new Map<string, FactLabel>();
  for (const [section, label] of Object.entries(FACT_SECTIONS) as [FactSection, FactLabel][]) {
    for (const f of file[section] ?? []) if (!fileFacts.has(f.id)) fileFacts.set(f.id, label);
  }
  const wanted = new Set<string>([...fileFacts.keys(), ...factSites.map((s) => s.value)]);
  const graphFacts = new Map<string, GraphFact>();
  const ids = [...wanted];
  for (let i = 0; i < ids.length; i += 20_000) {
    for (const row of await db.read<GraphFact>('ingest/facts-by-id', { ids: ids.slice(i, i + 20_000) })) graphFacts.set(row.id, row);
  }

  const facts = new PlaceMap<FactRef>();
  for (const site of factSites) {
    const label = fileFacts.get(site.value) ?? graphFacts.get(site.value)?.kind;
    const wantedKinds = site.kinds.length > 0 ? words(site.kinds) : 'fact';
    if (!label) problems.push({ path: pathOf(site), message: `no ${wantedKinds} has the id "${site.value}"` });
    else if (site.kinds.length > 0 && !site.kinds.includes(label)) problems.push({ path: pathOf(site), message: `"${site.value}" is a ${KIND_WORDS[label]}, not a ${wantedKinds}` });
    else facts.set(site.holder, site.key, { label, id: site.value });
  }

  // A fact id is unique across all facts: a file cannot turn a graph's tenure into a meeting.
  for (const [section, label] of Object.entries(FACT_SECTIONS) as [FactSection, FactLabel][]) {
    (file[section] ?? []).forEach((f, i) => {
      const existing = graphFacts.get(f.id);
      if (existing && existing.kind !== label) problems.push({ path: [section, i, 'id'], message: `"${f.id}" is already the id of a ${KIND_WORDS[existing.kind]} in the graph` });
    });
  }

  // A merged person's id now names the person it was merged into; declaring it again would split them.
  const personIds = (file.people ?? []).map((p) => p.id);
  if (personIds.length > 0) {
    const merged = new Map((await db.read<{ id: string; mergedInto: string }>('ingest/merged-people', { ids: personIds })).map((r) => [r.id, r.mergedInto]));
    file.people!.forEach((p, i) => {
      const into = merged.get(p.id);
      if (into) problems.push({ path: ['people', i, 'id'], message: `"${p.id}" was merged into "${into}"; declare or refer to "${into}" instead` });
    });
  }

  return { resolved: { entities, facts, graphFacts }, problems };
}

export { KIND_WORDS };
