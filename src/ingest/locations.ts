import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, type Pair } from 'yaml';
import type { Path } from './problems';

export interface Position {
  line: number;
  column: number;
}

/** Finds where a path of the parsed file is written; the nearest existing ancestor when it is not. */
export type Locator = (path: Path, atKey?: boolean) => Position | null;

/** Locations from the yaml package's own nodes and line counter. */
export function yamlLocator(doc: Document, lineCounter: LineCounter): Locator {
  return (path, atKey = false) => {
    let node: unknown = doc.contents;
    let best: Node | null = (doc.contents as Node | null) ?? null;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i];
      if (isMap(node)) {
        const pair = (node.items as Pair[]).find((p) => (isScalar(p.key) ? p.key.value : p.key) === segment);
        if (!pair) break;
        if (atKey && i === path.length - 1) {
          best = pair.key as Node;
          break;
        }
        node = pair.value;
        best = (pair.value as Node | null) ?? (pair.key as Node);
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment];
        if (item === undefined) break;
        node = item;
        best = item as Node;
      } else {
        break;
      }
    }
    const offset = best?.range?.[0];
    if (offset === undefined) return null;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
}

/**
 * Locations in a JSON text without building yaml nodes for it: the yaml package needs over a
 * minute (and gigabytes) to compose a 40 MB JSON file, while this scan only runs for the few
 * paths that have a problem, and skips every subtree that is not on the way.
 */
export function jsonLocator(text: string): Locator {
  let lineStarts: number[] | null = null;
  const position = (offset: number): Position => {
    lineStarts ??= computeLineStarts(text);
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo] + 1 };
  };
  return (path, atKey = false) => {
    const offset = findJsonOffset(text, path, atKey);
    return offset === null ? null : position(offset);
  };
}

/** Line and column of a character offset, for syntax errors that only know the offset. */
export function positionAt(text: string, offset: number): Position {
  const starts = computeLineStarts(text.slice(0, offset + 1));
  const lineStart = starts[starts.length - 1];
  return { line: starts.length, column: offset - lineStart + 1 };
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    i++;
  }
  return i;
}

/** The offset just past the string that starts at `i` (a `"`). */
function skipString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x5c) j++;
    else if (c === 0x22) return j + 1;
  }
  return text.length;
}

/** The offset just past the value that starts at `i`. */
function skipValue(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return skipString(text, i);
  if (c === '{' || c === '[') {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const d = text[j];
      if (d === '"') j = skipString(text, j) - 1;
      else if (d === '{' || d === '[') depth++;
      else if (d === '}' || d === ']') {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    return text.length;
  }
  let j = i;
  while (j < text.length && !/[\s,}\]]/.test(text[j])) j++;
  return j;
}

function findJsonOffset(text: string, path: Path, atKey: boolean): number | null {
  let i = skipSpace(text, 0);
  if (i >= text.length) return null;
  for (let depth = 0; depth < path.length; depth++) {
    const segment = path[depth];
    const open = text[i];
    if (open === '{' && typeof segment === 'string') {
      let j = skipSpace(text, i + 1);
      let found = -1;
      while (j < text.length && text[j] === '"') {
        const keyEnd = skipString(text, j);
        const key = JSON.parse(text.slice(j, keyEnd)) as string;
        const valueStart = skipSpace(text, skipSpace(text, keyEnd) + 1);
        if (key === segment) {
          if (atKey && depth === path.length - 1) return j;
          found = valueStart;
          break;
        }
        j = skipSpace(text, skipValue(text, valueStart));
        if (text[j] === ',') j = skipSpace(text, j + 1);
      }
      if (found === -1) return i;
      i = found;
    } else if (open === '[' && typeof segment === 'number') {
      let j = skipSpace(text, i + 1);
      let index = 0;
      while (index < segment && j < text.length && text[j] !== ']') {
        j = skipSpace(text, skipValue(text, j));
        if (text[j] === ',') j = skipSpace(text, j + 1);
        index++;
      }
      if (index < segment || text[j] === ']') return i;
      i = j;
    } else {
      return i;
    }
  }
  return i;
}
