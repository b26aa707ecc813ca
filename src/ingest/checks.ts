import type { QueryRunner } from '../neo4j/database';
import { calendarProblem, holdsOn, parseTenureDate, tenureIso } from './dates';
import { fieldOf, fieldValueProblem } from './fact-fields';
import { declaredFacts, ENTITY_SECTIONS, type EntitySection, type EvidenceDecl, type FactFile, type ParticipantDecl } from './model';
import { formatPath, type Path, type PathProblem } from './problems';
import { locateQuotes } from './quotes';
import { KIND_WORDS, type Resolved } from './references';

export interface Checked {
  /** Offsets of each evidence item, by the item (a parsed file is a tree: see place-map.ts). */
  spans: Map<EvidenceDecl, { start: number; end: number }>;
  /** The tenure each participant with a `position` acted in, by the participant. */
  participantTenures: Map<ParticipantDecl, string>;
}

/**
 * Stage 4: what the schema cannot say. Every check reports and carries on, so that the author
 * sees all of a file's problems at once.
 */
export async function checkFile(file: FactFile, resolved: Resolved, db: QueryRunner): Promise<{ checked: Checked; problems: PathProblem[] }> {
  const problems: PathProblem[] = [];
  const report = (path: Path, message: string) => problems.push({ path, message });
  checkDuplicateIds(file, report);
  checkDates(file, report);
  const spans = checkEvidence(file, resolved, report);
  const participantTenures = await checkParticipants(file, resolved, db, report);
  checkRankClaims(file, resolved, report);
  checkRelationIssues(file, resolved, report);
  checkAlternatives(file, resolved, report);
  return { checked: { spans, participantTenures }, problems };
}

type Report = (path: Path, message: string) => void;

/** Entity ids are unique per kind; fact ids across all facts (they share the `:Fact` id constraint). */
function checkDuplicateIds(file: FactFile, report: Report): void {
  for (const section of Object.keys(ENTITY_SECTIONS) as EntitySection[]) {
    const seen = new Map<string, number>();
    (file[section] ?? []).forEach((e, i) => {
      const first = seen.get(e.id);
      if (first !== undefined) report([section, i, 'id'], `duplicate id "${e.id}": already declared at ${formatPath([section, first])}`);
      else seen.set(e.id, i);
    });
  }
  const seen = new Map<string, Path>();
  for (const fact of declaredFacts(file)) {
    const first = seen.get(fact.decl.id);
    if (first) report([fact.section, fact.index, 'id'], `duplicate id "${fact.decl.id}": already declared at ${formatPath(first)}`);
    else seen.set(fact.decl.id, [fact.section, fact.index]);
  }
}

function checkDates(file: FactFile, report: Report): void {
  const day = (path: Path, value: unknown): string | null => {
    if (typeof value !== 'string') return null;
    const problem = calendarProblem(value);
    if (problem) report(path, problem);
    return problem ? null : value;
  };
  /** Exclusive end: must be after start. Inclusive end: may equal it. */
  const order = (path: Path, start: string | null, end: string | null, exclusive: boolean, startName: string) => {
    if (start === null || end === null) return;
    if (exclusive ? end <= start : end < start) report(path, `${end} must be ${exclusive ? 'after' : 'on or after'} ${startName} ${start}`);
  };

  day(['document', 'publishedAt'], file.document.publishedAt);
  file.tenures?.forEach((t, i) => {
    const start = day(['tenures', i, 'start'], t.start);
    const end = day(['tenures', i, 'end'], t.end);
    if (start && t.startPrecision) {
      const formPrecision = parseTenureDate(start).precision;
      const attestedOk = t.startPrecision === 'ATTESTED' && formPrecision === 'DAY';
      if (!attestedOk && t.startPrecision !== formPrecision) {
        report(['tenures', i, 'startPrecision'], t.startPrecision === 'ATTESTED' ? `ATTESTED needs a full day as start, not "${start}"` : `${t.startPrecision} does not match the form of start "${start}" (${formPrecision})`);
      }
    }
    order(['tenures', i, 'end'], start && tenureIso(start), end && tenureIso(end), true, 'start');
    if (t.endCause && !t.end) report(['tenures', i, 'endCause'], 'an end cause needs an end');
  });
  file.meetings?.forEach((m, i) => order(['meetings', i, 'endDate'], day(['meetings', i, 'date'], m.date), day(['meetings', i, 'endDate'], m.endDate), false, 'date'));
  file.trips?.forEach((t, i) => order(['trips', i, 'endDate'], day(['trips', i, 'startDate'], t.startDate), day(['trips', i, 'endDate'], t.endDate), false, 'startDate'));
  file.invitations?.forEach((v, i) => day(['invitations', i, 'date'], v.date));
  file.statements?.forEach((s, i) => day(['statements', i, 'date'], s.date));
  file.rankClaims?.forEach((c, i) => day(['rankClaims', i, 'date'], c.date));
  file.precedence?.forEach((p, i) => order(['precedence', i, 'validTo'], day(['precedence', i, 'validFrom'], p.validFrom), day(['precedence', i, 'validTo'], p.validTo), true, 'validFrom'));
  file.relationIssues?.forEach((r, i) => day(['relationIssues', i, 'date'], r.date));
}

