import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';

/**
 * Named Cypher queries live as files under `cypher/queries/<aggregate>/<name>.cypher` and are run
 * by name (`person/by-name`), so that every query the service can send is reviewable in one folder
 * and user text can only ever reach Cypher as a parameter.
 *
 * Clauses several queries share (the map a meeting is returned as, the rule that picks one of
 * equally short paths) are written once, in a fragment `<aggregate>/<name>.fragment.cypher`, and
 * taken in by a line `#include <aggregate>/<name>`, indented or not. A fragment is not a query of
 * its own; it may include other fragments (a participant's map takes in a person's), never itself.
 */
const QUERY_ROOT = path.join(PROJECT_ROOT, 'cypher', 'queries');
const FRAGMENT_SUFFIX = '.fragment.cypher';
const INCLUDE = /^([ \t]*)#include ([a-z0-9-]+\/[a-z0-9-]+)[ \t]*$/gm;
/** Any #include line, well-formed or not: left over after expansion, it is a mistake. */
const ANY_INCLUDE = /^[ \t]*#include /m;
const cache = new Map<string, string>();

/**
 * A named query with literals set. Cypher takes no parameter where a value shapes the query itself
 * (the bounds of a quantified path, the relationship types of a pattern), so such a value is
 * marked in the file by a block comment holding its name right before it (see
 * traversal/shortest-path). The file as written is valid Cypher with its own value; a caller may
 * set another: a whole number, or a list of identifiers (relationship types, written `A|B`), never
 * free text. Identifiers come from the service's own constants, and are checked all the same.
 */
export interface NamedQuery {
  name: string;
  literals: Record<string, number | string[]>;
}

export type QueryName = string | NamedQuery;

/** The query's name, as metrics and logs report it. */
export function queryName(query: QueryName): string {
  return typeof query === 'string' ? query : query.name;
}

export function cypher(query: QueryName): string {
  const name = queryName(query);
  let text = cache.get(name);
  if (text === undefined) {
    text = withoutComments(expandIncludes(name, readQueryFile(name, '.cypher'), (fragment) => readQueryFile(fragment, FRAGMENT_SUFFIX)));
    cache.set(name, text);
  }
  return typeof query === 'string' ? text : withLiterals(name, text, query.literals);
}

/**
 * `text` (of query `name`) with every `#include` line replaced by its fragment, as `readFragment`
 * gives it, itself expanded. Each fragment is indented as its #include line is, so that a fragment
 * inside a subquery reads as part of it. A fragment that includes itself, at any depth, is an error.
 */
export function expandIncludes(name: string, text: string, readFragment: (fragment: string) => string, including: string[] = [name]): string {
  const expanded = text.replace(INCLUDE, (_line, indent: string, fragment: string) => {
    if (including.includes(fragment)) throw new Error(`${[...including, fragment].join(' → ')}: a fragment includes itself`);
    return expandIncludes(name, readFragment(fragment), readFragment, [...including, fragment])
      .trimEnd()
      .split('\n')
      .map((line) => indent + line)
      .join('\n');
  });
  if (ANY_INCLUDE.test(expanded)) throw new Error(`${including.join(' → ')}: malformed #include line (write \`#include <aggregate>/<name>\`)`);
  return expanded;
}

/**
 * `text` without its line comments, trailing blanks and blank lines, indentation kept. The comments
 * are for the reader of `cypher/queries`; sent, they were half of most statements, and neo4j-driver
 * writes a message to its socket 1,400 bytes at a time: the shortest path's statement took three
 * writes instead of one (docs/benchmark.md, session 7). Strings and backquoted names are copied as
 * they are, `//` in them included, and so are block comments, which mark literals (NamedQuery).
 */
export function withoutComments(text: string): string {
  let out = '';
  let lineStart = 0;
  let i = 0;
  // Ends the line being written: without trailing blanks, and not at all if nothing is left of it.
  const endLine = () => {
    const line = out.slice(lineStart).trimEnd();
    out = line.trim() === '' ? out.slice(0, lineStart) : `${out.slice(0, lineStart)}${line}\n`;
    lineStart = out.length;
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '\n') {
      endLine();
      i++;
    } else if (c === "'" || c === '"' || c === '`') {
      const end = closingQuote(text, i);
      out += text.slice(i, end);
      i = end;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      const end = close === -1 ? text.length : close + 2;
      out += text.slice(i, end);
      i = end;
    } else {
      out += c;
      i++;
    }
  }
  endLine();
  return out.trimEnd();
}

/** Where the string or backquoted name opening at `start` ends (just past its closing quote). */
function closingQuote(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length) {
    if (quote !== '`' && text[i] === '\\') i += 2;
    else if (text[i] === quote && quote === '`' && text[i + 1] === '`') i += 2;
    else if (text[i] === quote) return i + 1;
    else i++;
  }
  return text.length;
}

function readQueryFile(name: string, suffix: string): string {
  const file = path.join(QUERY_ROOT, `${name}${suffix}`);
  if (!file.startsWith(QUERY_ROOT + path.sep)) throw new Error(`Bad query name ${name}`);
  return fs.readFileSync(file, 'utf8');
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LITERAL_TEXT = { number: '\\d+', identifiers: '[A-Za-z_][A-Za-z0-9_]*(?:\\|[A-Za-z_][A-Za-z0-9_]*)*' };

function withLiterals(name: string, text: string, literals: Record<string, number | string[]>): string {
  let result = text;
  for (const [literal, value] of Object.entries(literals)) {
    let replacement: string;
    if (Array.isArray(value)) {
      if (value.length === 0 || !value.every((v) => IDENTIFIER.test(v))) throw new Error(`${name}: literal ${literal} must be a list of identifiers, not ${JSON.stringify(value)}`);
      replacement = value.join('|');
    } else {
      if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name}: literal ${literal} must be a whole number, not ${value}`);
      replacement = String(value);
    }
    const marker = new RegExp(`/\\*${literal}\\*/${Array.isArray(value) ? LITERAL_TEXT.identifiers : LITERAL_TEXT.number}`, 'g');
    if (!marker.test(result)) throw new Error(`${name} has no literal /*${literal}*/`);
    result = result.replace(marker, `/*${literal}*/${replacement}`);
  }
  return result;
}

/** Every query name in the catalogue, for the test that checks each one compiles (EXPLAIN). */
export function allQueryNames(): string[] {
  const names: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.cypher') && !entry.name.endsWith(FRAGMENT_SUFFIX)) names.push(path.relative(QUERY_ROOT, full).replace(/\.cypher$/, '').split(path.sep).join('/'));
    }
  };
  walk(QUERY_ROOT);
  return names.sort();
}
