// Calendar arithmetic done by hand on Y-M-D fields: `new Date('1990-02-30')` silently rolls
// over to March and `Date.UTC(50, …)` means 1950, so neither may decide an applicant's age.
// Instants without an offset are wall time in the profile's zone, resolved through Intl so the
// tz database (Morocco's Ramadan switches included) decides, not a hard-coded offset.
import { rememberedUpTo } from '../remembered.js';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Seconds and offset are optional because HR writes "2026-02-21T23:59"; a space may replace
// the T because spreadsheets export it that way (RFC 3339 allows it).
const DATETIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?)?$/;

const isLeap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parseDate(s: unknown): Ymd | null {
  if (typeof s !== 'string') return null;
  const m = DATE_RE.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) ? { y, m: mo, d } : null;
}

/** A YYYY-MM-DD date that exists in the proleptic Gregorian calendar. */
export function isCalendarDate(s: string): boolean {
  return parseDate(s) !== null;
}

/**
 * Whole years reached on `on` by someone born on `birth` (negative when `on` is before the
 * birth). Someone born on 29 February reaches the next year on 1 March in common years.
 */
export function ageOn(birth: string, on: string): number {
  const b = parseDate(birth);
  const o = parseDate(on);
  if (!b) throw new RangeError(`not a calendar date: ${birth}`);
  if (!o) throw new RangeError(`not a calendar date: ${on}`);
  // Comparing (month, day) pairs gives the 1 March rule for free: (2,28) < (2,29) < (3,1).
  const reached = o.m > b.m || (o.m === b.m && o.d >= b.d);
  return o.y - b.y - (reached ? 0 : 1);
}

/** Epoch ms of wall-clock fields read as UTC, valid for every year 0–9999. */
function utcMs(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  t.setUTCHours(h, mi, s, ms);
  return t.getTime();
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timezone, f);
  }
  return f;
}

type Fields = readonly [number, number, number, number, number, number, number];

// Asking Intl costs a few µs (computeWallFields), and every dossier of a batch asks for the
// same few instants (the date of the check, the deadline): answers are remembered, exactly,
// instant by instant.
// At most DATES_KEPT of them: the few that recur are back within a dossier, and 4,096 kept
// made 4,000 dossiers a megabyte heavier than 1,000 (every candidate's birth date was kept).
const DATES_KEPT = 512;
const wallCache = rememberedUpTo<Fields>(DATES_KEPT);

/** Wall-clock fields of an instant in a zone (milliseconds kept from the instant). */
function wallFields(t: number, timezone: string): Fields {
  return wallCache(`${timezone} ${t}`, () => computeWallFields(t, timezone));
}

// What format() gives for these options in ICU's en-US: "2/11/2026 AD, 13:41:00". Read with
// a regular expression it costs a third of formatToParts (≈ 3 µs against ≈ 9), and every
// dossier's submission time is a new instant. Any other shape (another ICU) is read from the
// parts instead.
const FORMATTED = /^(\d+)\/(\d+)\/(\d+) (AD|BC), (\d+):(\d+):(\d+)$/;

function computeWallFields(t: number, timezone: string): Fields {
  const ms = ((t % 1000) + 1000) % 1000;
  const f = formatter(timezone);
  const m = FORMATTED.exec(f.format(new Date(t)));
  if (m) {
    const year = Number(m[3]);
    return [m[4] === 'BC' ? 1 - year : year, Number(m[1]), Number(m[2]), Number(m[5]), Number(m[6]), Number(m[7]), ms];
  }
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(t))) parts[p.type] = p.value;
  const year = Number(parts.year);
  const y = parts.era === 'BC' || parts.era === 'B' ? 1 - year : year;
  return [y, Number(parts.month), Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second), ms];
}

/** Offset of `timezone` from UTC at instant `t`, in ms (east positive). */
function offsetAt(t: number, timezone: string): number {
  return utcMs(...wallFields(t, timezone)) - t;
}

/**
 * Epoch ms of an ISO date-time. Without an offset it is wall time in `timezone`; a bare date
 * means 00:00 that day. Null when the text is not a valid date-time.
 */
export function toInstant(s: string, timezone: string): number | null {
  if (typeof s !== 'string') return null;
  // A dossier's dates are read several times (validated, judged, explained), each costing a
  // few time-zone lookups: remembered, exactly, as the instants' wall fields are.
  return instantCache(`${timezone} ${s}`, () => computeInstant(s, timezone));
}

const instantCache = rememberedUpTo<number | null>(DATES_KEPT);

function computeInstant(s: string, timezone: string): number | null {
  const m = DATETIME_RE.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  const h = m[4] === undefined ? 0 : Number(m[4]);
  const mi = m[5] === undefined ? 0 : Number(m[5]);
  const sec = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0').slice(0, 3));
  if (h > 23 || mi > 59 || sec > 59) return null;
  const wall = utcMs(y, mo, d, h, mi, sec, ms);
  if (m[8]) return wall;
  if (m[9]) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return null;
    return wall - (m[9] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  // A wall time maps to 0, 1 or 2 instants. The offsets a day or so either side bracket any single
  // transition; try both. Two matches (clocks set back): the earlier instant, as Temporal's
  // 'compatible' does. No match (clocks set forward, the time never existed): shift it forward
  // by the gap, i.e. read it with the offset in force before the change.
  // The probes are on whole hours, a day or a little more away: the same few for every
  // dossier submitted within the same hours, and remembered (wallFields).
  const before = offsetAt(Math.floor((wall - 86_400_000) / 3_600_000) * 3_600_000, timezone);
  const after = offsetAt(Math.ceil((wall + 86_400_000) / 3_600_000) * 3_600_000, timezone);
  const matches = [...new Set([before, after])].map((o) => wall - o).filter((t) => offsetAt(t, timezone) === wall - t);
  if (matches.length > 0) return Math.min(...matches);
  return wall - before;
}

/** An instant as wall time in `timezone`: 'YYYY-MM-DDTHH:MM:SS', with '.mmm' when not whole seconds. */
export function wallTime(t: number, timezone: string): string {
  const [y, mo, d, h, mi, s, ms] = wallFields(t, timezone);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(y, 4)}-${p(mo)}-${p(d)}T${p(h)}:${p(mi)}:${p(s)}${ms ? `.${p(ms, 3)}` : ''}`;
}