/**
 * Quotes must occur verbatim. One span is one Evidence node, shared by every fact that quotes it,
 * so two facts cannot say different things about the same span (who said it, which date wording).
 */
function checkEvidence(file: FactFile, resolved: Resolved, report: Report): Checked['spans'] {
  const items: Array<{ decl: EvidenceDecl; path: Path; quote: string; occurrence: number; attributedTo: string | null; dateExpression: string | null }> = [];
  for (const fact of declaredFacts(file)) {
    fact.decl.evidence.forEach((e, k) => {
      const attributed = resolved.entities.get(e, 'attributedTo');
      items.push({
        decl: e,
        path: [fact.section, fact.index, 'evidence', k],
        quote: e.quote,
        occurrence: e.occurrence ?? 1,
        attributedTo: attributed ? `${attributed.label}:${attributed.id}` : null,
        dateExpression: e.dateExpression ?? null,
      });
    });
  }
  const results = locateQuotes(file.document.text, items);
  const spans: Checked['spans'] = new Map();
  const bySpan = new Map<string, (typeof items)[number]>();
  items.forEach((item, i) => {
    const result = results[i];
    if ('missing' in result) {
      if (result.found === 0) report([...item.path, 'quote'], `quote not found verbatim in document.text: "${abbreviate(item.quote)}"`);
      else report([...item.path, 'occurrence'], `the quote occurs ${result.found} time${result.found === 1 ? '' : 's'} in document.text, not ${item.occurrence}`);
      return;
    }
    spans.set(item.decl, result);
    const key = `${result.start}-${result.end}`;
    const first = bySpan.get(key);
    if (!first) {
      bySpan.set(key, item);
      return;
    }
    for (const field of ['attributedTo', 'dateExpression'] as const) {
      if (first[field] !== null && item[field] !== null && first[field] !== item[field]) {
        report([...item.path, field], `the same quote is also evidence at ${formatPath(first.path)} with ${field} "${first[field]}"; one span has one ${field}`);
      } else if (first[field] === null && item[field] !== null) {
        first[field] = item[field];
      }
    }
  });
  return spans;
}

