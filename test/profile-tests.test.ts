// Profiles carry their own tests: every sample profile's `tests:` cases run here (so `npm test`
// runs them), the runner itself is tested on small profiles, and `dossier profile test` keeps
// its contract (one line per case; exit 0, 1 on a failing case, 2 on an invalid profile).
import { readdirSync, readFileSync } from 'node:fs';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProfile, parseProfile } from '../src/profile/load.js';
import type { Profile } from '../src/profile/schema.js';
import { formatTestOutcomes } from '../src/profile/test-report.js';
import { runProfileTests } from '../src/profile/tests.js';
import { plain } from '../src/report/highlight.js';
import { run } from './support/cli.js';
import { tempDir } from './support/dossier.js';

const PROFILES = 'samples/profiles';
const files = readdirSync(PROFILES)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

describe.each(files)('%s', (file) => {
  it('is a valid profile with tests', async () => {
    const loaded = await loadProfile(join(PROFILES, file));
    expect(loaded.ok ? [] : loaded.issues).toEqual([]);
    expect(loaded.ok && loaded.profile.tests.length).toBeGreaterThan(5);
  });

  const loaded = parseProfileSync(join(PROFILES, file));
  const outcomes = runProfileTests(loaded);
  it.each(outcomes.map((o) => [o.name, o] as const))('%s', (_name, outcome) => {
    // On failure, show what `dossier profile test` would print.
    if (!outcome.passed) expect.fail(formatTestOutcomes(loaded, [outcome], 'en', plain));
    expect(outcome.expectations).toBeGreaterThan(0);
  });
});

it('the bundled profile ships the cases the posting calls for', () => {
  const profile = parseProfileSync(join(PROFILES, 'ofppt-2026-chef-service-cooperation-financiere.yaml'));
  const byFacts = (pred: (t: Profile['tests'][number]) => boolean) => profile.tests.filter(pred);
  expect(byFacts((t) => t.facts.birthDate === '1981-02-22' && t.rules?.age === 'pass')).toHaveLength(1);
  expect(byFacts((t) => t.facts.birthDate === '1981-02-21' && t.rules?.age === 'fail')).toHaveLength(1);
  expect(byFacts((t) => String(t.facts.birthDate).endsWith('-02-29')).length).toBeGreaterThanOrEqual(1);
  expect(byFacts((t) => t.facts.experienceYears === 4 && t.rules?.experience === 'pass')).toHaveLength(1);
  expect(byFacts((t) => t.facts.birthDate === null && t.eligibility === 'undetermined')).toHaveLength(1);
  expect(byFacts((t) => t.facts.agentScale === 19 && t.rules?.['agent-grade'] === 'pass')).toHaveLength(1);
  expect(byFacts((t) => t.facts.agentScale === 16 && t.facts.agentYearsInCategoryC === 4 && t.rules?.['agent-grade'] === 'pass')).toHaveLength(1);
  expect(byFacts((t) => t.facts.agentScale === 16 && t.facts.agentYearsInCategoryC === 3 && t.rules?.['agent-grade'] === 'fail')).toHaveLength(1);
  expect(byFacts((t) => t.facts.diplomaForeign === true && t.documents?.equivalence === 'required')).toHaveLength(1);
  expect(byFacts((t) => t.facts.submittedAt === '2026-02-22T00:00:59' && t.rules?.deadline === 'fail')).toHaveLength(1);
});

// ---------------------------------------------------------------------------------------

const SMALL = `id: small
title: Small
timezone: Africa/Casablanca
deadline: 2026-02-21T23:59:59
facts:
  birthDate: { type: date }
  level: { type: ordinal, values: [low, mid, high] }
  foreign: { type: boolean }
documents:
  - id: cv
    label: { fr: CV, en: CV }
    names: [cv]
  - id: equivalence
    label: { fr: Équivalence, en: Equivalence }
    names: [equivalence]
    requiredWhen: { fact: foreign, equals: true }
rules:
  - id: age
    label: { fr: Âge, en: Age }
    check: { fact: birthDate, ageBelow: 45 }
  - id: level
    label: { fr: Niveau, en: Level }
    check: { fact: level, min: mid }
`;

