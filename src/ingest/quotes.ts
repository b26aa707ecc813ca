/** A quote to find in a text: the `occurrence`-th place (1-based) where it starts. */
export interface QuoteRequest {
  quote: string;
  occurrence: number;
}

export type QuoteResult = { start: number; end: number } | { missing: true; found: number };

/** Below this length a quote is found with indexOf; above, by the one-pass scan. */
const GRAM = 16;
/** Texts shorter than this are small enough for indexOf on every quote. */
const SMALL_TEXT = 200_000;

/**
 * Finds the offsets (UTF-16 code units, end exclusive, as JavaScript and Java count) of every
 * quote. Occurrences may overlap, as indexOf(quote, previous + 1) counts them.
 *
 * A fact file about one article needs nothing clever; a generated file of 100,000 facts has a
 * text of megabytes and 100,000 quotes, where indexOf per quote is quadratic. Long quotes are then
 * found in one pass: a rolling hash of their first GRAM characters flags the positions worth a
 * `startsWith`.
 */
export function locateQuotes(text: string, requests: QuoteRequest[]): QuoteResult[] {
  const results: QuoteResult[] = new Array(requests.length);
  const byQuote = new Map<string, { needed: number; positions: number[] }>();
  for (const r of requests) {
    const entry = byQuote.get(r.quote);
    if (entry) entry.needed = Math.max(entry.needed, r.occurrence);
    else byQuote.set(r.quote, { needed: r.occurrence, positions: [] });
  }
  const scanned: Array<[string, { needed: number; positions: number[] }]> = [];
  for (const [quote, entry] of byQuote) {
    if (text.length < SMALL_TEXT || quote.length < GRAM) {
      for (let i = text.indexOf(quote); i !== -1 && entry.positions.length < entry.needed; i = text.indexOf(quote, i + 1)) entry.positions.push(i);
    } else {
      scanned.push([quote, entry]);
    }
  }
  if (scanned.length > 0) scan(text, scanned);
  requests.forEach((r, i) => {
    const { positions } = byQuote.get(r.quote)!;
    const start = positions[r.occurrence - 1];
    results[i] = start === undefined ? { missing: true, found: positions.length } : { start, end: start + r.quote.length };
  });
  return results;
}

const BASE = 31;

function hashOf(s: string, from: number): number {
  let h = 0;
  for (let i = 0; i < GRAM; i++) h = (Math.imul(h, BASE) + s.charCodeAt(from + i)) | 0;
  return h;
}

function scan(text: string, quotes: Array<[string, { needed: number; positions: number[] }]>): void {
  const byHash = new Map<number, Array<[string, { needed: number; positions: number[] }]>>();
  for (const q of quotes) {
    const h = hashOf(q[0], 0);
    const list = byHash.get(h);
    if (list) list.push(q);
    else byHash.set(h, [q]);
  }
  // BASE^(GRAM-1), to take the leaving character out of the rolling hash.
  let top = 1;
  for (let i = 0; i < GRAM - 1; i++) top = Math.imul(top, BASE);
  let h = hashOf(text, 0);
  const last = text.length - GRAM;
  for (let i = 0; i <= last; i++) {
    const candidates = byHash.get(h);
    if (candidates) {
      for (const [quote, entry] of candidates) {
        if (entry.positions.length < entry.needed && text.startsWith(quote, i)) entry.positions.push(i);
      }
    }
    if (i < last) h = (Math.imul(h - Math.imul(text.charCodeAt(i), top), BASE) + text.charCodeAt(i + GRAM)) | 0;
  }
}
