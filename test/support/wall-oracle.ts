// What an instant's wall clock reads in a zone, as Intl's formatToParts says, written as
// src/rules/dates.ts's wallTime writes it: the oracle of the date tests, read part by part,
// the slow way dates.ts takes only when format() has a shape it does not know.
const formatters = new Map<string, Intl.DateTimeFormat>();

export function wallFromParts(t: number, tz: string): string {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', era: 'short', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(tz, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
  const year = p.era === 'BC' ? 1 - Number(p.year) : Number(p.year);
  const pad = (n: number | string, w = 2) => String(n).padStart(w, '0');
  const ms = ((t % 1000) + 1000) % 1000;
  return `${pad(year, 4)}-${pad(p.month!)}-${pad(p.day!)}T${pad(p.hour!)}:${pad(p.minute!)}:${pad(p.second!)}${ms ? `.${pad(ms, 3)}` : ''}`;
}

/** Zones with daylight saving, half hours, quarter hours, a skipped day and old local mean times. */
export const ZONES = ['UTC', 'Africa/Casablanca', 'Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Apia'];
