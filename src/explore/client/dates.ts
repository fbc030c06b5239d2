/**
 * Dates as precise as the source: a day (2025-04-11), a month (2025-04), a year (2025), or an interval of those
 * (2015/2016). Each is a span of time, never a guessed day: a year is the whole year, placed as such.
 */
export type Precision = 'day' | 'month' | 'year';

export interface PartialDate {
  /** The text as stored. */
  raw: string;
  /** Start of the span (inclusive), ms since 1970 UTC. */
  start: number;
  /** End of the span (exclusive), ms since 1970 UTC. */
  end: number;
  /** Precision of the start (and of the end, for an interval). */
  precision: Precision;
  interval: boolean;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface Point {
  year: number;
  month?: number;
  day?: number;
}

function parsePoint(text: string): Point | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), match[2] ? Number(match[2]) : undefined, match[3] ? Number(match[3]) : undefined];
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && (day < 1 || day > 31)) return undefined;
  return { year, month, day };
}

const precisionOf = (point: Point): Precision => (point.day ? 'day' : point.month ? 'month' : 'year');

function spanOf(point: Point): [number, number] {
  if (point.day) {
    const start = Date.UTC(point.year, point.month! - 1, point.day);
    return [start, start + 86_400_000];
  }
  if (point.month) return [Date.UTC(point.year, point.month - 1, 1), Date.UTC(point.year, point.month, 1)];
  return [Date.UTC(point.year, 0, 1), Date.UTC(point.year + 1, 0, 1)];
}

/** The span a date stands for, or undefined when the text is not an ISO date of one of the known forms. */
export function parsePartialDate(raw: string | null | undefined): PartialDate | undefined {
  if (!raw) return undefined;
  const parts = raw.split('/');
  if (parts.length > 2) return undefined;
  const points = parts.map(parsePoint);
  if (points.some((point) => !point)) return undefined;
  const [first, last = first] = points as Point[];
  const start = spanOf(first)[0];
  const end = spanOf(last)[1];
  if (end <= start) return undefined;
  return { raw, start, end, precision: precisionOf(first), interval: parts.length === 2 };
}

function formatPoint(point: Point): string {
  if (point.day) return `${point.day} ${MONTHS[point.month! - 1]} ${point.year}`;
  if (point.month) return `${MONTHS[point.month - 1]} ${point.year}`;
  return String(point.year);
}

/** "11 April 2025", "April 2025", "2025", "2015 to 2016"; the raw text when it is not a known form. */
export function formatDate(raw: string | null | undefined): string {
  if (!raw) return '';
  const points = raw.split('/').map(parsePoint);
  if (!parsePartialDate(raw)) return raw;
  return points.length === 2 ? `${formatPoint(points[0]!)} to ${formatPoint(points[1]!)}` : formatPoint(points[0]!);
}

/** The date as it reads in a sentence: "on 11 April 2025", "in April 2025", "in 2025", "between 2015 and 2016". */
export function datePhrase(raw: string | null | undefined): string {
  if (!raw) return '';
  const date = parsePartialDate(raw);
  if (!date) return `on ${raw}`;
  const points = raw.split('/').map(parsePoint) as Point[];
  if (date.interval) return `between ${formatPoint(points[0])} and ${formatPoint(points[1])}`;
  return `${date.precision === 'day' ? 'on' : 'in'} ${formatPoint(points[0])}`;
}

/** How precise the source is, in words, for a date that is not a day. */
export function precisionNote(raw: string | null | undefined): string {
  const date = parsePartialDate(raw);
  if (!date) return raw ? 'date in an unknown form' : 'no date in the source';
  if (date.interval) return 'an interval: the source gives no finer date';
  return date.precision === 'day' ? '' : `the source gives the ${date.precision} only`;
}

/** Sorts by start, then the more precise first (a day before the month holding it). */
export function compareDates(a: string | null | undefined, b: string | null | undefined): number {
  const x = parsePartialDate(a);
  const y = parsePartialDate(b);
  if (!x || !y) return x ? -1 : y ? 1 : 0;
  return x.start - y.start || x.end - y.end;
}

/** The year of a date's start, for filters by years. */
export const yearOf = (raw: string | null | undefined): number | undefined => {
  const date = parsePartialDate(raw);
  return date ? new Date(date.start).getUTCFullYear() : undefined;
};

/** The last year a date's span touches. */
export const lastYearOf = (raw: string | null | undefined): number | undefined => {
  const date = parsePartialDate(raw);
  return date ? new Date(date.end - 1).getUTCFullYear() : undefined;
};
