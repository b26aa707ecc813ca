import crypto from 'node:crypto';
import neo4j from 'neo4j-driver';
import { badInput, notFound } from '../errors';
import type { Database, WriteTransaction } from '../neo4j/database';
import { parseTenureDate, tenureIso, toNeo4jDate } from '../ingest/dates';
import { FACT_FIELDS, fieldOf, fieldValueProblem, type FieldSpec } from '../ingest/fact-fields';
import type { FactLabel } from '../ingest/model';
import { invalidateGraphCaches } from '../neo4j/freshness';

/**
 * Runs one curation's write transaction, then drops what this process keeps of the graph (the
 * rank graph, name look-ups, entities by id) whether it committed or not (a commit whose answer was lost may still
 * have written). Every curation does, not only those of claims, tenures or names: a precedence, a
 * position or a merged person change rank too, and curations are rare enough that a needless
 * re-read costs nothing.
 */
function curate<T>(db: Database, work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
  return db.inWriteTransaction(work).finally(invalidateGraphCaches);
}

/** Who does it and why: every curation records both. */
export interface Curator {
  by: string;
  reason: string;
}

interface FactRow {
  id: string;
  kind: FactLabel;
  retracted: boolean;
  props: Record<string, unknown>;
}

/** Interval fields that must stay ordered after a correction: [start, end, end exclusive?]. */
const INTERVALS: Partial<Record<FactLabel, [string, string, boolean]>> = {
  Tenure: ['start', 'end', true],
  Meeting: ['date', 'endDate', false],
  Trip: ['startDate', 'endDate', false],
  Precedence: ['validFrom', 'validTo', true],
};

const now = () => neo4j.types.DateTime.fromStandardDate(new Date());

function requireReason(reason: string): void {
  if (reason.trim() === '') throw badInput('A reason is required: the history says why.', { argument: 'reason' });
}

async function loadFact(tx: WriteTransaction, id: string): Promise<FactRow> {
  const [fact] = await tx.run<FactRow>('curation/fact-by-id', { id });
  if (!fact) throw notFound(`No fact has the id "${id}"`, { id });
  return fact;
}

/** The text a curator sends → the field's value; "null" clears a field that may be empty. */
function parseValue(field: FieldSpec, text: string): unknown {
  if (text === 'null') return null;
  if (field.spec.type === 'int') return /^-?\d+$/.test(text.trim()) ? Number(text.trim()) : text;
  return text;
}

const asText = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

async function rankEdges(tx: WriteTransaction, id: string): Promise<number> {
  const [row] = await tx.run<{ edges: number }>('curation/rank-edges-of', { id });
  return row?.edges ?? 0;
}

/**
 * Changes one scalar field of a fact, in one transaction with the Revision that keeps the old
 * value. A tenure's new dates move the rank edges that rest on it.
 */
export async function correctFact(db: Database, input: { id: string; field: string; value: string } & Curator) {
  requireReason(input.reason);
  return curate(db, async (tx) => {
    const fact = await loadFact(tx, input.id);
    const field = fieldOf(fact.kind, input.field);
    if (!field) {
      const names = FACT_FIELDS[fact.kind].map((f) => f.name);
      throw badInput(`A ${fact.kind} has no field "${input.field}"${names.length ? `; its fields are ${names.join(', ')}` : ''}.`, { argument: 'field', fields: names });
    }
    const value = parseValue(field, input.value);
    const problem = fieldValueProblem(field, value);
    if (problem) throw badInput(problem, { argument: 'value' });

    const changes: Record<string, unknown> = { [field.name]: value };
    const isDate = field.spec.type === 'date' || field.spec.type === 'tenureDate';
    if (fact.kind === 'Tenure' && (field.name === 'start' || field.name === 'end')) {
      // A tenure bound's form is its precision; an attested day stays attested.
      const precision = value === null ? null : parseTenureDate(value as string).precision;
      if (field.name === 'start') changes.startPrecision = fact.props.startPrecision === 'ATTESTED' && precision === 'DAY' ? 'ATTESTED' : precision;
      else changes.endPrecision = precision;
    }
    const interval = INTERVALS[fact.kind];
    if (interval && (field.name === interval[0] || field.name === interval[1])) {
      const bound = (name: string) => {
        const v = name === field.name ? value : fact.props[name];
        return typeof v === 'string' ? tenureIso(v) : null;
      };
      const [start, end] = [bound(interval[0]), bound(interval[1])];
      if (start !== null && end !== null && (interval[2] ? end <= start : end < start)) {
        throw badInput(`${interval[1]} ${end} must be ${interval[2] ? 'after' : 'on or after'} ${interval[0]} ${start}`, { argument: 'value' });
      }
    }
    const stored = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, isDate && k === field.name && typeof v === 'string' ? toNeo4jDate(tenureIso(v)) : v]));
    const revisionId = `revision-${crypto.randomUUID()}`;
    await tx.run('curation/correct-fact', {
      id: fact.id,
      changes: stored,
      revisionId,
      at: now(),
      by: input.by,
      field: field.name,
      oldValue: asText(fact.props[field.name]),
      newValue: isDate && typeof value === 'string' ? tenureIso(value) : asText(value),
      reason: input.reason,
    });
    if (fact.kind === 'Tenure' || fact.kind === 'RankClaim') {
      await tx.run('ingest/rebuild-rank-edges', fact.kind === 'Tenure' ? { claimIds: [], tenureIds: [fact.id] } : { claimIds: [fact.id], tenureIds: [] });
    }
    return {
      id: fact.id,
      kind: fact.kind,
      field: field.name,
      oldValue: asText(fact.props[field.name]),
      newValue: isDate && typeof value === 'string' ? tenureIso(value) : asText(value),
      revisionId,
      rankEdges: await rankEdges(tx, fact.id),
    };
  });
}

