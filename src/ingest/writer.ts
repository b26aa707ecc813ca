import crypto from 'node:crypto';
import neo4j from 'neo4j-driver';
import type { WriteTransaction } from '../neo4j/database';
import { type EntityState, type MergedEntity, mergeEntity } from './entity-merge';
import type { EvidenceRow, FactRow, ImportPlan } from './plan';
import { createProgress } from './progress';

export interface WriteCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface WriteOptions {
  by: string;
  /** sha256 of the file's text, recorded with the import. */
  checksum: string;
  progress: boolean;
  label: string;
  /** Told how long each write step took (`write <step>`), summed over its batches: for profiling. */
  onStep?: (step: string, ms: number) => void;
}

/** Rows per UNWIND: big enough to amortise a round trip, small enough to keep each query's memory flat. */
export const BATCH_SIZE = 2000;

const chunk = <T>(rows: T[], size = BATCH_SIZE): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
};

interface Step {
  name: string;
  query: string;
  batches: unknown[][];
  params?: Record<string, unknown>;
}

/**
 * Stage 6: the plan → the graph, inside the file's ONE write transaction (the importer's), so that
 * a file is all or nothing. Reads what is there first; writes only what changed (by content hash);
 * then rebuilds what is derived from what it touched, and records the import when anything changed.
 */
export async function writePlan(tx: WriteTransaction, plan: ImportPlan, options: WriteOptions): Promise<WriteCounts> {
  {
    const now = neo4j.types.DateTime.fromStandardDate(new Date());
    const entityStates = await readEntityStates(tx, plan);
    const factHashes = await readFactHashes(tx, plan.documentId, plan.facts.map((f) => f.id));

    const entities = plan.entities.map((decl) => mergeEntity(decl, entityStates.get(`${decl.label}|${decl.id}`)));
    const changedEntities = entities.filter((e) => e.status !== 'unchanged');
    const documentHash = entityStates.get(`Document|${plan.documentId}`)?.props.contentHash;
    const documentChanged = documentHash !== plan.document.hash;
    const changedFacts = plan.facts.filter((f) => factHashes.get(f.id) !== f.hash);

    const counts: WriteCounts = { created: 0, updated: 0, unchanged: 0 };
    const count = (status: keyof WriteCounts) => (counts[status] += 1);
    for (const e of entities) count(e.status);
    count(documentHash === undefined ? 'created' : documentChanged ? 'updated' : 'unchanged');
    for (const f of plan.facts) count(!factHashes.has(f.id) ? 'created' : factHashes.get(f.id) !== f.hash ? 'updated' : 'unchanged');
    if (counts.created === 0 && counts.updated === 0) return counts;

    const steps = writeSteps(plan, changedEntities, changedFacts, documentChanged, new Set(factHashes.keys()));
    const progress = createProgress(options.progress, steps.reduce((n, s) => n + s.batches.length, 0), options.label);
    try {
      await runPipelined(tx, steps, { documentId: plan.documentId, now }, (step, last, ms) => {
        progress.tick(step.name);
        if (last) options.onStep?.(`write ${step.name}`, ms);
      });
    } finally {
      progress.stop();
    }
    await tx.run('ingest/record-import', {
      id: crypto.randomUUID(),
      documentId: plan.documentId,
      checksum: options.checksum,
      at: now,
      by: options.by,
      ...counts,
    });
    return counts;
  }
}

/**
 * Runs every batch of the steps, in order, with the next batch sent while Neo4j writes the one
 * before. Converting and packing 2,000 rows takes the service tens of milliseconds of CPU, and
 * awaiting each batch before building the next left Neo4j idle for that long every time: at the
 * benchmark's scale the service was busy for 40 s of the 132 s write stage, which now takes
 * 87–114 s (docs/benchmark.md, session 9). Neo4j runs a transaction's statements one
 * after the other, in the order they were sent, so nothing can overtake what it depends on; if a
 * batch fails, the transaction fails with it, and the batch sent after it is dropped.
 * `done(step, last, ms)` is told as each batch ends: whether it was its step's last, and then the
 * time since the step before ended.
 */
async function runPipelined(tx: WriteTransaction, steps: Step[], params: Record<string, unknown>, done: (step: Step, last: boolean, ms: number) => void): Promise<void> {
  let previous: Promise<void> | null = null;
  let stepEnded = performance.now();
  for (const step of steps) {
    for (const [i, rows] of step.batches.entries()) {
      const last = i === step.batches.length - 1;
      const sent: Promise<void> = tx.run(step.query, { rows, ...params, ...step.params }).then(() => {
        const now = performance.now();
        done(step, last, now - stepEnded);
        if (last) stepEnded = now;
      });
      // Its failure is thrown where it is awaited, below; until then it must not count as unhandled.
      sent.catch(() => undefined);
      if (previous) await previous;
      previous = sent;
    }
  }
  await previous;
}

async function readEntityStates(tx: WriteTransaction, plan: ImportPlan): Promise<Map<string, EntityState>> {
  const ids = (label: string) => plan.entities.filter((e) => e.label === label).map((e) => e.id);
  const rows = await tx.run<EntityState>('ingest/read-entities', {
    people: ids('Person'),
    organizations: ids('Organization'),
    places: ids('Place'),
    positions: ids('Position'),
    topics: ids('Topic'),
    rankContexts: ids('RankContext'),
    documents: [plan.documentId],
  });
  return new Map(rows.map((r) => [`${r.label}|${r.id}`, r]));
}

