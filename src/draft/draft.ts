import YAML from 'yaml';
import { nameKey } from '../common/names';
import { badInput, type Candidate } from '../errors';
import { validateAgainstSchema } from '../ingest/validate';
import { formatPath } from '../ingest/problems';
import { type Ev, extractFacts } from './facts';
import { type GazEntry, Gazetteer, offlineGazetteer } from './gazetteer';
import { buildMentions, type PersonRecord, type ReviewItem, slug, titleCore } from './mentions';
import { analyse } from './nlp';

/**
 * Article → draft fact file. Reads the graph's names through a gazetteer (or none, offline) and
 * never writes anything: the draft is for a person to review and import through the normal import.
 */
export const MAX_ARTICLE_CHARS = 100_000;

export interface Article {
  date: string;
  title: string;
  /** The body after the metadata line: document.text; every offset points into it. */
  text: string;
}

/** ` date 2023-06-19 <title>` on the first line carries the date and title; without it, both come from options. */
export function parseArticle(raw: string, fallback: { date?: string; title?: string } = {}): Article {
  const normalised = raw.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const firstLine = normalised.split('\n', 1)[0];
  const meta = /^\s*date\s+(\d{4}-\d{2}-\d{2})\s+(.*\S)\s*$/.exec(firstLine);
  const text = (meta ? normalised.slice(firstLine.length + 1) : normalised).replace(/\s+$/, '');
  const date = meta?.[1] ?? fallback.date;
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(new Date(`${date}T00:00:00Z`).getTime())) {
    throw badInput('The article needs a date: a first line " date YYYY-MM-DD <title>" or the date option.');
  }
  return { date, title: meta?.[2] ?? fallback.title ?? text.split('\n', 1)[0].slice(0, 120), text };
}

export interface DraftOptions {
  gazetteer?: Gazetteer;
  /** Publisher name or id; looked up in the gazetteer, else proposed as a new MEDIA organisation. */
  publisher?: string;
  url?: string;
}

export interface DraftCount {
  kind: string;
  count: number;
}

export interface DraftOutcome {
  file: Record<string, unknown>;
  yaml: string;
  review: ReviewItem[];
  counts: DraftCount[];
  /** Schema problems of the draft itself (empty when it validates, which a test holds). */
  problems: string[];
}

type Obj = Record<string, unknown>;

const draftInfo = (confidence: number, notes: string[] = [], spans?: Ev[], candidates?: Candidate[]) => {
  const out: Obj = { confidence: Math.round(Math.max(0.05, Math.min(1, confidence)) * 100) / 100 };
  if (notes.length > 0) out.notes = notes;
  if (candidates && candidates.length > 0) out.candidates = candidates;
  if (spans) out.spans = spans.map((s) => ({ start: s.start, end: s.end }));
  return out;
};

/** Occurrence index (1-based) of the quote text that starts at `start`. */
function occurrence(text: string, quote: string, start: number): number {
  let n = 0;
  let at = text.indexOf(quote);
  while (at >= 0 && at < start) {
    n++;
    at = text.indexOf(quote, at + 1);
  }
  return n + 1;
}

/** The form the text calls a person by ("Xi", "Blinken"), for ids. */
function shortName(rec: PersonRecord): string {
  const alias = [...rec.aliases].find((a) => !a.includes(' '));
  return slug(alias ?? rec.name.split(/\s+/).pop()!);
}

