/** A quote to find in a text: the `occurrence`-th place (1-based) where it starts. */
export interface QuoteRequest {
  quote: string;
  occurrence: number;
}

export type QuoteResult = { start: number; end: number } | { missing: true; found: number };

/** What is sought of one quote: the occurrences needed, and where those found so far start. */
interface Sought {
  needed: number;
  positions: number[];
}

/**
 * The lengths of text a rolling hash is taken over, shortest first. A quote is hashed over the
 * longest that fits it; below the shortest, it is found with indexOf.
 */
const GRAMS = [16, 32, 64];
/** Texts shorter than this are small enough for indexOf on every quote. */
const SMALL_TEXT = 200_000;

/**
 * Finds the offsets (UTF-16 code units, end exclusive, as JavaScript and Java count) of every
 * quote. Occurrences may overlap, as indexOf(quote, previous + 1) counts them.
 *
 * A fact file about one article needs nothing clever; a generated file of 100,000 facts has a
 * text of megabytes and 100,000 quotes, where indexOf per quote is quadratic. Long quotes are then
 * found in one pass per gram length: a rolling hash of their first characters flags the positions
 * worth a `startsWith`. The longer the prefix hashed, the fewer quotes share it: generated
 * sentences ("Person 000123 has held …") share their first 16 characters by the dozen, and every
 * place the text mentions that person then tried each of them (the benchmark's 244,000 quotes in
 * 19 million characters took 4.4–4.9 s with 16 characters alone, 1.6–2.1 s with these three).
 */
export function locateQuotes(text: string, requests: QuoteRequest[]): QuoteResult[] {
  const results: QuoteResult[] = new Array(requests.length);
  const byQuote = new Map<string, Sought>();
  for (const r of requests) {
    const entry = byQuote.get(r.quote);
    if (entry) entry.needed = Math.max(entry.needed, r.occurrence);
    else byQuote.set(r.quote, { needed: r.occurrence, positions: [] });
  }
  const scanned = GRAMS.map(() => [] as Array<[string, Sought]>);
  for (const [quote, entry] of byQuote) {
    const gram = GRAMS.findLastIndex((length) => length <= quote.length);
    if (text.length < SMALL_TEXT || gram === -1) {
      for (let i = text.indexOf(quote); i !== -1 && entry.positions.length < entry.needed; i = text.indexOf(quote, i + 1)) entry.positions.push(i);
    } else {
      scanned[gram].push([quote, entry]);
    }
  }
  scanned.forEach((quotes, gram) => {
    if (quotes.length > 0) scan(text, quotes, GRAMS[gram]);
  });
  requests.forEach((r, i) => {
    const { positions } = byQuote.get(r.quote)!;
    const start = positions[r.occurrence - 1];
    results[i] = start === undefined ? { missing: true, found: positions.length } : { start, end: start + r.quote.length };
  });
  return results;
}

const BASE = 31;

function hashOf(s: string, from: number, gram: number): number {
  let h = 0;
  for (let i = 0; i < gram; i++) h = (Math.imul(h, BASE) + s.charCodeAt(from + i)) | 0;
  return h;
}

/** Bits of a hash that index the filter below, a bit set of 4 MB: 244,000 quotes set one bit in 140. */
const FILTER_BITS = 25;

/** Finds the quotes, each at least `gram` long, in one pass over the text. */
function scan(text: string, quotes: Array<[string, Sought]>, gram: number): void {
  const byHash = new Map<number, Array<[string, Sought]>>();
  // Whether some quote's hash has these low bits: nearly every position fails this test, which costs
  // a fraction of the Map lookup it spares them (a byte per slot, or fewer bits, passed 3–10 times
  // as many positions and ran 2–3 times slower).
  const filter = new Int32Array(1 << (FILTER_BITS - 5));
  const mask = (1 << FILTER_BITS) - 1;
  for (const q of quotes) {
    const h = hashOf(q[0], 0, gram);
    filter[(h & mask) >>> 5] |= 1 << (h & 31);
    const list = byHash.get(h);
    if (list) list.push(q);
    else byHash.set(h, [q]);
  }
  // BASE^(gram-1), to take the leaving character out of the rolling hash.
  let top = 1;
  for (let i = 0; i < gram - 1; i++) top = Math.imul(top, BASE);
  let h = hashOf(text, 0, gram);
  const last = text.length - gram;
  for (let i = 0; i <= last; i++) {
    const candidates = (filter[(h & mask) >>> 5] & (1 << (h & 31))) !== 0 ? byHash.get(h) : undefined;
    if (candidates) {
      for (const [quote, entry] of candidates) {
        if (entry.positions.length < entry.needed && text.startsWith(quote, i)) entry.positions.push(i);
      }
    }
    if (i < last) h = (Math.imul(h - Math.imul(text.charCodeAt(i), top), BASE) + text.charCodeAt(i + gram)) | 0;
  }
}