function small(tests: string): Profile {
  const loaded = parseProfile(`${SMALL}tests:\n${tests}`, 'small.yaml');
  if (!loaded.ok) throw new Error(loaded.issues.map((i) => `${i.line}:${i.col} ${i.message}`).join('\n'));
  return loaded.profile;
}

describe('runner', () => {
  it('defaults asOf to the date of the deadline in the profile time zone', () => {
    const [o] = runProfileTests(small(`  - name: a\n    facts: { birthDate: 1981-02-21 }\n    rules: { age: fail }\n`));
    expect(o).toMatchObject({ asOf: '2026-02-21', passed: true });
  });

  it('reports every mismatch: rule status, eligibility and document requirement', () => {
    const [o] = runProfileTests(
      small(
        [
          '  - name: wrong on purpose',
          '    asOf: 2026-02-21',
          '    facts: { birthDate: 1981-02-21, level: low, foreign: true }',
          '    rules: { age: pass, level: pass }',
          '    eligibility: eligible',
          '    documents: { equivalence: not-required, cv: required }',
          '',
        ].join('\n'),
      ),
    );
    expect(o!.passed).toBe(false);
    expect(o!.expectations).toBe(5);
    expect(o!.mismatches.map((m) => [m.kind, 'id' in m ? m.id : '', m.expected, m.actual])).toEqual([
      ['rule', 'age', 'pass', 'fail'],
      ['rule', 'level', 'pass', 'fail'],
      ['eligibility', '', 'eligible', 'ineligible'],
      ['document', 'equivalence', 'not-required', 'required'],
    ]);
    const text = formatTestOutcomes(small('  - name: x\n    eligibility: undetermined\n'), [o!], 'fr', plain);
    expect(text).toContain('✘ wrong on purpose');
    expect(text).toContain('règle age : attendu pass, obtenu fail — 45 ans au 2026-02-21 ; limite : moins de 45');
    expect(text).toContain('pièce equivalence : attendu not-required, obtenu required');
    expect(text).toContain('1 cas : 0 réussi, 1 en échec');
  });

  it('a yes/no fact is read as candidate.yaml reads it: oui/non, yes/no', () => {
    const outcomes = runProfileTests(
      small(
        [
          '  - name: oui',
          '    facts: { foreign: oui }',
          '    documents: { equivalence: required }',
          '  - name: Non',
          '    facts: { foreign: " Non " }',
          '    documents: { equivalence: not-required }',
          '',
        ].join('\n'),
      ),
    );
    expect(outcomes.map((o) => [o.passed, o.mismatches])).toEqual([
      [true, []],
      [true, []],
    ]);
    // A word it does not take is still an error, placed on the fact.
    expect(() => small('  - name: peut-être\n    facts: { foreign: peut-être }\n    eligibility: eligible\n')).toThrow(/facts\.foreign/);
  });

  it('extends: starts from an earlier case; null removes a fact; asOf is inherited', () => {
    const profile = small(
      [
        '  - name: base',
        '    asOf: 2030-01-01',
        '    facts: { birthDate: 1990-01-01, level: high }',
        '    eligibility: eligible',
        '  - name: no birth date',
        '    extends: base',
        '    facts: { birthDate: null }',
        '    rules: { age: unknown, level: pass }',
        '    eligibility: undetermined',
        '  - name: grandchild',
        '    extends: no birth date',
        '    facts: { level: low }',
        '    rules: { age: unknown, level: fail }',
        '    eligibility: ineligible',
        '',
      ].join('\n'),
    );
    const outcomes = runProfileTests(profile);
    expect(outcomes.map((o) => [o.name, o.passed, o.asOf])).toEqual([
      ['base', true, '2030-01-01'],
      ['no birth date', true, '2030-01-01'],
      ['grandchild', true, '2030-01-01'],
    ]);
  });

  it('unknown requirement when the fact a document depends on is missing', () => {
    const [o] = runProfileTests(small('  - name: a\n    documents: { equivalence: unknown, cv: required }\n'));
    expect(o!.passed).toBe(true);
  });
});

