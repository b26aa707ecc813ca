import neo4j from 'neo4j-driver';

export type Precision = 'DAY' | 'MONTH' | 'YEAR' | 'ATTESTED';

/** A calendar day; months and days are 1-based. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TENURE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why `text` is not a real calendar day (`2023-02-30`), or null when it is one. */
export function calendarProblem(text: string): string | null {
  const m = TENURE_RE.exec(text);
  if (!m) return `"${text}" is not a date of the form YYYY-MM-DD`;
  const year = Number(m[1]);
  if (m[2] === undefined) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return `"${text}" is not a calendar date: there is no month ${month}`;
  if (m[3] === undefined) return null;
  const day = Number(m[3]);
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return `"${text}" is not a calendar date: ${year}-${m[2]} has ${last} days`;
  return null;
}

/** A full `YYYY-MM-DD` day; callers have checked it with calendarProblem. */
export function parseDay(text: string): Day {
  const m = DAY_RE.exec(text);
  if (!m) throw new Error(`not a day: ${text}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/**
 * A tenure bound: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. An imprecise bound is stored as the first day
 * of its period (with its precision beside it), so that intervals still compare as dates.
 */
export function parseTenureDate(text: string): { day: Day; precision: Exclude<Precision, 'ATTESTED'> } {
  const m = TENURE_RE.exec(text);
  if (!m) throw new Error(`not a tenure date: ${text}`);
  const precision = m[3] !== undefined ? 'DAY' : m[2] !== undefined ? 'MONTH' : 'YEAR';
  return { day: { year: Number(m[1]), month: Number(m[2] ?? 1), day: Number(m[3] ?? 1) }, precision };
}

/** ISO text of a day, which also orders days correctly as plain strings. */
export function isoDay(day: Day): string {
  return `${String(day.year).padStart(4, '0')}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
}

/** Tenure bound text → ISO day text (first day of its period). */
export function tenureIso(text: string): string {
  return isoDay(parseTenureDate(text).day);
}

/** The driver's DATE, for parameters; ISO strings would be stored as strings. */
export function toNeo4jDate(iso: string | null | undefined): unknown {
  if (iso === null || iso === undefined) return null;
  const d = parseTenureDate(iso).day;
  return new neo4j.types.Date(d.year, d.month, d.day);
}

/** Half-open `[start, end)` holds `day` (ISO strings compare as dates). */
export function holdsOn(start: string, end: string | null, day: string): boolean {
  return start <= day && (end === null || day < end);
}
