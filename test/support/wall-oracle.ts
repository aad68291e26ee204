// What an instant's wall clock reads in a zone, as Intl's formatToParts says, written as
// src/rules/dates.ts's wallTime writes it: the oracle of the date tests, read part by part,
// the slow way dates.ts takes only when format() has a shape it does not know.
import fc from 'fast-check';
import { expect } from 'vitest';
import { toInstant, wallTime } from '../../src/rules/dates.js';

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

/** toInstant inverts wallTime in every zone, taking the earlier of two repeated wall times (1970 to 2038). */
export function expectToInstantInvertsWallTime(numRuns: number): void {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 2_145_916_800_000 }), fc.constantFrom(...ZONES), (t, tz) => {
      const wall = wallTime(t, tz);
      const back = toInstant(wall, tz);
      expect(back).not.toBeNull();
      expect(back!).toBeLessThanOrEqual(t);
      expect(wallTime(back!, tz)).toBe(wall);
    }),
    { numRuns },
  );
}
