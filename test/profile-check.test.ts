// `dossier profile check`: every mistake the issue lists, reported as file:line:col with what
// was expected, all at once; exit 2 on an error, 0 with warnings only.
import { writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { BUNDLED_PROFILE, loadProfile, parseProfile } from '../src/profile/load.js';
import { compiledProfile } from '../src/profile/compiled.js';
import { run } from './support/cli.js';
import { tempDir } from './support/dossier.js';

const HEAD = `id: t
title: T
timezone: Africa/Casablanca
deadline: 2026-02-21T23:59:59
facts:
  birthDate: { type: date }
  level: { type: ordinal, values: [bac, licence, master] }
  foreign: { type: boolean }
  years: { type: integer, min: 0, max: 50 }
`;
const DOCS = `documents:
  - id: cv
    label: { fr: CV, en: CV }
    names: [cv, curriculum]
`;
const TESTS = `tests:
  - name: ok
    facts: { level: master }
    eligibility: eligible
`;
const RULES = `rules:
  - id: level
    label: { fr: N, en: L }
    check: { fact: level, min: master }
`;

/** Positions and messages, "line:col message", as `profile check` prints them after the file. */
function issuesOf(text: string): string[] {
  const loaded = parseProfile(text, 'p.yaml');
  return loaded.ok ? [] : loaded.issues.map((i) => `${i.line}:${i.col} ${i.message}`);
}

function warningsOf(text: string): string[] {
  const loaded = parseProfile(text, 'p.yaml');
  return loaded.ok ? loaded.warnings.map((i) => `${i.line}:${i.col} ${i.message}`) : ['(invalid)'];
}

describe('each check of the issue, located', () => {
  it('accepts a correct profile', () => {
    expect(issuesOf(HEAD + DOCS + RULES + TESTS)).toEqual([]);
    expect(warningsOf(HEAD + DOCS + RULES + TESTS)).toEqual([]);
  });

  it('YAML syntax errors', () => {
    const issues = issuesOf(`${HEAD}documents: [\n  {id: cv\n`);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]).toMatch(/^\d+:\d+ /);
  });

  it('an empty profile, or one that is not a set of keys, says where to start from', async () => {
    // The bundled profile where it is installed, which opens from any folder the user is in.
    expect(isAbsolute(BUNDLED_PROFILE) && existsSync(BUNDLED_PROFILE)).toBe(true);
    const start = `start from a copy of ${BUNDLED_PROFILE}`;
    expect(issuesOf('')).toEqual([`1:1 the profile is empty; ${start}`]);
    expect(issuesOf('# only a comment\n')).toEqual([`1:1 the profile is empty; ${start}`]);
    for (const text of ['just a string\n', '- a\n- b\n', '42\n']) expect(issuesOf(text)).toEqual([`1:1 a profile is a set of keys (id:, title:, documents:, facts:, rules:…); ${start}`]);
    const dir = await tempDir();
    await writeFile(join(dir, 'p.yaml'), '');
    const r = await run(['profile', 'check', join(dir, 'p.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`le profil est vide ; partez d’une copie de ${BUNDLED_PROFILE}`);
  });

  it('duplicate keys', () => {
    expect(issuesOf(`id: a\nid: b\n${HEAD.replace('id: t\n', '')}${DOCS}`)).toContainEqual(expect.stringMatching(/^2:1 duplicate key/));
  });

  it('unresolved aliases, each one, where it is written', () => {
    const text = `${HEAD}${DOCS}rules:\n  - id: a\n    label: *lbl\n    check: { fact: level, min: *min }\n`;
    expect(issuesOf(text)).toEqual([
      '16:12 unresolved alias *lbl: no anchor &lbl is defined before it',
      '17:32 unresolved alias *min: no anchor &min is defined before it',
    ]);
  });

  it('resolved aliases are fine', () => {
    const text = `${HEAD}${DOCS}rules:\n  - id: a\n    label: &lbl { fr: A, en: A }\n    check: { fact: level, min: master }\n  - id: b\n    label: *lbl\n    check: { fact: foreign, equals: false }\n${TESTS}`;
    expect(issuesOf(text)).toEqual([]);
  });

  it('unknown keys, located on the key, with the key meant when one is close', () => {
    const text = HEAD + DOCS.replace('    names: [cv, curriculum]\n', '    names: [cv, curriculum]\n    pagez: { max: 2 }\n') + TESTS;
    expect(issuesOf(text)).toEqual(["14:5 unknown key 'pagez' (did you mean 'pages'?)"]);
    const cased = HEAD + DOCS.replace('    names: [cv, curriculum]\n', '    names: [cv, curriculum]\n    requiredwhen: { fact: foreign, equals: true }\n') + TESTS;
    expect(issuesOf(cased)).toEqual(["14:5 unknown key 'requiredwhen' (did you mean 'requiredWhen'?)"]);
    const far = HEAD + DOCS.replace('    names: [cv, curriculum]\n', '    names: [cv, curriculum]\n    colour: blue\n') + TESTS;
    expect(issuesOf(far)).toEqual(["14:5 unknown key 'colour'"]);
  });

  it('a rule on a fact the profile does not declare, with the fact meant', () => {
    const text = HEAD + DOCS + `rules:\n  - id: age\n    label: { fr: A, en: A }\n    check: { fact: birthdate, ageBelow: 45 }\n` + TESTS;
    expect(issuesOf(text)).toEqual([
      "17:20 rules.0.check.fact: fact 'birthdate' is not declared under facts (did you mean 'birthDate'?); declared: birthDate, level, foreign, years",
    ]);
  });

  it('a fact compared with a value of the wrong type', () => {
    const text = HEAD + DOCS + `rules:\n  - id: f\n    label: { fr: F, en: F }\n    check: { fact: foreign, equals: "yes" }\n` + TESTS;
    expect(issuesOf(text)).toEqual([`17:37 rules.0.check.equals: equals: expected true or false for a boolean fact, got "yes"`]);
  });

  it('a fact compared with a value outside its scale or range', () => {
    const text =
      HEAD +
      DOCS +
      `rules:\n  - id: l\n    label: { fr: L, en: L }\n    check: { fact: level, min: doctorat }\n  - id: y\n    label: { fr: Y, en: Y }\n    check: { fact: years, equals: 60 }\n` +
      TESTS;
    expect(issuesOf(text)).toEqual([
      '17:32 rules.0.check.min: min: "doctorat" is not a value of this ordinal fact; expected one of: bac, licence, master',
      "20:35 rules.1.check.equals: equals: 60 is above the fact's maximum 50",
    ]);
  });

  it('an operator that does not fit the type of the fact', () => {
    const text = HEAD + DOCS + `rules:\n  - id: l\n    label: { fr: L, en: L }\n    check: { fact: birthDate, min: 3 }\n` + TESTS;
    expect(issuesOf(text)[0]).toMatch(/^17:\d+ .*'min' does not apply to 'birthDate', a date fact/);
  });

  it('duplicate document and rule ids', () => {
    const text =
      HEAD +
      DOCS +
      `  - id: cv\n    label: { fr: X, en: X }\n    names: [autre]\n` +
      `rules:\n  - id: r\n    label: { fr: R, en: R }\n    check: { fact: foreign, equals: false }\n  - id: r\n    label: { fr: R, en: R }\n    check: { fact: foreign, equals: false }\n` +
      TESTS;
    expect(issuesOf(text)).toEqual(["14:9 duplicate document id 'cv'", "21:9 duplicate rule id 'r'"]);
  });

  it('a keyword no file name can match', () => {
    const text = HEAD + DOCS.replace('[cv, curriculum]', '[cv, "de la"]') + TESTS;
    expect(issuesOf(text)).toEqual([
      "13:17 keyword 'de la' is only punctuation or small words (de, d', la...): no file name can match it",
    ]);
  });

  it('a document no file name could ever match (every keyword taken by a higher priority)', () => {
    const text =
      HEAD +
      `documents:\n  - id: diploma\n    label: { fr: D, en: D }\n    names: [attestation]\n  - id: work\n    label: { fr: W, en: W }\n    names: [attestation, attestation travail]\n    priority: 5\n` +
      TESTS;
    expect(issuesOf(text)).toEqual([
      "13:12 no file name can ever be 'diploma': every name it recognises also matches 'work', which has a higher priority (5); give 'diploma' a keyword of its own or a higher priority",
    ]);
  });

  it('keywords that make two documents collide without a winner', () => {
    const text = HEAD + DOCS + `  - id: letter\n    label: { fr: L, en: L }\n    names: [lettre, cv lettre]\n` + TESTS;
    expect(issuesOf(text)).toEqual([
      "16:12 keyword 'cv lettre' of 'letter' and 'cv' of 'cv' match the same file names with equal priority; set a higher priority on the one that should win",
    ]);
  });

  it('an example file name that would not be recognised as its document', () => {
    const text = HEAD + DOCS.replace('    names: [cv, curriculum]\n', '    names: [cv, curriculum]\n    example: Lettre.pdf\n') + TESTS;
    expect(issuesOf(text)).toEqual(["14:14 example 'Lettre.pdf' matches no keyword of 'cv': names are cv, curriculum"]);
  });

  it('a deadline that is not a date-time', () => {
    expect(issuesOf(HEAD.replace('2026-02-21T23:59:59', 'le 21 février') + DOCS + TESTS)).toEqual([
      "4:11 deadline: expected a date and time like 2026-02-21T23:59:59 (no offset: read in Africa/Casablanca), got 'le 21 février'",
      // ...and so the test case has no default reference date.
      "15:11 test 'ok': give asOf (YYYY-MM-DD); the profile has no deadline whose date could serve as default",
    ]);
  });

  it('tests that name undeclared facts, rules or documents, or values of the wrong type', () => {
    const text =
      HEAD +
      DOCS +
      RULES +
      `tests:\n  - name: a\n    facts: { level: phd, years: 2.5, height: 180 }\n    rules: { level: pass, age: fail }\n    documents: { cv: required, photo: required }\n  - name: a\n    extends: b\n    asOf: 2026-02-30\n    eligibility: eligible\n  - name: c\n    rules: { level: passed }\n`;
    const all = [
      '28:21 tests.2.rules.level: Invalid option: expected one of "pass"|"fail"|"unknown"|"skipped"',
    ];
    const fixed = text.replace('level: passed', 'level: pass');
    const semantic = [
      "20:21 facts.level: Invalid option: expected one of \"bac\"|\"licence\"|\"master\" (an ordinal fact)",
      '20:33 facts.years: Invalid input: expected int, received number (an integer fact)',
      "20:38 fact 'height' is not declared under facts; declared: birthDate, level, foreign, years",
      "21:27 rule 'age' is not declared under rules; declared: level",
      "22:32 document 'photo' is not declared under documents; declared: cv",
      "23:11 duplicate test name 'a'; every case needs its own name",
      "24:14 extends 'b': no test case has this name",
      "25:11 asOf: expected a calendar date YYYY-MM-DD that exists, got '2026-02-30'",
    ];
    expect(issuesOf(fixed)).toEqual(semantic);
    // With the schema error too: every error at once, in file order.
    expect(issuesOf(text)).toEqual([...semantic, ...all]);
  });

  it('a test case that expects nothing', () => {
    expect(issuesOf(HEAD + DOCS + `tests:\n  - name: empty\n    facts: { level: bac }\n`)).toEqual([
      expect.stringMatching(/^1\d:\d+ .*a test case expects something: give rules, eligibility and\/or documents/),
    ]);
  });

  it('a schema error does not hide the semantic errors of the parts that parse', () => {
    const text =
      HEAD +
      DOCS.replace('    names: [cv, curriculum]\n', '    names: [cv, curriculum]\n    pagez: 2\n') +
      `rules:\n  - id: a\n    label: { fr: A, en: A }\n    check: { fact: nope, equals: 1 }\n  - id: b\n    labl: { fr: B, en: B }\n    check: { fact: level, min: master }\n` +
      `tests:\n  - name: t\n    facts: { level: phd }\n    rules: { b: pass, c: fail }\n`;
    expect(issuesOf(text)).toEqual([
      "14:5 unknown key 'pagez' (did you mean 'pages'?)",
      "18:20 rules.0.check.fact: fact 'nope' is not declared under facts; declared: birthDate, level, foreign, years",
      "19:5 rules.1: missing key 'label' (expected object)",
      "20:5 unknown key 'labl' (did you mean 'label'?)",
      '24:21 facts.level: Invalid option: expected one of "bac"|"licence"|"master" (an ordinal fact)',
      // 'b' failed to parse, so it is not reported as undeclared; 'c' really is.
      "25:23 rule 'c' is not declared under rules; declared: a",
    ]);
  });

  it('a profile without tests is valid, with a warning', () => {
    expect(issuesOf(HEAD + DOCS + RULES)).toEqual([]);
    expect(warningsOf(HEAD + DOCS + RULES)).toEqual([expect.stringMatching(/^14:1 the profile has no tests/)]);
  });
});

describe('dossier profile check', () => {
  async function profileFile(text: string): Promise<string> {
    const file = join(await tempDir(), 'p.yaml');
    await writeFile(file, text);
    return file;
  }

  it('prints every error at once, as file:line:col, and exits 2', async () => {
    const file = await profileFile(
      HEAD +
        DOCS +
        `  - id: cv\n    label: { fr: X, en: X }\n    names: [autre]\n` +
        `rules:\n  - id: r\n    label: { fr: R, en: R }\n    check: { fact: nope, equals: 1 }\n  - id: s\n    label: { fr: S, en: S }\n    check: { fact: level, min: phd }\n` +
        `tests:\n  - name: a\n    rules: { zz: pass }\n`,
    );
    const r = await run(['profile', 'check', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines.at(-1)).toBe('4 erreurs');
    expect(lines.slice(0, -1).every((l) => l.startsWith(`${file}:`))).toBe(true);
    expect(r.stderr).toMatch(/:14:9 duplicate document id 'cv'/);
    expect(r.stderr).toMatch(/:20:20 .*fact 'nope' is not declared/);
    expect(r.stderr).toMatch(/:23:32 .*"phd" is not a value/);
    expect(r.stderr).toMatch(/:26:14 rule 'zz' is not declared/);
  });

  it('exits 0 with warnings, printed on stderr', async () => {
    const file = await profileFile(HEAD + DOCS + RULES);
    const r = await run(['profile', 'check', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/p\.yaml:14:1 the profile has no tests.*\(avertissement\)/);
    expect(r.stdout).toMatch(/ : valide — t : 1 pièce, 4 informations, 1 règle, 0 test$/m);
    const en = await run(['profile', 'check', file, '--lang', 'en']);
    expect(en.stderr).toMatch(/p\.yaml:14:1 the profile has no tests.*\(warning\)/);
    expect(en.stdout).toMatch(/: ok — t: 1 documents, 4 facts, 1 rules, 0 tests$/m);
  });

  it('accepts every sample profile without warnings', async () => {
    for (const f of ['ofppt-2026-chef-service-cooperation-financiere.yaml', 'ofppt-2026-formateur-gestion.yaml']) {
      const r = await run(['profile', 'check', `samples/profiles/${f}`]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
    }
  });
});

describe('the bundled profile compiled at build time', () => {
  // Written by the build (and the tests' setup) into dist/; read back by check, batch, init and show.
  const COMPILED = 'dist/profile/bundled.compiled.json';
  const yaml = readFileSync(BUNDLED_PROFILE);

  it('is exactly what loading the YAML gives', async () => {
    const loaded = await loadProfile(BUNDLED_PROFILE);
    expect(loaded.ok).toBe(true);
    expect(compiledProfile(yaml, COMPILED)).toStrictEqual(loaded.ok ? loaded.profile : undefined);
  });

  it('is not used once the YAML differs by a byte, or when it is missing or damaged', async () => {
    const edited = Buffer.concat([yaml, Buffer.from('\n')]);
    expect(compiledProfile(edited, COMPILED)).toBeUndefined();
    expect(compiledProfile(yaml, 'dist/profile/no-such.json')).toBeUndefined();
    const dir = await tempDir();
    const damaged = join(dir, 'damaged.json');
    await writeFile(damaged, readFileSync(COMPILED, 'utf8').slice(0, 100));
    expect(compiledProfile(yaml, damaged)).toBeUndefined();
  });
});
