import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { explainLeaf, explainVerdict } from '../src/i18n/rule-messages.js';
import { profileSchema, type Condition, type Profile } from '../src/profile/schema.js';
import { ageOn, isCalendarDate, toInstant, wallTime } from '../src/rules/dates.js';
import { ConditionError, eligibilityOf, evaluateCondition, evaluateRules } from '../src/rules/evaluate.js';
import type { EvalContext, Facts, Leaf, RuleVerdict } from '../src/rules/types.js';
import { validateConditions } from '../src/rules/validate.js';
import { AS_OF, GOOD_FACTS } from './support/reports.js';

const PROFILE_FILE = new URL('../samples/profiles/ofppt-2026-chef-service-cooperation-financiere.yaml', import.meta.url);
const profile: Profile = profileSchema.parse(parse(readFileSync(PROFILE_FILE, 'utf8')));

/** A candidate every binding rule of the bundled profile accepts. */
const ELIGIBLE: Facts = GOOD_FACTS;

const run = (facts: Facts, asOf = AS_OF) => evaluateRules(profile, facts, asOf);
const verdict = (facts: Facts, id: string, asOf = AS_OF): RuleVerdict => {
  const v = run(facts, asOf).find((r) => r.id === id);
  if (!v) throw new Error(`no rule ${id}`);
  return v;
};
const with_ = (extra: Facts): Facts => ({ ...ELIGIBLE, ...extra });
const without = (fact: string): Facts => Object.fromEntries(Object.entries(ELIGIBLE).filter(([k]) => k !== fact));
const label = (lang: 'fr' | 'en') => (fact: string) => profile.facts[fact]?.label?.[lang];

describe('bundled profile', () => {
  it('passes its own condition checks', () => {
    expect(validateConditions(profile)).toEqual([]);
  });

  it('finds an eligible external candidate eligible, agent rules and deadline skipped', () => {
    const vs = run(ELIGIBLE);
    expect(Object.fromEntries(vs.map((v) => [v.id, v.status]))).toEqual({
      age: 'pass',
      nationality: 'pass',
      'diploma-level': 'pass',
      experience: 'pass',
      french: 'pass',
      english: 'pass',
      'agent-grade': 'skipped',
      'finance-background': 'skipped',
      deadline: 'skipped',
    });
    expect(eligibilityOf(vs)).toBe('eligible');
  });
});

describe('age', () => {
  // Born 1981-02-21: 45 on 2026-02-21.
  it('is under 45 the day before the 45th birthday', () => {
    const v = verdict(with_({ birthDate: '1981-02-22' }), 'age');
    expect(v.status).toBe('pass');
    expect(v.leaves[0]!.derived).toEqual({ age: 44, at: AS_OF });
  });

  it('is 45, hence not under 45, on the birthday itself', () => {
    const vs = run(with_({ birthDate: '1981-02-21' }));
    const v = vs.find((r) => r.id === 'age')!;
    expect(v.status).toBe('fail');
    expect(v.leaves[0]!.derived).toEqual({ age: 45, at: AS_OF });
    expect(eligibilityOf(vs)).toBe('ineligible');
    expect(explainVerdict(v, 'fr', label('fr'))).toBe('45 ans au 2026-02-21 ; limite : moins de 45');
    expect(explainVerdict(v, 'en', label('en'))).toBe('45 years old on 2026-02-21; limit: under 45');
  });

  it('counts a 29 February birthday as reached on 1 March of a common year, not on 28 February', () => {
    expect(ageOn('1980-02-29', '2025-02-28')).toBe(44);
    expect(ageOn('1980-02-29', '2025-03-01')).toBe(45);
    expect(ageOn('1980-02-29', '2024-02-29')).toBe(44);
    expect(verdict(with_({ birthDate: '1981-02-28' }), 'age', '2026-02-27').status).toBe('pass');
    // 1980-02-29 turns 45 on 2025-03-01; on 2025-02-28 it is still 44.
    const d28 = verdict(with_({ birthDate: '1980-02-29' }), 'age', '2025-02-28');
    const d01 = verdict(with_({ birthDate: '1980-02-29' }), 'age', '2025-03-01');
    expect([d28.status, d28.leaves[0]!.derived?.age]).toEqual(['pass', 44]);
    expect([d01.status, d01.leaves[0]!.derived?.age]).toEqual(['fail', 45]);
  });

  it('is unknown when the birth date is missing, and the candidate undetermined', () => {
    const vs = run(without('birthDate'));
    const v = vs.find((r) => r.id === 'age')!;
    expect(v.status).toBe('unknown');
    expect(v.leaves[0]).toMatchObject({ fact: 'birthDate', observed: null, status: 'unknown' });
    expect(eligibilityOf(vs)).toBe('undetermined');
    expect(explainVerdict(v, 'fr', () => undefined)).toBe('à renseigner (birthDate)');
    expect(explainVerdict(v, 'en', () => undefined)).toBe('not provided (birthDate)');
    expect(explainVerdict(v, 'fr', label('fr'))).toBe('date de naissance : à renseigner (birthDate)');
  });

  it('lets a failing rule win over an unknown one', () => {
    expect(eligibilityOf(run({ ...without('birthDate'), nationality: 'FR' }))).toBe('ineligible');
  });
});

