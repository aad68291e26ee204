// What HR exports contain besides documents: links, sub-folders, pipes, files and folders
// nobody may read, names in every script and shape, broken declarations and profiles. Each is
// a finding about its dossier (or a usage error for a profile), printed safely in every
// format, and never stops the others.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmod, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDossier, checkDossiers, type CheckSettings } from '../src/check.js';
import { readDeclaration, MAX_DECLARATION_BYTES, MAX_DECLARATION_LINES } from '../src/facts/load.js';
import { createInspector, type Inspector } from '../src/pdf/pool.js';
import type { DossierResult } from '../src/report/model.js';
import { run } from './support/cli.js';
import { parseCsv } from './support/csv.js';
import { cleanedTempDirs, GOOD_CANDIDATE } from './support/dossier.js';
import { textPdf } from './support/pdf-factory.js';
import { bundledProfile } from './support/profile.js';
import { parseXml } from './support/xml.js';

const profile = await bundledProfile();
const inspector = createInspector({ concurrency: 2 });
const tempDir = cleanedTempDirs();
afterAll(async () => {
  await inspector.close();
});
const settings: CheckSettings = { profile, asOf: '2026-02-21' };

const doc = (d: DossierResult, id: string) => d.documents.find((x) => x.id === id)!;
const dossierCodes = (d: DossierResult) => d.problems.map((p) => p.code);

/** Write `files` (name → content; a Buffer name for bytes that are not UTF-8) into `dir`. */
async function fill(dir: string, files: Record<string, Uint8Array | string>, raw: [Buffer, Uint8Array][] = []): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  for (const [name, content] of raw) await writeFile(Buffer.concat([Buffer.from(dir + '/'), name]), content);
  return dir;
}

/** A complete, eligible dossier: five distinct documents (the same file twice is a finding). */
const complete = async (): Promise<Record<string, Uint8Array | string>> => ({
  'Formulaire F1.pdf': await textPdf(1, 'Formulaire F1'),
  'CV.pdf': await textPdf(2, 'Curriculum Vitae'),
  'Diplome Master.pdf': await textPdf(1, 'Diplôme de master'),
  'CIN.pdf': await textPdf(1, "Carte nationale d'identité"),
  "Plan d'action.pdf": await textPdf(1, "Plan d'action"),
  'candidate.yaml': GOOD_CANDIDATE,
});

