import { nameKey } from '../common/names';
import { parseTenureDate, tenureIso, toNeo4jDate } from './dates';
import { FACT_FIELDS, fieldOf } from './fact-fields';
import { contentHash } from './hash';
import { declaredFacts, ENTITY_SECTIONS, type EntityLabel, type EntitySection, type FactFile, type FactLabel, type ParticipantDecl } from './model';
import type { PathSegment } from './problems';
import type { Checked } from './checks';
import type { EntityRef, Resolved } from './references';

/** An entity as this file declares it: only the fields it gives (the rest of the node stays). */
export interface EntityDecl {
  label: EntityLabel;
  id: string;
  fields: Record<string, unknown>;
  aliases: string[];
  /** Links the file gives, by relationship type; a given link replaces the node's link of that type. */
  links: Record<string, EntityRef>;
}

export interface Edge {
  type: string;
  label: string;
  to: string;
  /** true: the edge points at the fact (`(Person)-[:HELD]->(Tenure)`). */
  inward: boolean;
  props: Record<string, unknown>;
}

export interface FactRow {
  id: string;
  label: FactLabel;
  hash: string;
  props: Record<string, unknown>;
  edges: Edge[];
}

export interface EvidenceRow {
  id: string;
  props: { quote: string; start: number; end: number; dateExpression: string | null };
  attributedTo: EntityRef | null;
}

export interface PreferredValue {
  alternativeId: string;
  factId: string;
  field: string;
  value: unknown;
}

export interface ImportPlan {
  documentId: string;
  document: { id: string; hash: string; props: Record<string, unknown>; publisher: EntityRef };
  entities: EntityDecl[];
  evidence: Map<string, EvidenceRow>;
  facts: FactRow[];
  preferred: PreferredValue[];
}

/** Entity fields besides id and aliases, and the relationship each reference field becomes. */
const ENTITY_FIELDS: Record<EntityLabel, { fields: string[]; links: Record<string, string> }> = {
  Person: { fields: ['name', 'nativeName', 'externalIds'], links: {} },
  Organization: { fields: ['name', 'kind'], links: { partOf: 'PART_OF', country: 'IN_COUNTRY' } },
  Place: { fields: ['name', 'kind'], links: { country: 'IN_COUNTRY' } },
  Position: { fields: ['title'], links: { organization: 'OF_ORGANIZATION', jurisdiction: 'JURISDICTION' } },
  Topic: { fields: ['name'], links: {} },
  RankContext: { fields: ['name'], links: { jurisdiction: 'JURISDICTION' } },
};

/** Date-valued properties become Neo4j DATEs; everything else goes as it is. */
export function toNeo4jProps(label: FactLabel, props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...props };
  for (const spec of FACT_FIELDS[label]) {
    if ((spec.spec.type === 'date' || spec.spec.type === 'tenureDate') && typeof out[spec.name] === 'string') out[spec.name] = toNeo4jDate(out[spec.name] as string);
  }
  return out;
}

/** The keys under which an entity is found by name (`Name` nodes). */
export function nameKeysOf(id: string, props: Record<string, unknown>, aliases: string[]): string[] {
  // The ids of people merged into this one keep naming it (see mergePeople).
  const mergedIds = Array.isArray(props.mergedIds) ? (props.mergedIds as string[]) : [];
  const names = [id, props.name ?? props.title, props.nativeName, ...aliases, ...mergedIds].filter((n): n is string => typeof n === 'string' && n.trim() !== '');
  return [...new Set(names.map(nameKey))];
}

/**
 * Stage 5: the validated, resolved, checked file → rows per kind, each fact with the content hash
 * that lets the writer skip what has not changed. Hashes are taken over the ISO-text form, before
 * dates become driver values.
 */