describe('experience and diploma', () => {
  it('accepts exactly 4.0 years and refuses 3.5', () => {
    expect(verdict(with_({ experienceYears: 4.0 }), 'experience').status).toBe('pass');
    const v = verdict(with_({ experienceYears: 3.5 }), 'experience');
    expect(v.status).toBe('fail');
    expect(explainLeaf(v.leaves[0]!, 'fr')).toBe('experienceYears : 3,5 ; exigé : au moins 4');
    expect(explainLeaf(v.leaves[0]!, 'en')).toBe('experienceYears: 3.5; required: at least 4');
  });

  it('compares an ordinal by rank', () => {
    expect(verdict(with_({ diplomaLevel: 'doctorat' }), 'diploma-level').status).toBe('pass');
    expect(verdict(with_({ diplomaLevel: 'master' }), 'diploma-level').status).toBe('pass');
    const v = verdict(with_({ diplomaLevel: 'licence' }), 'diploma-level');
    expect(v.status).toBe('fail');
    expect(explainLeaf(v.leaves[0]!, 'fr', 'niveau')).toBe('niveau : licence ; exigé : master ou plus');
    expect(explainLeaf(v.leaves[0]!, 'en', 'level')).toBe('level: licence; required: master or higher');
  });

  it('treats a value off the ordinal scale as unusable, hence unknown', () => {
    const v = verdict(with_({ diplomaLevel: 'bac+5' }), 'diploma-level');
    expect(v.status).toBe('unknown');
    expect(explainLeaf(v.leaves[0]!, 'fr')).toBe('diplomaLevel : valeur inexploitable « bac+5 »');
  });
});

describe('languages', () => {
  it('leaves eligibility eligible when only the advisory English rule fails', () => {
    const vs = run(with_({ languages: ['ar', 'fr'] }));
    const english = vs.find((r) => r.id === 'english')!;
    expect(english).toMatchObject({ status: 'fail', advisory: true });
    expect(eligibilityOf(vs)).toBe('eligible');
    expect(explainVerdict(english, 'fr', () => 'langues')).toBe('langues : ar, fr ; exigé : en');
    expect(explainVerdict(english, 'en', () => 'languages')).toBe('languages: ar, fr; required: en');
  });

  it('ignores an unknown advisory rule too', () => {
    const vs = evaluateRules({ ...profile, rules: profile.rules.filter((r) => r.id === 'english') }, {}, AS_OF);
    expect(vs[0]!.status).toBe('unknown');
    expect(eligibilityOf(vs)).toBe('eligible');
  });

  it('fails French on an empty list', () => {
    const v = verdict(with_({ languages: [] }), 'french');
    expect(v.status).toBe('fail');
    expect(explainLeaf(v.leaves[0]!, 'fr')).toBe('languages : aucune ; exigé : fr');
  });
});