export function draftArticle(article: Article, options: DraftOptions = {}): DraftOutcome {
  if (article.text.length > MAX_ARTICLE_CHARS) throw badInput(`The article has ${article.text.length} characters; the drafter takes at most ${MAX_ARTICLE_CHARS}.`);
  const gaz = options.gazetteer ?? offlineGazetteer();
  const text = article.text;
  const sentences = analyse(text);
  const idx = buildMentions(sentences, gaz, article.date);
  const facts = extractFacts(text, sentences, idx, gaz, article.date);
  const review: ReviewItem[] = [...idx.review];

  // ---- entity references: graph ids when known; declared proposals otherwise; surface names when ambiguous
  const declared = { people: new Map<string, Obj>(), organizations: new Map<string, Obj>(), places: new Map<string, Obj>(), positions: new Map<string, Obj>(), topics: new Map<string, Obj>(), rankContexts: new Map<string, Obj>() };
  const usedIds = new Set<string>();
  const uniqueId = (base: string) => {
    let id = base;
    for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
    usedIds.add(id);
    return id;
  };
  const personIds = new Map<string, string>();
  const offlineNote = gaz.source === 'offline' ? 'offline: not checked against the graph' : 'new: no record of this name in the graph';

  const entryRef = (e: GazEntry): string => {
    if (e.fromGraph) return e.id;
    const bucket = e.kind === 'Place' ? declared.places : declared.organizations;
    if (!bucket.has(e.id)) {
      usedIds.add(e.id);
      if (e.kind === 'Place') {
        const country = e.countryId ? countryRef(e.countryId) : null;
        bucket.set(e.id, { id: e.id, name: e.name, kind: e.subkind ?? 'CITY', country, aliases: [], draft: draftInfo(0.7, [`built-in word list; ${offlineNote}`]) });
      } else {
        const country = e.subkind !== 'COUNTRY' && e.countryId ? countryRef(e.countryId) : null;
        const aliases = gaz.entries.find((x) => x === e)?.keys.filter((k) => k !== nameKey(e.name)) ?? [];
        bucket.set(e.id, { id: e.id, name: e.name, kind: e.subkind ?? 'OTHER', aliases: aliasesAsWritten(e, aliases), ...(country ? { country } : {}), draft: draftInfo(0.7, [`built-in word list; ${offlineNote}`]) });
      }
    }
    return e.id;
  };
  const aliasesAsWritten = (e: GazEntry, keys: string[]) => {
    // The lexicon keeps the written forms; the gazetteer only keys. Recover the written form from the text when possible.
    return keys.map((k) => {
      const at = text.toLowerCase().indexOf(k);
      return at >= 0 && /\W|^/.test(text[at - 1] ?? ' ') ? text.slice(at, at + k.length) : k.toUpperCase() === k ? k : k.replace(/\b\w/g, (c) => c.toUpperCase());
    }).filter((v, i, all) => all.indexOf(v) === i && nameKey(v) !== nameKey(e.name));
  };
  function countryRef(id: string): string {
    const e = gaz.get('Organization', id);
    return e ? entryRef(e) : id;
  }
  const personRef = (key: string): string => {
    const rec = idx.people.get(key)!;
    if (rec.graphId) return rec.graphId;
    if (rec.ambiguous) return rec.name; // the importer reports it with the candidates
    let id = personIds.get(key);
    if (!id) {
      id = uniqueId(slug(rec.name));
      personIds.set(key, id);
      const aliases = [...rec.aliases].filter((a) => nameKey(a) !== nameKey(rec.name));
      declared.people.set(id, { id, name: rec.name, aliases, draft: draftInfo(rec.weak ? 0.4 : 0.75, [offlineNote, ...(rec.weak ? ['one-word name with no full name in the text'] : [])]) });
      if (gaz.source === 'graph') review.push({ kind: 'NEW_RECORD', mention: rec.name, message: `"${rec.name}" is not in the graph: the draft proposes a new person`, start: rec.firstStart });
    }
    return id;
  };
  const partyRef = (key: string): string => {
    if (key === 'publisher') return publisherRef;
    if (key.startsWith('person:')) return personRef(key.slice(7));
    const [, kind, id] = key.split(':');
    const e = gaz.get(kind as 'Organization', id);
    return e ? entryRef(e) : id;
  };
  const placeRef = (key: string | null): string | null => {
    if (!key) return null;
    if (key.startsWith('new:')) {
      const name = key.slice(4);
      const id = slug(name);
      if (!declared.places.has(id)) {
        usedIds.add(id);
        declared.places.set(id, { id, name, kind: 'VENUE', country: null, aliases: [], draft: draftInfo(0.5, ['a venue named in the text; country unknown']) });
      }
      return id;
    }
    const [kind, id] = key.split(':');
    const e = gaz.get(kind as 'Place', id);
    return e ? entryRef(e) : id;
  };

  // ---- publisher
  let publisherRef: string;
  {
    const wanted = options.publisher?.trim();
    const found = wanted ? gaz.lookup(wanted, ['Organization']) : [];
    if (found.length === 1) publisherRef = entryRef(found[0]);
    else if (wanted) {
      publisherRef = uniqueId(slug(wanted));
      declared.organizations.set(publisherRef, { id: publisherRef, name: wanted, kind: 'MEDIA', aliases: [], draft: draftInfo(0.6, ['publisher as given to the drafter']) });
    } else {
      publisherRef = uniqueId('unknown-publisher');
      declared.organizations.set(publisherRef, { id: publisherRef, name: 'Unknown publisher', kind: 'MEDIA', aliases: [], draft: draftInfo(0.1, ['no publisher given: set document.publisher']) });
      review.push({ kind: 'CHECK', mention: article.title, message: 'no publisher was given: set document.publisher (and the speakers of the PARAPHRASE statements) before importing' });
    }
  }

  const documentId = slug(`${article.date}-${article.title}`).slice(0, 100).replace(/-+$/, '');
  const evidence = (evs: Ev[]): Obj[] =>
    evs.map((e) => {
      const quote = text.slice(e.start, e.end);
      const out: Obj = { quote };
      const occ = occurrence(text, quote, e.start);
      if (occ > 1) out.occurrence = occ;
      if (e.attributedTo) out.attributedTo = partyRef(e.attributedTo);
      if (e.dateExpression) out.dateExpression = e.dateExpression;
      return out;
    });

  // ---- tenures: a title that names an office, written before a name, attests the office on that day
  const tenures: Obj[] = [];
  const tenureOf = new Map<string, string[]>(); // person key → tenure ids
  // Attested from the first meeting the person took part in (the text shows them in office then), else the article's date.
  const firstMeetingDate = (key: string) => facts.meetings.filter((m) => m.participants.some((p) => p.person === key) && m.date).map((m) => m.date!).sort()[0] ?? null;
  for (const rec of idx.people.values()) {
    if (rec.ambiguous) continue;
    const seen = new Map<string, Obj>();
    for (const t of rec.titles) {
      let positionRef: string | null = null;
      let note: string | null = null;
      const country = t.country ?? rec.country;
      if (t.position) positionRef = t.position.fromGraph ? t.position.id : null;
      if (!positionRef && gaz.source === 'graph') {
        // A graph position with the same office words, in the person's country; prefer one they hold.
        const cands = gaz.entries.filter((e) => e.kind === 'Position' && e.keys.some((k) => titleCore(k, gaz) === t.core) && (!country || !e.countryId || e.countryId === country));
        const held = rec.graphId ? cands.filter((c) => gaz.tenuresOf(rec.graphId!).some((x) => x.positionId === c.id)) : [];
        const pick = held.length === 1 ? held[0] : cands.length === 1 && t.office ? cands[0] : null;
        if (pick) positionRef = pick.id;
        if (pick && !t.office) note = `"${t.title}" is a description; the office is the one the graph says ${rec.name} held on that day`;
      }
      if (!positionRef && !t.office) continue; // a description, and nothing known: keep it only as the participant's title
      if (!positionRef) {
        const countryEntry = country ? gaz.get('Organization', country) : undefined;
        const demonym = countryEntry?.demonyms[0];
        const coreTitle = t.core.replace(/\b\w/g, (c) => c.toUpperCase()).replace(/\b(Of|The|For)\b/g, (w) => w.toLowerCase());
        const title = t.country ? t.title : countryEntry ? `${demonym ?? countryEntry.name} ${coreTitle}` : t.title;
        const id = slug(`${countryEntry ? countryEntry.id : ''} ${t.core}`);
        if (!declared.positions.has(id)) {
          usedIds.add(id);
          declared.positions.set(id, { id, title, aliases: [...new Set([t.title].filter((x) => nameKey(x) !== nameKey(title)))], organization: null, jurisdiction: country ? countryRef(country) : null, draft: draftInfo(country ? 0.6 : 0.4, [`office proposed from the title "${t.title}"`, ...(country ? [] : ['country unknown'])]) });
        }
        positionRef = id;
      }
      const start = [firstMeetingDate(rec.key), article.date].filter((d): d is string => !!d).sort()[0];
      const existing = seen.get(positionRef);
      if (existing) {
        const ev = existing.evidence as Obj[];
        const more = evidence([{ start: t.start, end: t.end }]);
        if (!ev.some((x) => x.quote === more[0].quote)) {
          ev.push(...more);
          ((existing.draft as Obj).spans as Obj[]).push({ start: t.start, end: t.end });
        }
        if ((existing.start as string) > start) existing.start = start;
        continue;
      }
      const id = uniqueId(`tenure-${slug(rec.name)}-${positionRef}`.slice(0, 120).replace(/-+$/, ''));
      const tenure: Obj = { id, person: personRef(rec.key), position: positionRef, start, startPrecision: 'ATTESTED', evidence: evidence([{ start: t.start, end: t.end }]), draft: draftInfo(t.office ? 0.7 : 0.5, [`attested on ${start}: the text says who held the office then, not since when`, ...(note ? [note] : [])], [{ start: t.start, end: t.end }]) };
      seen.set(positionRef, tenure);
      tenures.push(tenure);
      tenureOf.set(rec.key, [...(tenureOf.get(rec.key) ?? []), id]);
    }
  }

  // ---- meetings
  const meetings: Obj[] = [];
  for (const m of facts.meetings) {
    const names = m.participants.map((p) => shortName(idx.people.get(p.person)!));
    m.id = uniqueId(`meeting-${names.slice(0, 3).join('-')}-${m.date}`);
    const placeR = placeRef(m.place);
    const placeCountry = m.place?.startsWith('Place:') ? gaz.get('Place', m.place.slice(6))?.countryId ?? null : null;
    const participants = m.participants.map((p) => {
      const rec = idx.people.get(p.person)!;
      const role = m.format !== 'IN_PERSON' || !placeCountry || !rec.country ? 'ATTENDEE' : rec.country === placeCountry ? 'HOST' : 'GUEST';
      const out: Obj = { person: personRef(p.person), role };
      if (rec.country) out.delegation = countryRef(rec.country);
      // The title as written in one of the meeting's sentences.
      const written = p.title ?? rec.titles.find((t) => m.evidence.some((e) => t.start >= e.start && t.end <= e.end))?.title;
      if (written) out.title = written;
      return out;
    });
    const rec: Obj = { id: m.id, date: m.date };
    if (m.dateExpression) rec.dateExpression = m.dateExpression;
    if (m.durationMinutes !== null) rec.durationMinutes = m.durationMinutes;
    if (m.durationExpression) rec.durationExpression = m.durationExpression;
    if (placeR) rec.place = placeR;
    rec.format = m.format;
    rec.cameo = m.format === 'PHONE' ? '041' : '040';
    if (m.description) rec.description = m.description;
    rec.participants = participants;
    rec.evidence = evidence(m.evidence);
    rec.draft = draftInfo(m.confidence, m.notes, m.evidence, idx.people.get(m.participants.find((p) => idx.people.get(p.person)?.ambiguous)?.person ?? '')?.candidates);
    meetings.push(rec);
  }

  // ---- statements
  const statements: Obj[] = [];
  for (const s of facts.statements) {
    const speakers = [...new Set(s.speakers.map(partyRef))];
    const base = slug(speakers[0].split(/\s+/).pop()!);
    const words = slug(s.text.split(/\s+/).slice(0, 5).join(' '));
    const rec: Obj = { id: uniqueId(`statement-${base}-${words}`.slice(0, 110).replace(/-+$/, '')), speakers, text: s.text, mode: s.mode, date: s.date };
    if (s.meeting?.id) rec.meeting = s.meeting.id;
    if (s.reportedBy) rec.reportedBy = partyRef(s.reportedBy);
    rec.evidence = evidence(s.evidence);
    rec.draft = draftInfo(s.confidence, s.notes, s.evidence);
    statements.push(rec);
  }

  // ---- invitations
  const invitations: Obj[] = facts.invitations.map((inv) => {
    const rec: Obj = {
      id: uniqueId(`invitation-${shortName(idx.people.get(inv.inviter)!)}-${shortName(idx.people.get(inv.invitee)!)}-${inv.date}`),
      inviter: personRef(inv.inviter),
      invitee: personRef(inv.invitee),
    };
    if (inv.destination) rec.destination = partyRef(inv.destination);
    rec.date = inv.date;
    if (inv.dateExpression) rec.dateExpression = inv.dateExpression;
    rec.status = inv.status;
    if (inv.meeting?.id) rec.meeting = inv.meeting.id;
    rec.evidence = evidence(inv.evidence);
    rec.draft = draftInfo(inv.confidence, inv.notes, inv.evidence);
    return rec;
  });

  // ---- rank claims
  const rankClaims: Obj[] = facts.ranks.map((r) => {
    let contextRef: string;
    const found = r.context ? gaz.lookup(r.context, ['RankContext']) : [];
    if (found.length === 1) contextRef = found[0].id;
    else {
      const name = r.context || `${gaz.get('Organization', idx.people.get(r.superior)?.country ?? '')?.name ?? 'Unnamed'} hierarchy`;
      contextRef = slug(name);
      if (!declared.rankContexts.has(contextRef)) {
        usedIds.add(contextRef);
        declared.rankContexts.set(contextRef, { id: contextRef, name, aliases: [], ...(r.contextCountry ? { jurisdiction: countryRef(r.contextCountry) } : {}), draft: draftInfo(0.5, ['hierarchy named as the text writes it']) });
      }
    }
    const basis = [...(tenureOf.get(r.superior) ?? []), ...(tenureOf.get(r.inferior) ?? [])];
    const rec: Obj = { id: uniqueId(`rank-${slug(idx.people.get(r.superior)!.name)}-above-${slug(idx.people.get(r.inferior)!.name)}`), superior: personRef(r.superior), inferior: personRef(r.inferior), context: contextRef, date: article.date };
    if (basis.length > 0) rec.basis = basis;
    rec.evidence = evidence(r.evidence);
    rec.draft = draftInfo(r.confidence, basis.length === 0 ? ['no drafted tenure to rest on: the claim will have no end'] : [], r.evidence);
    return rec;
  });

  // ---- relation issues
  const relationIssues: Obj[] = facts.issues.map((is) => {
    const graphTopic = gaz.lookup(is.topic, ['Topic'])[0] ?? gaz.entries.filter((e) => e.kind === 'Topic' && e.keys.some((k) => k.length > 3 && nameKey(is.topic).includes(k))).sort((a, b) => Math.max(...b.keys.map((k) => k.length)) - Math.max(...a.keys.map((k) => k.length)))[0];
    let topicRef: string;
    if (graphTopic) topicRef = graphTopic.id;
    else {
      const name = is.topic.replace(/^./, (c) => c.toUpperCase());
      topicRef = slug(name);
      if (!declared.topics.has(topicRef)) {
        usedIds.add(topicRef);
        declared.topics.set(topicRef, { id: topicRef, name, aliases: [], draft: draftInfo(0.5, ['topic named as the text writes it']) });
      }
    }
    return {
      id: uniqueId(`issue-${is.between.join('-')}-${topicRef}-${article.date}`.slice(0, 120).replace(/-+$/, '')),
      topic: topicRef,
      between: is.between.map(countryRef),
      date: article.date,
      description: is.description,
      evidence: evidence(is.evidence),
      draft: draftInfo(is.confidence, [], is.evidence),
    };
  });

  const file: Obj = {
    format: 'diplograph/facts@1',
    document: { id: documentId, title: article.title, publisher: publisherRef, publishedAt: article.date, ...(options.url ? { url: options.url } : {}), language: 'en', text },
  };
  const put = (key: string, list: Obj[]) => {
    if (list.length > 0) file[key] = list;
  };
  // Only people referenced by a fact or written with a full name are declared.
  for (const rec of idx.people.values()) if (!rec.weak && !rec.ambiguous && !rec.graphId) personRef(rec.key);
  put('people', [...declared.people.values()]);
  put('organizations', [...declared.organizations.values()]);
  put('places', [...declared.places.values()]);
  put('positions', [...declared.positions.values()]);
  put('topics', [...declared.topics.values()]);
  put('rankContexts', [...declared.rankContexts.values()]);
  put('tenures', tenures);
  put('meetings', meetings);
  put('invitations', invitations);
  put('statements', statements);
  put('rankClaims', rankClaims);
  put('relationIssues', relationIssues);
  if (review.length > 0) file.review = review.map((r) => ({ ...r }));

  const problems = validateAgainstSchema(file).map((p) => `${formatPath(p.path)}: ${p.message}`);
  const counts: DraftCount[] = ['people', 'tenures', 'meetings', 'invitations', 'statements', 'rankClaims', 'relationIssues'].map((kind) => ({ kind, count: ((file[kind] as unknown[] | undefined) ?? []).length }));
  return { file, yaml: toYaml(file), review, counts, problems };
}

/** YAML in the seed's style: dates quoted (an unquoted 2023-06-19 is not a string to every reader), the text a literal block. */
export function toYaml(file: Record<string, unknown>): string {
  const doc = new YAML.Document(file);
  YAML.visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string') {
        if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(node.value) || /^\d+$/.test(node.value)) node.type = 'QUOTE_DOUBLE';
        else if (node.value.includes('\n')) node.type = 'BLOCK_LITERAL';
      }
    },
  });
  const header = '# Draft fact file written by `npm run draft`: review every record (see `draft:` and `review:`), then import.\n';
  return header + doc.toString({ lineWidth: 0 });
}

export type { PersonRecord };
