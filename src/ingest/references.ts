import { nameKey } from '../common/names';
import type { QueryRunner } from '../neo4j/database';
import { ENTITY_SECTIONS, type EntityLabel, type EntitySection, type FactFile, type FactLabel, FACT_SECTIONS, type FactSection } from './model';
import { formatPath, type Path, type PathProblem } from './problems';

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
  /** The entity each reference names, by formatted path. */
  entities: Map<string, EntityRef>;
  /** The fact each fact reference names, by formatted path. */
  facts: Map<string, FactRef>;
  /** Facts of the graph that this file declares again or refers to. */
  graphFacts: Map<string, GraphFact>;
}

interface Site {
  path: Path;
  value: string;
  kinds: RefKind[];
}

interface FactSite {
  path: Path;
  value: string;
  /** Empty: any kind of fact. */
  kinds: FactLabel[];
}

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
function collectSites(file: FactFile): { sites: Site[]; factSites: FactSite[] } {
  const sites: Site[] = [];
  const factSites: FactSite[] = [];
  const ref = (path: Path, value: unknown, ...kinds: RefKind[]) => {
    if (typeof value === 'string') sites.push({ path, value, kinds });
  };
  const refs = (path: Path, values: unknown, ...kinds: RefKind[]) => {
    if (Array.isArray(values)) values.forEach((v, i) => ref([...path, i], v, ...kinds));
  };
  const fact = (path: Path, value: unknown, ...kinds: FactLabel[]) => {
    if (typeof value === 'string') factSites.push({ path, value, kinds });
  };

  ref(['document', 'publisher'], file.document.publisher, 'Organization');
  file.organizations?.forEach((o, i) => {
    ref(['organizations', i, 'partOf'], o.partOf, 'Organization');
    ref(['organizations', i, 'country'], o.country, 'Country');
  });
  file.places?.forEach((p, i) => ref(['places', i, 'country'], p.country, 'Country'));
  file.positions?.forEach((p, i) => {
    ref(['positions', i, 'organization'], p.organization, 'Organization');
    ref(['positions', i, 'jurisdiction'], p.jurisdiction, 'Organization');
  });
  file.rankContexts?.forEach((c, i) => ref(['rankContexts', i, 'jurisdiction'], c.jurisdiction, 'Organization'));
  file.tenures?.forEach((t, i) => {
    ref(['tenures', i, 'person'], t.person, 'Person');
    ref(['tenures', i, 'position'], t.position, 'Position');
  });
  file.meetings?.forEach((m, i) => {
    ref(['meetings', i, 'place'], m.place, 'Place');
    refs(['meetings', i, 'topics'], m.topics, 'Topic');
    fact(['meetings', i, 'trip'], m.trip, 'Trip');
    m.participants.forEach((p, j) => {
      ref(['meetings', i, 'participants', j, 'person'], p.person, 'Person');
      ref(['meetings', i, 'participants', j, 'delegation'], p.delegation, 'Organization');
      ref(['meetings', i, 'participants', j, 'position'], p.position, 'Position');
    });
  });
  file.trips?.forEach((t, i) => {
    refs(['trips', i, 'travellers'], t.travellers, 'Person');
    ref(['trips', i, 'destination'], t.destination, 'Place', 'Organization');
  });
  file.invitations?.forEach((v, i) => {
    ref(['invitations', i, 'inviter'], v.inviter, 'Person');
    ref(['invitations', i, 'invitee'], v.invitee, 'Person');
    ref(['invitations', i, 'destination'], v.destination, 'Place', 'Organization');
    ref(['invitations', i, 'fulfilledBy'], v.fulfilledBy, 'Person');
    fact(['invitations', i, 'meeting'], v.meeting, 'Meeting');
  });
  file.statements?.forEach((s, i) => {
    refs(['statements', i, 'speakers'], s.speakers, 'Person', 'Organization');
    ref(['statements', i, 'reportedBy'], s.reportedBy, 'Organization');
    refs(['statements', i, 'about'], s.about, 'Topic');
    fact(['statements', i, 'meeting'], s.meeting, 'Meeting');
  });
  file.rankClaims?.forEach((c, i) => {
    ref(['rankClaims', i, 'superior'], c.superior, 'Person');
    ref(['rankClaims', i, 'inferior'], c.inferior, 'Person');
    ref(['rankClaims', i, 'context'], c.context, 'RankContext');
    c.basis?.forEach((b, j) => fact(['rankClaims', i, 'basis', j], b, 'Tenure'));
  });
  file.precedence?.forEach((p, i) => {
    ref(['precedence', i, 'context'], p.context, 'RankContext');
    ref(['precedence', i, 'position'], p.position, 'Position');
  });
  file.relationIssues?.forEach((r, i) => {
    ref(['relationIssues', i, 'topic'], r.topic, 'Topic');
    refs(['relationIssues', i, 'between'], r.between, 'Country');
  });
  file.alternatives?.forEach((a, i) => fact(['alternatives', i, 'fact'], a.fact));
  for (const section of Object.keys(FACT_SECTIONS) as FactSection[]) {
    (file[section] ?? []).forEach((f, i) =>
      f.evidence.forEach((e, k) => ref([section, i, 'evidence', k, 'attributedTo'], e.attributedTo, 'Person', 'Organization')),
    );
  }
  return { sites, factSites };
}