describe('agents', () => {
  const agent = (extra: Facts) => with_({ applicantType: 'agent', financeBackground: true, ...extra });

  it('accepts scale 19', () => {
    const v = verdict(agent({ agentScale: 19 }), 'agent-grade');
    expect(v.status).toBe('pass');
    // No short circuit: every leaf is reported, the years in category C as unknown.
    expect(v.leaves.map((l) => [l.fact, l.op, l.status])).toEqual([
      ['agentScale', 'min', 'pass'],
      ['agentScale', 'min', 'pass'],
      ['agentYearsInCategoryC', 'min', 'unknown'],
    ]);
    expect(v.leaves.map((l) => l.decisive)).toEqual([true, false, false]);
    expect(explainVerdict(v, 'en', () => undefined)).toBe('agentScale: 19; required: at least 19');
    expect(eligibilityOf(run(agent({ agentScale: 19 })))).toBe('eligible');
  });

  it('accepts scale 16 with 4 years in category C', () => {
    expect(verdict(agent({ agentScale: 16, agentYearsInCategoryC: 4 }), 'agent-grade').status).toBe('pass');
  });

  it('refuses scale 16 with 3 years in category C, and says why', () => {
    const vs = run(agent({ agentScale: 16, agentYearsInCategoryC: 3 }));
    const v = vs.find((r) => r.id === 'agent-grade')!;
    expect(v.status).toBe('fail');
    expect(eligibilityOf(vs)).toBe('ineligible');
    expect(explainVerdict(v, 'fr', () => undefined)).toBe(
      'agentScale : 16 ; exigé : au moins 19 — agentYearsInCategoryC : 3 ; exigé : au moins 4',
    );
  });

  it('is unknown (not a failure) when an agent gives no scale', () => {
    const vs = run(agent({}));
    expect(vs.find((r) => r.id === 'agent-grade')!.status).toBe('unknown');
    expect(eligibilityOf(vs)).toBe('undetermined');
  });

  it('skips agent rules for an external candidate, and says why', () => {
    const vs = run(with_({ agentScale: 3, financeBackground: false }));
    const grade = vs.find((r) => r.id === 'agent-grade')!;
    expect(grade.status).toBe('skipped');
    expect(vs.find((r) => r.id === 'finance-background')!.status).toBe('skipped');
    expect(grade.leaves).toEqual([expect.objectContaining({ fact: 'applicantType', observed: 'external', status: 'fail' })]);
    expect(eligibilityOf(vs)).toBe('eligible');
    expect(explainVerdict(grade, 'fr', () => undefined)).toBe("ne s'applique pas : applicantType : external ; exigé : agent");
    expect(explainVerdict(grade, 'en', () => undefined)).toBe('does not apply: applicantType: external; required: agent');
  });

  it('is unknown, not skipped, when the applicant type is missing', () => {
    const vs = run({ ...without('applicantType'), financeBackground: true });
    const grade = vs.find((r) => r.id === 'agent-grade')!;
    expect(grade.status).toBe('unknown');
    expect(grade.when?.status).toBe('unknown');
    expect(grade.leaves.map((l) => l.fact)).toEqual(['agentScale', 'agentScale', 'agentYearsInCategoryC']);
    // Even a passing check does not make a rule of unknown applicability pass.
    expect(vs.find((r) => r.id === 'finance-background')!.status).toBe('unknown');
    expect(eligibilityOf(vs)).toBe('undetermined');
    expect(explainVerdict(grade, 'en', () => undefined)).toBe('cannot tell whether the rule applies: not provided (applicantType)');
  });
});

describe('deadline', () => {
  it('passes a dossier submitted exactly at 2026-02-21 23:59:59 Africa/Casablanca', () => {
    const v = verdict(with_({ submittedAt: '2026-02-21T23:59:59' }), 'deadline');
    expect(v.status).toBe('pass');
  });

  it('fails one minute later', () => {
    const vs = run(with_({ submittedAt: '2026-02-22T00:00:59' }));
    const v = vs.find((r) => r.id === 'deadline')!;
    expect(v.status).toBe('fail');
    expect(v.leaves[0]!.derived).toEqual({ at: '2026-02-22T00:00:59', timezone: 'Africa/Casablanca', limit: '2026-02-21T23:59:59' });
    expect(eligibilityOf(vs)).toBe('ineligible');
  });

  it('explains the deadline at minute precision, or to the second when minutes would look equal', () => {
    const late = verdict(with_({ submittedAt: '2026-02-22T00:01' }), 'deadline');
    expect(explainLeaf(late.leaves[0]!, 'fr', 'déposé le')).toBe(
      'déposé le : 2026-02-22 00:01 (Africa/Casablanca) ; limite : 2026-02-21 23:59',
    );
    const leaf: Leaf = { ...late.leaves[0]!, derived: { at: '2026-02-22T00:00:30', timezone: 'UTC', limit: '2026-02-22T00:00:00' } };
    expect(explainLeaf(leaf, 'en')).toBe('submittedAt: 2026-02-22 00:00:30 (UTC); limit: 2026-02-22 00:00:00');
  });

  it('reads an offset: 00:30+01:00 is 23:30 in Casablanca (UTC+0 during Ramadan 2026), on time', () => {
    const v = verdict(with_({ submittedAt: '2026-02-22T00:30:00+01:00' }), 'deadline');
    expect(v.status).toBe('pass');
    expect(v.leaves[0]!.derived?.at).toBe('2026-02-21T23:30:00');
  });

  it('is skipped when no submission time is declared', () => {
    expect(verdict(ELIGIBLE, 'deadline').status).toBe('skipped');
  });
});

