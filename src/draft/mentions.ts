import { nameKey } from '../common/names';
import type { Candidate } from '../errors';
import { CAPITAL_OF, MONTH_OR_DAY, ORG_WORDS, TITLES } from './lexicon';
import type { GazEntry, Gazetteer } from './gazetteer';
import type { Sentence, Token } from './nlp';

/**
 * Mentions: who and what a sentence names. Built from wink-nlp's tokens and parts of speech
 * (proper-noun runs), the graph's names (or the built-in lexicon) and title words, then resolved
 * across the whole text: surname-only mentions to the one full name they continue, titles
 * without a name to the person who holds that title in the text or, with a graph, on the article's
 * date. Nothing ambiguous is resolved by a guess.
 */
export type MentionKind = 'person' | 'title' | 'country' | 'place' | 'org' | 'bothSides' | 'pronoun';

export interface Mention {
  kind: MentionKind;
  sentence: number;
  first: number; // token indexes in the sentence, inclusive
  last: number;
  start: number;
  end: number;
  text: string;
  /** person / resolved title / resolved pronoun: the person record key. */
  person?: string;
  /** The title as written before the name ("US Secretary of State"), or the title-only mention. */
  title?: string;
  titleCore?: string;
  titleOffice?: boolean;
  /** Country id the title or the demonym points to. */
  country?: string;
  /** country / place / org / graph position. */
  entry?: GazEntry;
  position?: GazEntry;
}

export interface PersonTitle {
  title: string;
  core: string;
  office: boolean;
  country: string | null;
  position: GazEntry | null;
  sentence: number;
  start: number;
  end: number;
}

export interface PersonRecord {
  key: string;
  name: string;
  /** Graph id when resolved against the graph; null for a proposal or an ambiguous mention. */
  graphId: string | null;
  /** Other graph records the name could mean: set when ambiguous. */
  candidates: Candidate[];
  ambiguous: boolean;
  /** Forms the text uses besides the name (surname-only mentions). */
  aliases: Set<string>;
  titles: PersonTitle[];
  country: string | null;
  mentions: number;
  /** Single-token name with no full name in the text and nothing in the graph. */
  weak: boolean;
  firstStart: number;
}

export interface ReviewItem {
  kind: 'AMBIGUOUS_NAME' | 'UNRESOLVED_MENTION' | 'NEW_RECORD' | 'CHECK';
  mention: string;
  message: string;
  candidates?: Candidate[];
  start?: number;
  end?: number;
}

export interface MentionIndex {
  bySentence: Mention[][];
  people: Map<string, PersonRecord>;
  review: ReviewItem[];
}

const TITLE_INDEX = TITLES.map((t) => ({ ...t, tokens: t.words.split(/[\s]+/) }));
const BOUNDARY = new Set([',', ';', ':', '–', '—', '(', ')']);
const PRONOUNS = new Set(['he', 'she', 'him', 'her', 'his']);

const isCap = (t: Token) => /^[A-Z\u00C0-\u024F]/.test(t.value);
const isWordy = (t: Token) => /^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'.-]*$/.test(t.value);
const isAcronym = (t: Token) => /^[A-Z.]{2,}$/.test(t.value);

export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/['’]s\b/g, 's')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'x'
  );
}

