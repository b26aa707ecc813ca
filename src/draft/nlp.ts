import winkNLP, { type ItemEntity, type ItemSentence, type WinkMethods } from 'wink-nlp';

/**
 * The NLP layer: wink-nlp (English lite web model, bundled, no network) splits the text into
 * sentences and tokens, tags parts of speech and lemmas, and recognises dates and durations.
 * Everything here carries UTF-16 offsets into the text it was given, so that evidence quotes are
 * always `text.slice(start, end)`.
 */
export interface Token {
  value: string;
  lower: string;
  pos: string;
  lemma: string;
  start: number;
  end: number;
}

export interface TextEntity {
  type: string; // DATE | DURATION | CARDINAL | ORDINAL | TIME | ...
  value: string;
  first: number; // token indexes, inclusive
  last: number;
  start: number;
  end: number;
}

export interface Sentence {
  index: number;
  text: string;
  start: number;
  end: number;
  tokens: Token[];
  entities: TextEntity[];
  /** 0-based index of the line (paragraph) the sentence is on. */
  line: number;
}

let nlp: WinkMethods | null = null;
function engine(): WinkMethods {
  // The model is required on first use, not at start: it is 25 MB of RSS that a service which never
  // drafts should not carry (the API benchmark's memory target, docs/benchmark.md).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  nlp ??= winkNLP(require('wink-eng-lite-web-model') as Parameters<typeof winkNLP>[0]);
  return nlp;
}

/**
 * Sentences of `text`. Lines are split first (a headline without a full stop is its own
 * sentence), then wink-nlp splits each line.
 */
export function analyse(text: string): Sentence[] {
  const w = engine();
  const its = w.its;
  const sentences: Sentence[] = [];
  let lineStart = 0;
  const lines = text.split('\n');
  lines.forEach((line, lineIndex) => {
    if (line.trim().length > 0) {
      const doc = w.readDoc(line);
      doc.sentences().each((s: ItemSentence) => {
        const values = s.tokens().out(its.value) as string[];
        const pos = s.tokens().out(its.pos) as string[];
        const lemma = s.tokens().out(its.lemma as never) as unknown as string[];
        const [firstTok] = s.out(its.span) as number[];
        const tokens: Token[] = [];
        // wink-nlp keeps token values verbatim; their offsets are found by walking the line.
        let cursor = 0;
        if (sentences.length > 0 && sentences[sentences.length - 1].line === lineIndex) {
          cursor = sentences[sentences.length - 1].end - lineStart;
        }
        for (let i = 0; i < values.length; i++) {
          const at = line.indexOf(values[i], cursor);
          const start = at >= 0 ? at : cursor;
          const end = at >= 0 ? at + values[i].length : cursor;
          cursor = end;
          tokens.push({ value: values[i], lower: values[i].toLowerCase(), pos: pos[i], lemma: (lemma[i] ?? values[i]).toLowerCase(), start: lineStart + start, end: lineStart + end });
        }
        const real = tokens.filter((t) => t.pos !== 'SPACE' && t.value.trim() !== '');
        if (real.length === 0) return;
        const indexMap = new Map<number, number>();
        tokens.forEach((t, i) => {
          const j = real.indexOf(t);
          if (j >= 0) indexMap.set(i, j);
        });
        const entities: TextEntity[] = [];
        s.entities().each((e: ItemEntity) => {
          const detail = e.out(its.detail) as { value: string; type: string };
          const [a, b] = e.out(its.span) as number[];
          const first = indexMap.get(a - firstTok);
          const last = indexMap.get(b - firstTok);
          if (first === undefined || last === undefined) return;
          entities.push({ type: detail.type, value: detail.value, first, last, start: real[first].start, end: real[last].end });
        });
        const start = real[0].start;
        const end = real[real.length - 1].end;
        sentences.push({ index: sentences.length, text: text.slice(start, end), start, end, tokens: real, entities, line: lineIndex });
      });
    }
    lineStart += line.length + 1;
  });
  return sentences;
}
