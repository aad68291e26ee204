import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Condition } from '../src/profile/schema.js';
import { ageOn, isCalendarDate, wallTime } from '../src/rules/dates.js';
import { evaluateCondition } from '../src/rules/evaluate.js';
import type { EvalContext, Facts, Tri } from '../src/rules/types.js';
import { expectToInstantInvertsWallTime, wallFromParts, ZONES } from './support/wall-oracle.js';

// Leaves are boolean facts b0..b3, each true (pass), false (fail) or absent (unknown), so a
// random tree over random facts covers every combination of the three values.
const VARS = ['b0', 'b1', 'b2', 'b3'] as const;
const ctx: EvalContext = {
  asOf: '2026-02-21',
  timezone: 'UTC',
  facts: { ...Object.fromEntries(VARS.map((v) => [v, { type: 'boolean' as const }])), never: { type: 'boolean' } },
};
const PASS: Condition = { fact: 'never', present: false };
const FAIL: Condition = { fact: 'never', present: true };
const UNKNOWN: Condition = { fact: 'never', equals: true };

const leafArb: fc.Arbitrary<Condition> = fc.constantFrom(...VARS).map((fact) => ({ fact, equals: true }));
const { cond: condArb } = fc.letrec<{ cond: Condition; all: Condition; any: Condition; not: Condition }>((tie) => ({
  cond: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leafArb, tie('all'), tie('any'), tie('not')),
  all: fc.array(tie('cond'), { minLength: 1, maxLength: 4 }).map((all) => ({ all })),
  any: fc.array(tie('cond'), { minLength: 1, maxLength: 4 }).map((any) => ({ any })),
  not: tie('cond').map((not) => ({ not })),
}));
const factsArb: fc.Arbitrary<Facts> = fc
  .tuple(...VARS.map(() => fc.constantFrom<boolean | undefined>(true, false, undefined)))
  .map((vals) => Object.fromEntries(VARS.flatMap((v, i) => (vals[i] === undefined ? [] : [[v, vals[i]!]]))));

const st = (c: Condition, facts: Facts): Tri => evaluateCondition(c, facts, ctx).status;

/** Kleene's logic written independently, over fail = 0 < unknown = ½ < pass = 1. */
function reference(c: Condition, facts: Facts): number {
  if ('all' in c) return Math.min(...c.all.map((s) => reference(s, facts)));
  if ('any' in c) return Math.max(...c.any.map((s) => reference(s, facts)));
  if ('not' in c) return 1 - reference(c.not, facts);
  const v = facts[c.fact];
  return v === undefined ? 0.5 : v === true ? 1 : 0;
}
const toTri = (x: number): Tri => (x === 1 ? 'pass' : x === 0 ? 'fail' : 'unknown');
const leafCount = (c: Condition): number =>
  'all' in c ? c.all.reduce((n, s) => n + leafCount(s), 0) : 'any' in c ? c.any.reduce((n, s) => n + leafCount(s), 0) : 'not' in c ? leafCount(c.not) : 1;

