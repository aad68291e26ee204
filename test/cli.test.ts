// The CLI's contract: commands, options, exit codes, colour, output destination.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportSchema } from '../src/report/schema.js';
import { buildProgram } from '../src/cli/main.js';
import { HELP_FR } from '../src/i18n/help.js';
import { run } from './support/cli.js';
import { completeFiles, GOOD_CANDIDATE, makeDossier, tempDir } from './support/dossier.js';
import { textPdf } from './support/pdf-factory.js';
import { rawPdf } from './support/hostile-corpus.js';

const SAMPLES = 'samples/dossiers';
const ANSI = /\u001b\[/;

async function completeDossier(extra: Record<string, Uint8Array | string> = {}) {
  return makeDossier({ ...(await completeFiles()), ...extra });
}

describe('exit codes', () => {
  it('0 when every dossier is accepted', async () => {
    const dir = await completeDossier();
    const r = await run(['check', dir, '--as-of', '2026-02-21']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('1 when a dossier is incomplete', async () => {
    const dir = await makeDossier({ 'CV.pdf': await textPdf(1), 'candidate.yaml': GOOD_CANDIDATE });
    expect((await run(['check', dir])).code).toBe(1);
  });

  // Complete and eligible, but its declaration says something twice or something impossible:
  // the error stands in the way ("Toute information erronée entraînera l'annulation du dossier").
  it.each([
    ['a key given twice (with the same value)', `${GOOD_CANDIDATE}nationality: MA\n`, 'candidate.yaml:9:1'],
    ['a submission time that does not exist', `${GOOD_CANDIDATE}submittedAt: 2026-13-45T99:99:99\n`, 'candidate.yaml:9:14'],
  ])('1 when complete and eligible but candidate.yaml has an error: %s', async (_, declaration, where) => {
    const dir = await completeDossier({ 'candidate.yaml': declaration });
    const json = await run(['check', dir, '--as-of', '2026-02-21', '--format', 'json']);
    expect(json.code).toBe(1);
    const d = JSON.parse(json.stdout).dossiers[0];
    expect([d.complete, d.eligibility, d.accepted]).toEqual([true, 'eligible', false]);
    expect(d.problems.map((p: { code: string; severity: string }) => [p.code, p.severity])).toEqual([['declaration-invalid', 'error']]);
    const text = await run(['check', dir, '--as-of', '2026-02-21']);
    expect(text.stdout).toMatch(/NON RECEVABLE .*\(complet, éligible, erreur à corriger \(remarques\)\)/);
    expect(text.stdout).toContain(where);
  });

  it('1 when undetermined (no declaration): an unknown requirement counts as required', async () => {
    const dir = await makeDossier({
      'F1.pdf': await textPdf(1),
      'CV.pdf': await textPdf(1),
      'Diplome.pdf': await textPdf(1),
      'CIN.pdf': await textPdf(1),
      'Plan action.pdf': await textPdf(1),
    });
    const r = await run(['check', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stdout).dossiers[0];
    expect(d.eligibility).toBe('undetermined');
    expect(d.problems.map((p: { code: string }) => p.code)).toContain('no-declaration');
    // Whether the diploma is foreign is unknown: the equivalence is asked for, not waived.
    const equivalence = d.documents.find((doc: { id: string }) => doc.id === 'equivalence');
    expect(equivalence.status).toBe('missing');
    // …naming the fact that would tell.
    expect(equivalence.problems[0].params).toEqual({ condition: 'unknown', facts: ['diplomaForeign'] });
    expect(equivalence.problems[0].fix).toMatch(/^Ce document n’est exigé que dans certaines situations, et candidate\.yaml ne dit pas encore la vôtre \(diplomaForeign\) : renseignez-la\. S’il est exigé : Ajoutez/);
    expect(d.complete).toBe(false);
  });

  it.each([
    [['--help'], 0],
    [['check', '--help'], 0],
    [['--version'], 0],
    [[], 2],
    [['frobnicate'], 2],
    [['check'], 2],
    [['check', SAMPLES, '--bogus'], 2],
    [['check', SAMPLES, '--format', 'pdf'], 2],
    [['check', SAMPLES, '--lang', 'de'], 2],
    [['check', 'no/such/folder'], 2],
    [['check', 'package.json'], 2],
    [['check', SAMPLES, '--as-of', '2026-02-30'], 2],
    [['check', SAMPLES, '--profile', 'no-such-profile.yaml'], 2],
    [['inspect', 'no-such-file.pdf'], 2],
  ])('%j exits %i', async (args, code) => {
    const r = await run(args as string[]);
    expect(r.code).toBe(code);
    if (code === 2) expect(r.stderr).not.toBe('');
    if (code === 0) expect(r.stdout).not.toBe('');
  });

  it('an invalid profile exits 2 naming file:line:col', async () => {
    const dir = await tempDir();
    const bad = join(dir, 'bad.yaml');
    await writeFile(bad, 'id: x\ntitle: T\nfacts: {}\ndocuments:\n  - id: cv\n    label: { fr: CV, en: CV }\n    names: [cv]\n    pagez: 1\n');
    const r = await run(['check', SAMPLES, '--profile', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:8:5 unknown key 'pagez'/);
    expect(r.stdout).toBe('');
  });
});

describe('a batch root given to check', () => {
  it('tells, at each sub-folder holding a candidate.yaml, to give the parent folder to batch', async () => {
    const r = await run(['check', SAMPLES, '--as-of', '2026-02-21', '--format', 'json']);
    const sub = JSON.parse(r.stdout).dossiers[0].problems.filter((p: { code: string }) => p.code === 'subfolder');
    expect(sub.length).toBeGreaterThanOrEqual(9);
    for (const p of sub) {
      expect(p.params.dossier).toBe(true);
      expect(p.fix).toMatch(/Pour vérifier un lot de dossiers, donnez leur dossier parent à « dossier batch »/);
    }
  });

  it('knows a declaration by any name a dossier\'s is read by, any case; a folder of other files is only a sub-folder', async () => {
    const root = await tempDir();
    for (const [folder, name] of [['a', 'Candidate.YML'], ['b', 'CANDIDATE.yaml'], ['c', 'notes.txt']]) {
      await mkdir(join(root, folder!));
      await writeFile(join(root, folder!, name!), GOOD_CANDIDATE);
    }
    const r = await run(['check', root, '--as-of', '2026-02-21', '--format', 'json']);
    const sub = JSON.parse(r.stdout).dossiers[0].problems.filter((p: { code: string }) => p.code === 'subfolder');
    expect(sub.map((p: { params: { file: string; dossier?: boolean } }) => [p.params.file, p.params.dossier === true])).toEqual([
      ['a', true],
      ['b', true],
      ['c', false],
    ]);
  });
});

describe('--output naming a folder', () => {
  it('is a usage error that says to give a file name', async () => {
    const dir = await completeDossier();
    const out = await tempDir();
    const r = await run(['check', dir, '--as-of', '2026-02-21', '--format', 'json', '-o', out]);
    expect(r.code).toBe(2);
    // The name suggested is one in that folder, for the format asked.
    expect(r.stderr).toContain(`impossible d'écrire ${out} (EISDIR) : c’est un dossier ; indiquez un nom de fichier, par exemple ${join(out, 'rapport.json')}`);
    expect(r.stdout).toBe('');
    const en = await run(['check', dir, '--as-of', '2026-02-21', '--format', 'junit', '--lang', 'en', '-o', out]);
    expect(en.stderr).toContain(`it is a folder; give a file name, for example ${join(out, 'report.xml')}`);
  });
});

describe('a value candidate.yaml gives in a refused form', () => {
  it('is said refused, not "to fill in", and the dossier is an error to correct whichever fact it is', async () => {
    for (const [line, replaced] of [
      ['experienceYears: 6', 'experienceYears: neuf'],
      ['nationality: MA', 'nationality: Marocaine'],
    ] as const) {
      const dir = await completeDossier({ 'candidate.yaml': GOOD_CANDIDATE.replace(line, replaced) });
      const r = await run(['check', dir, '--as-of', '2026-02-21']);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/✘ NON RECEVABLE .*\(complet, éligibilité indéterminée, erreur à corriger \(remarques\)\)/);
      expect(r.stdout).toContain('valeur refusée dans candidate.yaml (voir les remarques)');
      expect(r.stdout).toMatch(/→ Corrigez (experienceYears|nationality) dans candidate\.yaml \(voir les remarques\)\./);
      expect(r.stdout).not.toMatch(/à renseigner \((experienceYears|nationality)\)/);
      const en = await run(['check', dir, '--as-of', '2026-02-21', '--lang', 'en']);
      expect(en.stdout).toContain('value refused in candidate.yaml (see the notes)');
    }
    // A fact simply not given is still "to fill in", and the dossier to verify.
    const dir = await completeDossier({ 'candidate.yaml': GOOD_CANDIDATE.replace('experienceYears: 6\n', '') });
    const r = await run(['check', dir, '--as-of', '2026-02-21']);
    expect(r.stdout).toMatch(/\? À VÉRIFIER/);
    expect(r.stdout).toContain('à renseigner (experienceYears)');
    expect(r.stdout).toContain('→ Indiquez experienceYears dans candidate.yaml.');
    // A birth date to come: the age cannot be judged, and the candidate is told to check it.
    const future = await completeDossier({ 'candidate.yaml': GOOD_CANDIDATE.replace('birthDate: 1990-05-14', 'birthDate: 2090-05-14') });
    const f = await run(['check', future, '--as-of', '2026-02-21', '--lang', 'en']);
    expect(f.stdout).toContain('→ Check birthDate in candidate.yaml: the value given cannot be judged.');
  });

  it('a candidate.yaml that cannot be read, or a refused value, is said so where a fact is wanted, not "to fill in"', async () => {
    // A quote left open: no fact is read at all.
    const unread = await completeDossier({ 'candidate.yaml': GOOD_CANDIDATE.replace('fullName: Salma Bennani', 'fullName: "Salma Bennani') });
    const r = await run(['check', unread, '--as-of', '2026-02-21']);
    expect(r.stdout).toContain('candidate.yaml:2:11 un guillemet ouvert ici n’est jamais fermé');
    expect(r.stdout).toContain('date de naissance : candidate.yaml n’a pas pu être lu (voir les remarques)');
    expect(r.stdout).toContain('→ Corrigez candidate.yaml (voir les remarques) : tant qu’il ne peut pas être lu, aucune information n’est connue.');
    expect(r.stdout).toContain('et candidate.yaml, qui indique votre situation, n’a pas pu être lu (voir les remarques) : corrigez-le. S’il est exigé :');
    // The deadline rule applies only when a submission time is given: it says why there is none.
    expect(r.stdout).toContain('dépôt : candidate.yaml n’a pas pu être lu (voir les remarques) ; exigé : renseigné');
    expect(r.stdout).not.toMatch(/à renseigner|Indiquez|ne dit pas encore/);
    // A key given twice: the rest is read, and the facts it gives are known.
    const twice = await completeDossier({ 'candidate.yaml': `${GOOD_CANDIDATE}nationality: MA\n` });
    expect((await run(['check', twice, '--as-of', '2026-02-21'])).stdout).not.toContain('n’a pas pu être lu');
    // A yes/no the reader does not take, for the fact that says whether a document is needed.
    const refused = await completeDossier({ 'candidate.yaml': GOOD_CANDIDATE.replace('diplomaForeign: false', 'diplomaForeign: peut-être') });
    const en = await run(['check', refused, '--as-of', '2026-02-21', '--lang', 'en']);
    expect(en.stdout).toContain('and the value candidate.yaml gives for your situation (diplomaForeign) was refused (see the notes): correct it. If it is required:');
    expect(en.stdout).not.toContain('does not say yours yet');
  });

  it('an empty candidate.yaml weighs as much as a missing one: to verify, with what to write in it', async () => {
    const files = await completeFiles();
    delete files['candidate.yaml'];
    // An equivalence certificate only some need: sent, so that the dossier is complete whoever
    // the candidate is, and only the facts are left to know.
    files['Equivalence.pdf'] = await textPdf(1, 'Equivalence');
    const verdictOf = (out: string) => /^(\S+ [A-ZÀ-Ý ]+?) {2}/m.exec(out)?.[1];
    const missing = await run(['check', await makeDossier(files), '--as-of', '2026-02-21']);
    expect(verdictOf(missing.stdout)).toBe('? À VÉRIFIER');
    for (const text of ['', '# à remplir\n\n']) {
      const r = await run(['check', await makeDossier({ ...files, 'candidate.yaml': text }), '--as-of', '2026-02-21']);
      expect([r.code, verdictOf(r.stdout)]).toEqual([missing.code, '? À VÉRIFIER']);
      expect(r.stdout).toContain('candidate.yaml:1:1 la déclaration est vide');
      expect(r.stdout).toContain('→ Écrivez-y vos informations, une ligne « nom: valeur » chacune');
    }
  });
});

describe('output', () => {
  it('JSON report matches its schema and the contract', async () => {
    const dirs = (await readdir(SAMPLES, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => join(SAMPLES, e.name));
    const r = await run(['check', ...dirs, '--format', 'json', '--as-of', '2026-02-21']);
    expect(r.code).toBe(1);
    const report = reportSchema.parse(JSON.parse(r.stdout));
    expect(report.summary.dossiers).toBe(dirs.length);
    expect(report.asOf).toBe('2026-02-21');
    for (const d of report.dossiers) {
      expect(d.accepted).toBe(d.complete && d.eligibility === 'eligible');
      expect(d.documents.map((doc) => doc.id)).toEqual(['form', 'cv', 'diploma', 'equivalence', 'cni', 'action-plan']);
    }
  });

  it('no ANSI codes when piped, even with colours available', async () => {
    const dir = await completeDossier();
    expect((await run(['check', dir])).stdout).not.toMatch(ANSI);
    expect((await run(['check', dir], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ANSI);
    expect((await run(['check', dir, '--no-color'], { tty: true, env: { FORCE_COLOR: '1' } })).stdout).not.toMatch(ANSI);
    expect((await run(['check', dir], { tty: true, env: { FORCE_COLOR: '1', NO_COLOR: 'x' } })).stdout).not.toMatch(ANSI);
    expect((await run(['check', dir], { tty: true })).stdout).toMatch(ANSI);
    expect((await run(['check', dir], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(ANSI);
  });

  it('--output writes the file and nothing on stdout', async () => {
    const dir = await completeDossier();
    const out = join(await tempDir(), 'sub', 'report.json');
    const r = await run(['check', dir, '--format', 'json', '--output', out, '--as-of', '2026-02-21']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(await readFile(out, 'utf8')).summary.accepted).toBe(1);
  });

  it('--output refuses to write inside a checked dossier, and creates nothing there', async () => {
    const dir = await completeDossier();
    const before = await readdir(dir);
    const r = await run(['check', dir, '--output', join(dir, 'new', 'report.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/est dans le dossier vérifié/);
    expect(await readdir(dir)).toEqual(before);
  });

  it('French by default, English with --lang en; codes stay English', async () => {
    const dir = await makeDossier({ 'CV.docx': 'PK\u0003\u0004[Content_Types].xml word/document.xml', 'candidate.yaml': GOOD_CANDIDATE });
    const fr = await run(['check', dir]);
    expect(fr.stdout).toMatch(/NON RECEVABLE/);
    expect(fr.stdout).toMatch(/Convertissez CV\.docx en PDF/);
    const en = await run(['check', dir, '--lang', 'en', '--format', 'json']);
    const cv = JSON.parse(en.stdout).dossiers[0].documents.find((d: { id: string }) => d.id === 'cv');
    expect(cv.status).toBe('invalid');
    expect(cv.problems[0].code).toBe('not-pdf');
    expect(cv.problems[0].message).toMatch(/is not a PDF: it is a Word document/);
    // A profile title given in both languages follows --lang; the JSON field stays a string.
    expect(fr.stdout.split('\n')[0]).toMatch(/^Chef du Service « Coopération Financière » \(OFPPT\) — au /);
    expect(JSON.parse(en.stdout).profile).toEqual({
      id: 'ofppt-2026-chef-service-cooperation-financiere',
      title: 'Head of the Financial Cooperation Department (OFPPT)',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('a profile title given once is used in both languages', async () => {
    const dir = await completeDossier();
    const profile = 'samples/profiles/ofppt-2026-formateur-gestion.yaml';
    const title = (lang: string) => run(['check', dir, '--profile', profile, '--lang', lang, '--format', 'json']).then((r) => JSON.parse(r.stdout).profile.title);
    const fr = await title('fr');
    expect(typeof fr).toBe('string');
    expect(await title('en')).toBe(fr);
  });

  describe('usage mistakes (exit 2) are said in the command line\'s language too', () => {
    it.each([
      [['check', '--bogus', 'x'], /^dossier: option inconnue « --bogus »\n\(dossier check --help liste/, /^dossier: unknown option '--bogus'\n\(dossier check --help lists/],
      [['chek'], /commande inconnue « chek » \(vouliez-vous dire check \?\)/, /unknown command 'chek' \(did you mean check\?\)/],
      [['check'], /argument obligatoire manquant : <dir>/, /missing required argument <dir>/],
      [['check', '--as-of', '2026-13-01', 'samples/dossiers'], /--as-of : « 2026-13-01 » n'est pas une date ; format attendu AAAA-MM-JJ/, /--as-of: '2026-13-01' is not a date; expected YYYY-MM-DD/],
      [['check', 'no/such/folder'], /no\/such\/folder : dossier introuvable/, /no\/such\/folder: no such folder/],
      [['batch', 'samples/dossiers', '--shard', '3/2'], /--shard : « 3\/2 » doit s'écrire k\/n/, /--shard: '3\/2' should be k\/n/],
      [['inspect', 'samples', '--max-size', '0'], /--max-size : « 0 » n'est pas un nombre de Mo positif/, /--max-size: '0' is not a positive number of MB/],
      [['check', '--profile', 'no-such.yaml', 'samples/dossiers'], /no-such\.yaml:1:1 impossible de lire le profil : fichier introuvable\n1 erreur dans le profil ; corrigez-la/, /no-such\.yaml:1:1 cannot read the profile: no such file\n1 error\(s\) in the profile; fix them/],
      [['merge', 'no-such.json'], /no-such\.json : impossible de lire ce rapport \(fichier introuvable\)/, /no-such\.json: cannot read this report \(no such file\)/],
    ])('%j', async (args, fr, en) => {
      const inFrench = await run(args);
      expect(inFrench.code).toBe(2);
      expect(inFrench.stdout).toBe('');
      expect(inFrench.stderr).toMatch(fr);
      const inEnglish = await run([...args, '--lang', 'en']);
      expect(inEnglish.code).toBe(2);
      expect(inEnglish.stderr).toMatch(en);
    });

    it('an unknown --lang is said in French, with the languages there are', async () => {
      const r = await run(['check', '--lang', 'de', 'samples/dossiers']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/« --lang <lang> » : « de » n'est pas une valeur possible ; valeurs possibles : fr, en/);
    });
  });

  it('--quiet leaves out accepted dossiers without notes', async () => {
    const good = await completeDossier();
    const bad = await makeDossier({ 'CV.pdf': await textPdf(1), 'candidate.yaml': GOOD_CANDIDATE }, 'autre');
    const r = await run(['check', good, bad, '--quiet', '--as-of', '2026-02-21']);
    expect(r.stdout).toContain(bad);
    expect(r.stdout).not.toContain(good);
    expect(r.stdout).toMatch(/2 dossiers/);
  });

  it('--quiet also leaves out an accepted dossier whose only note is an advisory rule not met', async () => {
    // English is "strongly desired", not required: nothing to fix.
    const frenchOnly = await completeDossier({ 'candidate.yaml': GOOD_CANDIDATE.replace('languages: [ar, fr, en]', 'languages: [ar, fr]') });
    const all = await run(['check', frenchOnly, '--as-of', '2026-02-21', '--format', 'json']);
    const d = JSON.parse(all.stdout).dossiers[0];
    expect([d.accepted, d.rules.find((r: { id: string }) => r.id === 'english').status]).toEqual([true, 'fail']);
    const quiet = await run(['check', frenchOnly, '--quiet', '--as-of', '2026-02-21']);
    expect(quiet.stdout).not.toContain(frenchOnly);
  });
});

describe('inspect', () => {
  it('reports each file as JSON', async () => {
    const dir = await makeDossier({ 'a.pdf': await textPdf(3), 'b.pdf': 'hello, not a pdf' });
    const r = await run(['inspect', join(dir, 'a.pdf'), join(dir, 'b.pdf'), '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.schemaVersion).toBe(1);
    expect(out.files[0]).toMatchObject({ pdf: true, readable: true, encrypted: false, pages: 3 });
    expect(out.files[1]).toMatchObject({ pdf: false, readable: false, pages: null });
    expect(out.files[1].problems[0].code).toBe('not-pdf');
  });

  it('says what a file that is not a PDF is in the reader\'s words, not as a type code', async () => {
    const dir = await makeDossier({ 'CV.docx': 'PK\u0003\u0004[Content_Types].xml word/document.xml', 'vide.pdf': '' });
    const fr = await run(['inspect', join(dir, 'CV.docx'), join(dir, 'vide.pdf')]);
    expect(fr.stdout).toMatch(/CV\.docx — un document Word \(\.docx\), \d+ o\n/);
    expect(fr.stdout).toMatch(/vide\.pdf — vide, 0 o\n/);
    const en = await run(['inspect', join(dir, 'CV.docx'), '--lang', 'en']);
    expect(en.stdout).toMatch(/CV\.docx — a Word document \(\.docx\), \d+ B\n/);
  });

  it('shows a name\'s bidi override escaped in the message and in the advice under it', async () => {
    const name = 'cv\u202efdp.docx';
    const dir = await makeDossier({ [name]: 'hello, not a pdf' });
    const r = await run(['inspect', join(dir, name)]);
    expect(r.stdout).not.toMatch(/\u202e/);
    expect(r.stdout).toContain('→ Convertissez cv\\u202efdp.docx en PDF');
  });

  it("a profile's advice written as a YAML block reads as one line in the report, not with its line breaks escaped", async () => {
    const bundled = readFileSync('samples/profiles/ofppt-2026-chef-service-cooperation-financiere.yaml', 'utf8');
    const folded = bundled.replace(
      "      fr: Ajoutez un CV à jour détaillant vos expériences en rapport avec le poste, en PDF.\n",
      '      fr: |\n        Ajoutez un CV à jour\n        détaillant vos expériences,\n\n        en PDF.\n',
    );
    expect(folded).not.toBe(bundled);
    const profile = join(await tempDir(), 'p.yaml');
    await writeFile(profile, folded);
    const files = await completeFiles();
    delete files['CV.pdf'];
    const dir = await makeDossier(files);
    const r = await run(['check', dir, '--profile', profile, '--no-color']);
    expect(r.stdout).toContain('→ Ajoutez un CV à jour détaillant vos expériences, en PDF.\n');
    expect(r.stdout).not.toContain('\\n');
  });

  it('says which reader answered: the bytes for a plain file, pdf.js for one whose page tree lies', async () => {
    // /Count 3 for one page: the raw reader declines, pdf.js repairs the count and says so.
    const lying = rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 3 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>']);
    const dir = await makeDossier({ 'plain.pdf': await textPdf(2), 'lying.pdf': lying });
    const r = await run(['inspect', join(dir, 'plain.pdf'), join(dir, 'lying.pdf'), '--format', 'json']);
    const out = JSON.parse(r.stdout);
    expect(out.files.map((f: { reader: string; pages: number; problems: { code: string }[] }) => [f.reader, f.pages, f.problems.map((p) => p.code)])).toEqual([
      ['bytes', 2, []],
      ['pdfjs', 1, ['page-tree']],
    ]);
  });

  it('exits 0 when every file is a readable PDF', async () => {
    const dir = await makeDossier({ 'a.pdf': await textPdf(1) });
    expect((await run(['inspect', join(dir, 'a.pdf')])).code).toBe(0);
  });
});

describe('profile check', () => {
  it('accepts the bundled profile', async () => {
    const r = await run(['profile', 'check', 'samples/profiles/ofppt-2026-chef-service-cooperation-financiere.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/: valide — ofppt-2026-chef-service-cooperation-financiere : 6 pièces/);
  });

  it('lists every error at once with file:line:col', async () => {
    const dir = await tempDir();
    const bad = join(dir, 'bad.yaml');
    await writeFile(
      bad,
      [
        'id: test',
        'title: T',
        'facts:',
        '  age: { type: number }',
        'documents:',
        '  - id: cv',
        '    label: { fr: CV, en: CV }',
        '    names: [cv]',
        '  - id: cv',
        '    label: { fr: CV, en: CV }',
        '    names: [curriculum]',
        'rules:',
        '  - id: r1',
        '    label: { fr: R, en: R }',
        '    check: { fact: birthDate, ageBelow: 45 }',
        '',
      ].join('\n'),
    );
    const r = await run(['profile', 'check', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:9:\d+ duplicate document id 'cv'/);
    expect(r.stderr).toMatch(/bad\.yaml:15:\d+ .*birthDate/);
  });

  it('reports YAML syntax errors and duplicate keys with positions', async () => {
    const dir = await tempDir();
    const bad = join(dir, 'bad.yaml');
    await writeFile(bad, 'id: a\nid: b\ntitle: [unclosed\n');
    const r = await run(['profile', 'check', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:2:1 .*duplicate key/i);
  });
});

describe('review fixes', () => {
  it('`help <command>` exits 0', async () => {
    const r = await run(['help', 'check']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--as-of/);
  });

  it('inspect never writes its report over a file it inspects', async () => {
    const dir = await makeDossier({ 'cv.pdf': await textPdf(1) });
    const file = join(dir, 'cv.pdf');
    const before = await readFile(file);
    const r = await run(['inspect', file, '--output', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/est l'un des fichiers inspectés/);
    expect(Buffer.compare(await readFile(file), before)).toBe(0);
  });

  it('the English text report uses English punctuation and words', async () => {
    const r = await run(['batch', SAMPLES, '--lang', 'en', '--as-of', '2026-02-21']);
    expect(r.stdout).toMatch(/^Summary: \d+ dossiers/m);
    expect(r.stdout).toMatch(/^Most frequent problems:$/m);
    expect(r.stdout).toMatch(/— cni: page count/);
    expect(r.stdout).toMatch(/rule age: fail/);
    expect(r.stdout).not.toMatch(/ : /);
    // Columns line up whatever the verdict's length.
    const starts = r.stdout.split('\n').filter((l) => /^[✔✘?] /.test(l)).map((l) => l.indexOf('samples/'));
    expect(new Set(starts).size).toBe(1);
  });
});

describe('--help speaks the command line\'s language', () => {
  it('every description of every command, option and argument has its French, and the catalogue holds nothing else', () => {
    const asked = new Set<string>();
    const io = { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: process.cwd() };
    buildProgram(io, () => undefined, 'fr', (english) => (asked.add(english), HELP_FR[english] ?? english));
    expect([...asked].filter((s) => !(s in HELP_FR))).toEqual([]);
    expect(Object.keys(HELP_FR).filter((s) => !asked.has(s))).toEqual([]);
  });

  it('French by default, English with --lang en, titles and defaults included', async () => {
    const fr = await run(['check', '--help']);
    expect(fr.code).toBe(0);
    expect(fr.stdout).toMatch(/^Utilisation : dossier check \[options\] <dir\.\.\.>/);
    expect(fr.stdout).toMatch(/Arguments :\n/);
    expect(fr.stdout).toMatch(/--lang <lang> +langue des messages \(fr, en\) \(valeurs : "fr", "en" ;\s+par défaut : "fr"\)/);
    expect(fr.stdout).toMatch(/-h, --help +afficher l'aide de la commande/);
    const en = await run(['check', '--help', '--lang', 'en']);
    expect(en.stdout).toMatch(/^Usage: dossier check \[options\] <dir\.\.\.>/);
    expect(en.stdout).toMatch(/--lang <lang> +language of messages \(fr, en\) \(choices: "fr", "en",\s+default: "fr"\)/);
    const top = await run(['--help']);
    expect(top.stdout).toMatch(/Commandes :\n/);
    expect(top.stdout).toMatch(/help \[command\] +afficher l'aide de la commande/);
  });
});

describe('bin/dossier.js check starts its worker before parsing the command line', () => {
  const cli = (args: string[]) => spawnSync(process.execPath, ['bin/dossier.js', ...args], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, CI: 'true' } });
  const ONE = 'samples/dossiers/01-salma-bennani-externe-complet';

  it('one dossier: the early worker does the work', () => {
    const r = cli(['check', ONE, '--as-of', '2026-02-21', '--format', 'json']);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ dossiers: 1, accepted: 1 });
  });

  it('several dossiers: more workers, the early one closed', () => {
    const r = cli(['check', ONE, 'samples/dossiers/02-youssef-alaoui-agent-derogation', '--as-of', '2026-02-21', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).summary.dossiers).toBe(2);
  });

  it('a usage error still exits 2 at once: the early worker never keeps the process alive', () => {
    const t = performance.now();
    const r = cli(['check', '--bogus', ONE]);
    expect(r.status).toBe(2);
    expect(r.signal).toBeNull();
    expect(performance.now() - t).toBeLessThan(20_000);
  });
});

describe('what needs no PDF does not load pdf.js', () => {
  const loads = async (args: string[], packages = 'pdfjs-dist') => {
    const dir = await mkdtemp(join(tmpdir(), 'dossier-watch-'));
    const watch = join(dir, 'loaded.txt');
    try {
      const hook = new URL('./support/pdfjs-watch.mjs', import.meta.url).href;
      const env = { ...process.env, DOSSIER_WATCH_FILE: watch, DOSSIER_WATCH_PACKAGES: packages };
      const r = spawnSync(process.execPath, ['--import', hook, 'bin/dossier.js', ...args], { encoding: 'utf8', env, timeout: 60_000 });
      expect(r.status, r.stderr).not.toBe(2);
      return existsSync(watch) && readFileSync(watch, 'utf8').length > 0;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  const BUNDLED = 'samples/profiles/ofppt-2026-chef-service-cooperation-financiere.yaml';
  it.each([[['--help']], [['check', '--help']], [['profile', 'check', BUNDLED]], [['profile', 'show', BUNDLED]]])('%j', async (args) => {
    expect(await loads(args)).toBe(false);
  });

  it('--help loads neither the YAML parser nor the schema library (half of its start-up time)', async () => {
    expect(await loads(['--help'], 'yaml,zod')).toBe(false);
    expect(await loads(['batch', '--help'], 'yaml,zod')).toBe(false);
  });

  it('batch loads neither the YAML parser nor the schema library, in any thread, for flat valid declarations; a fact it does not know loads them, to place the finding', async () => {
    const root = await tempDir('dossier-lazy-');
    try {
      const files = await completeFiles();
      for (const name of ['a', 'b']) {
        await mkdir(join(root, name));
        for (const [file, content] of Object.entries({ ...files, 'candidate.yaml': GOOD_CANDIDATE })) await writeFile(join(root, name, file), content);
      }
      expect(await loads(['batch', root, '--as-of', '2026-02-21', '--format', 'json'], 'yaml,zod')).toBe(false);
      await writeFile(join(root, 'b', 'candidate.yaml'), GOOD_CANDIDATE + 'birthPlace: Rabat\n');
      expect(await loads(['batch', root, '--as-of', '2026-02-21', '--format', 'json'], 'yaml,zod')).toBe(true);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('check loads it for a file only pdf.js reads (a fillable form), not for plain files (the watch itself works)', async () => {
    expect(await loads(['check', 'samples/dossiers/08-leila-benjelloun-formulaire-rempli-divergent', '--as-of', '2026-02-21'])).toBe(true);
    expect(await loads(['check', 'samples/dossiers/01-salma-bennani-externe-complet', '--as-of', '2026-02-21'])).toBe(false);
    expect(await loads(['profile', 'check', 'samples/profiles/ofppt-2026-chef-service-cooperation-financiere.yaml'], 'yaml,zod')).toBe(true);
  });
});

describe('a reader that goes away', () => {
  it('batch … | head: exit 141 quietly, as a Unix tool killed by SIGPIPE, no stack trace', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, ['bin/dossier.js', 'batch', 'samples/dossiers', '--format', 'json', '--as-of', '2026-02-21'], { stdio: ['ignore', 'pipe', 'pipe'] });
    // Nobody will read the report: the pipe is closed before the tool writes it.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(141);
    expect(stderr).not.toMatch(/Error|at /);
  });
});

describe('progress on a terminal', () => {
  const terminal = (columns: number | undefined) => {
    let written = '';
    const stderr = {
      isTTY: true,
      columns,
      write: (s: string) => ((written += s), true),
      cursorTo: () => true,
      clearLine: () => true,
      moveCursor: () => true,
      on: () => stderr,
      once: () => stderr,
      removeListener: () => stderr,
    };
    return { stderr, written: () => written };
  };
  it('shows n/N dossiers, the rate and the time left on a sized terminal; nothing on one that reports no width (a spinner would clear lines without end)', async () => {
    const { startProgress } = await import('../src/cli/progress.js');
    const sized = terminal(80);
    const p = await startProgress({ stdout: { write: () => true }, stderr: sized.stderr, env: {}, cwd: '.' } as never, true, 10, 'fr');
    p.update(4, 10);
    await new Promise((r) => setTimeout(r, 150));
    p.stop();
    expect(sized.written()).toMatch(/4\/10 dossiers · [0-9.]+\/s · reste ~\d+ s/);
    for (const columns of [0, undefined]) {
      const unsized = terminal(columns);
      const q = await startProgress({ stdout: { write: () => true }, stderr: unsized.stderr, env: {}, cwd: '.' } as never, true, 10, 'fr');
      q.update(4, 10);
      q.stop();
      expect(unsized.written()).toBe('');
    }
  });
});

