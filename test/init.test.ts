// `dossier init <dir>`: a candidate's first five minutes. The template it writes is valid for
// the tool as is (blank facts are unknown), names every declared fact with its type and
// values, points editors at the right JSON Schema, and is never written over an existing file.
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchByName } from '../src/dossier/match.js';
import { DOCUMENT_CODES, DOSSIER_CODES, finding } from '../src/findings.js';
import { LANGS, render } from '../src/i18n/messages.js';
import { parseDeclaration } from '../src/facts/parse.js';
import { candidateTemplate } from '../src/facts/template.js';
import { loadProfile } from '../src/profile/load.js';
import type { Profile } from '../src/profile/schema.js';
import { eligibilityOf, evaluateRules } from '../src/rules/evaluate.js';
import { run } from './support/cli.js';
import { tempDir } from './support/dossier.js';
import { bundledProfile } from './support/profile.js';

const FORMATEUR = 'samples/profiles/ofppt-2026-formateur-gestion.yaml';

async function formateur(): Promise<Profile> {
  const loaded = await loadProfile(FORMATEUR);
  if (!loaded.ok) throw new Error('invalid');
  return loaded.profile;
}

describe('dossier init', () => {
  it('creates the folder (and its parents), writes candidate.yaml, lists the documents', async () => {
    const root = await tempDir();
    const r = await run(['init', 'a/b/salma'], { cwd: root });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(await readdir(join(root, 'a/b/salma'))).toEqual(['candidate.yaml']);
    expect(r.stdout).toContain('Créé : a/b/salma/candidate.yaml');
    expect(r.stdout).toContain('placez dans a/b/salma ces pièces, chacune en PDF :');
    expect(r.stdout).toContain('• CV actualisé — de 1 à 20 pages — par exemple « CV.pdf »');
    expect(r.stdout).toContain(
      "• Attestation d'équivalence du diplôme, seulement si diplôme étranger : oui — par exemple « Attestation d'équivalence.pdf »",
    );
    expect(r.stdout).toContain('« Formulaire F1.pdf » (F1), « Formulaire F2.pdf » (F2)');
    expect(r.stdout).toMatch(/Puis vérifiez le dossier :\n  dossier check a\/b\/salma\n$/);
  });

  it('every example file name it prints is recognised as the document it is listed for', async () => {
    const profile = await bundledProfile();
    const r = await run(['init', 'x'], { cwd: await tempDir() });
    const names = [...r.stdout.matchAll(/« ([^»]+) »/g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThanOrEqual(profile.documents.length);
    const match = matchByName(profile, names);
    expect(match.unmatched).toEqual([]);
    for (const doc of profile.documents) expect(match.byDocument.get(doc.id)!.length, doc.id).toBeGreaterThan(0);
  });

  it('the template: schema comment first, every fact with its type and values, valid as is', async () => {
    const root = await tempDir();
    await run(['init', 'd'], { cwd: root });
    const text = await readFile(join(root, 'd', 'candidate.yaml'), 'utf8');
    const first = text.split('\n')[0]!;
    const ref = /^# yaml-language-server: \$schema=(.+)$/.exec(first)?.[1];
    expect(ref).toMatch(/schemas\/candidate\.schema\.json$/);
    expect(existsSync(resolve(root, 'd', ref!))).toBe(true);

    const profile = await bundledProfile();
    for (const name of Object.keys(profile.facts)) expect(text).toMatch(new RegExp(`^${name}:$`, 'm'));
    expect(text).toContain('# valeurs possibles : external | agent');
    expect(text).toContain('# niveaux, du plus bas au plus haut : bac < bac+2 < licence < master < doctorat');
    expect(text).toContain('# type : date, format AAAA-MM-JJ');
    expect(text).toContain('# date de naissance');
    expect(text).toContain('# exemple : [ar, fr, en]');

    // Untouched, it is a declaration with no fact and no problem: eligibility undetermined.
    const declaration = parseDeclaration(text, 'candidate.yaml', profile);
    expect(declaration.problems).toEqual([]);
    expect(declaration.facts).toEqual({});
  });

  it('filled in with the examples it shows, the template declares a valid, eligible candidate', async () => {
    for (const profile of [await bundledProfile(), await formateur()]) {
      let text = candidateTemplate(profile, { lang: 'fr' });
      for (const [name, decl] of Object.entries(profile.facts)) {
        const v = decl.example;
        text = text.replace(new RegExp(`^${name}:$`, 'm'), `${name}: ${Array.isArray(v) ? `[${v.join(', ')}]` : String(v)}`);
      }
      const declaration = parseDeclaration(text, 'candidate.yaml', profile);
      expect(declaration.problems, profile.id).toEqual([]);
      expect(Object.keys(declaration.facts).sort()).toEqual(Object.keys(profile.facts).sort());
      expect(eligibilityOf(evaluateRules(profile, declaration.facts, '2026-02-21')), profile.id).toBe('eligible');
    }
  });

  it('--lang en writes an English template and English instructions', async () => {
    const root = await tempDir();
    const r = await run(['init', 'd', '--lang', 'en'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Created: d/candidate.yaml');
    expect(r.stdout).toContain('dossier check d --lang en');
    const text = await readFile(join(root, 'd', 'candidate.yaml'), 'utf8');
    expect(text).toContain('# date of birth');
    expect(text).toContain('# allowed values: external | agent');
    expect(text).not.toContain('date de naissance');
  });

  it('--profile: the template of that posting, its schema, and the check command to run', async () => {
    const root = await tempDir();
    const profileFile = resolve(FORMATEUR);
    const r = await run(['init', 'amina', '--profile', profileFile], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('• Lettre de motivation — de 1 à 2 pages — par exemple « Lettre de motivation.pdf »');
    expect(r.stdout).toContain("• Attestations de travail, seulement si Années d'expérience professionnelle : plus de 0");
    expect(r.stdout).toContain(`dossier check amina --profile ${profileFile}`);
    const text = await readFile(join(root, 'amina', 'candidate.yaml'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/\$schema=.*schemas\/candidate\.ofppt-2026-formateur-gestion\.schema\.json$/);
    expect(text).toMatch(/^diplomaField:$/m);
    expect(text).not.toMatch(/^applicantType:/m);
  });

  it('a profile with no published schema gets a plain comment instead of a wrong schema', async () => {
    const root = await tempDir();
    const copy = join(root, 'mine.yaml');
    await writeFile(copy, (await readFile(FORMATEUR, 'utf8')).replace('label: { fr: Nom et prénom, en: Full name }', 'label: { fr: Nom complet, en: Full name }'));
    const r = await run(['init', 'd', '--profile', copy], { cwd: root });
    expect(r.code).toBe(0);
    const first = (await readFile(join(root, 'd', 'candidate.yaml'), 'utf8')).split('\n')[0];
    expect(first).toMatch(/^# \(aucun schéma JSON publié pour le profil ofppt-2026-formateur-gestion/);
  });

  it('never overwrites candidate.yaml: exit 2, a clear message, the file untouched', async () => {
    const root = await tempDir();
    await mkdir(join(root, 'd'));
    await writeFile(join(root, 'd', 'candidate.yaml'), 'fullName: Salma\n');
    const r = await run(['init', 'd'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/d\/candidate\.yaml existe déjà : il n'est jamais écrasé/);
    expect(await readFile(join(root, 'd', 'candidate.yaml'), 'utf8')).toBe('fullName: Salma\n');
    const again = await run(['init', 'd', '--lang', 'en'], { cwd: root });
    expect(again.stderr).toMatch(/already exists: it is never overwritten/);
  });

  it('refuses a path that is a file, and an invalid profile', async () => {
    const root = await tempDir();
    await writeFile(join(root, 'f'), 'x');
    const r = await run(['init', 'f'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/f existe et n'est pas un dossier/);
    const bad = await run(['init', 'd', '--profile', 'nope.yaml'], { cwd: root });
    expect(bad.code).toBe(2);
    expect(existsSync(join(root, 'd'))).toBe(false);
  });
});

// The other half of a candidate's first five minutes: every problem the report can show comes
// with what to do about it, in both languages (the compiler checks the catalogue has an entry
// per code; this checks the entries say something, and the issue's examples word for word).
describe('every problem says what to do', () => {
  const codes = [...DOCUMENT_CODES, ...DOSSIER_CODES];
  const params = { file: 'CV.docx', type: 'docx', actual: 2, exactly: 1, expected: 'F2', variant: 'F1', files: ['a.pdf', 'b.pdf'] };

  it.each(LANGS)('%s: a message and a fix for every code', (lang) => {
    for (const code of codes) {
      const { message, fix } = render(finding(code, 'error', params), lang, { document: 'CV' });
      expect(message.trim(), code).not.toBe('');
      expect(fix.trim().length, code).toBeGreaterThan(10);
      expect(fix, code).not.toBe(message);
    }
  });

  it('the wording of the issue', async () => {
    // The ID card's advice is the profile's (pagesAdvice): the engine knows no ID cards.
    const cni = (await bundledProfile()).documents.find((d) => d.id === 'cni')!;
    const ctx = { pagesAdvice: cni.pagesAdvice!.fr };
    expect(render(finding('page-count', 'error', { file: 'CNI.pdf', actual: 2, exactly: 1 }), 'fr', ctx).fix).toMatch(
      /^Fusionnez le recto et le verso sur une seule page/,
    );
    expect(render(finding('page-count', 'error', { file: 'lettre.pdf', actual: 2, exactly: 1 }), 'fr').fix).not.toMatch(/recto/);
    expect(render(finding('not-pdf', 'error', { file: 'CV.docx', type: 'docx' }), 'fr').fix).toMatch(/^Convertissez CV\.docx en PDF/);
    expect(render(finding('not-pdf', 'error', { file: 'CV.docx', type: 'docx' }), 'en').fix).toMatch(/^Convert CV\.docx to PDF/);
    // A scan whose size changed between its ends and its middle (src/pdf/worker.ts): not a matter of rights.
    expect(render(finding('unreadable-file', 'error', { file: 'CIN.pdf', error: 'ECHANGED' }), 'fr').fix).toMatch(/^Le fichier a changé pendant la vérification/);
    expect(render(finding('unreadable-file', 'error', { file: 'CIN.pdf', error: 'ECHANGED' }), 'en').fix).toMatch(/^The file changed while it was being checked/);
    expect(render(finding('unreadable-file', 'error', { file: 'CIN.pdf', error: 'EACCES' }), 'fr').fix).toBe('Vérifiez les droits d’accès au fichier.');
  });

  it("a missing document's fix is the profile's own advice", async () => {
    const profile = await bundledProfile();
    const equivalence = profile.documents.find((d) => d.id === 'equivalence')!;
    const { fix } = render(finding('missing', 'error'), 'fr', { document: equivalence.label.fr, advice: equivalence.advice!.fr });
    expect(fix).toBe("Ajoutez l'attestation d'équivalence de votre diplôme étranger, en PDF.");
  });
});