/**
 * Per fact: the hash this document last wrote it with (null when only other documents declared it).
 * Kept per document so that re-importing one file is a no-op even after another file refined the fact.
 */
async function readFactHashes(tx: WriteTransaction, documentId: string, ids: string[]): Promise<Map<string, string | null>> {
  const hashes = new Map<string, string | null>();
  for (const batch of chunk(ids, 10 * BATCH_SIZE)) {
    for (const row of await tx.run<{ id: string; hash: string | null }>('ingest/read-fact-hashes', { ids: batch, documentId })) hashes.set(row.id, row.hash);
  }
  return hashes;
}

/** The write queries, in an order where everything a row points at already exists. */
function writeSteps(plan: ImportPlan, entities: MergedEntity[], facts: FactRow[], documentChanged: boolean, existing: Set<string>): Step[] {
  const steps: Step[] = [];
  const add = (name: string, query: string, rows: unknown[], params?: Record<string, unknown>) => {
    if (rows.length > 0) steps.push({ name, query, batches: chunk(rows), params });
  };

  add('entities', 'ingest/upsert-entities', entities.map((e) => ({ label: e.label, id: e.id, props: e.props, isCountry: e.isCountry })));
  if (documentChanged) {
    steps.push({ name: 'document', query: 'ingest/upsert-document', batches: [[]], params: { id: plan.document.id, props: plan.document.props, hash: plan.document.hash, publisher: plan.document.publisher.id } });
  }
  add('entity links', 'ingest/link-entities', entities.filter((e) => e.linkTypes.length > 0).map((e) => ({ label: e.label, id: e.id, types: e.linkTypes, links: e.links })));
  add('names', 'ingest/rebuild-names', entities.map((e) => ({ label: e.label, id: e.id, keys: e.nameKeys })));
  const dropped = [...new Set(entities.flatMap((e) => e.droppedNameKeys))];
  if (dropped.length > 0) steps.push({ name: 'names', query: 'ingest/delete-orphan-names', batches: [[]], params: { keys: dropped } });

  const evidence = new Map<string, EvidenceRow>();
  for (const f of facts) for (const e of f.edges) if (e.type === 'SUPPORTED_BY') evidence.set(e.to, plan.evidence.get(e.to)!);
  add('evidence', 'ingest/upsert-evidence', [...evidence.values()].map(evidenceRow));
  add('facts', 'ingest/upsert-fact-nodes', facts.map((f) => ({ id: f.id, label: f.label, props: f.props, hash: f.hash })));
  add('fact edges', 'ingest/clear-fact-edges', facts.filter((f) => existing.has(f.id)).map((f) => f.id));
  for (const [query, rows] of edgeGroups(facts)) add('fact edges', query, rows);

  const changedAlternatives = new Set(facts.filter((f) => f.label === 'Alternative').map((f) => f.id));
  add('preferred values', 'ingest/apply-preferred', plan.preferred.filter((p) => changedAlternatives.has(p.alternativeId)));
  if (facts.length > 0 || documentChanged) steps.push({ name: 'evidence', query: 'ingest/delete-orphan-evidence', batches: [[]] });

  const claimIds = facts.filter((f) => f.label === 'RankClaim').map((f) => f.id);
  const tenureIds = facts.filter((f) => f.label === 'Tenure').map((f) => f.id);
  // Rank edges depend on claims and on the tenures they rest on; rebuild for both, batch by batch.
  for (const ids of chunk(claimIds)) steps.push({ name: 'rank edges', query: 'ingest/rebuild-rank-edges', batches: [[]], params: { claimIds: ids, tenureIds: [] } });
  for (const ids of chunk(tenureIds)) steps.push({ name: 'rank edges', query: 'ingest/rebuild-rank-edges', batches: [[]], params: { claimIds: [], tenureIds: ids } });
  return steps;
}

/** Attribution split by label: the query finds each target with one index seek. */
function evidenceRow(e: EvidenceRow) {
  return {
    id: e.id,
    props: e.props,
    attributedToPerson: e.attributedTo?.label === 'Person' ? e.attributedTo.id : null,
    attributedToOrganization: e.attributedTo?.label === 'Organization' ? e.attributedTo.id : null,
  };
}

/** The query that writes an edge to a node of a label (facts share `:Fact`). */
const LINK_QUERY: Record<string, string> = {
  Evidence: 'ingest/link-fact-to-evidence',
  Person: 'ingest/link-fact-to-person',
  Organization: 'ingest/link-fact-to-organization',
  Place: 'ingest/link-fact-to-place',
  Position: 'ingest/link-fact-to-position',
  Topic: 'ingest/link-fact-to-topic',
  RankContext: 'ingest/link-fact-to-rank-context',
};

/**
 * Fact edges as one row per edge, grouped by the query that writes them: each end is found by one
 * index seek of a known label. (One row per fact with its edges nested made the planner add an
 * Eager per subquery and ran 2–4 times slower.)
 */
function edgeGroups(facts: FactRow[]): Map<string, Array<{ from: string; to: string; type: string; props: Record<string, unknown> }>> {
  const groups = new Map<string, Array<{ from: string; to: string; type: string; props: Record<string, unknown> }>>();
  for (const f of facts) {
    for (const e of f.edges) {
      const query = e.inward ? 'ingest/link-person-to-fact' : (LINK_QUERY[e.label] ?? 'ingest/link-fact-to-fact');
      if (!groups.has(query)) groups.set(query, []);
      groups.get(query)!.push({ from: f.id, to: e.to, type: e.type, props: e.props });
    }
  }
  return groups;
}