describe('links, sub-folders, pipes', () => {
  it('a link is reported and never followed: to a file outside, to a folder, to itself', async () => {
    const root = await tempDir();
    const outside = await fill(join(root, 'outside'), { 'CV.pdf': await textPdf(1), 'Diplome.pdf': await textPdf(1) });
    const files = await complete();
    delete files['CV.pdf'];
    const dir = await fill(join(root, 'dossier'), files);
    await symlink(join(outside, 'CV.pdf'), join(dir, 'CV.pdf'));
    await symlink(outside, join(dir, 'Diplomes'));
    await symlink(join(dir, 'boucle.pdf'), join(dir, 'boucle.pdf'));
    const d = await checkDossier(dir, settings, inspector);
    expect(d.problems.filter((p) => p.code === 'symlink').map((p) => p.params.file)).toEqual(['CV.pdf', 'Diplomes', 'boucle.pdf']);
    // The CV behind the link is not taken: the document is missing.
    expect(doc(d, 'cv').status).toBe('missing');
    expect(doc(d, 'diploma').files).toEqual(['Diplome Master.pdf']);
  });

  it('in a batch root, a link to a folder is reported, not checked as a dossier', async () => {
    const root = await tempDir();
    const real = await fill(join(root, 'elsewhere', 'real'), await complete());
    const batch = await fill(join(root, 'batch'), {});
    await fill(join(batch, 'a'), await complete());
    await symlink(real, join(batch, 'b-link'));
    const r = await run(['batch', batch, '--format', 'json', '--as-of', '2026-02-21']);
    const report = JSON.parse(r.stdout);
    expect(report.dossiers.map((d: { path: string }) => basename(d.path))).toEqual(['a']);
    expect(report.problems).toContainEqual(expect.objectContaining({ code: 'symlink', params: { file: 'b-link', root: batch } }));
  });

  it('a nested folder is reported, its files not searched', async () => {
    const files = await complete();
    delete files['CV.pdf'];
    const dir = await fill(join(await tempDir(), 'dossier'), files);
    await fill(join(dir, 'scans', 'plus profond'), { 'CV.pdf': await textPdf(1) });
    const d = await checkDossier(dir, settings, inspector);
    expect(d.problems).toContainEqual({ code: 'subfolder', severity: 'warning', params: { file: 'scans' } });
    expect(doc(d, 'cv').status).toBe('missing');
  });

  it('a pipe named like a document or like candidate.yaml is never opened (opening one waits forever)', async () => {
    const files = await complete();
    delete files['CV.pdf'];
    delete files['candidate.yaml'];
    const dir = await fill(join(await tempDir(), 'dossier'), files);
    execFileSync('mkfifo', [join(dir, 'CV.pdf'), join(dir, 'candidate.yaml')]);
    const d = await checkDossier(dir, settings, inspector);
    expect(d.problems.filter((p) => p.code === 'unexpected-file').map((p) => p.params.file)).toEqual(['CV.pdf', 'candidate.yaml']);
    expect(dossierCodes(d)).toContain('no-declaration');
    expect(doc(d, 'cv').status).toBe('missing');
  }, 10_000);

  it('a folder that vanishes before it is read is a finding; the next dossier is checked', async () => {
    const root = await tempDir();
    const gone = join(root, 'gone');
    const here = await fill(join(root, 'here'), await complete());
    const report = await checkDossiers([gone, here], settings, inspector);
    expect(report.dossiers[0]!.problems, JSON.stringify(report.dossiers[0]!.problems)).toContainEqual(expect.objectContaining({ code: 'unreadable-folder', params: { error: 'ENOENT' } }));
    expect(report.dossiers[1]!.accepted).toBe(true);
  });

  it('an exception while checking one dossier costs it a check-failed finding; the others go on', async () => {
    const root = await tempDir();
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map(async (n) => fill(join(root, n), await complete())));
    // An inspector with a bug for one file: inspect is meant never to reject.
    const buggy: Inspector = {
      inspect: (path, limits) => (String(path).startsWith(b!) ? Promise.reject(new Error('boom')) : inspector.inspect(path, limits)),
      inspectAll: (files) => (files.some((f) => String(f.path).startsWith(b!)) ? Promise.reject(new Error('boom')) : inspector.inspectAll(files)),
      close: async () => undefined,
    };
    const report = await checkDossiers([a!, b!, c!], settings, buggy);
    expect(report.dossiers.map((d) => [basename(d.path), d.accepted, dossierCodes(d)])).toEqual([
      ['a', true, []],
      ['b', false, ['check-failed']],
      ['c', true, []],
    ]);
  });
});