describe('toInstant', () => {
  it('reads wall time in the zone, with its DST or Ramadan offset', () => {
    expect(toInstant('2026-02-21T23:59:59', 'Africa/Casablanca')).toBe(Date.UTC(2026, 1, 21, 23, 59, 59));
    expect(toInstant('2026-02-10T12:00', 'Africa/Casablanca')).toBe(Date.UTC(2026, 1, 10, 11, 0));
    expect(toInstant('2026-07-01T12:00:00', 'Europe/Paris')).toBe(Date.UTC(2026, 6, 1, 10, 0));
    expect(toInstant('2026-01-01', 'Europe/Paris')).toBe(Date.UTC(2025, 11, 31, 23, 0));
  });

  it('resolves times that never existed forward and repeated times to the earlier instant', () => {
    // Paris, 2026-03-29: 02:00 → 03:00. 02:30 does not exist; read as 03:30 (01:30Z).
    expect(toInstant('2026-03-29T02:30', 'Europe/Paris')).toBe(Date.UTC(2026, 2, 29, 1, 30));
    // Paris, 2026-10-25: 03:00 → 02:00. 02:30 happens twice; the first is 00:30Z.
    expect(toInstant('2026-10-25T02:30', 'Europe/Paris')).toBe(Date.UTC(2026, 9, 25, 0, 30));
    expect(toInstant('2026-10-25T03:30', 'Europe/Paris')).toBe(Date.UTC(2026, 9, 25, 2, 30));
  });

  it('honours explicit offsets and Z', () => {
    expect(toInstant('2026-02-21T23:59:59Z', 'Asia/Tokyo')).toBe(Date.UTC(2026, 1, 21, 23, 59, 59));
    expect(toInstant('2026-02-21T23:59:59.5-05:30', 'UTC')).toBe(Date.UTC(2026, 1, 22, 5, 29, 59, 500));
    expect(toInstant('2026-02-21 10:00+0100', 'UTC')).toBe(Date.UTC(2026, 1, 21, 9, 0));
  });

  it('refuses what is not a date-time', () => {
    for (const s of ['', '2026-02-30T10:00', '2026-02-21T24:00', '2026-02-21T10:60', '2026-02-21Z', '21/02/2026', '2026-2-1', '2026-02-21T10:00+25:00'])
      expect(toInstant(s, 'UTC'), s).toBeNull();
  });

  it('formats wall time back', () => {
    expect(wallTime(Date.UTC(2026, 6, 1, 10, 0, 0, 7), 'Europe/Paris')).toBe('2026-07-01T12:00:00.007');
    expect(wallTime(Date.UTC(2026, 1, 21, 23, 59, 59), 'Africa/Casablanca')).toBe('2026-02-21T23:59:59');
  });
});

