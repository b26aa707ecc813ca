import { nameKey } from '../common/names';
import { parseDuration, resolveDate, type ResolvedDate } from './dates';
import type { Gazetteer } from './gazetteer';
import { CAPITAL_OF } from './lexicon';
import { type Mention, type MentionIndex, slug } from './mentions';
import type { Sentence, Token } from './nlp';

/**
 * The rules that turn sentences and mentions into candidate facts. Each rule is keyed on a word
 * class (a lemma from wink-nlp: meet, talk, speak, say, invite, rank, strain...) and reads its
 * arguments from the mentions of the same clause; none of them is about a particular article.
 */
export interface Span {
  start: number;
  end: number;
}

export interface Ev extends Span {
  dateExpression?: string;
  /** A party reference key: `person:<key>` or `entry:<kind>:<id>`. */
  attributedTo?: string;
}

export interface DraftMeeting {
  participants: Array<{ person: string; title: string | null; sentence: number }>;
  date: string | null;
  dateExpression: string | null;
  dateInherited: string | null;
  durationMinutes: number | null;
  durationExpression: string | null;
  place: string | null; // entry key Place:<id> or new:<name>
  format: 'IN_PERSON' | 'PHONE' | 'VIDEO';
  description: string | null;
  sentence: number;
  evidence: Ev[];
  confidence: number;
  notes: string[];
  id?: string;
}

export interface DraftStatement {
  speakers: string[]; // party keys
  text: string;
  mode: 'DIRECT' | 'INDIRECT' | 'PARAPHRASE';
  sentence: number;
  reportedBy: string | null;
  meeting: DraftMeeting | null;
  date: string;
  evidence: Ev[];
  confidence: number;
  notes: string[];
}

export interface DraftInvitation {
  inviter: string;
  invitee: string;
  destination: string | null;
  status: 'EXTENDED' | 'ACCEPTED' | 'DECLINED';
  date: string;
  dateExpression: string | null;
  meeting: DraftMeeting | null;
  evidence: Ev[];
  confidence: number;
  notes: string[];
}

export interface DraftRank {
  superior: string;
  inferior: string;
  context: string; // written phrase
  contextCountry: string | null;
  evidence: Ev[];
  confidence: number;
}

export interface DraftIssue {
  topic: string; // as written
  between: [string, string]; // country ids
  description: string;
  evidence: Ev[];
  confidence: number;
}

export interface Extracted {
  meetings: DraftMeeting[];
  statements: DraftStatement[];
  invitations: DraftInvitation[];
  ranks: DraftRank[];
  issues: DraftIssue[];
  places: Map<string, { name: string; country: string | null }>;
}

const SPEECH = new Set(['say', 'tell', 'add', 'describe', 'reiterate', 'stress', 'urge', 'warn', 'ask', 'insist', 'note', 'emphasize', 'emphasise', 'declare', 'announce', 'write', 'tweet', 'vow', 'pledge', 'promise', 'argue', 'accuse', 'repeat', 'reaffirm', 'caution', 'tweeted']);
const SAY_ALIASES: Record<string, string> = { said: 'say', says: 'say', told: 'tell', adding: 'add', added: 'add', asked: 'ask', urged: 'urge', warned: 'warn', described: 'describe', reiterated: 'reiterate', stressed: 'stress' };
const QUOTE_CHARS = new Set(['"', '“', '”']);

const lemmaOf = (t: Token) => SAY_ALIASES[t.lower] ?? t.lemma;
const isBoundary = (s: Sentence, i: number) => {
  const t = s.tokens[i];
  if ([',', ';', ':', '–', '—', '(', ')'].includes(t.value)) return true;
  if (t.value === '-' && i > 0 && t.start > s.tokens[i - 1].end) return true;
  return false;
};

/** Token index range [a, b] of the clause around token i. */
function clause(s: Sentence, i: number): [number, number] {
  let a = i;
  while (a > 0 && !isBoundary(s, a - 1) && !['who', 'which'].includes(s.tokens[a - 1].lower)) a--;
  let b = i;
  while (b + 1 < s.tokens.length && !isBoundary(s, b + 1) && !['who', 'which'].includes(s.tokens[b + 1].lower)) b++;
  return [a, b];
}

interface Quote {
  start: number; // absolute, the opening mark
  end: number; // absolute, after the closing mark
  innerStart: number;
  innerEnd: number;
}