// chmod does not stop root, and the tests often run as root: the built CLI then runs as the
// unprivileged user 'nobody', for which chmod 000 means what it says. nobody must also be able
// to reach the built CLI: a checkout under a private folder (mktemp -d is mode 700) is out of
// its reach.
const asRoot = process.getuid?.() === 0;
const nobody =
  asRoot &&
  spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(join(process.cwd(), 'bin', 'dossier.js'))})`], {
    uid: 65534,
    gid: 65534,
  }).status === 0;
const canTest = !asRoot || nobody;
/** The built CLI's batch of `root`, as nobody when the tests run as root. */
const batchAsNobody = (root: string, format: string) =>
  spawnSync(process.execPath, ['bin/dossier.js', 'batch', root, '--format', format, '--as-of', '2026-02-21'], {
    encoding: 'utf8',
    timeout: 30_000,
    ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
  });

describe('files and folders nobody may read', () => {
  // Shown as skipped, with its reason, when the tool is missing (never as a passing test).
  if (!canTest) it.skip('permission tests skipped: running as root, and the user nobody cannot run this checkout\'s CLI', () => undefined);

  it.runIf(canTest)(`a locked folder, a folder that lists but does not open, a locked PDF and a locked candidate.yaml${asRoot ? ' (CLI run as nobody)' : ''}`, async () => {
    const root = await tempDir('dossier-perms-');
    await fill(join(root, 'ok'), await complete());
    await fill(join(root, 'locked'), await complete());
    await fill(join(root, 'listonly'), await complete());
    await fill(join(root, 'files'), await complete());
    await chmod(join(root, 'files', 'CV.pdf'), 0o000);
    await chmod(join(root, 'files', 'candidate.yaml'), 0o000);
    await chmod(join(root, 'locked'), 0o000);
    await chmod(join(root, 'listonly'), 0o644);
    await chmod(root, 0o755);
    try {
      const r = batchAsNobody(root, 'json');
      expect(r.stderr).toBe('');
      expect(r.status).toBe(1);
      const report = JSON.parse(r.stdout);
      const by = Object.fromEntries(report.dossiers.map((d: { path: string }) => [basename(d.path), d])) as Record<string, DossierResult>;
      expect(by.ok!.accepted).toBe(true);
      const folderProblems = (d: DossierResult) => d.problems.filter((p) => p.code === 'unreadable-folder').map((p) => p.params);
      expect(folderProblems(by.locked!)).toEqual([{ error: 'EACCES' }]);
      // Listed but not opened: every entry is a finding, by name.
      expect(folderProblems(by.listonly!)).toContainEqual({ file: 'CV.pdf', error: 'EACCES' });
      expect(folderProblems(by.listonly!).every((p) => p.error === 'EACCES')).toBe(true);
      const cv = by.files!.documents.find((d) => d.id === 'cv')!;
      expect(cv.problems.map((p) => [p.code, p.params.error])).toEqual([['unreadable-file', 'EACCES']]);
      const decl = by.files!.problems.find((p) => p.code === 'declaration-invalid')!;
      expect(decl.params).toMatchObject({ file: 'candidate.yaml', line: 1, col: 1, detail: 'cannot be read (EACCES)' });
    } finally {
      await chmod(join(root, 'locked'), 0o755);
      await chmod(join(root, 'listonly'), 0o755);
    }
  }, 30_000);
});

describe('a batch root nobody may list', () => {
  if (!canTest) it.skip('skipped: running as root, and the user nobody cannot run this checkout\'s CLI', () => undefined);

  // A CI job over an export it could not read must not pass: no dossier, and an error.
  it.runIf(canTest)(`exits 1 with the root's error in every format${asRoot ? ' (CLI run as nobody)' : ''}`, async () => {
    const parent = await tempDir('dossier-perms-');
    const root = join(parent, 'export');
    await fill(join(root, 'ok'), await complete());
    await chmod(parent, 0o755);
    await chmod(root, 0o000);
    try {
      for (const format of ['json', 'text', 'github']) {
        const r = batchAsNobody(root, format);
        expect([format, r.status, r.stderr]).toEqual([format, 1, '']);
        if (format === 'json') {
          const report = JSON.parse(r.stdout);
          expect(report.summary.dossiers).toBe(0);
          expect(report.problems.map((p: { code: string; params: { error: string } }) => [p.code, p.params.error])).toEqual([['unreadable-folder', 'EACCES']]);
        }
      }
    } finally {
      await chmod(root, 0o755);
    }
  }, 60_000);
});

