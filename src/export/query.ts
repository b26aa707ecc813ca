import { badInput } from '../errors';
import { DEFAULT_DEPTH, type ExportFormat, type ExportQuery, type ExportView, MAX_DEPTH } from './model';

export interface RawExportQuery {
  person?: unknown;
  depth?: unknown;
  from?: unknown;
  to?: unknown;
  view?: unknown;
  measures?: unknown;
}

const one = (value: unknown): string | null => {
  if (Array.isArray(value)) value = value[value.length - 1];
  if (value === undefined || value === null) return null;
  const text = String(value).trim();
  return text === '' ? null : text;
};

/** An ISO calendar date that exists (2023-02-29 does not). */
export function isoDate(value: unknown, name: string): string | null {
  const text = one(value);
  if (text === null) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : null;
  if (!match || !date || date.getUTCFullYear() !== +match[1] || date.getUTCMonth() !== +match[2] - 1 || date.getUTCDate() !== +match[3]) {
    throw badInput(`${name} must be a date like 2023-06-19, not "${text}"`, { argument: name });
  }
  return text;
}

/** Validates what a command line or a query string asks for; BAD_USER_INPUT names the wrong argument. */
export function parseExportQuery(raw: RawExportQuery): ExportQuery {
  const person = one(raw.person);
  const depthText = one(raw.depth);
  const depth = depthText === null ? DEFAULT_DEPTH : Number(depthText);
  if (!Number.isInteger(depth) || depth < 0 || depth > MAX_DEPTH) {
    throw badInput(`depth must be a whole number from 0 to ${MAX_DEPTH}, not "${depthText}"`, { argument: 'depth' });
  }
  const from = isoDate(raw.from, 'from');
  const to = isoDate(raw.to, 'to');
  if (from !== null && to !== null && from > to) throw badInput(`from (${from}) is after to (${to})`, { argument: 'from' });
  const view = (one(raw.view) ?? 'full') as ExportView;
  if (view !== 'full' && view !== 'meetings') throw badInput(`view must be full or meetings, not "${view}"`, { argument: 'view' });
  const measuresText = one(raw.measures);
  const measures = measuresText === null ? true : !['0', 'false', 'no', 'off'].includes(measuresText.toLowerCase());
  return { person, depth, from, to, view, measures };
}

export const FORMATS: readonly ExportFormat[] = ['graphml', 'json', 'nodes.csv', 'edges.csv'];