export function planImport(file: FactFile, resolved: Resolved, checked: Checked): ImportPlan {
  const documentId = file.document.id;
  const ref = (holder: object | undefined, key: PathSegment) => resolved.entities.get(holder, key) ?? null;
  const factRef = (holder: object | undefined, key: PathSegment) => resolved.facts.get(holder, key) ?? null;

  const d = file.document;
  const publisher = ref(d, 'publisher')!;
  const documentProps = { title: d.title, publishedAt: d.publishedAt, url: d.url ?? null, language: d.language ?? 'en', text: d.text };
  const document = {
    id: documentId,
    hash: contentHash({ documentProps, publisher }),
    props: { ...documentProps, publishedAt: toNeo4jDate(d.publishedAt) },
    publisher,
  };

  const entities: EntityDecl[] = [];
  for (const [section, label] of Object.entries(ENTITY_SECTIONS) as [EntitySection, EntityLabel][]) {
    (file[section] ?? []).forEach((decl) => {
      const record = decl as unknown as Record<string, unknown>;
      const fields: Record<string, unknown> = {};
      // Absent or null leaves what another document said; only given values overwrite.
      for (const field of ENTITY_FIELDS[label].fields) {
        const value = record[field];
        if (value !== undefined && value !== null) fields[field] = value;
      }
      const links: Record<string, EntityRef> = {};
      for (const [field, type] of Object.entries(ENTITY_FIELDS[label].links)) {
        const target = ref(decl, field);
        if (target) links[type] = target;
      }
      entities.push({ label, id: decl.id, fields, aliases: (record.aliases as string[] | undefined) ?? [], links });
    });
  }

  const evidence = new Map<string, EvidenceRow>();
  const facts: FactRow[] = [];
  const preferred: PreferredValue[] = [];
  for (const fact of declaredFacts(file)) {
    const edges: Edge[] = [];
    const edge = (type: string, target: { label: string; id: string } | null, inward = false, props: Record<string, unknown> = {}) => {
      if (target) edges.push({ type, label: target.label, to: target.id, inward, props });
    };
    const listEdges = (type: string, values: unknown, inward = false) => {
      if (Array.isArray(values)) values.forEach((_, k) => edge(type, ref(values, k), inward));
    };
    const decl = fact.decl as Record<string, unknown>;
    const props = factProps(fact.label, decl);

    switch (fact.label) {
      case 'Tenure':
        edge('HELD', ref(decl, 'person'), true);
        edge('OF_POSITION', ref(decl, 'position'));
        break;
      case 'Meeting': {
        edge('AT', ref(decl, 'place'));
        edge('DURING', factRef(decl, 'trip'));
        listEdges('ABOUT', decl.topics);
        const delegations = new Set<string>();
        for (const p of decl.participants as ParticipantDecl[]) {
          const delegation = ref(p, 'delegation');
          if (delegation) delegations.add(delegation.id);
          edge('PARTICIPATED_IN', ref(p, 'person'), true, {
            role: p.role,
            title: p.title ?? null,
            delegationId: delegation?.id ?? null,
            positionId: ref(p, 'position')?.id ?? null,
            tenureId: checked.participantTenures.get(p) ?? null,
          });
        }
        // Derived at import: one INVOLVES per distinct delegation, for bilateral queries.
        for (const id of [...delegations].sort()) edge('INVOLVES', { label: 'Organization', id });
        break;
      }
      case 'Trip':
        listEdges('TRAVELLED', decl.travellers, true);
        edge('TO', ref(decl, 'destination'));
        break;
      case 'Invitation':
        edge('INVITER', ref(decl, 'inviter'));
        edge('INVITEE', ref(decl, 'invitee'));
        edge('TO', ref(decl, 'destination'));
        edge('MADE_AT', factRef(decl, 'meeting'));
        edge('FULFILLED_BY', ref(decl, 'fulfilledBy'));
        break;
      case 'Statement':
        listEdges('SPOKEN_BY', decl.speakers);
        edge('AT', factRef(decl, 'meeting'));
        edge('REPORTED_BY', ref(decl, 'reportedBy'));
        listEdges('ABOUT', decl.about);
        break;
      case 'RankClaim':
        edge('SUPERIOR', ref(decl, 'superior'));
        edge('INFERIOR', ref(decl, 'inferior'));
        edge('IN_CONTEXT', ref(decl, 'context'));
        const basis = (decl.basis as string[] | undefined) ?? [];
        basis.forEach((_, j) => edge('RESTS_ON', factRef(basis, j)));
        break;
      case 'Precedence':
        edge('OF_POSITION', ref(decl, 'position'));
        edge('IN_CONTEXT', ref(decl, 'context'));
        break;
      case 'RelationIssue':
        edge('TOPIC', ref(decl, 'topic'));
        listEdges('BETWEEN', decl.between);
        break;
      case 'Alternative': {
        const target = factRef(decl, 'fact');
        edge('ALTERNATIVE_OF', target);
        if (target && decl.preferred === true) {
          const spec = fieldOf(target.label, decl.field as string)!;
          const value = (spec.spec.type === 'date' || spec.spec.type === 'tenureDate') && typeof decl.value === 'string' ? toNeo4jDate(decl.value) : decl.value;
          preferred.push({ alternativeId: fact.decl.id, factId: target.id, field: decl.field as string, value });
        }
        break;
      }
    }

    const evidenceIds = new Set<string>();
    const evidenceContent: unknown[] = [];
    for (const e of fact.decl.evidence) {
      const span = checked.spans.get(e)!;
      const id = `${documentId}:${span.start}-${span.end}`;
      const attributedTo = ref(e, 'attributedTo');
      const existing = evidence.get(id);
      // Checks have made sure that two facts quoting one span do not disagree; fill in what one left out.
      evidence.set(id, {
        id,
        props: { quote: e.quote, start: span.start, end: span.end, dateExpression: e.dateExpression ?? existing?.props.dateExpression ?? null },
        attributedTo: attributedTo ?? existing?.attributedTo ?? null,
      });
      if (!evidenceIds.has(id)) {
        evidenceIds.add(id);
        edge('SUPPORTED_BY', { label: 'Evidence', id });
      }
      evidenceContent.push({ id, attributedTo, dateExpression: e.dateExpression ?? null });
    }

    const hash = contentHash({ label: fact.label, documentId, props, edges, evidenceContent });
    facts.push({ id: fact.decl.id, label: fact.label, hash, props: toNeo4jProps(fact.label, props), edges });
  }
  return { documentId, document, entities, evidence, facts, preferred };
}

/** The scalar properties of a fact, every field present (null when not given), so that a re-declaration replaces them all. */
function factProps(label: FactLabel, decl: Record<string, unknown>): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const spec of FACT_FIELDS[label]) props[spec.name] = decl[spec.name] ?? null;
  switch (label) {
    case 'Tenure': {
      const start = parseTenureDate(decl.start as string);
      props.start = tenureIso(decl.start as string);
      props.startPrecision = (decl.startPrecision as string | undefined) ?? start.precision;
      props.end = decl.end ? tenureIso(decl.end as string) : null;
      props.endPrecision = decl.end ? parseTenureDate(decl.end as string).precision : null;
      break;
    }
    case 'Meeting':
      props.format = decl.format ?? 'IN_PERSON';
      break;
    case 'Alternative':
      props.field = decl.field;
      props.value = JSON.stringify(decl.value ?? null);
      props.preferred = decl.preferred === true;
      break;
  }
  return props;
}
