// "Did you mean …?": the closest known name, or none.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestName } from '../src/suggest.js';

const FACTS = ['applicantType', 'fullName', 'birthDate', 'nationality', 'diplomaLevel', 'diplomaForeign', 'experienceYears', 'languages', 'submittedAt'];

describe('closestName', () => {
  it.each([
    ['birthdate', 'birthDate'],
    ['birth_date', 'birthDate'],
    ['Birth-Date', 'birthDate'],
    ['nationalite', 'nationality'],
    ['langauges', 'languages'],
    ['diplomalevl', 'diplomaLevel'],
    ['éxperienceYears', 'experienceYears'],
  ])('%s → %s', (typed, meant) => {
    expect(closestName(typed, FACTS)).toBe(meant);
  });

  it.each([['colour'], ['age'], [''], ['zzzzzzzzzz'], ['birthDate']])('%j → nothing (far, or already known)', (typed) => {
    expect(closestName(typed, FACTS)).toBeUndefined();
  });

  it('a known name is never "corrected", and any suggestion is a known name (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 8 }), fc.string({ maxLength: 14 }), (known, typed) => {
        const s = closestName(typed, known);
        if (known.includes(typed)) expect(s === undefined || s !== typed).toBe(true);
        if (s !== undefined) expect(known).toContain(s);
      }),
    );
  });

  it('one edit on a long name finds it back (fast-check)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FACTS.filter((f) => f.length >= 9)), fc.nat(), fc.constantFrom('drop', 'swap', 'replace'), (name, at, edit) => {
        const i = at % (name.length - 1);
        const typo =
          edit === 'drop' ? name.slice(0, i) + name.slice(i + 1) : edit === 'swap' ? name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2) : name.slice(0, i) + 'q' + name.slice(i + 1);
        fc.pre(typo.toLowerCase() !== name.toLowerCase());
        expect(closestName(typo, FACTS)).toBe(name);
      }),
    );
  });
});
