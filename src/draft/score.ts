import { nameKey } from '../common/names';
import { offlineGazetteer } from './gazetteer';
import { titleCore } from './mentions';

/**
 * Scores a draft against a reference fact file, per fact kind: precision (share of drafted records
 * the reference has), recall (share of reference records the draft found) and F1. Records are
 * matched one to one, each by what identifies it, never by id (the drafter cannot know the ids a
 * curator chose):
 *
 * - people: a shared name or alias;
 * - tenures: the same person and an office with the same title words (country words aside);
 * - meetings: the same date and the same set of participants;
 * - statements: a shared speaker and overlapping evidence;
 * - invitations: inviter and invitee; rank claims: superior and inferior;
 * - relation issues: the same two countries and overlapping evidence (a reference quote shared by
 *   several issues, such as the sentence that introduces a list, does not count: the item does).
 */
export const SCORED_KINDS = ['people', 'tenures', 'meetings', 'statements', 'invitations', 'rankClaims', 'relationIssues'] as const;
export type ScoredKind = (typeof SCORED_KINDS)[number];

export interface KindScore {
  kind: ScoredKind;
  reference: number;
  drafted: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
}

type Obj = Record<string, unknown>;
type Span = [number, number];

interface Catalog {
  keysOf(ref: string): Set<string>;
}

function catalog(file: Obj, context: Obj[]): Catalog {
  const byRef = new Map<string, Set<string>>();
  for (const section of ['people', 'organizations', 'places', 'positions', 'topics', 'rankContexts']) {
    for (const e of [file, ...context].flatMap((f) => (f[section] as Obj[] | undefined) ?? [])) {
      if (byRef.has(String(e.id))) continue;
      const names = [e.name, e.title, ...((e.aliases as string[] | undefined) ?? [])].filter((x): x is string => typeof x === 'string');
      const keys = new Set(names.map(nameKey));
      byRef.set(String(e.id), keys);
      for (const k of keys) if (!byRef.has(k)) byRef.set(k, keys);
    }
  }
  return { keysOf: (ref) => byRef.get(ref) ?? byRef.get(nameKey(ref)) ?? new Set([nameKey(ref)]) };
}

const intersects = (a: Set<string>, b: Set<string>) => [...a].some((k) => b.has(k));

function spansOf(file: Obj, evidence: unknown): Span[] {
  const text = String((file.document as Obj | undefined)?.text ?? '');
  return ((evidence as Obj[] | undefined) ?? []).flatMap((e) => {
    const quote = String(e.quote ?? '');
    let at = text.indexOf(quote);
    for (let n = 1; n < Number(e.occurrence ?? 1) && at >= 0; n++) at = text.indexOf(quote, at + 1);
    return at >= 0 && quote.length > 0 ? [[at, at + quote.length] as Span] : [];
  });
}

const overlaps = (a: Span[], b: Span[]) => a.some(([s1, e1]) => b.some(([s2, e2]) => s1 < e2 && s2 < e1));

function greedy<T, U>(drafted: T[], reference: U[], same: (d: T, r: U) => boolean): number {
  const used = new Set<number>();
  let matched = 0;
  for (const d of drafted) {
    const i = reference.findIndex((r, k) => !used.has(k) && same(d, r));
    if (i >= 0) {
      used.add(i);
      matched++;
    }
  }
  return matched;
}

function score(kind: ScoredKind, drafted: number, reference: number, matched: number): KindScore {
  const precision = drafted === 0 ? (reference === 0 ? 1 : 0) : matched / drafted;
  const recall = reference === 0 ? 1 : matched / reference;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { kind, reference, drafted, matched, precision, recall, f1 };
}

/** Every person a file names: declared, or referred to by a fact (graph ids, ambiguous surface names). */
function personRefs(file: Obj, context: Obj[]): string[] {
  const refs = new Set<string>(((file.people as Obj[] | undefined) ?? []).map((p) => String(p.id)));
  const orgIds = new Set([file, ...context].flatMap((f) => ((f.organizations as Obj[] | undefined) ?? []).map((o) => String(o.id))));
  const add = (r: unknown) => {
    if (typeof r === 'string' && !orgIds.has(r)) refs.add(r);
  };
  for (const t of (file.tenures as Obj[] | undefined) ?? []) add(t.person);
  for (const m of (file.meetings as Obj[] | undefined) ?? []) for (const p of (m.participants as Obj[]) ?? []) add(p.person);
  for (const i of (file.invitations as Obj[] | undefined) ?? []) [i.inviter, i.invitee].forEach(add);
  for (const r of (file.rankClaims as Obj[] | undefined) ?? []) [r.superior, r.inferior].forEach(add);
  return [...refs];
}

/**
 * `context`: files whose entities both sides may refer to by id (the seeds, for a reference
 * written on top of them, or for a draft made against a graph loaded with them).
 */
