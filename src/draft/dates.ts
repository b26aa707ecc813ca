/**
 * Dates and durations as news text writes them, resolved against the article's date.
 * wink-nlp finds the expressions (DATE and DURATION entities); these rules give them a value.
 */

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export interface ResolvedDate {
  date: string; // YYYY-MM-DD
  /** The raw wording ("on Monday"); null when the text gave an absolute date. */
  expression: string | null;
  /** true when the wording only gives an approximate day ("last week"). */
  approximate: boolean;
}

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function parseIso(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function addDays(date: string, days: number): string {
  const d = parseIso(date);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDate(d);
}

/**
 * Resolves a DATE expression. Weekday names point to the latest such day on or before the
 * article's date (news reports what happened); a month and day without a year take the article's
 * year unless that lies after the article, then the year before. Returns null for what is not a day
 * ("2018", "last month").
 */
export function resolveDate(expression: string, articleDate: string): ResolvedDate | null {
  const e = expression.toLowerCase().replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim();
  const words = e.split(' ');
  const weekday = words.map((w) => WEEKDAYS.indexOf(w)).find((i) => i >= 0);
  if (weekday !== undefined && !words.some((w) => MONTHS.includes(w))) {
    const back = (parseIso(articleDate).getUTCDay() - weekday + 7) % 7;
    const lastWeek = words.includes('last') && back === 0 ? 7 : 0;
    return { date: addDays(articleDate, -(back + lastWeek)), expression, approximate: false };
  }
  if (e === 'today' || e === 'this morning' || e === 'tonight' || e === 'this evening') return { date: articleDate, expression, approximate: false };
  if (e === 'yesterday' || e === 'last night') return { date: addDays(articleDate, -1), expression, approximate: false };
  if (e === 'last week') {
    // The Monday of the week before the article's: a day is required, the wording is kept.
    const day = parseIso(articleDate).getUTCDay();
    return { date: addDays(articleDate, -(((day + 6) % 7) + 7)), expression, approximate: true };
  }
  if (e === 'earlier this week' || e === 'this week') {
    const day = parseIso(articleDate).getUTCDay();
    return { date: addDays(articleDate, -((day + 6) % 7)), expression, approximate: true };
  }
  const month = words.findIndex((w) => MONTHS.includes(w) || MONTHS.some((m) => m.slice(0, 3) === w));
  if (month >= 0) {
    const m = MONTHS.findIndex((x) => x === words[month] || x.slice(0, 3) === words[month]) + 1;
    const day = words.map((w) => Number(w)).find((n) => Number.isInteger(n) && n >= 1 && n <= 31);
    const year = words.map((w) => Number(w)).find((n) => Number.isInteger(n) && n >= 1000 && n <= 9999);
    if (!day) return null;
    let y = year ?? Number(articleDate.slice(0, 4));
    let date = `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (!year && date > articleDate) {
      y -= 1;
      date = `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    }
    if (Number.isNaN(parseIso(date).getTime())) return null;
    return { date, expression: year ? null : expression, approximate: false };
  }
  return null;
}

const SMALL: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, ninety: 90,
};

export interface ResolvedDuration {
  minutes: number | null;
  expression: string;
}

/**
 * "seven and a half hours" → 450, "90 minutes" → 90, "about four hours" → 240 (the wording keeps
 * the "about"); bounds such as "less than 10 minutes" keep only the wording.
 */
export function parseDuration(expression: string): ResolvedDuration | null {
  const e = expression.toLowerCase().replace(/-/g, ' ').replace(/\s+/g, ' ').trim();
  const unit = /\b(minute|hour|day)s?\b/.exec(e);
  if (!unit) return null;
  if (/\b(less|more|fewer|under|over|nearly|almost)\b/.test(e)) return { minutes: null, expression };
  const factor = unit[1] === 'minute' ? 1 : unit[1] === 'hour' ? 60 : 1440;
  const words = e.slice(0, unit.index).trim().split(' ').filter((w) => w && w !== 'about' && w !== 'around' && w !== 'some' && w !== 'roughly' && w !== 'for');
  let value = 0;
  let seen = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === 'half' && (words[i - 1] === 'a' || words[i - 1] === 'and')) {
      value += 0.5;
      seen = true;
      continue;
    }
    if (w === 'and') continue;
    if (w === 'a' && words[i + 1] === 'half') continue;
    const n = /^\d+(\.\d+)?$/.test(w) ? Number(w) : SMALL[w];
    if (n === undefined) continue;
    value += n;
    seen = true;
  }
  if (/^half an? /.test(e)) return { minutes: factor / 2, expression };
  if (!seen) return { minutes: null, expression }; // "for hours": the wording only
  return { minutes: Math.round(value * factor), expression };
}
