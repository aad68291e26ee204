// src/rules/dates.ts reads an instant's wall-clock fields from Intl's format() with a regular
// expression shaped on this ICU's en-US output, and from formatToParts() when the text has any
// other shape (another ICU, another Node). This ICU never takes that second path, so here
// format() answers in another shape (the parts joined another way), and every instant must
// still come out as formatToParts says. Its own file: dates.ts remembers its answers, and a
// test file's modules are its own.
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { wallTime } from '../src/rules/dates.js';
import { expectToInstantInvertsWallTime, wallFromParts, ZONES } from './support/wall-oracle.js';

// format is a getter on the prototype (a function bound to the formatter), which the lib's
// types call a method.
const prototype = Intl.DateTimeFormat.prototype as unknown as { format: unknown };
const format = vi.spyOn(prototype, 'format', 'get').mockImplementation(function (this: Intl.DateTimeFormat) {
  return (date?: Date | number) =>
    this.formatToParts(date)
      .map((p) => p.value)
      .join('|');
});
afterAll(() => format.mockRestore());

describe('dates when format() has a shape the regular expression does not know', () => {
  it('wallTime reads the parts, and gives what they say in any zone and year (0001 to 9999)', () => {
    const before = format.mock.calls.length;
    fc.assert(
      fc.property(fc.integer({ min: -62_135_596_800_000, max: 253_402_300_799_000 }), fc.constantFrom(...ZONES), (t, tz) => {
        expect(wallTime(t, tz)).toBe(wallFromParts(t, tz));
      }),
      { numRuns: 1000 },
    );
    // The fields came through format() (and so through the parts), not from somewhere else.
    expect(format.mock.calls.length).toBeGreaterThan(before);
  });

  it('the first day of year 1 in a zone west of Greenwich is in 1 BC, year 0', () => {
    const t = -62_135_596_800_000; // 0001-01-01T00:00:00Z
    expect(wallTime(t, 'UTC')).toBe('0001-01-01T00:00:00');
    expect(wallTime(t, 'America/New_York')).toMatch(/^0000-12-31T19:/);
    expect(wallTime(t, 'America/New_York')).toBe(wallFromParts(t, 'America/New_York'));
  });

  it('toInstant inverts wallTime through the parts too', () => {
    expectToInstantInvertsWallTime(500);
  });
});