const abbreviate = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}...` : s);

interface TenureSpan {
  id: string;
  start: string;
  end: string | null;
}

/**
 * A participant's `position` names the tenure valid on the meeting date, from this file or the
 * graph. A stated position with no such tenure is a data error, not something to leave blank.
 */
async function checkParticipants(file: FactFile, resolved: Resolved, db: QueryRunner, report: Report): Promise<Checked['participantTenures']> {
  const tenures = new Map<string, TenureSpan[]>();
  const add = (person: string, position: string, t: TenureSpan) => {
    const key = `${person}|${position}`;
    tenures.set(key, [...(tenures.get(key) ?? []), t]);
  };
  const declared = new Set<string>();
  // Tenures of the file that have problems of their own: a participant they might have covered is
  // not reported again (one mistake, one problem).
  const broken: Array<{ person?: string; position?: string }> = [];
  file.tenures?.forEach((t) => {
    declared.add(t.id);
    const person = resolved.entities.get(t, 'person');
    const position = resolved.entities.get(t, 'position');
    if (!person || !position || calendarProblem(t.start) || (t.end && calendarProblem(t.end))) {
      broken.push({ person: person?.id, position: position?.id });
      return;
    }
    add(person.id, position.id, { id: t.id, start: tenureIso(t.start), end: t.end ? tenureIso(t.end) : null });
  });

  const wanted: Array<{ participant: ParticipantDecl; path: Path; person: string; position: string; date: string }> = [];
  file.meetings?.forEach((m, i) => {
    const people = new Map<string, number>();
    m.participants.forEach((p, j) => {
      const person = resolved.entities.get(p, 'person');
      if (!person) return;
      const path: Path = ['meetings', i, 'participants', j];
      const earlier = people.get(person.id);
      if (earlier !== undefined) report([...path, 'person'], `${person.id} already takes part at ${formatPath(['meetings', i, 'participants', earlier])}`);
      else people.set(person.id, j);
      const position = resolved.entities.get(p, 'position');
      if (position && !calendarProblem(m.date)) wanted.push({ participant: p, path, person: person.id, position: position.id, date: m.date });
    });
  });

  const pairs = [...new Map(wanted.map((w) => [`${w.person}|${w.position}`, { person: w.person, position: w.position }])).values()];
  if (pairs.length > 0) {
    const rows = await db.read<{ personId: string; positionId: string; id: string; start: string; end: string | null }>('ingest/tenures-held', { pairs });
    for (const row of rows) if (!declared.has(row.id)) add(row.personId, row.positionId, { id: row.id, start: row.start, end: row.end });
  }

  const chosen: Checked['participantTenures'] = new Map();
  for (const w of wanted) {
    const valid = (tenures.get(`${w.person}|${w.position}`) ?? []).filter((t) => holdsOn(t.start, t.end, w.date));
    const coveredByBroken = broken.some((b) => (b.person ?? w.person) === w.person && (b.position ?? w.position) === w.position);
    if (valid.length === 0 && coveredByBroken) continue;
    if (valid.length === 1) chosen.set(w.participant, valid[0].id);
    else if (valid.length === 0) report([...w.path, 'position'], `no tenure of ${w.person} as ${w.position} is valid on the meeting date ${w.date}; declare the tenure or drop the position`);
    else report([...w.path, 'position'], `${valid.length} tenures of ${w.person} as ${w.position} are valid on ${w.date}: ${valid.map((t) => t.id).join(', ')}`);
  }
  return chosen;
}

/** A claim rests on tenures of the two people it compares, and compares two different people. */
function checkRankClaims(file: FactFile, resolved: Resolved, report: Report): void {
  const fileTenureHolders = new Map<string, string | undefined>();
  file.tenures?.forEach((t) => fileTenureHolders.set(t.id, resolved.entities.get(t, 'person')?.id));
  file.rankClaims?.forEach((c, i) => {
    const superior = resolved.entities.get(c, 'superior')?.id;
    const inferior = resolved.entities.get(c, 'inferior')?.id;
    if (superior && superior === inferior) report(['rankClaims', i, 'inferior'], `${inferior} cannot rank above themselves`);
    c.basis?.forEach((tenureId, j) => {
      if (!resolved.facts.has(c.basis, j)) return; // already reported
      const holder = fileTenureHolders.has(tenureId) ? fileTenureHolders.get(tenureId) : resolved.graphFacts.get(tenureId)?.personId ?? undefined;
      if (holder && superior && inferior && holder !== superior && holder !== inferior) {
        report(['rankClaims', i, 'basis', j], `tenure ${tenureId} is held by ${holder}, neither the superior (${superior}) nor the inferior (${inferior})`);
      }
    });
  });
}

function checkRelationIssues(file: FactFile, resolved: Resolved, report: Report): void {
  file.relationIssues?.forEach((r, i) => {
    const a = resolved.entities.get(r.between, 0)?.id;
    const b = resolved.entities.get(r.between, 1)?.id;
    if (a && a === b) report(['relationIssues', i, 'between', 1], `both sides name ${a}; an issue is between two countries`);
  });
}

/** An alternative offers a value for a field that the fact's kind has, of that field's type. */
function checkAlternatives(file: FactFile, resolved: Resolved, report: Report): void {
  file.alternatives?.forEach((a, i) => {
    const target = resolved.facts.get(a, 'fact');
    if (!target) return;
    if (target.label === 'Alternative') {
      report(['alternatives', i, 'fact'], `"${a.fact}" is itself an alternative`);
      return;
    }
    const field = fieldOf(target.label, a.field);
    if (!field) {
      report(['alternatives', i, 'field'], `a ${KIND_WORDS[target.label]} has no field "${a.field}"`);
      return;
    }
    const problem = fieldValueProblem(field, a.value);
    if (problem) report(['alternatives', i, 'value'], problem);
  });
}