describe('isCalendarDate', () => {
  it('knows month lengths and leap years', () => {
    expect(isCalendarDate('1990-02-30')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2024-04-31')).toBe(false);
    expect(isCalendarDate('2024-13-01')).toBe(false);
    expect(isCalendarDate('2024-1-01')).toBe(false);
    expect(isCalendarDate('2024-01-01T00:00')).toBe(false);
  });
});

describe('operators', () => {
  const ctx: EvalContext = {
    asOf: '2026-02-21',
    timezone: 'Africa/Casablanca',
    facts: {
      n: { type: 'number' },
      i: { type: 'integer' },
      s: { type: 'string' },
      e: { type: 'enum', values: ['a', 'b', 'c'] },
      b: { type: 'boolean' },
      l: { type: 'list' },
      d: { type: 'date' },
      t: { type: 'datetime' },
      o: { type: 'ordinal', values: ['low', 'mid', 'high'] },
    },
  };
  const st = (c: Condition, facts: Facts) => evaluateCondition(c, facts, ctx).status;

  it.each<[Condition, Facts, string]>([
    [{ fact: 'n', above: 3 }, { n: 3 }, 'fail'],
    [{ fact: 'n', above: 3 }, { n: 3.01 }, 'pass'],
    [{ fact: 'n', below: 3 }, { n: 3 }, 'fail'],
    [{ fact: 'n', max: 3 }, { n: 3 }, 'pass'],
    [{ fact: 'i', in: [1, 2] }, { i: 2 }, 'pass'],
    [{ fact: 'i', in: [1, 2] }, { i: 3 }, 'fail'],
    [{ fact: 's', equals: 'MA' }, { s: 'ma' }, 'fail'],
    [{ fact: 's', notEquals: 'MA' }, { s: 'ma' }, 'pass'],
    [{ fact: 'e', in: ['a', 'b'] }, { e: 'c' }, 'fail'],
    [{ fact: 'b', equals: false }, { b: false }, 'pass'],
    [{ fact: 'b', notEquals: true }, {}, 'unknown'],
    [{ fact: 'o', max: 'mid' }, { o: 'high' }, 'fail'],
    [{ fact: 'o', max: 'mid' }, { o: 'low' }, 'pass'],
    [{ fact: 'l', contains: 'x' }, {}, 'unknown'],
    [{ fact: 'd', notAfter: '2026-02-21' }, { d: '2026-02-21' }, 'pass'],
    [{ fact: 'd', notAfter: '2026-02-21' }, { d: '2026-02-22' }, 'fail'],
    [{ fact: 'd', notBefore: '2026-02-21' }, { d: '2026-02-20' }, 'fail'],
    [{ fact: 'd', ageAtLeast: 18 }, { d: '2008-02-21' }, 'pass'],
    [{ fact: 'd', ageAtLeast: 18 }, { d: '2008-02-22' }, 'fail'],
    [{ fact: 't', notBefore: '2026-02-21T10:00:00+01:00' }, { t: '2026-02-21T09:00:00' }, 'pass'],
    [{ fact: 't', notBefore: '2026-02-21T10:00:00+01:00' }, { t: '2026-02-21T08:59:59' }, 'fail'],
    [{ fact: 't', equals: '2026-02-21T10:00:00+01:00' }, { t: '2026-02-21T09:00:00Z' }, 'pass'],
    [{ fact: 't', notAfter: '2026-02-21' }, { t: '2026-02-21T00:00:01' }, 'fail'],
    [{ fact: 'n', present: true }, {}, 'fail'],
    [{ fact: 'n', present: false }, {}, 'pass'],
    [{ fact: 'n', present: true }, { n: 0 }, 'pass'],
    [{ fact: 'n', present: false }, { n: 0 }, 'fail'],
    [{ not: { fact: 'n', present: true } }, {}, 'pass'],
    [{ fact: 'n', min: 1 }, { n: 'x' as unknown as number }, 'unknown'],
    [{ fact: 'd', ageBelow: 45 }, { d: '1990-02-30' }, 'unknown'],
    // Born after the date judged: a mistyped year, not a young candidate.
    [{ fact: 'd', ageBelow: 45 }, { d: '2090-05-14' }, 'unknown'],
    [{ fact: 'd', ageAtLeast: 18 }, { d: '2026-02-22' }, 'unknown'],
    [{ fact: 'd', ageBelow: 45 }, { d: '2026-02-21' }, 'pass'],
  ])('%j with %j is %s', (c, facts, expected) => {
    expect(st(c, facts)).toBe(expected);
  });

  it('never lets a fact named like an Object method be seen as present', () => {
    const c = { ...ctx, facts: { ...ctx.facts, constructor: { type: 'string' as const } } };
    expect(evaluateCondition({ fact: 'constructor', present: true }, {}, c).status).toBe('fail');
    expect(evaluateCondition({ fact: 'constructor', equals: 'x' }, {}, c).status).toBe('unknown');
    expect(() => evaluateCondition({ fact: 'toString', present: true }, {}, ctx)).toThrow(ConditionError);
  });

  it('refuses to evaluate an ill-typed condition rather than guess', () => {
    expect(() => evaluateCondition({ fact: 'n', contains: 'x' }, { n: 1 }, ctx)).toThrow(ConditionError);
    expect(() => evaluateCondition({ fact: 'nope', equals: 1 }, {}, ctx)).toThrow(/not declared/);
  });

  it('evaluates every branch and reports every leaf', () => {
    const r = evaluateCondition(
      { all: [{ fact: 'n', min: 5 }, { any: [{ fact: 'b', equals: true }, { not: { fact: 's', present: true } }] }] },
      { n: 1, b: true },
      ctx,
    );
    expect(r.status).toBe('fail');
    expect(r.leaves.map((l) => [l.fact, l.status, l.decisive])).toEqual([
      ['n', 'fail', true],
      ['b', 'pass', false],
      ['s', 'fail', false],
    ]);
  });

  it('explains every operator in both languages', () => {
    const cases: [Condition, Facts, string, string][] = [
      [{ fact: 'b', equals: true }, { b: false }, 'b : non ; exigé : oui', 'b: no; required: yes'],
      [{ fact: 'e', notEquals: 'a' }, { e: 'a' }, 'e : a ; exigé : autre que a', 'e: a; required: other than a'],
      [{ fact: 'e', in: ['b', 'c'] }, { e: 'a' }, "e : a ; exigé : l'une des valeurs b, c", 'e: a; required: one of b, c'],
      [{ fact: 'n', max: 2.5 }, { n: 3 }, 'n : 3 ; exigé : au plus 2,5', 'n: 3; required: at most 2.5'],
      [{ fact: 'o', max: 'mid' }, { o: 'high' }, 'o : high ; exigé : mid ou moins', 'o: high; required: mid or lower'],
      [{ fact: 'n', above: 1 }, { n: 1 }, 'n : 1 ; exigé : plus de 1', 'n: 1; required: more than 1'],
      [{ fact: 'n', below: 1 }, { n: 1 }, 'n : 1 ; exigé : moins de 1', 'n: 1; required: less than 1'],
      [{ fact: 'n', present: true }, {}, 'n : à renseigner ; exigé : renseigné', 'n: not provided; required: provided'],
      [{ fact: 'n', present: false }, { n: 2 }, 'n : 2 ; exigé : non renseigné', 'n: 2; required: not provided'],
      [{ fact: 'd', ageAtLeast: 18 }, { d: '2009-01-01' }, '17 ans au 2026-02-21 ; exigé : au moins 18', '17 years old on 2026-02-21; required: at least 18'],
      [{ fact: 'd', ageAtLeast: 2 }, { d: '2025-01-01' }, '1 an au 2026-02-21 ; exigé : au moins 2', '1 year old on 2026-02-21; required: at least 2'],
      [{ fact: 'd', notAfter: '2026-01-31' }, { d: '2026-02-01' }, 'd : 2026-02-01 ; limite : 2026-01-31', 'd: 2026-02-01; limit: 2026-01-31'],
      [
        { fact: 't', notBefore: '2026-02-21T10:00+01:00' },
        { t: '2026-02-21T08:00' },
        't : 2026-02-21 08:00 (Africa/Casablanca) ; au plus tôt : 2026-02-21 09:00',
        't: 2026-02-21 08:00 (Africa/Casablanca); earliest: 2026-02-21 09:00',
      ],
    ];
    for (const [c, facts, fr, en] of cases) {
      const [leaf] = evaluateCondition(c, facts, ctx).leaves;
      expect(explainLeaf(leaf!, 'fr')).toBe(fr);
      expect(explainLeaf(leaf!, 'en')).toBe(en);
    }
  });
});

describe('eligibilityOf', () => {
  const v = (status: RuleVerdict['status'], advisory = false): RuleVerdict => ({ id: 'r', advisory, status, leaves: [] });
  it.each<[RuleVerdict[], string]>([
    [[], 'eligible'],
    [[v('pass'), v('skipped')], 'eligible'],
    [[v('pass'), v('unknown')], 'undetermined'],
    [[v('unknown'), v('fail')], 'ineligible'],
    [[v('fail', true), v('unknown', true), v('pass')], 'eligible'],
  ])('%j → %s', (vs, expected) => expect(eligibilityOf(vs)).toBe(expected));
});

describe('validateConditions', () => {
  const base = profileSchema.parse({
    ...profile,
    rules: [],
    documents: [profile.documents[0]!],
  });
  const rule = (check: Condition, when?: Condition) => ({ id: 'r', label: { fr: 'r', en: 'r' }, check, when, advisory: false });

  it('reports an undeclared fact, an operator that does not fit, and off-scale values, with paths', () => {
    const p: Profile = {
      ...base,
      rules: [
        rule({ fact: 'birthDate', ageBelow: 45 }),
        rule(
          {
            any: [
              { fact: 'diplomaLevel', min: 'masters' },
              { fact: 'experienceYears', contains: 'x' },
              { all: [{ fact: 'nationality', ageBelow: 3 }, { not: { fact: 'diplomaForeign', min: 1 } }] },
            ],
          },
          { fact: 'applicantTyp', equals: 'agent' },
        ),
        rule({ fact: 'applicantType', in: ['agent', 'x', 'external', 'y'] }),
        rule({ fact: 'diplomaForeign', equals: 3 }),
        rule({ fact: 'applicantType', equals: 'x' }),
        rule({ fact: 'submittedAt', notAfter: '2026-02-31T10:00' }),
        rule({ fact: 'birthDate', notBefore: '2026-02-21T10:00' }),
        rule({ fact: 'agentScale', equals: 1.5 }),
        rule({ fact: 'nationality', equals: 'Maroc' }),
        rule({ fact: 'languages', contains: 'FR' }),
        rule({ fact: 'experienceYears', min: 'four' }),
      ],
      documents: [
        {
          ...base.documents[0]!,
          requiredWhen: { fact: 'diplomaForeign', contains: 'yes' },
          variants: [{ id: 'F1', names: ['f1'], when: { fact: 'applicantType', notEquals: 'externe' } }],
        },
      ],
    };
    const issues = validateConditions(p);
    expect(issues.map((i) => i.path)).toEqual([
      ['documents', 0, 'requiredWhen', 'contains'],
      ['documents', 0, 'variants', 0, 'when', 'notEquals'],
      ['rules', 1, 'when', 'fact'],
      ['rules', 1, 'check', 'any', 0, 'min'],
      ['rules', 1, 'check', 'any', 1, 'contains'],
      ['rules', 1, 'check', 'any', 2, 'all', 0, 'ageBelow'],
      ['rules', 1, 'check', 'any', 2, 'all', 1, 'not', 'min'],
      ['rules', 2, 'check', 'in', 1],
      ['rules', 2, 'check', 'in', 3],
      ['rules', 3, 'check', 'equals'],
      ['rules', 4, 'check', 'equals'],
      ['rules', 5, 'check', 'notAfter'],
      ['rules', 6, 'check', 'notBefore'],
      ['rules', 7, 'check', 'equals'],
      ['rules', 8, 'check', 'equals'],
      ['rules', 9, 'check', 'contains'],
      ['rules', 10, 'check', 'min'],
    ]);
    const at = (...path: (string | number)[]) => issues.find((i) => JSON.stringify(i.path) === JSON.stringify(path))!.message;
    expect(at('rules', 1, 'when', 'fact')).toMatch(/'applicantTyp' is not declared/);
    expect(at('rules', 1, 'check', 'any', 0, 'min')).toMatch(/"masters" is not a value .*bac, bac\+2, licence, master, doctorat/);
    expect(at('rules', 1, 'check', 'any', 1, 'contains')).toMatch(/'contains' does not apply to 'experienceYears', a number fact/);
    expect(at('rules', 1, 'check', 'any', 2, 'all', 1, 'not', 'min')).toMatch(/boolean fact/);
    expect(at('rules', 3, 'check', 'equals')).toMatch(/expected true or false/);
    expect(at('rules', 6, 'check', 'notBefore')).toMatch(/calendar date/);
    expect(at('rules', 9, 'check', 'contains')).toMatch(/\^\[a-z\]\{2\}\$/);
  });
});