describe('three-valued logic (property)', () => {
  it('agrees with a reference Kleene evaluation and reports every leaf', () => {
    fc.assert(
      fc.property(condArb, factsArb, (c, facts) => {
        const r = evaluateCondition(c, facts, ctx);
        expect(r.status).toBe(toTri(reference(c, facts)));
        expect(r.leaves).toHaveLength(leafCount(c));
      }),
      { numRuns: 500 },
    );
  });

  it('not not x = x', () => {
    fc.assert(fc.property(condArb, factsArb, (x, f) => st({ not: { not: x } }, f) === st(x, f)));
  });

  it('De Morgan: not all = any not, not any = all not', () => {
    fc.assert(
      fc.property(fc.array(condArb, { minLength: 1, maxLength: 4 }), factsArb, (xs, f) => {
        const nots = xs.map((x) => ({ not: x }));
        expect(st({ not: { all: xs } }, f)).toBe(st({ any: nots }, f));
        expect(st({ not: { any: xs } }, f)).toBe(st({ all: nots }, f));
      }),
    );
  });

  it('identities: all with pass, any with fail; unknown absorbs all but the dominant value', () => {
    fc.assert(
      fc.property(condArb, factsArb, (x, f) => {
        const s = st(x, f);
        expect(st({ all: [x, PASS] }, f)).toBe(s);
        expect(st({ any: [FAIL, x] }, f)).toBe(s);
        expect(st({ all: [x] }, f)).toBe(s);
        expect(st({ any: [x] }, f)).toBe(s);
        expect(st({ all: [UNKNOWN, x] }, f)).toBe(s === 'fail' ? 'fail' : 'unknown');
        expect(st({ any: [x, UNKNOWN] }, f)).toBe(s === 'pass' ? 'pass' : 'unknown');
      }),
    );
  });

  it('is commutative', () => {
    fc.assert(
      fc.property(condArb, condArb, factsArb, (x, y, f) => {
        expect(st({ all: [x, y] }, f)).toBe(st({ all: [y, x] }, f));
        expect(st({ any: [x, y] }, f)).toBe(st({ any: [y, x] }, f));
      }),
    );
  });

  it('marks as decisive unknown leaves exactly when the outcome is unknown', () => {
    fc.assert(
      fc.property(condArb, factsArb, (c, f) => {
        const r = evaluateCondition(c, f, ctx);
        const decisive = r.leaves.filter((l) => l.decisive);
        expect(decisive.length).toBeGreaterThan(0);
        if (r.status === 'unknown') expect(decisive.every((l) => l.status === 'unknown')).toBe(true);
        else expect(decisive.some((l) => l.status === 'unknown')).toBe(false);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const ymd = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const dateArb = fc.oneof(
  fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  // Leap days are rare among random dates but are where age arithmetic goes wrong.
  fc.constantFrom('1980-02-29', '2000-02-29', '2024-02-29', '1981-02-28', '1981-03-01'),
);
const isLeap = (y: number) => new Date(Date.UTC(y, 1, 29)).getUTCMonth() === 1;
/** The n-th anniversary: same day, or 1 March for a 29 February in a common year. */
function anniversary(birth: string, n: number): string {
  const [y, m, d] = birth.split('-').map(Number) as [number, number, number];
  return m === 2 && d === 29 && !isLeap(y + n) ? ymd(y + n, 3, 1) : ymd(y + n, m, d);
}
const dayBefore = (s: string) => new Date(Date.parse(`${s}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

describe('dates (property)', () => {
  it('ageOn is monotone in the reference date', () => {
    fc.assert(
      fc.property(dateArb, dateArb, dateArb, (b, x, y) => {
        const [on1, on2] = x <= y ? [x, y] : [y, x];
        expect(ageOn(b, on1)).toBeLessThanOrEqual(ageOn(b, on2));
      }),
      { numRuns: 500 },
    );
  });

  it('ageOn reaches n on the n-th anniversary and not the day before', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 120 }), (b, n) => {
        const a = anniversary(b, n);
        expect(ageOn(b, a)).toBe(n);
        expect(ageOn(b, dayBefore(a))).toBe(n - 1);
        expect(ageOn(b, b)).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it('isCalendarDate agrees with a Date.UTC round trip', () => {
    // Years from 100: Date.UTC maps 0–99 to 1900–1999.
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const t = new Date(Date.UTC(y, m - 1, d));
        const exists = t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
        expect(isCalendarDate(ymd(y, m, d))).toBe(exists);
      }),
      { numRuns: 2000 },
    );
  });

  it('isCalendarDate refuses anything not shaped YYYY-MM-DD', () => {
    fc.assert(fc.property(fc.string(), (s) => !isCalendarDate(s) || /^\d{4}-\d{2}-\d{2}$/.test(s)));
  });

  it('wallTime gives the fields Intl gives, part by part, in any zone and year (0001 to 9999)', () => {
    // The oracle reads formatToParts, the slow way dates.ts takes only for another ICU; the
    // instants run from year 1 to 9999, so eras, zones' old local mean times and far futures all come by.
    fc.assert(
      fc.property(fc.integer({ min: -62_135_596_800_000, max: 253_402_300_799_000 }), fc.constantFrom(...ZONES), (t, tz) => {
        expect(wallTime(t, tz)).toBe(wallFromParts(t, tz));
      }),
      { numRuns: 2000 },
    );
  });

  it('toInstant inverts wallTime in any zone, taking the earlier of two repeated times', () => {
    expectToInstantInvertsWallTime(1000);
  });
});