describe('dossier profile test', () => {
  it('prints one line per case and exits 0 when all pass (bundled profile by default)', async () => {
    const r = await run(['profile', 'test']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    const cases = lines.filter((l) => l.startsWith('✔ ') || l.startsWith('✘ '));
    expect(cases.length).toBeGreaterThanOrEqual(10);
    expect(cases.every((l) => l.startsWith('✔ '))).toBe(true);
    expect(r.stdout).toMatch(/\d+ cas, tous réussis/);
  });

  it('runs several profiles; English with --lang en', async () => {
    const r = await run(['profile', 'test', ...files.map((f) => join(PROFILES, f)), '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ofppt-2026-formateur-gestion:');
    expect(r.stdout).toMatch(/\d+ cases, all passed/);
  });

  it('exits 1 when a case fails, naming it and why', async () => {
    const file = join(await tempDir(), 'p.yaml');
    await writeFile(
      file,
      `${SMALL}tests:\n  - name: passes\n    facts: { level: high }\n    rules: { level: pass }\n  - name: fails\n    facts: { level: low }\n    rules: { level: pass }\n`,
    );
    const r = await run(['profile', 'test', file, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✔ passes');
    expect(r.stdout).toContain('✘ fails');
    expect(r.stdout).toContain('rule level: expected pass, got fail — level: low; required: mid or higher');
    expect(r.stdout).toContain('2 cases: 1 passed, 1 failed');
  });

  it('exits 2 on an invalid profile, with file:line:col', async () => {
    const file = join(await tempDir(), 'p.yaml');
    await writeFile(file, `${SMALL}tests:\n  - name: a\n    rules: { nope: pass }\n`);
    const r = await run(['profile', 'test', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/p\.yaml:\d+:14 rule 'nope' is not declared under rules; declared: age, level/);
  });

  it('exits 2 on a profile without tests', async () => {
    const file = join(await tempDir(), 'p.yaml');
    await writeFile(file, SMALL);
    const r = await run(['profile', 'test', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/aucun cas de test/);
  });
});

function parseProfileSync(file: string): Profile {
  // Sample profiles are small: read them synchronously so their cases can become tests.
  const loaded = parseProfile(readFileSync(file, 'utf8'), file);
  if (!loaded.ok) throw new Error(loaded.issues.map((i) => `${i.file}:${i.line}:${i.col} ${i.message}`).join('\n'));
  return loaded.profile;
}

describe('a new posting is a YAML file and no code', () => {
  const PROFILE = join(PROFILES, 'ofppt-2026-formateur-gestion.yaml');
  const SAMPLE = 'samples/dossiers-formateur/01-amina-el-fassi-complet';

  it('its sample dossier is accepted by dossier check with that profile', async () => {
    const r = await run(['check', SAMPLE, '--profile', PROFILE, '--as-of', '2026-03-31', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout).dossiers[0];
    expect(d.documents.map((doc: { id: string; status: string }) => [doc.id, doc.status])).toEqual([
      ['cover-letter', 'ok'],
      ['cv', 'ok'],
      ['diploma', 'ok'],
      ['equivalence', 'not-required'],
      ['work-certificate', 'ok'],
      ['cni', 'ok'],
    ]);
    expect(d.eligibility).toBe('eligible');
    expect(d.accepted).toBe(true);
  });

  it('without declared experience, the work certificate is no longer required', async () => {
    const dir = join(await tempDir(), 'sans-experience');
    await cp(SAMPLE, dir, { recursive: true });
    await rm(join(dir, 'Attestation de travail - Atlas Emballages.pdf'));
    const yaml = await readFile(join(dir, 'candidate.yaml'), 'utf8');
    await writeFile(join(dir, 'candidate.yaml'), yaml.replace('experienceYears: 3', 'experienceYears: 0'));
    const r = await run(['check', dir, '--profile', PROFILE, '--as-of', '2026-03-31', '--format', 'json']);
    const d = JSON.parse(r.stdout).dossiers[0];
    expect(d.documents.find((doc: { id: string }) => doc.id === 'work-certificate').status).toBe('not-required');
    expect(r.code).toBe(0);
  });
});
