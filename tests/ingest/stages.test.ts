import { canonicalJson, contentHash } from '../../src/ingest/hash';
import { calendarProblem, holdsOn, parseTenureDate } from '../../src/ingest/dates';
import { jsonLocator } from '../../src/ingest/locations';
import { parseFactText } from '../../src/ingest/parse';
import { locateQuotes } from '../../src/ingest/quotes';
import { validateAgainstSchema } from '../../src/ingest/validate';
import { factCount, generateFactFile, optionsForFacts } from '../../bench/generate';
import { BASE, lineOf } from './fixtures';

describe('quotes', () => {
  /** The plain definition: the n-th start found by indexOf, counting overlaps. */
  const naive = (text: string, quote: string, occurrence: number) => {
    let at = -1;
    for (let n = 0; n < occurrence; n++) {
      at = text.indexOf(quote, at + 1);
      if (at === -1) return null;
    }
    return at;
  };

  test('the one-pass scan of a big text finds what indexOf finds, occurrences and overlaps included, for quotes of every gram length', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const words = ['alpha ', 'beta ', 'gamma ', 'delta ', 'aaaa ', 'ab ', 'ba '];
    let text = '';
    while (text.length < 300_000) text += words[Math.floor(rnd() * words.length)];
    const requests = Array.from({ length: 400 }, () => {
      const start = Math.floor(rnd() * (text.length - 110));
      // 2–101 characters: found by indexOf (under 16) and by each of the scan's gram lengths (16, 32, 64).
      const length = 2 + Math.floor(rnd() * 100);
      return { quote: rnd() < 0.1 ? `${text.slice(start, start + length)}zz` : text.slice(start, start + length), occurrence: 1 + Math.floor(rnd() * 3) };
    });
    const results = locateQuotes(text, requests);
    requests.forEach((r, i) => {
      const expected = naive(text, r.quote, r.occurrence);
      const got = results[i];
      if (expected === null) expect('missing' in got).toBe(true);
      else expect(got).toEqual({ start: expected, end: expected + r.quote.length });
    });
  });
});

describe('dates', () => {
  test('calendar days are checked, including leap years', () => {
    expect(calendarProblem('2024-02-29')).toBeNull();
    expect(calendarProblem('2023-02-29')).toBe('"2023-02-29" is not a calendar date: 2023-02 has 28 days');
    expect(calendarProblem('2023-13')).toBe('"2023-13" is not a calendar date: there is no month 13');
    expect(calendarProblem('2023')).toBeNull();
  });

  test('a tenure bound carries its precision, and an interval is half-open', () => {
    expect(parseTenureDate('2022-10')).toEqual({ day: { year: 2022, month: 10, day: 1 }, precision: 'MONTH' });
    expect(parseTenureDate('2012')).toEqual({ day: { year: 2012, month: 1, day: 1 }, precision: 'YEAR' });
    expect(holdsOn('2023-01-01', '2023-07-25', '2023-07-24')).toBe(true);
    expect(holdsOn('2023-01-01', '2023-07-25', '2023-07-25')).toBe(false);
    expect(holdsOn('2023-01-01', null, '2099-01-01')).toBe(true);
  });
});

describe('parsing and locations', () => {
  test('YAML and the same data as JSON give the same data and the same paths at their own lines', () => {
    const yaml = parseFactText(BASE, 'base.yaml');
    if (!yaml.ok) throw new Error('fixture does not parse');
    const jsonText = JSON.stringify(yaml.data, null, 2);
    const json = parseFactText(jsonText, 'base.json');
    if (!json.ok) throw new Error('JSON does not parse');
    expect(json.data).toEqual(yaml.data);
    const path = ['meetings', 0, 'participants', 1, 'delegation'];
    const at = json.locate(path)!;
    expect(jsonText.split('\n')[at.line - 1].trim()).toBe('"delegation": "TL",');
    expect(jsonText.split('\n')[at.line - 1].slice(at.column - 1)).toBe('"TL",');
    const line = lineOf(BASE, 'delegation: TL');
    expect(yaml.locate(path)).toEqual({ line, column: BASE.split('\n')[line - 1].indexOf('TL') + 1 });
  });

  test('a YAML alias becomes a copy of its anchor, never the same object in two places', () => {
    const text = 'meetings:\n  - participants: [&wang { person: wang-yi, position: fm }]\n  - participants: [*wang]\n';
    const parsed = parseFactText(text, 'aliases.yaml');
    if (!parsed.ok) throw new Error('does not parse');
    const [first, second] = (parsed.data as { meetings: Array<{ participants: object[] }> }).meetings;
    expect(second.participants[0]).toEqual(first.participants[0]);
    // The stages key what they resolve by the object that holds it (place-map.ts).
    expect(second.participants[0]).not.toBe(first.participants[0]);
  });

  test('the JSON locator falls back to the nearest existing ancestor and can point at a key', () => {
    const text = '{\n  "a": [\n    {"b": 1},\n    {"c": "x, ]}"}\n  ],\n  "d": {"e": null}\n}';
    const locate = jsonLocator(text);
    expect(locate(['a', 1, 'c'])).toEqual({ line: 4, column: 11 });
    expect(locate(['a', 1, 'missing'])).toEqual({ line: 4, column: 5 });
    expect(locate(['d', 'e'], true)).toEqual({ line: 6, column: 9 });
    expect(locate(['a', 5])).toEqual({ line: 2, column: 8 });
  });
});

describe('the generator', () => {
  test('is deterministic and produces schema-valid files of the asked size', () => {
    const a = generateFactFile(optionsForFacts(500, 3));
    const b = generateFactFile(optionsForFacts(500, 3));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(factCount(a)).toBe(500);
    expect(validateAgainstSchema(a)).toEqual([]);
    expect(JSON.stringify(generateFactFile(optionsForFacts(500, 4)))).not.toBe(JSON.stringify(a));
  });
});

describe('content hashes', () => {
  it('hash the canonical JSON: keys sorted by code unit, undefined left out, arrays in order, the same text as ever', () => {
    const value = { b: [3, { z: null, a: 'x', u: undefined }], a: 1, B: true, é: '2023-06-19' };
    expect(canonicalJson(value)).toBe('{"B":true,"a":1,"b":[3,{"a":"x","z":null}],"é":"2023-06-19"}');
    expect(contentHash(value)).toBe(contentHash({ é: '2023-06-19', B: true, a: 1, b: [3, { a: 'x', z: null }] }));
  });
});