interface Candidate extends EntityRef {
  name: string;
}

/** The file's own entities, by id and by every name, per kind. */
class FileIndex {
  readonly ids = new Map<string, Candidate[]>();
  readonly names = new Map<string, Candidate[]>();

  constructor(file: FactFile) {
    for (const [section, label] of Object.entries(ENTITY_SECTIONS) as [EntitySection, EntityLabel][]) {
      for (const decl of (file[section] ?? []) as unknown as Array<Record<string, unknown>>) {
        const name = String(decl.name ?? decl.title);
        const candidate: Candidate = { label, id: decl.id as string, name };
        const kinds: RefKind[] = label === 'Organization' && decl.kind === 'COUNTRY' ? ['Organization', 'Country'] : [label];
        for (const kind of kinds) {
          this.push(this.ids, `${kind}|${nameKey(decl.id as string)}`, candidate);
          const keys = new Set([name, ...((decl.aliases as string[]) ?? []), ...(typeof decl.nativeName === 'string' ? [decl.nativeName] : [])].map(nameKey));
          for (const key of keys) this.push(this.names, `${kind}|${key}`, candidate);
        }
      }
    }
  }

  private push(map: Map<string, Candidate[]>, key: string, c: Candidate) {
    const list = map.get(key) ?? [];
    if (!list.some((x) => x.label === c.label && x.id === c.id)) list.push(c);
    map.set(key, list);
  }
}

const dedupe = (list: Candidate[]) => [...new Map(list.map((c) => [`${c.label}|${c.id}`, c])).values()];

/** The graph's candidates for keys, ONE query per kind (`names/resolve`), whatever the file's size. */
async function graphCandidates(db: QueryRunner, keysByKind: Map<RefKind, Set<string>>): Promise<Map<string, Candidate[]>> {
  const out = new Map<string, Candidate[]>();
  for (const [kind, keys] of keysByKind) {
    if (keys.size === 0) continue;
    const rows = await db.read<{ key: string; value: Array<{ id: string; name: string }> }>('names/resolve', { keys: [...keys], label: kind });
    const label: EntityLabel = kind === 'Country' ? 'Organization' : kind;
    for (const row of rows) out.set(`${kind}|${row.key}`, row.value.map((v) => ({ label, id: v.id, name: v.name })));
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

  const keysByKind = new Map<RefKind, Set<string>>();
  for (const site of sites) {
    const key = nameKey(site.value);
    // A single-kind reference that matches a file id needs no look-up: ids are unique per kind.
    if (site.kinds.length === 1 && index.ids.has(`${site.kinds[0]}|${key}`)) continue;
    for (const kind of site.kinds) {
      if (!keysByKind.has(kind)) keysByKind.set(kind, new Set());
      keysByKind.get(kind)!.add(key);
    }
  }
  const graph = await graphCandidates(db, keysByKind);

  const entities = new Map<string, EntityRef>();
  for (const site of sites) {
    const key = nameKey(site.value);
    // The common case, settled at once: a single-kind reference to one of the file's own ids (the
    // rule below would choose it too: an id match wins, and the graph can only add the same record).
    if (site.kinds.length === 1) {
      const own = index.ids.get(`${site.kinds[0]}|${key}`);
      if (own?.length === 1) {
        entities.set(formatPath(site.path), { label: own[0].label, id: own[0].id });
        continue;
      }
    }
    const fromFile = (map: Map<string, Candidate[]>) => dedupe(site.kinds.flatMap((k) => map.get(`${k}|${key}`) ?? []));
    const fromGraph = site.kinds.flatMap((k) => graph.get(`${k}|${key}`) ?? []);
    const byId = dedupe([...fromFile(index.ids), ...fromGraph.filter((c) => c.id === key)]);
    const byFileName = fromFile(index.names);
    const byGraphName = dedupe(fromGraph);
    const chosen = [byId, byFileName, byGraphName].find((list) => list.length > 0) ?? [];
    if (chosen.length === 1) {
      entities.set(formatPath(site.path), { label: chosen[0].label, id: chosen[0].id });
    } else if (chosen.length === 0) {
      problems.push({ path: site.path, message: `no ${words(site.kinds)} is named "${site.value}"` });
    } else {
      const list = [...chosen].sort((a, b) => a.id.localeCompare(b.id)).map((c) => `${c.id} (${c.name})`).join(', ');
      problems.push({ path: site.path, message: `"${site.value}" is ambiguous: it names ${list}; refer by id` });
    }
  }

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

  const facts = new Map<string, FactRef>();
  for (const site of factSites) {
    const label = fileFacts.get(site.value) ?? graphFacts.get(site.value)?.kind;
    const wantedKinds = site.kinds.length > 0 ? words(site.kinds) : 'fact';
    if (!label) problems.push({ path: site.path, message: `no ${wantedKinds} has the id "${site.value}"` });
    else if (site.kinds.length > 0 && !site.kinds.includes(label)) problems.push({ path: site.path, message: `"${site.value}" is a ${KIND_WORDS[label]}, not a ${wantedKinds}` });
    else facts.set(formatPath(site.path), { label, id: site.value });
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