export function scoreDraft(draft: Obj, reference: Obj, context: Obj[] = []): KindScore[] {
  const dc = catalog(draft, context);
  const rc = catalog(reference, context);
  const same = (d: unknown, r: unknown) => typeof d === 'string' && typeof r === 'string' && intersects(dc.keysOf(d), rc.keysOf(r));
  const gaz = offlineGazetteer();
  const cores = (keys: Set<string>) => new Set([...keys].map((k) => titleCore(k, gaz)));
  const list = (file: Obj, key: string) => (file[key] as Obj[] | undefined) ?? [];
  const out: KindScore[] = [];

  const dp = personRefs(draft, context);
  const rp = personRefs(reference, context);
  // One entry per person: refs that share keys within a file are the same person.
  const distinct = (refs: string[], c: Catalog) => refs.filter((r, i) => !refs.slice(0, i).some((q) => intersects(c.keysOf(q), c.keysOf(r))));
  const dPeople = distinct(dp, dc);
  const rPeople = distinct(rp, rc);
  out.push(score('people', dPeople.length, rPeople.length, greedy(dPeople, rPeople, same)));

  const dt = list(draft, 'tenures');
  const rt = list(reference, 'tenures');
  out.push(score('tenures', dt.length, rt.length, greedy(dt, rt, (d, r) => same(d.person, r.person) && intersects(cores(dc.keysOf(String(d.position))), cores(rc.keysOf(String(r.position)))))));

  const dm = list(draft, 'meetings');
  const rm = list(reference, 'meetings');
  const participants = (m: Obj) => ((m.participants as Obj[]) ?? []).map((p) => p.person);
  out.push(
    score('meetings', dm.length, rm.length, greedy(dm, rm, (d, r) => {
      if (d.date !== r.date) return false;
      const a = participants(d);
      const b = participants(r);
      return a.length === b.length && greedy(a, b, same) === a.length;
    })),
  );

  const ds = list(draft, 'statements');
  const rs = list(reference, 'statements');
  out.push(score('statements', ds.length, rs.length, greedy(ds, rs, (d, r) => ((d.speakers as string[]) ?? []).some((x) => ((r.speakers as string[]) ?? []).some((y) => same(x, y))) && overlaps(spansOf(draft, d.evidence), spansOf(reference, r.evidence)))));

  const di = list(draft, 'invitations');
  const ri = list(reference, 'invitations');
  out.push(score('invitations', di.length, ri.length, greedy(di, ri, (d, r) => same(d.inviter, r.inviter) && same(d.invitee, r.invitee))));

  const dr = list(draft, 'rankClaims');
  const rr = list(reference, 'rankClaims');
  out.push(score('rankClaims', dr.length, rr.length, greedy(dr, rr, (d, r) => same(d.superior, r.superior) && same(d.inferior, r.inferior))));

  const dx = list(draft, 'relationIssues');
  const rx = list(reference, 'relationIssues');
  const refSpans = rx.map((r) => spansOf(reference, r.evidence));
  const key = (s: Span) => `${s[0]}-${s[1]}`;
  const shared = new Set<string>();
  const seen = new Set<string>();
  for (const spans of refSpans) for (const s of new Set(spans.map(key))) (seen.has(s) ? shared : seen).add(s);
  out.push(
    score('relationIssues', dx.length, rx.length, greedy(dx, rx.map((r, i) => ({ r, spans: refSpans[i].filter((s) => !shared.has(key(s))).length > 0 ? refSpans[i].filter((s) => !shared.has(key(s))) : refSpans[i] })), (d, { r, spans }) => {
      const a = (d.between as string[]) ?? [];
      const b = (r.between as string[]) ?? [];
      return a.length === 2 && b.length === 2 && greedy(a, b, same) === 2 && overlaps(spansOf(draft, d.evidence), spans);
    })),
  );
  return out;
}

/** A plain-text table, one row per kind, plus the micro-averaged total. */
export function formatScores(title: string, scores: KindScore[]): string {
  const pct = (x: number) => `${Math.round(x * 100)}%`.padStart(5);
  const rows = scores.map((s) => `| ${s.kind.padEnd(14)} | ${String(s.reference).padStart(3)} | ${String(s.drafted).padStart(7)} | ${String(s.matched).padStart(7)} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} |`);
  const t = scores.reduce((a, s) => ({ r: a.r + s.reference, d: a.d + s.drafted, m: a.m + s.matched }), { r: 0, d: 0, m: 0 });
  const total = score('people', t.d, t.r, t.m);
  return [
    `### ${title}`,
    '',
    '| kind           | ref | drafted | matched | prec. | recall |   F1 |',
    '| -------------- | --: | ------: | ------: | ----: | -----: | ---: |',
    ...rows,
    `| **all**        | ${String(t.r).padStart(3)} | ${String(t.d).padStart(7)} | ${String(t.m).padStart(7)} | ${pct(total.precision)} | ${pct(total.recall)} | ${pct(total.f1)} |`,
  ].join('\n');
}
