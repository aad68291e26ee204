// candidate.yaml's facts are accepted without zod when they are valid (src/facts/schema.ts,
// factValueAccepts); zod still speaks for the others. The two must agree on every value, for
// every kind of fact, or a batch would take a value a single check refuses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factValueAccepts } from '../src/facts/accept.js';
import { factValueSchema } from '../src/facts/schema.js';
import type { FactDecl } from '../src/profile/schema.js';
import { bundledProfile } from './support/profile.js';

const profile = await bundledProfile();
const DECLS: [string, FactDecl][] = [
  ...Object.entries(profile.facts),
  ['free text', { type: 'string' }],
  ['code', { type: 'string', pattern: '^[A-Z]{2}\\d+$' }],
  ['sticky pattern', { type: 'string', pattern: 'a+' }],
  ['choice', { type: 'enum', values: ['a', 'b', 'constructor'] }],
  ['whole', { type: 'integer' }],
  ['bounded', { type: 'integer', min: -3, max: 40 }],
  ['real', { type: 'number', min: 0.5, max: 2.5 }],
  ['date', { type: 'date' }],
  ['moment', { type: 'datetime' }],
  ['codes', { type: 'list', pattern: '^[a-z]{2}$' }],
  ['words', { type: 'list' }],
];

/** Values of every type, and the edges each kind of fact has. */
const valueArb = fc.oneof(
  fc.anything(),
  fc.constantFrom<unknown>(
    '', 'a', 'AB12', 'ab12', 'aaa', 'constructor', 'toString', 'master', 'licence', 'MA', 'external', 'agent',
    0, -0, 1, -3, 40, 41, 2.5, 0.49, 1.5, NaN, Infinity, -Infinity, 2 ** 53, 2 ** 53 - 1, -(2 ** 53), 1e21, true, false, null, undefined,
    '1990-05-14', '1990-02-30', '2024-02-29', '2023-02-29', '1990-5-14', '2026-02-20T18:30:00', '2026-02-20T18:30:00+01:00', '2026-02-20 18:30',
    '2026-02-20T25:00:00', '2026-13-01T00:00:00', ['ar', 'fr'], ['ar', 5], [], ['AR'], [null], { 0: 'ar', length: 1 }, new Date(0),
    // A list with a hole: zod reads the hole as undefined, which is no string.
    // eslint-disable-next-line no-sparse-arrays
    ['ar', , 'fr'],
  ),
);

describe('facts accepted without zod', () => {
  it('agree with zod on every value, for every kind of fact', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DECLS), valueArb, ([, decl], value) => {
        const fast = factValueAccepts(decl, profile.timezone)(value);
        expect(fast).toBe(factValueSchema(decl, profile.timezone).safeParse(value).success);
      }),
      { numRuns: 6000, seed: 20261202 },
    );
  });

  it('take the facts of a valid declaration, and refuse what zod refuses', () => {
    const level = profile.facts.diplomaLevel!;
    expect(factValueAccepts(level, profile.timezone)('master')).toBe(true);
    expect(factValueAccepts(level, profile.timezone)('Master')).toBe(false);
    expect(factValueAccepts(profile.facts.birthDate!, profile.timezone)('1990-02-30')).toBe(false);
    expect(factValueAccepts(profile.facts.languages!, profile.timezone)(['ar', 'fr'])).toBe(true);
  });
});