function quotesOf(s: Sentence, text: string): Quote[] {
  const marks: number[] = [];
  for (let i = s.start; i < s.end; i++) if (QUOTE_CHARS.has(text[i])) marks.push(i);
  const out: Quote[] = [];
  for (let k = 0; k + 1 < marks.length; k += 2) out.push({ start: marks[k], end: marks[k + 1] + 1, innerStart: marks[k] + 1, innerEnd: marks[k + 1] });
  return out;
}

const trimEnd = (text: string) => text.replace(/[\s,.;:]+$/u, '');

export function extractFacts(text: string, sentences: Sentence[], idx: MentionIndex, gaz: Gazetteer, articleDate: string): Extracted {
  const places = new Map<string, { name: string; country: string | null }>();
  const personOf = (m: Mention) => (m.kind === 'person' || m.kind === 'title' || m.kind === 'pronoun' ? m.person : undefined);
  const partyKey = (m: Mention): string | null => {
    const p = personOf(m);
    if (p) return `person:${p}`;
    if ((m.kind === 'org' || m.kind === 'country') && m.entry) return `entry:Organization:${m.entry.id}`;
    return null;
  };
  const mentionsIn = (s: Sentence, a: number, b: number) => idx.bySentence[s.index].filter((m) => m.first >= a && m.last <= b);
  const protagonist = [...idx.people.values()].filter((p) => !p.ambiguous).sort((a, b) => b.mentions - a.mentions || a.firstStart - b.firstStart)[0]?.key ?? null;
  const sentenceDate = (s: Sentence, near?: number): { date: ResolvedDate; expression: string } | null => {
    const dates = s.entities
      .filter((e) => e.type === 'DATE')
      .map((e) => ({ e, r: resolveDate(e.value, articleDate) }))
      .filter((x) => x.r !== null);
    if (dates.length === 0) return null;
    dates.sort((x, y) => Math.abs(x.e.first - (near ?? 0)) - Math.abs(y.e.first - (near ?? 0)));
    const { e, r } = dates[0];
    const prev = s.tokens[e.first - 1];
    const start = prev && ['on', 'since', 'from'].includes(prev.lower) ? prev.start : e.start;
    return { date: r!, expression: text.slice(start, e.end) };
  };

  // Dateline: "Beijing, China - ..." at the start of the text names where the report comes from.
  let dateline: string | null = null;
  const first = sentences[0];
  if (first) {
    const dash = first.tokens.findIndex((t, i) => i < 6 && (t.value === '-' || t.value === '–' || t.value === '—'));
    if (dash > 0) {
      const place = idx.bySentence[0].find((m) => m.kind === 'place' && m.last < dash);
      if (place?.entry) dateline = `Place:${place.entry.id}`;
    }
  }

  // ---------------------------------------------------------------- meetings
  const meetings: DraftMeeting[] = [];
  for (const s of sentences) {
    const t = s.tokens;
    for (let i = 0; i < t.length; i++) {
      const tok = t[i];
      const next = t[i + 1]?.lower;
      const prev = t[i - 1]?.lower;
      let trigger = false;
      let nounForm = false;
      if (tok.lemma === 'meet' && tok.pos === 'VERB') trigger = true;
      else if (tok.lemma === 'talk' && (next === 'with' || next === 'to')) {
        trigger = true;
        nounForm = tok.pos === 'NOUN';
      } else if (tok.lemma === 'talk' && ['hold', 'held'].includes(t[i - 1]?.lemma ?? '')) trigger = true;
      else if (tok.lemma === 'speak' && (next === 'with' || next === 'to')) trigger = true;
      else if (tok.lower === 'call' && (prev === 'phone' || prev === 'telephone' || prev === 'video' || next === 'with')) trigger = true;
      else if ((tok.lower === 'meeting' || tok.lower === 'talks') && next === 'with' && tok.pos === 'NOUN') {
        trigger = true;
        nounForm = true;
      } else if (tok.lemma === 'host' && tok.pos === 'VERB') trigger = true;
      if (!trigger) continue;
      // "to hold talks", "will meet": a plan, not a meeting that took place.
      const before = t[i - 1]?.lemma === 'hold' ? t[i - 2] : t[i - 1];
      if (before && (before.lower === 'to' || before.lower === 'will')) continue;
      // "talk for hours" in a headline: the verb without a preposition still counts when two people are its subject.
      const [a, b] = clause(s, i);
      const left = mentionsIn(s, a, i - 1).filter((m) => personOf(m));
      let right = mentionsIn(s, i + 1, b).filter((m) => personOf(m));
      // Only the first object and those joined to it by "and".
      if (right.length > 1) {
        const keep = [right[0]];
        for (let k = 1; k < right.length; k++) {
          const between = t.slice(right[k - 1].last + 1, right[k].first).map((x) => x.lower);
          if (between.length === 1 && between[0] === 'and') keep.push(right[k]);
          else break;
        }
        right = keep;
      }
      const parts = [...left, ...right];
      const keys = [...new Set(parts.map((m) => personOf(m)!))];
      const notes: string[] = [];
      let confidence = 0.8;
      if (keys.length === 1 && nounForm && protagonist && protagonist !== keys[0]) {
        keys.unshift(protagonist);
        notes.push(`"${tok.value} ${next} ..." names one side only; the other is taken to be the article's main actor (${idx.people.get(protagonist)?.name})`);
        confidence = 0.5;
      }
      if (keys.length < 2) continue;
      if (keys.some((k) => idx.people.get(k)?.ambiguous)) notes.push('a participant name is ambiguous: see review');
      const d = sentenceDate(s, i);
      const lowerText = s.text.toLowerCase();
      const format = /\b(phone|telephone)\b/.test(lowerText) ? 'PHONE' : /\bvideo\b/.test(lowerText) ? 'VIDEO' : 'IN_PERSON';
      // Duration: a DURATION entity after "for".
      let durationMinutes: number | null = null;
      let durationExpression: string | null = null;
      for (const e of s.entities.filter((x) => x.type === 'DURATION' && x.first > i)) {
        const before = t[e.first - 1]?.lower;
        const before2 = t[e.first - 2]?.lower;
        if (before === 'for' || before2 === 'for' || before === 'about' || before === 'than') {
          let startTok = e.first;
          while (startTok > 0 && ['about', 'around', 'nearly', 'almost', 'roughly', 'some', 'than', 'less', 'more', 'over', 'under'].includes(t[startTok - 1].lower)) startTok--;
          const expr = text.slice(t[startTok].start, e.end);
          const parsed = parseDuration(expr);
          if (parsed) {
            durationMinutes = parsed.minutes;
            durationExpression = parsed.expression;
            break;
          }
        }
      }
      // Place: a place after in/at/near in the sentence; else the dateline.
      let place: string | null = null;
      for (const m of idx.bySentence[s.index]) {
        if (m.kind === 'place' && m.entry && ['in', 'at', 'near'].includes(t[m.first - 1]?.lower ?? '')) {
          place = `Place:${m.entry.id}`;
          break;
        }
      }
      if (!place) {
        const at = t.findIndex((x, k) => k > i && (x.lower === 'at' || x.lower === 'in') && t[k + 1]?.lower === 'the' && t[k + 2] && /^[A-Z]/.test(t[k + 2].value));
        if (at > 0) {
          let e = at + 2;
          while (e + 1 < t.length && (/^[A-Z]/.test(t[e + 1].value) || ['estate', 'palace', 'hall', 'house', 'hotel', 'centre', 'center', 'resort'].includes(t[e + 1].lower))) e++;
          const name = text.slice(t[at + 2].start, t[e].end);
          if (['estate', 'palace', 'hall', 'house', 'hotel', 'centre', 'center', 'resort'].includes(t[e].lower)) {
            place = `new:${name}`;
            places.set(name, { name, country: null });
          }
        }
      }
      if (!place && format === 'IN_PERSON' && dateline) {
        place = dateline;
        notes.push('place taken from the dateline');
      }
      let description: string | null = null;
      const side = lowerText.indexOf('on the sidelines of');
      if (side >= 0) {
        const rest = s.text.slice(side).split(/[,.;]/)[0];
        description = rest;
      }
      const titles = (m: Mention) => (m.title ? m.title : null);
      meetings.push({
        participants: keys.map((k) => {
          const m = parts.find((x) => personOf(x) === k);
          return { person: k, title: m ? titles(m) : null, sentence: s.index };
        }),
        date: d?.date.date ?? null,
        dateExpression: d && d.date.expression ? d.expression : null,
        dateInherited: null,
        durationMinutes,
        durationExpression,
        place,
        format,
        description,
        sentence: s.index,
        evidence: [{ start: s.start, end: s.end, ...(d && d.date.expression ? { dateExpression: d.expression } : {}) }],
        confidence: d ? confidence : confidence - 0.1,
        notes: d?.date.approximate ? [...notes, `"${d.expression}" gives no exact day; the date is an approximation`] : notes,
      });
      break; // one meeting per sentence
    }
  }

  // Undated meetings take the date of a dated meeting of the same people, else of the last sentence naming them with a date.
  const sameSet = (x: DraftMeeting, y: DraftMeeting) => {
    const a = new Set(x.participants.map((p) => p.person));
    const b = new Set(y.participants.map((p) => p.person));
    return a.size === b.size && [...a].every((k) => b.has(k));
  };
  for (const m of meetings.filter((x) => !x.date)) {
    const dated = [...new Set(meetings.filter((x) => x.date && sameSet(x, m)).map((x) => x.date))];
    if (dated.length === 1) {
      m.date = dated[0];
      m.dateInherited = 'a dated mention of the same meeting';
      continue;
    }
    const keys = new Set(m.participants.map((p) => p.person));
    for (let k = sentences.length - 1; k >= 0; k--) {
      const s = sentences[k];
      const named = new Set(idx.bySentence[k].map((x) => personOf(x)).filter(Boolean));
      if ([...keys].every((p) => named.has(p))) {
        const d = sentenceDate(s);
        if (d) {
          m.date = d.date.date;
          m.dateExpression = d.date.expression ? d.expression : null;
          m.dateInherited = `sentence ${k + 1}, which names the same people`;
          m.evidence.push({ start: s.start, end: s.end, ...(d.date.expression ? { dateExpression: d.expression } : {}) });
          break;
        }
      }
    }
    if (!m.date) {
      m.date = articleDate;
      m.dateInherited = "the article's date (the text gives none)";
      m.confidence -= 0.2;
    }
  }
  for (const m of meetings) if (m.dateInherited) m.notes.push(`date from ${m.dateInherited}`);

  // One record per meeting: same people, same day.
  const merged: DraftMeeting[] = [];
  for (const m of meetings) {
    const twin = merged.find((x) => x.date === m.date && sameSet(x, m));
    if (!twin) {
      merged.push(m);
      continue;
    }
    for (const e of m.evidence) if (!twin.evidence.some((x) => x.start === e.start && x.end === e.end)) twin.evidence.push(e);
    twin.durationMinutes ??= m.durationMinutes;
    twin.durationExpression ??= m.durationExpression;
    if (!twin.dateExpression && m.dateExpression) twin.dateExpression = m.dateExpression;
    if (!twin.place || twin.notes.includes('place taken from the dateline')) twin.place = m.place ?? twin.place;
    twin.description ??= m.description;
    for (const p of m.participants) {
      const q = twin.participants.find((x) => x.person === p.person);
      if (q && !q.title && p.title) q.title = p.title;
    }
    twin.confidence = Math.min(0.95, Math.max(twin.confidence, m.confidence) + 0.05);
    if (twin.format === 'IN_PERSON' && m.format !== 'IN_PERSON') twin.format = m.format;
  }
  merged.sort((a, b) => a.sentence - b.sentence);

  /** The meeting a sentence speaks in: the last one, up to this sentence, that the person took part in. */
  const meetingOf = (si: number, person: string | null): DraftMeeting | null => {
    const cands = merged.filter((m) => m.evidence.some((e) => e.start <= sentences[si].start) && (!person || m.participants.some((p) => p.person === person)));
    if (cands.length === 0) return null;
    return cands.reduce((best, m) => {
      const last = (x: DraftMeeting) => Math.max(...x.evidence.filter((e) => e.start <= sentences[si].start).map((e) => e.start));
      return last(m) >= last(best) ? m : best;
    });
  };

  // ---------------------------------------------------------------- statements
  const statements: DraftStatement[] = [];
  let lastSpeaker: string | null = null;
  for (const s of sentences) {
    const t = s.tokens;
    const qs = quotesOf(s, text);
    const inQuote = (pos: number) => qs.some((q) => pos > q.start && pos < q.end - 1);
    let reportedBy: string | null = null;
    // "According to X," / "X reported him as saying"
    for (let i = 0; i + 2 < t.length; i++) {
      if (t[i].lower === 'according' && t[i + 1].lower === 'to') {
        const m = idx.bySentence[s.index].find((x) => x.first >= i + 2 && x.first <= i + 4 && (x.kind === 'org' || x.kind === 'country'));
        if (m?.entry) reportedBy = `entry:Organization:${m.entry.id}`;
      }
    }
    const reportTail: number[] = [];
    for (let i = 0; i < t.length; i++) {
      if (t[i].lemma === 'report' && t.slice(i + 1, i + 4).some((x) => x.lower === 'saying')) {
        const m = idx.bySentence[s.index].filter((x) => x.last < i && (x.kind === 'org' || x.kind === 'country')).pop();
        if (m?.entry) reportedBy = `entry:Organization:${m.entry.id}`;
        reportTail.push(i);
      }
    }
    const verbs = t.map((x, i) => ({ x, i })).filter(({ x, i }) => SPEECH.has(lemmaOf(x)) && (x.pos === 'VERB' || x.pos === 'AUX') && !inQuote(x.start) && !reportTail.some((r) => i > r && i <= r + 3) && !reportTail.includes(i));
    const found: DraftStatement[] = [];
    // A speech verb inside the complement of another ("said Blinken had asked ...", "said he told ...")
    // is part of that statement, not a statement of its own; coordinated ones (", adding", "and said") are.
    const coordinated = (k: number) => verbs[k] === undefined || [',', 'and'].includes(t[verbs[k].i - 1]?.value ?? '') || [',', 'and'].includes(t[verbs[k].i - 1]?.lower ?? '') || idx.bySentence[s.index].some((m) => m.last === verbs[k].i - 1 && partyKey(m) && (t[m.first - 1]?.value === ',' || t[m.first - 2]?.value === ','));
    const embedded = new Set<number>();
    for (let k = 1; k < verbs.length; k++) if (!coordinated(k)) embedded.add(k);
    const live = verbs.filter((_, k) => !embedded.has(k));
    live.forEach(({ x: v, i }, vi) => {
      const [a] = clause(s, i);
      // Speaker: the nearest party before the verb in its clause; else right after it ("said Xi").
      let speakerMentions = mentionsIn(s, a, i - 1).filter((m) => partyKey(m) || m.kind === 'bothSides');
      if (speakerMentions.length === 0 && (v.lower === 'adding' || t[i - 1]?.value === ',') && found.length > 0) speakerMentions = [];
      let speakers: string[] = [];
      const sm = speakerMentions[speakerMentions.length - 1];
      if (sm?.kind === 'bothSides') {
        const mt = meetingOf(s.index, null);
        const delegations = mt ? [...new Set(mt.participants.map((p) => idx.people.get(p.person)?.country).filter((c): c is string => !!c))] : [];
        speakers = delegations.length === 2 ? delegations.map((c) => `entry:Organization:${c}`) : (mt?.participants.map((p) => `person:${p.person}`) ?? []);
      } else if (sm) {
        speakers = [partyKey(sm)!];
      } else if (found.length > 0 && (v.lower === 'adding' || v.lower === 'added')) {
        speakers = found[found.length - 1].speakers;
      } else {
        const after = mentionsIn(s, i + 1, Math.min(i + 4, t.length - 1)).find((m) => partyKey(m));
        if (after) speakers = [partyKey(after)!];
      }
      if (speakers.length === 0) return;
      // Content: what follows the verb (to the next speech verb or an attribution tail), or what precedes it.
      let cStart = i + 1;
      if (lemmaOf(v) === 'describe') {
        const as = t.findIndex((x, k) => k > i && x.lower === 'as');
        if (as > 0) cStart = as + 1;
      }
      if (lemmaOf(v) === 'tell') {
        // "told reporters that ...", "told Xi ...": the addressee is not what was said.
        const that = t.findIndex((x, k) => k > i && k <= i + 4 && x.lower === 'that');
        if (that > 0) cStart = that;
        else {
          const addressee = mentionsIn(s, i + 1, i + 4).find((m) => m.first === i + 1);
          if (addressee) cStart = addressee.last + 1;
        }
      }
      if (t[cStart]?.lower === 'that' || t[cStart]?.value === ':' || t[cStart]?.value === ',') cStart++;
      let cEnd = t.length - 1;
      const nextVerb = live[vi + 1];
      if (nextVerb) {
        let k = nextVerb.i - 1;
        while (k > cStart && !(t[k].value === ',' || t[k].lower === 'and')) k--;
        // the speaker of the next verb belongs to it
        cEnd = k - 1;
      }
      for (const r of reportTail) if (r > cStart) cEnd = Math.min(cEnd, r - 1);
      const according = t.findIndex((x, k) => k >= cStart && x.lower === 'according' && t[k + 1]?.lower === 'to');
      if (according >= 0) cEnd = Math.min(cEnd, according - 1);
      while (cEnd > cStart && (t[cEnd].value === '.' || (t[cEnd].value === ',' && !QUOTE_CHARS.has(t[cEnd].value)))) cEnd--;
      // Drop an attribution tail made of the speaker mention (", CCTV reported").
      while (cEnd > cStart && idx.bySentence[s.index].some((m) => m.first <= cEnd && m.last >= cEnd && (m.kind === 'org' || m.kind === 'country'))) {
        const m = idx.bySentence[s.index].find((mm) => mm.first <= cEnd && mm.last >= cEnd)!;
        cEnd = m.first - 1;
        while (cEnd > cStart && (t[cEnd].value === ',' || t[cEnd].lower === 'the')) cEnd--;
      }
      let contentStart: number;
      let contentEnd: number;
      // `"...," Xi said (he told ...)`: a quotation right before the speaker is what the verb reports.
      const lead = sm ?? { start: v.start };
      const quoteBefore = qs.filter((q) => q.end <= lead.start).pop();
      const adjacent = quoteBefore && text.slice(quoteBefore.end, lead.start).replace(/[\s,]/g, '') === '' && !(sm && sm.start < v.start && qs.some((q) => q.start > v.end && q.start - v.end < 8));
      const after = !adjacent && cStart < t.length && cEnd >= cStart && !(t[cStart].value === '.' && cStart === t.length - 1);
      if (after && cEnd >= cStart) {
        contentStart = t[cStart].start;
        contentEnd = t[cEnd].end;
        // include a closing quote mark right after
        if (QUOTE_CHARS.has(text[contentEnd])) contentEnd++;
      } else {
        // "..., the State Department said." — the content is before the speaker.
        const firstSpeaker = speakerMentions[0];
        let k = (firstSpeaker ? firstSpeaker.first : i) - 1;
        while (k > 0 && (t[k].lower === 'the' || t[k].value === ',')) k--;
        if (k < 0) return;
        contentStart = t[0].start;
        contentEnd = t[k].end;
        if (QUOTE_CHARS.has(text[contentEnd])) contentEnd++;
      }
      const content = text.slice(contentStart, contentEnd);
      if (content.replace(/\W/g, '').length < 3) return;
      // DIRECT when the content is (mostly) one quotation.
      const inside = qs.filter((q) => q.start >= contentStart - 1 && q.end <= contentEnd + 1);
      const quoted = inside.reduce((n, q) => n + (q.innerEnd - q.innerStart), 0);
      let mode: DraftStatement['mode'] = 'INDIRECT';
      let said = trimEnd(content.replace(/^[\s,]+/, ''));
      if (inside.length === 1 && quoted / Math.max(1, content.length) >= 0.7) {
        mode = 'DIRECT';
        said = trimEnd(text.slice(inside[0].innerStart, inside[0].innerEnd));
      }
      // A quotation just before the speaker (`"...," Xi said`) is what the verb reports.
      if (adjacent && quoteBefore) {
        mode = 'DIRECT';
        said = trimEnd(text.slice(quoteBefore.innerStart, quoteBefore.innerEnd));
        contentStart = quoteBefore.start;
        contentEnd = Math.max(v.end, sm?.end ?? v.end);
      }
      const evStart = Math.min(contentStart, sm?.start ?? v.start, v.start);
      const evEnd = Math.max(contentEnd, v.end, sm?.end ?? v.end);
      const speakerPerson = speakers[0].startsWith('person:') ? speakers[0].slice(7) : null;
      const mt = speakerPerson || sm?.kind === 'bothSides' ? meetingOf(s.index, speakerPerson) : null;
      const d = sentenceDate(s);
      const notes: string[] = [];
      if (sm?.kind === 'pronoun') notes.push(`speaker "${sm.text}" resolved to the last person named`);
      if (sm?.kind === 'bothSides') notes.push('"both sides": the delegations of the meeting in context');
      found.push({
        speakers,
        text: said,
        mode,
        sentence: s.index,
        reportedBy,
        meeting: mt,
        date: d?.date.date ?? mt?.date ?? articleDate,
        evidence: [{ start: evStart, end: evEnd, ...(reportedBy || speakers.length === 1 ? { attributedTo: reportedBy ?? speakers[0] } : {}) }],
        confidence: mode === 'DIRECT' ? 0.8 : 0.65,
        notes,
      });
      lastSpeaker = speakers[0];
    });
    statements.push(...found);
    // The source's own assessment: "is seen as", "is regarded as".
    if (found.length === 0) {
      for (let i = 1; i + 1 < t.length; i++) {
        if (['see', 'view', 'regard', 'consider'].includes(t[i].lemma) && t[i - 1].pos === 'AUX' && t[i + 1].lower === 'as') {
          statements.push({ speakers: ['publisher'], text: trimEnd(s.text), mode: 'PARAPHRASE', sentence: s.index, reportedBy: null, meeting: null, date: articleDate, evidence: [{ start: s.start, end: s.end }], confidence: 0.4, notes: ["the source's own assessment (no speaker named)"] });
          break;
        }
      }
    }
  }
  void lastSpeaker;

  // ---------------------------------------------------------------- invitations
  const invitations: DraftInvitation[] = [];
  for (const s of sentences) {
    const t = s.tokens;
    t.forEach((v, i) => {
      if (!(v.lemma === 'invite' && v.pos === 'VERB')) return;
      const [a, b] = clause(s, i);
      const inviterM = mentionsIn(s, a, i - 1).filter((m) => personOf(m)).pop();
      const inviteeM = mentionsIn(s, i + 1, b).find((m) => personOf(m));
      if (!inviterM || !inviteeM) return;
      let destination: string | null = null;
      const to = t.findIndex((x, k) => k > inviteeM.last && k <= b + 3 && (x.lower === 'to' || x.lower === 'visit'));
      if (to > 0) {
        const dm = idx.bySentence[s.index].find((m) => m.first > to && m.first <= to + 3 && (m.kind === 'place' || m.kind === 'country'));
        if (dm?.entry) destination = `entry:${dm.entry.kind}:${dm.entry.id}`;
      }
      const d = sentenceDate(s, i);
      const inviter = personOf(inviterM)!;
      const invitee = personOf(inviteeM)!;
      const mt = meetingOf(s.index, inviter) ?? meetingOf(s.index, invitee);
      const inContext = mt && mt.participants.some((p) => p.person === invitee) ? mt : null;
      const notes: string[] = [];
      if (!d && inContext) notes.push('date of the meeting it was extended at');
      invitations.push({
        inviter,
        invitee,
        destination,
        status: 'EXTENDED',
        date: d?.date.date ?? inContext?.date ?? articleDate,
        dateExpression: d?.date.expression ? d.expression : !d && inContext ? inContext.dateExpression : null,
        meeting: inContext,
        evidence: [{ start: s.start, end: s.end }],
        confidence: inContext || d ? 0.75 : 0.5,
        notes,
      });
    });
    t.forEach((v, i) => {
      if (v.lemma !== 'accept' || !t.slice(i + 1, i + 4).some((x) => x.lemma === 'invitation')) return;
      const [a, b] = clause(s, i);
      const inviteeM = mentionsIn(s, a, i - 1).filter((m) => personOf(m)).pop();
      const inviterM = mentionsIn(s, i + 1, b).find((m) => personOf(m));
      if (!inviterM || !inviteeM) return;
      const d = sentenceDate(s, i);
      invitations.push({ inviter: personOf(inviterM)!, invitee: personOf(inviteeM)!, destination: null, status: 'ACCEPTED', date: d?.date.date ?? articleDate, dateExpression: d?.date.expression ? d.expression : null, meeting: null, evidence: [{ start: s.start, end: s.end }], confidence: 0.6, notes: [] });
    });
  }

  // ---------------------------------------------------------------- rank claims
  const ranks: DraftRank[] = [];
  for (const s of sentences) {
    const t = s.tokens;
    t.forEach((v, i) => {
      let inverse = false;
      if (v.lemma === 'rank' || v.lower === 'ranks' || v.lower === 'ranked') {
        const n = t[i + 1]?.lower;
        if (n === 'below' || (n === 'lower' && t[i + 2]?.lower === 'than')) inverse = true;
        else if (!(n === 'above' || (n === 'higher' && t[i + 2]?.lower === 'than'))) return;
      } else if (v.lower === 'outranks' || v.lower === 'outranked') {
        // fine
      } else return;
      let leftM: Mention | undefined;
      if (t[i - 1]?.lower === 'who' || t[i - 1]?.lower === 'which') {
        leftM = idx.bySentence[s.index].filter((m) => m.last < i - 1 && personOf(m)).pop();
      } else {
        const [a] = clause(s, i);
        leftM = mentionsIn(s, a, i - 1).filter((m) => personOf(m)).pop();
      }
      const rightM = idx.bySentence[s.index].find((m) => m.first > i && personOf(m));
      if (!leftM || !rightM) return;
      let context = '';
      let contextCountry: string | null = null;
      const inTok = t.findIndex((x, k) => k > rightM.last && x.lower === 'in');
      if (inTok > 0) {
        let e = inTok + 1;
        while (e + 1 < t.length && t[e + 1].pos !== 'PUNCT') e++;
        context = text.slice(t[inTok + 1].start, t[e].end);
        const cm = idx.bySentence[s.index].find((m) => m.first > inTok && (m.kind === 'country' || m.kind === 'place'));
        contextCountry = cm ? (cm.kind === 'country' ? cm.country ?? null : (cm.entry?.countryId ?? CAPITAL_OF[nameKey(cm.text)] ?? null)) : null;
      }
      const [sup, inf] = inverse ? [rightM, leftM] : [leftM, rightM];
      ranks.push({ superior: personOf(sup)!, inferior: personOf(inf)!, context, contextCountry, evidence: [{ start: s.start, end: s.end }], confidence: context ? 0.75 : 0.5 });
    });
  }

  // ---------------------------------------------------------------- relation issues
  const issues: DraftIssue[] = [];
  const countryCounts = new Map<string, number>();
  for (const list of idx.bySentence) for (const m of list) {
    const c = m.kind === 'country' ? m.country : m.kind === 'place' ? CAPITAL_OF[nameKey(m.text)] : undefined;
    if (c) countryCounts.set(c, (countryCounts.get(c) ?? 0) + 1);
  }
  const topPair = [...countryCounts.entries()].sort((x, y) => y[1] - x[1]).slice(0, 2).map((x) => x[0]);
  const countriesIn = (s: Sentence, a: number, b: number) => [...new Set(mentionsIn(s, a, b).map((m) => (m.kind === 'country' ? m.country : m.kind === 'place' ? CAPITAL_OF[nameKey(m.text)] : undefined)).filter((c): c is string => !!c))];
  let lastPair: string[] | null = null;
  for (const s of sentences) {
    const t = s.tokens;
    const here = countriesIn(s, 0, t.length - 1);
    const pairOf = (a: number, b: number): [string, string] | null => {
      const c = countriesIn(s, a, b);
      if (c.length === 2) return [c[0], c[1]];
      if (lastPair?.length === 2) return [lastPair[0], lastPair[1]];
      if (topPair.length === 2) return [topPair[0], topPair[1]];
      return null;
    };
    const strain = t.findIndex((x) => ['strain', 'strained', 'straining', 'sour', 'soured', 'dog', 'dogged', 'complicate', 'complicated'].includes(x.lower) || x.lemma === 'strain');
    if (strain >= 0) {
      const incl = t.findIndex((x, k) => k > strain && (x.lower === 'including' || x.value === ':' || (x.lower === 'over' && k === strain + 1)));
      const pair = pairOf(0, incl > 0 ? incl : strain);
      if (pair && incl > 0) {
        // Items: split the list after "including" at commas and a final "and".
        let k = incl + 1;
        let itemStart = k;
        const items: Array<[number, number]> = [];
        for (; k < t.length; k++) {
          const end = t[k].value === ',' || t[k].value === '.' || t[k].value === ';' || k === t.length - 1;
          if (end) {
            const last = t[k].value === ',' || t[k].value === '.' || t[k].value === ';' ? k - 1 : k;
            if (last >= itemStart) items.push([itemStart, last]);
            itemStart = k + 1;
            if (t[itemStart]?.lower === 'and') itemStart++;
          }
        }
        for (const [x, y] of items) {
          const desc = text.slice(t[x].start, t[y].end);
          issues.push({ topic: desc, between: pair, description: desc, evidence: [{ start: t[x].start, end: t[y].end }, { start: s.start, end: t[strain].end + 0 }], confidence: 0.6 });
        }
      }
    }
    // "tensions between X and Y" / "tensions between the rival powers"
    t.forEach((x, i) => {
      if (!['tension', 'tensions', 'friction', 'rivalry'].includes(x.lower) || t[i + 1]?.lower !== 'between') return;
      let e = i + 2;
      while (e + 1 < t.length && t[e + 1].pos !== 'PUNCT') e++;
      const pair = pairOf(i + 2, e);
      if (!pair) return;
      let b = i;
      while (b > 0 && (t[b - 1].pos === 'ADJ' || t[b - 1].pos === 'ADV' || t[b - 1].lower === 'amid') && t[b - 1].lower !== 'the') b--;
      const topic = `${x.lower} between ${text.slice(t[i + 2].start, t[e].end)}`.replace(/^./, (c) => c.toUpperCase());
      issues.push({ topic, between: pair, description: text.slice(t[b].start, t[e].end), evidence: [{ start: t[b].start, end: t[e].end }], confidence: 0.5 });
    });
    if (here.length === 2) lastPair = here;
  }
  // One issue per topic and pair.
  const issuesMerged: DraftIssue[] = [];
  for (const is of issues) {
    const twin = issuesMerged.find((x) => nameKey(x.topic) === nameKey(is.topic) && x.between.join() === is.between.join());
    if (twin) twin.evidence.push(...is.evidence.filter((e) => !twin.evidence.some((f) => f.start === e.start && f.end === e.end)));
    else issuesMerged.push(is);
  }

  return { meetings: merged, statements, invitations, ranks, issues: issuesMerged, places };
}
