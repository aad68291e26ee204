// The JSON Schemas in schemas/ are generated from the zod schemas (`npm run schemas`); this
// fails when the committed files are stale, and checks what editors rely on: draft-07, a
// title or description on every field, and the `$schema` comment in every sample YAML.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { declaredValue } from '../src/facts/accept.js';
import { describe, expect, it } from 'vitest';
import { BUNDLED_PROFILE, loadProfile, parseProfile, sampleProfiles } from '../src/profile/load.js';
import type { Profile } from '../src/profile/schema.js';
import { jsonSchemas } from '../src/schemas.js';

async function load(file: string): Promise<Profile> {
  const loaded = await loadProfile(file);
  if (!loaded.ok) throw new Error(`${file} is invalid`);
  return loaded.profile;
}

async function expected(): Promise<Record<string, string>> {
  const others = await Promise.all((await sampleProfiles()).filter((f) => f !== BUNDLED_PROFILE).map(load));
  return jsonSchemas(await load(BUNDLED_PROFILE), others);
}

describe('schemas/', () => {
  it('holds exactly the generated files, up to date (else run: npm run schemas)', async () => {
    const want = await expected();
    expect(readdirSync('schemas').sort()).toEqual(Object.keys(want).sort());
    for (const [name, text] of Object.entries(want)) {
      expect(readFileSync(join('schemas', name), 'utf8'), `schemas/${name} is stale: run npm run schemas and commit the result`).toBe(text);
    }
  });

  it('includes the three schemas the editors and the JSON report point at', async () => {
    expect(Object.keys(await expected())).toEqual(
      expect.arrayContaining(['profile.schema.json', 'candidate.schema.json', 'report.schema.json', 'candidate.ofppt-2026-formateur-gestion.schema.json']),
    );
  });

  it.each(['profile.schema.json', 'candidate.schema.json', 'report.schema.json'])(
    '%s: draft-07, titled, a title or description on every field',
    async (name) => {
      const schema = JSON.parse((await expected())[name]!);
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
      expect(schema.title).toBeTruthy();
      const bare: string[] = [];
      walk(schema, '', bare);
      expect(bare).toEqual([]);
    },
  );

  it('the profile schema refuses a text of spaces alone, as the tool does', async () => {
    const schema = JSON.parse((await expected())['profile.schema.json']!);
    const fr = new RegExp(schema.properties.title.anyOf[1].properties.fr.pattern);
    expect([fr.test('   '), fr.test(' Chef de service ')]).toEqual([false, true]);
    const bundled = readFileSync(BUNDLED_PROFILE, 'utf8');
    expect(parseProfile(bundled, 'p.yaml').ok).toBe(true);
    const blank = parseProfile(bundled.replace('  fr: Chef du Service « Coopération Financière » (OFPPT)', '  fr: "   "'), 'p.yaml');
    expect(blank.ok ? [] : blank.issues.map((i) => [i.line, i.col])).toEqual([[8, 7]]);
  });

  it('the candidate schema accepts blank facts (a fresh template) and says what each fact is', async () => {
    const schema = JSON.parse((await expected())['candidate.schema.json']!);
    expect(schema.additionalProperties).toBe(false);
    const birth = schema.properties.birthDate;
    expect(birth.title).toBe('date de naissance');
    expect(birth.description).toBe('date of birth');
    expect(birth.anyOf).toContainEqual({ type: 'null' });
    expect(birth.anyOf[0].pattern).toBe('^\\d{4}-\\d{2}-\\d{2}$');
    expect(schema.properties.diplomaLevel.anyOf[0].enum).toEqual(['bac', 'bac+2', 'licence', 'master', 'doctorat']);
    // A yes/no fact: the words candidate.yaml reads, as it reads them (any case, spaces around).
    const spoken = new RegExp(schema.properties.diplomaForeign.anyOf[0].anyOf[1].pattern);
    for (const word of ['oui', 'Non', ' YES ', 'faux']) {
      expect(spoken.test(word), word).toBe(true);
      expect(declaredValue({ type: 'boolean' }, word), word).toBeTypeOf('boolean');
    }
    for (const word of ['peut-être', 'o ui', 'nonon']) {
      expect(spoken.test(word), word).toBe(false);
      expect(declaredValue({ type: 'boolean' }, word), word).toBe(word);
    }
  });
});

describe('$schema comments', () => {
  it.each(readdirSync('samples/profiles').filter((f) => f.endsWith('.yaml')))('samples/profiles/%s points at the profile schema', (f) => {
    const first = readFileSync(join('samples/profiles', f), 'utf8').split('\n')[0];
    expect(first).toBe('# yaml-language-server: $schema=../../schemas/profile.schema.json');
  });

  it('the formateur sample dossier points at its profile candidate schema', () => {
    for (const d of readdirSync('samples/dossiers-formateur', { withFileTypes: true }).filter((e) => e.isDirectory())) {
      const first = readFileSync(join('samples/dossiers-formateur', d.name, 'candidate.yaml'), 'utf8').split('\n')[0];
      expect(first).toBe('# yaml-language-server: $schema=../../../schemas/candidate.ofppt-2026-formateur-gestion.schema.json');
    }
  });
});

/** Paths of properties that carry neither a title nor a description (nor do their branches). */
function walk(node: unknown, path: string, out: string[]): void {
  if (!node || typeof node !== 'object') return;
  const n = node as Record<string, unknown>;
  const props = n.properties as Record<string, Record<string, unknown>> | undefined;
  for (const [key, value] of Object.entries(props ?? {})) {
    if (!described(value)) out.push(`${path}.${key}`);
    walk(value, `${path}.${key}`, out);
  }
  for (const key of ['items', 'additionalProperties', 'not']) walk(n[key], `${path}[${key}]`, out);
  for (const key of ['anyOf', 'oneOf', 'allOf']) (n[key] as unknown[] | undefined)?.forEach((b, i) => walk(b, `${path}|${i}`, out));
  for (const [k, v] of Object.entries((n.definitions as Record<string, unknown>) ?? {})) walk(v, `#${k}`, out);
}

function described(s: Record<string, unknown>): boolean {
  if (s.title || s.description) return true;
  const branches = (s.anyOf ?? s.oneOf) as Record<string, unknown>[] | undefined;
  return branches !== undefined && branches.every((b) => b.type === 'null' || described(b));
}