/** Retracts a fact: labelled `:Retracted` with when, who and why; the rank edges resting on it go. */
export async function retractFact(db: Database, input: { id: string } & Curator) {
  requireReason(input.reason);
  return curate(db, async (tx) => {
    const fact = await loadFact(tx, input.id);
    if (fact.retracted) throw badInput(`${fact.id} is already retracted (${String(fact.props.retractionReason)}).`, { argument: 'id' });
    const before = await rankEdges(tx, fact.id);
    const at = now();
    await tx.run('curation/retract-fact', { id: fact.id, at, by: input.by, reason: input.reason });
    if (fact.kind === 'Tenure' || fact.kind === 'RankClaim') {
      await tx.run('ingest/rebuild-rank-edges', fact.kind === 'Tenure' ? { claimIds: [], tenureIds: [fact.id] } : { claimIds: [fact.id], tenureIds: [] });
    }
    return { id: fact.id, kind: fact.kind, retractedAt: at.toString(), rankEdgesRemoved: before - (await rankEdges(tx, fact.id)) };
  });
}

interface PersonRow {
  id: string;
  name: string;
  nativeName: string | null;
  aliases: string[] | null;
  mergedIds: string[] | null;
}

/**
 * Two person records that are one person: every relationship moves to `keep`, which takes the
 * other's names; the other stays as a `:MergedPerson` pointing at `keep`, so history can be read.
 */
export async function mergePeople(db: Database, input: { keep: string; merge: string } & Curator) {
  requireReason(input.reason);
  if (input.keep === input.merge) throw badInput('A person cannot be merged into themselves.', { argument: 'merge' });
  return curate(db, async (tx) => {
    const [{ keep, merge }] = await tx.run<{ keep: PersonRow | null; merge: PersonRow | null }>('curation/people-to-merge', { keep: input.keep, merge: input.merge });
    if (!keep) throw notFound(`No person has the id "${input.keep}"`, { argument: 'keep', id: input.keep });
    if (!merge) throw notFound(`No person has the id "${input.merge}"`, { argument: 'merge', id: input.merge });
    const aliases = [...(keep.aliases ?? [])];
    for (const alias of [merge.name, ...(merge.aliases ?? [])]) if (alias !== keep.name && !aliases.includes(alias)) aliases.push(alias);
    const mergedIds = [...new Set([...(keep.mergedIds ?? []), merge.id, ...(merge.mergedIds ?? [])])];
    const [{ moved }] = await tx.run<{ moved: number }>('curation/merge-people', {
      keep: keep.id,
      merge: merge.id,
      aliases,
      mergedIds,
      searchText: [keep.name, ...aliases].join(' ').toLowerCase(),
      at: now(),
      by: input.by,
      reason: input.reason,
    });
    return { keep: keep.id, merged: merge.id, relationshipsMoved: moved, aliases };
  });
}