/** The office a title names, without country words: "Chinese foreign minister" → "foreign minister". */
export function titleCore(title: string, gaz: Gazetteer): string {
  const words = nameKey(title)
    .replace(/['’]s\b/g, '')
    .split(' ')
    .filter((w) => w !== 'the' && w !== 'a' && w !== 'an')
    .filter((w) => !gaz.lookup(w, ['Organization']).some((e) => e.subkind === 'COUNTRY'));
  let text = words.join(' ').replace(/ of (the )?$/, '').replace(/^of /, '').trim();
  // "of the people's republic of china" and the like: drop trailing "of <country>".
  text = text.replace(/ of (the )?[a-z' ]+$/, (m) => (gaz.lookup(m.replace(/^ of (the )?/, ''), ['Organization']).length > 0 ? '' : m));
  let best: { words: string; core?: string } | null = null;
  for (const t of TITLE_INDEX) {
    if ((` ${text} `).includes(` ${t.words} `) && (!best || t.words.length > best.words.length)) best = t;
  }
  return best ? (best.core ?? best.words) : text;
}

interface Primitive {
  kind: 'gaz' | 'title' | 'run' | 'bothSides' | 'pronoun';
  first: number;
  last: number;
  entries?: GazEntry[];
  title?: (typeof TITLE_INDEX)[number];
}

function inEntity(s: Sentence, i: number): boolean {
  return s.entities.some((e) => (e.type === 'DATE' || e.type === 'DURATION' || e.type === 'TIME') && i >= e.first && i <= e.last);
}

/** Longest-match scan of one sentence into gazetteer words, title words and proper-noun runs. */
function primitives(s: Sentence, gaz: Gazetteer): Primitive[] {
  const out: Primitive[] = [];
  const toks = s.tokens;
  const slice = (a: number, b: number) => s.text.slice(toks[a].start - s.start, toks[b].end - s.start);
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    if (inEntity(s, i) || t.pos === 'PUNCT') {
      i++;
      continue;
    }
    if (t.lower === 'both' && toks[i + 1]?.lower === 'sides') {
      out.push({ kind: 'bothSides', first: i, last: i + 1 });
      i += 2;
      continue;
    }
    if (PRONOUNS.has(t.lower) && t.pos === 'PRON') {
      out.push({ kind: 'pronoun', first: i, last: i });
      i++;
      continue;
    }
    let matched: Primitive | null = null;
    for (let j = Math.min(i + 7, toks.length - 1); j >= i && !matched; j--) {
      if (toks[j].pos === 'PUNCT' && toks[j].value !== '.') continue;
      const phrase = slice(i, j);
      const entries = gaz.lookup(phrase, ['Person', 'Organization', 'Place', 'Position']);
      // A one-word match must be capitalised ("US", "Xi"); lower-case words are only titles.
      if (entries.length > 0 && (j > i || isCap(t))) {
        matched = { kind: 'gaz', first: i, last: j, entries };
        break;
      }
      const key = nameKey(phrase);
      const title = TITLE_INDEX.find((x) => x.words === key);
      if (title) matched = { kind: 'title', first: i, last: j, title };
    }
    if (matched) {
      out.push(matched);
      i = matched.last + 1;
      continue;
    }
    if (t.pos === 'PROPN' && isCap(t) && isWordy(t) && !MONTH_OR_DAY.has(t.lower) && !isAcronym(t)) {
      let j = i;
      while (j + 1 < toks.length) {
        const n = toks[j + 1];
        if (!(n.pos === 'PROPN' && isCap(n) && isWordy(n) && !isAcronym(n) && !inEntity(s, j + 1))) break;
        if (gaz.lookup(n.value, ['Organization', 'Place']).length > 0) break;
        if (TITLE_INDEX.some((x) => x.tokens[0] === n.lower)) break;
        j++;
      }
      out.push({ kind: 'run', first: i, last: j });
      i = j + 1;
      continue;
    }
    i++;
  }
  return out;
}

interface Draftable {
  sentence: Sentence;
  prims: Primitive[];
}

/** A run of capitalised words that names a person (not an organisation, an event or a place). */
function looksLikePersonRun(s: Sentence, p: Primitive): boolean {
  const toks = s.tokens;
  const words = toks.slice(p.first, p.last + 1).map((t) => t.lower);
  if (words.some((w) => ORG_WORDS.has(w))) return false;
  const next = toks[p.last + 1];
  if (next && ORG_WORDS.has(next.lower)) return false;
  const prev = toks[p.first - 1];
  if (prev && (prev.lower === 'the' || prev.value === '-' || next?.value === '-')) return false;
  return true;
}

export function buildMentions(sentences: Sentence[], gaz: Gazetteer, articleDate: string): MentionIndex {
  const review: ReviewItem[] = [];
  const people = new Map<string, PersonRecord>();
  const analysed: Draftable[] = sentences.map((sentence) => ({ sentence, prims: primitives(sentence, gaz) }));
  const bySentence: Mention[][] = sentences.map(() => []);
  const text = (s: Sentence, a: number, b: number) => s.text.slice(s.tokens[a].start - s.start, s.tokens[b].end - s.start);

  const newPerson = (key: string, name: string, start: number, init: Partial<PersonRecord> = {}): PersonRecord => {
    let rec = people.get(key);
    if (!rec) {
      rec = { key, name, graphId: null, candidates: [], ambiguous: false, aliases: new Set(), titles: [], country: null, mentions: 0, weak: false, firstStart: start, ...init };
      people.set(key, rec);
    }
    return rec;
  };
  const graphPerson = (e: GazEntry, start: number) => newPerson(`id:${e.id}`, e.name, start, { graphId: e.id });

  // Pass 1: full names (two or more words, or a graph person), with the titles written before them.
  type Pending = { s: Sentence; p: Primitive; title: Mention | null };
  const singles: Pending[] = [];
  for (const { sentence: s, prims } of analysed) {
    for (let k = 0; k < prims.length; k++) {
      const p = prims[k];
      const start = s.tokens[p.first].start;
      const end = s.tokens[p.last].end;
      const base = { sentence: s.index, first: p.first, last: p.last, start, end, text: text(s, p.first, p.last) };
      if (p.kind === 'bothSides') {
        bySentence[s.index].push({ kind: 'bothSides', ...base });
        continue;
      }
      if (p.kind === 'pronoun') {
        bySentence[s.index].push({ kind: 'pronoun', ...base });
        continue;
      }
      if (p.kind === 'gaz') {
        const e = p.entries!;
        const person = e.filter((x) => x.kind === 'Person');
        const position = e.find((x) => x.kind === 'Position');
        const other = e.find((x) => x.kind === 'Organization' || x.kind === 'Place');
        if (person.length > 0 && !position && !other) {
          const title = titleBefore(s.index, p.first);
          if (p.last > p.first) {
            const rec = person.length === 1 ? graphPerson(person[0], start) : newPerson(`ambiguous:${nameKey(base.text)}`, base.text, start, { ambiguous: true, candidates: person.map((x) => ({ id: x.id, name: x.name, kind: 'Person' })) });
            addPersonMention(s.index, base, rec, title);
          } else singles.push({ s, p, title });
          continue;
        }
        if (position) {
          bySentence[s.index].push({ kind: 'title', ...base, title: base.text, titleCore: titleCore(base.text, gaz), titleOffice: true, country: position.countryId ?? undefined, position });
          continue;
        }
        if (other) {
          const kind = other.kind === 'Place' ? 'place' : other.subkind === 'COUNTRY' ? 'country' : 'org';
          const country = kind === 'country' ? other.id : (other.countryId ?? undefined);
          bySentence[s.index].push({ kind, ...base, entry: other, country });
          continue;
        }
      }
      if (p.kind === 'title') {
        const t = p.title!;
        // Extend back over a country word (and its 's) and a few lower-case modifiers: "China's top ... official".
        let first = p.first;
        let country: string | undefined;
        let b = p.first - 1;
        let fillers = 0;
        while (b >= 0 && fillers <= 3) {
          const tok = s.tokens[b];
          if (tok.value === "'s" || tok.value === '’s') {
            b--;
            continue;
          }
          const prev = bySentence[s.index].find((m) => m.last === b && (m.kind === 'country' || (m.kind === 'place' && CAPITAL_OF[nameKey(m.text)])));
          if (prev) {
            first = prev.first;
            country = prev.country ?? CAPITAL_OF[nameKey(prev.text)];
            bySentence[s.index].splice(bySentence[s.index].indexOf(prev), 1);
            break;
          }
          if ((tok.pos === 'ADJ' || tok.pos === 'NOUN' || (tok.pos === 'PROPN' && TITLE_INDEX.some((x) => x.tokens.includes(tok.lower)))) && /^[a-zA-Z]/.test(tok.value)) {
            if (isCap(tok) && tok.pos !== 'PROPN' && b === 0) break;
            first = b;
            fillers++;
            b--;
            continue;
          }
          break;
        }
        // Keep the modifiers only when a country word was found before them.
        if (!country) first = p.first;
        const written = text(s, first, p.last);
        bySentence[s.index].push({ kind: 'title', sentence: s.index, first, last: p.last, start: s.tokens[first].start, end, text: written, title: written, titleCore: t.core ?? t.words, titleOffice: t.office, country });
        continue;
      }
      if (p.kind === 'run') {
        const title = titleBefore(s.index, p.first);
        const n = p.last - p.first + 1;
        if (n >= 2 && looksLikePersonRun(s, p)) {
          const name = base.text;
          const e = gaz.lookup(name, ['Person']);
          const rec = e.length === 1 ? graphPerson(e[0], start) : newPerson(`name:${nameKey(name)}`, name, start);
          if (e.length > 1) {
            rec.ambiguous = true;
            rec.candidates = e.map((x) => ({ id: x.id, name: x.name, kind: 'Person' }));
          }
          addPersonMention(s.index, base, rec, title);
        } else if (n === 1) {
          singles.push({ s, p, title });
        }
      }
    }
  }

  function titleBefore(si: number, first: number): Mention | null {
    const list = bySentence[si];
    const m = list.find((x) => x.kind === 'title' && x.last === first - 1);
    if (!m) return null;
    list.splice(list.indexOf(m), 1);
    return m;
  }

  function addPersonMention(si: number, base: Omit<Mention, 'kind'>, rec: PersonRecord, title: Mention | null): void {
    rec.mentions++;
    const m: Mention = { kind: 'person', ...base, person: rec.key };
    if (title) {
      m.first = title.first;
      m.start = title.start;
      m.text = sentences[si].text.slice(title.start - sentences[si].start, base.end - sentences[si].start);
      m.title = title.title;
      m.titleCore = title.titleCore;
      m.titleOffice = title.titleOffice;
      m.country = title.country;
      rec.titles.push({ title: title.title!, core: title.titleCore!, office: !!title.titleOffice, country: title.country ?? null, position: title.position ?? null, sentence: si, start: title.start, end: base.end });
      if (title.country && !rec.country) rec.country = title.country;
    }
    bySentence[si].push(m);
  }

  // Pass 2: one-word names — the full name of the text they continue, else the graph, else a weak proposal.
  const fullNames = () => [...people.values()].filter((r) => r.name.includes(' '));
  for (const { s, p, title } of singles) {
    const word = s.tokens[p.first].value;
    const base = { sentence: s.index, first: p.first, last: p.last, start: s.tokens[p.first].start, end: s.tokens[p.last].end, text: word };
    const inText = fullNames().filter((r) => {
      const parts = r.name.split(/\s+/);
      return nameKey(parts[0]) === nameKey(word) || nameKey(parts[parts.length - 1]) === nameKey(word);
    });
    if (inText.length === 1) {
      inText[0].aliases.add(word);
      addPersonMention(s.index, base, inText[0], title);
      continue;
    }
    if (inText.length > 1) {
      const rec = newPerson(`ambiguous:${nameKey(word)}`, word, base.start, { ambiguous: true, candidates: inText.map((r) => ({ id: r.graphId ?? slug(r.name), name: r.name, kind: 'Person' })) });
      addPersonMention(s.index, base, rec, title);
      continue;
    }
    const e = gaz.lookup(word, ['Person']);
    if (e.length === 1) {
      const rec = graphPerson(e[0], base.start);
      if (nameKey(rec.name) !== nameKey(word)) rec.aliases.add(word);
      addPersonMention(s.index, base, rec, title);
    } else if (e.length > 1) {
      const rec = newPerson(`ambiguous:${nameKey(word)}`, word, base.start, { ambiguous: true, candidates: e.map((x) => ({ id: x.id, name: x.name, kind: 'Person' })) });
      addPersonMention(s.index, base, rec, title);
    } else if (s.tokens[p.first - 1]?.lower !== 'the' && !ORG_WORDS.has(s.tokens[p.last + 1]?.lower ?? '') && !(s.tokens[p.last + 1] && s.tokens[p.last + 1].pos === 'NOUN' && /^[a-z]/.test(s.tokens[p.last + 1].value))) {
      // (a capitalised word before a common noun modifies it: "Eurasian affairs", "State media")
      const rec = newPerson(`name:${nameKey(word)}`, word, base.start, { weak: true });
      addPersonMention(s.index, base, rec, title);
    }
  }

  for (const list of bySentence) list.sort((a, b) => a.first - b.first);

  // Countries of people: from their titles; else, with a graph, from the offices they hold today.
  for (const rec of people.values()) {
    if (!rec.country && rec.graphId) {
      for (const t of gaz.tenuresOf(rec.graphId)) {
        const pos = gaz.get('Position', t.positionId);
        if (pos?.countryId) {
          rec.country = pos.countryId;
          break;
        }
      }
    }
  }

  // Title-only mentions ("the US secretary of state"): the person of the text with that title, else the holder on the date.
  for (const list of bySentence) {
    for (const m of list) {
      if (m.kind !== 'title') continue;
      const core = m.titleCore ?? '';
      const inText = [...people.values()].filter((r) => !r.ambiguous && r.titles.some((t) => t.core === core && (!m.country || !t.country || t.country === m.country)) && (!m.country || !r.country || r.country === m.country));
      if (inText.length === 1) {
        m.person = inText[0].key;
        if (m.country && !inText[0].country) inText[0].country = m.country;
        inText[0].titles.push({ title: m.title!, core, office: !!m.titleOffice, country: m.country ?? null, position: m.position ?? null, sentence: m.sentence, start: sentences[m.sentence].start, end: sentences[m.sentence].end });
        continue;
      }
      const positions = m.position ? [m.position] : [];
      const holders = [...new Set(positions.flatMap((p) => gaz.holdersOf(p.id)))];
      if (holders.length === 1) {
        const e = gaz.get('Person', holders[0]);
        if (e) {
          const rec = graphPerson(e, m.start);
          rec.mentions++;
          m.person = rec.key;
          rec.titles.push({ title: m.title!, core, office: true, country: m.country ?? null, position: m.position ?? null, sentence: m.sentence, start: sentences[m.sentence].start, end: sentences[m.sentence].end });
          if (m.country && !rec.country) rec.country = m.country;
        }
      }
    }
  }

  // Pronouns: the last person named as a subject before them (a sentence's first person).
  let lastSubject: string | null = null;
  for (const list of bySentence) {
    let firstInSentence: string | null = null;
    for (const m of list) {
      if (m.kind === 'pronoun' && lastSubject) m.person = lastSubject;
      if ((m.kind === 'person' || (m.kind === 'title' && m.person)) && !firstInSentence) firstInSentence = m.person!;
    }
    if (firstInSentence) lastSubject = firstInSentence;
  }

  for (const rec of people.values()) {
    if (rec.ambiguous) {
      review.push({
        kind: 'AMBIGUOUS_NAME',
        mention: rec.name,
        message: `"${rec.name}" could mean ${rec.candidates.map((c) => c.name).join(' or ')}; the draft keeps the name as written, so import fails until you pick one`,
        candidates: rec.candidates,
        start: rec.firstStart,
      });
    }
  }
  void articleDate;
  return { bySentence, people, review };
}