describe('names in every script and shape: matched, and printed safely in every format', () => {
  const NFD_DIPLOMA = 'Diplo\u0302me Master.pdf';
  const LONG_CV = `CV ${'très-long-nom '.repeat(14)}fin.pdf`;
  const NEWLINE_FORM = 'Formulaire\nF1.pdf';
  const QUOTED_PLAN = `Plan d'action "final".pdf`;
  const ARABIC = 'السيرة الذاتية.pdf';
  const BIDI = 'photo\u202efdp.exe';
  const ESCAPE = '\u001b[31mrouge.pdf';
  const FORMULA = `=HYPERLINK("evil";"x") @SUM(A1).pdf`;
  const HTML = '<img src=x onerror=alert(1)>.pdf';
  const LATIN1_CIN = Buffer.from('CIN \xe9tudiant.pdf', 'latin1'); // not UTF-8: "CIN étudiant.pdf" in Windows-1252

  let report: { dossiers: DossierResult[]; problems: unknown[] };
  let json: string;
  const FOLDERS = ['سلمى بناني', `l'ami "x"`, 'a\nb', '<b onclick=alert(1)>gras', 'x'.repeat(210)];

  it('every document is found, whatever its name', async () => {
    expect(Buffer.byteLength(LONG_CV)).toBeGreaterThan(200);
    const batch = await tempDir('dossier-names-');
    for (const folder of FOLDERS)
      await fill(
        join(batch, folder),
        {
          [NEWLINE_FORM]: await textPdf(1, 'Formulaire F1'),
          [LONG_CV]: await textPdf(2, 'Curriculum Vitae'),
          [NFD_DIPLOMA]: await textPdf(1, 'Diplôme de master'),
          [QUOTED_PLAN]: await textPdf(1, "Plan d'action"),
          [ARABIC]: await textPdf(1, 'Sira'),
          [BIDI]: 'x',
          [ESCAPE]: await textPdf(1, 'Rouge'),
          [FORMULA]: await textPdf(1, 'Formule'),
          [HTML]: await textPdf(1, 'Image'),
          'candidate.yaml': GOOD_CANDIDATE,
        },
        [[LATIN1_CIN, await textPdf(1, "Carte nationale d'identité")]],
      );
    const out = join(await tempDir(), 'report.json');
    const r = await run(['batch', batch, '--format', 'json', '-o', out, '--as-of', '2026-02-21']);
    expect(r.stderr).toBe('');
    json = await readFile(out, 'utf8');
    report = JSON.parse(json);
    expect(report.dossiers.map((d) => basename(d.path)).sort()).toEqual([...FOLDERS].sort());
    for (const d of report.dossiers) {
      expect(Object.fromEntries(d.documents.map((x) => [x.id, x.files]))).toEqual({
        form: [NEWLINE_FORM],
        cv: [LONG_CV],
        diploma: [NFD_DIPLOMA],
        equivalence: [],
        cni: ['CIN étudiant.pdf'],
        'action-plan': [QUOTED_PLAN],
      });
      expect(d.accepted).toBe(true);
      expect(d.problems.map((p) => p.params.file).sort()).toEqual([ARABIC, BIDI, ESCAPE, FORMULA, HTML].sort());
    }
  });

  it('a dossier folder whose name is not UTF-8 (an old Windows ZIP) is read through its bytes, and shown as Windows-1252', async () => {
    const batch = await tempDir('dossier-latin1-');
    const folder = Buffer.concat([Buffer.from(batch + '/'), Buffer.from('Salma B\xe9nani', 'latin1')]);
    await mkdir(folder);
    for (const [name, content] of Object.entries({ ...(await complete()), 'candidate.yaml': GOOD_CANDIDATE }))
      await writeFile(Buffer.concat([folder, Buffer.from('/' + name)]), content);
    const r = await run(['batch', batch, '--format', 'json', '--as-of', '2026-02-21']);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { dossiers: DossierResult[] };
    expect(out.dossiers.map((d) => [basename(d.path), d.accepted, dossierCodes(d)])).toEqual([['Salma Bénani', true, []]]);
  });

  const render = async (format: string) => {
    const dir = await tempDir();
    await writeFile(join(dir, 'report.json'), json);
    const r = await run(['merge', join(dir, 'report.json'), '--format', format]);
    expect(r.stderr).toBe('');
    return r.stdout;
  };

  it('text: controls and bidi overrides shown escaped, never sent to the terminal', async () => {
    // check's text report names each file; batch's is one line per dossier.
    const r = await run(['check', ...report.dossiers.map((d) => d.path), '--as-of', '2026-02-21']);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
    expect(r.stdout).toContain('photo\\u202efdp.exe');
    expect(r.stdout).toContain('\\x1b[31mrouge.pdf');
  });

  it('csv: parses back, no cell a spreadsheet would run', async () => {
    const rows = parseCsv((await render('csv')).replace(/^\ufeff/, ''), ',');
    expect(rows).toHaveLength(FOLDERS.length + 1);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('html: no markup from a name', async () => {
    const html = await render('html');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b onclick');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;.pdf');
  });

  it('junit: well-formed XML 1.0', async () => {
    const root = parseXml(await render('junit'));
    expect(root.name).toBe('testsuites');
  });

  it('github: annotations only, one per line, none broken by a name', async () => {
    const lines = (await render('github')).split('\n').filter((l) => l !== '');
    for (const line of lines) expect(line).toMatch(/^::(error|warning) /);
  });

  it('markdown: no raw HTML from a name', async () => {
    const md = await render('markdown');
    expect(md).not.toContain('<img src=x');
    expect(md).not.toContain('<b onclick');
  });

  it('json: the names, exactly', () => {
    expect(json).toContain(JSON.stringify(NEWLINE_FORM).slice(1, -1));
    expect(report.dossiers.some((d) => d.path.endsWith('a\nb'))).toBe(true);
  });
});

describe('declarations people write: findings with file:line:col, never a crash', () => {
  const declare = async (content: string | Uint8Array) => {
    const dir = await tempDir();
    await writeFile(join(dir, 'candidate.yaml'), content);
    const t = performance.now();
    const d = await readDeclaration(join(dir, 'candidate.yaml'), profile);
    return { ...d, ms: performance.now() - t };
  };
  const located = (d: { problems: readonly { code: string; params: Record<string, unknown> }[] }) =>
    d.problems.map((p) => [p.code, p.params.line, p.params.col]);

  it.each([
    ['not YAML', 'applicantType: [external\n  birthDate: {\n', 'error'],
    ['a list, not facts', '- external\n- 1990-05-14\n', 'error'],
    ['wrong types', 'applicantType: 42\nexperienceYears: "six"\nlanguages: fr\n', 'error'],
    ['an unknown key', GOOD_CANDIDATE + 'colour: blue\n', 'error'],
    ['a duplicate key', GOOD_CANDIDATE + 'birthDate: 1991-01-01\n', 'error'],
    ['30 February', GOOD_CANDIDATE.replace('1990-05-14', '1990-02-30'), 'error'],
    ['a billion laughs', 'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n', 'error'],
    ['nesting 5 000 deep', `fullName: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, 'error'],
    ['empty', '', 'warning'],
    ['comments only', '# rien encore\n\n', 'warning'],
  ])('%s', async (_, content, severity) => {
    const d = await declare(content);
    expect(d.problems.length).toBeGreaterThan(0);
    expect(d.problems.length).toBeLessThanOrEqual(21);
    for (const p of d.problems) {
      expect(p.code).toBe('declaration-invalid');
      expect(p.params.file).toBe('candidate.yaml');
      expect(p.params.line).toBeGreaterThanOrEqual(1);
      expect(p.params.col).toBeGreaterThanOrEqual(1);
    }
    expect(d.problems.some((p) => p.severity === severity)).toBe(true);
    expect(d.ms).toBeLessThan(2_000);
  });

  it('the located ones point at the right place', async () => {
    expect(located(await declare(GOOD_CANDIDATE + 'colour: blue\n'))).toEqual([['declaration-invalid', 9, 1]]);
    expect(located(await declare(GOOD_CANDIDATE.replace('1990-05-14', '1990-02-30')))).toEqual([['declaration-invalid', 3, 12]]);
    expect(located(await declare(GOOD_CANDIDATE + 'birthDate: 1991-01-01\n'))).toEqual([['declaration-invalid', 9, 1]]);
  });

  it('enormous: refused from its size, never parsed', async () => {
    const d = await declare(GOOD_CANDIDATE + `# ${'x'.repeat(MAX_DECLARATION_BYTES)}\n`);
    expect(d.problems).toEqual([expect.objectContaining({ code: 'declaration-invalid', params: expect.objectContaining({ line: 1, col: 1 }) })]);
    expect(d.facts).toEqual({});
  });

  // Under the size limit, but the YAML parser's repeated-key check and placing each finding
  // on its line cost the square of the keys: 18,000 took 10 s of a thread.
  it('tens of thousands of keys: refused from its line count, at once, never parsed', async () => {
    const d = await declare(GOOD_CANDIDATE + Array.from({ length: 18_000 }, (_, i) => `k${i}x: ${i}`).join('\n'));
    expect(d.problems).toEqual([expect.objectContaining({ code: 'declaration-invalid', params: expect.objectContaining({ line: MAX_DECLARATION_LINES + 1, reason: 'too-many-lines' }) })]);
    expect(d.facts).toEqual({});
    // At the limit, read as usual.
    const atLimit = await declare(GOOD_CANDIDATE + '#\n'.repeat(MAX_DECLARATION_LINES - GOOD_CANDIDATE.split('\n').length));
    expect(atLimit.problems).toEqual([]);
    expect(atLimit.facts).toMatchObject({ nationality: 'MA' });
  });

  it('tens of thousands of slips on one line, under the size limit: read at once, never in quadratic time', async () => {
    // 65,000 quotes left open: the parser copied the source line into each of its messages
    // (39 s here) until its pretty errors were turned off.
    const text = `languages: [${' "'.repeat(120_000)}\n`;
    expect(Buffer.byteLength(text)).toBeLessThan(MAX_DECLARATION_BYTES);
    const d = await declare(text);
    expect(d.problems.length).toBe(21);
    expect(d.ms).toBeLessThan(15_000);
  });

  it('thousands of errors: the first twenty, then how many more', async () => {
    const d = await declare(Array.from({ length: 500 }, (_, i) => `unknown${i}: x`).join('\n'));
    expect(d.problems).toHaveLength(21);
    expect(d.problems[20]!.params.detail).toBe('and 480 more problem(s) after this line');
  });

  it('saved as "ANSI" (Windows-1252): read, with a warning where the first accent is', async () => {
    const d = await declare(Buffer.from(GOOD_CANDIDATE.replace('Salma Bennani', 'Salma Bennani-Lefèvre'), 'latin1'));
    expect(d.facts.fullName).toBe('Salma Bennani-Lefèvre');
    expect(d.problems.map((p) => [p.severity, p.params.line, p.params.col])).toEqual([['warning', 2, 28]]);
  });

  it('saved as "Unicode" (UTF-16 with its mark), or UTF-8 with a mark: read as is', async () => {
    const text = GOOD_CANDIDATE.replace('Salma Bennani', 'Salma Bennani-Lefèvre');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    for (const bytes of [utf16, bom]) {
      const d = await declare(bytes);
      expect(d.problems).toEqual([]);
      expect(d.facts.fullName).toBe('Salma Bennani-Lefèvre');
    }
  });

  it('a folder named candidate.yaml: reported as a sub-folder, and the declaration as missing', async () => {
    const dir = await fill(join(await tempDir(), 'dossier'), {});
    await mkdir(join(dir, 'candidate.yaml'));
    const d = await checkDossier(dir, settings, inspector);
    expect(dossierCodes(d)).toEqual(['subfolder', 'no-declaration']);
  });

  it('in a dossier: a finding about the dossier, the documents still checked', async () => {
    const files = await complete();
    const dir = await fill(join(await tempDir(), 'dossier'), { ...files, 'candidate.yaml': 'applicantType: [external\n' });
    const d = await checkDossier(dir, settings, inspector);
    expect(dossierCodes(d)).toEqual(['declaration-invalid']);
    expect([doc(d, 'cv').status, doc(d, 'cv').pages]).toEqual(['ok', 2]);
    expect(d.eligibility).toBe('undetermined');
  });
});

describe('profiles: every error listed at once, exit 2', () => {
  const write = async (text: string) => {
    const file = join(await tempDir(), 'bad.yaml');
    await writeFile(file, text);
    return file;
  };
  const good = async () => readFile('samples/profiles/ofppt-2026-chef-service-cooperation-financiere.yaml', 'utf8');

  it.each([
    ['not YAML', async () => 'id: [unclosed\ntitle: {\n'],
    ['a list instead of a profile', async () => '- a\n- b\n'],
    ['wrong types and unknown keys', async () => (await good()).replace(/^id: .*$/m, 'id: 42\ncolour: blue')],
    ['a duplicate key', async () => (await good()) + '\nid: again\n'],
    ['a rule on an undeclared fact', async () => (await good()).replace(/fact: nationality/, 'fact: nationalite')],
    ['a billion laughs', async () => 'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n'],
    ['enormous', async () => `# ${'x'.repeat(2 * 1024 * 1024)}\n`],
  ])('%s', async (_, make) => {
    const file = await write(await make());
    for (const args of [['profile', 'check', file], ['check', 'samples/dossiers', '--profile', file]]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+ /);
    }
  });

  it('a device, a pipe or a folder given as the profile: exit 2 at once, never an endless read', async () => {
    const fifo = join(await tempDir(), 'profile.yaml');
    execFileSync('mkfifo', [fifo]);
    for (const file of ['/dev/zero', fifo, 'samples/profiles']) {
      const r = await run(['profile', 'check', file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/:1:1 impossible de lire le profil : (ce n'est pas un fichier ordinaire|c'est un dossier)/);
    }
  });

  it('several errors of several kinds: all of them, each located', async () => {
    const text = (await good())
      .replace(/^id: .*$/m, 'id: 42')
      .replace(/fact: nationality/, 'fact: nationalite')
      .replace(/^title:/m, 'colour: blue\ntitle:');
    const r = await run(['profile', 'check', await write(text)]);
    expect(r.code).toBe(2);
    const located = r.stderr.split('\n').filter((l) => /bad\.yaml:\d+:\d+ /.test(l));
    // Where the misspelt fact sits in the edited copy, wherever the profile puts it.
    const line = text.split('\n').findIndex((l) => l.includes('fact: nationalite')) + 1;
    const col = text.split('\n')[line - 1]!.indexOf('nationalite') + 1;
    expect(located).toEqual([
      expect.stringMatching(/:6:5 id: .*expected string/),
      expect.stringMatching(/:7:1 unknown key 'colour'/),
      expect.stringMatching(new RegExp(`:${line}:${col} .*'nationalite' is not declared`)),
    ]);
  });
});
