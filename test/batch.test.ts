// `batch` and `merge`: sub-folders as dossiers, stable order, shards that partition, merged
// shards equal to the whole, Ctrl+C without a partial report.
import { spawn } from 'node:child_process';
import { cp, link, mkdir, open, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportSchema } from '../src/report/schema.js';
import { BUNDLED_PROFILE } from '../src/profile/bundled.js';
import { profileDigest } from '../src/profile/digest.js';
import { bundledProfile } from './support/profile.js';
import { SPILL_FROM_DOSSIERS } from '../src/report/verdict-store.js';
import { run } from './support/cli.js';
import { GOOD_CANDIDATE, tempDir } from './support/dossier.js';
import { textPdf } from './support/pdf-factory.js';

const SAMPLES = 'samples/dossiers';

const json = async (args: string[]) => {
  const r = await run(args);
  return { ...r, report: r.stdout ? reportSchema.parse(JSON.parse(r.stdout)) : undefined };
};

describe('batch', () => {
  it('checks every sub-folder, in path order, and reports files lying at the root', async () => {
    const r = await json(['batch', SAMPLES, '--format', 'json', '--as-of', '2026-02-21']);
    expect(r.code).toBe(1);
    const paths = r.report!.dossiers.map((d) => d.path);
    expect(paths).toEqual([...paths].sort());
    expect(paths[0]).toBe('samples/dossiers/01-salma-bennani-externe-complet');
    expect(r.report!.problems).toContainEqual(expect.objectContaining({ code: 'stray-file', params: { file: 'README.md', root: 'samples/dossiers' } }));
    expect(r.stderr).toBe('');
  });

  it('github annotations point at a file lying at the root by its path from the workspace, the root as written', async () => {
    for (const root of [SAMPLES, `${SAMPLES}/`]) {
      const r = await run(['batch', root, '--format', 'github', '--as-of', '2026-02-21']);
      expect(r.stdout.split('\n')[0]).toMatch(/^::warning file=samples\/dossiers\/README\.md,title=stray-file::/);
    }
  });

  it('prints one line per dossier and the most frequent problems', async () => {
    const r = await run(['batch', SAMPLES, '--as-of', '2026-02-21']);
    const lines = r.stdout.split('\n');
    const dossierLines = lines.filter((l) => /^(✔|✘|\?) /.test(l));
    expect(dossierLines.length).toBe(r.stdout.match(/samples\/dossiers\/0/g)!.length);
    expect(r.stdout).toMatch(/✘ NON RECEVABLE +samples\/dossiers\/04-nadia-cherkaoui-cni-deux-pages — cni : nombre de pages/);
    expect(r.stdout).toMatch(/Problèmes les plus fréquents :\n +\d+ × /);
  });

  it('--no-content judges by names and page counts only', async () => {
    const full = await json(['batch', SAMPLES, '--format', 'json', '--as-of', '2026-02-21']);
    const fast = await json(['batch', SAMPLES, '--format', 'json', '--as-of', '2026-02-21', '--no-content']);
    const by = (r: typeof full, name: string) => r.report!.dossiers.find((d) => d.path.includes(name))!;
    // The blank action plan is seen only from inside; scan0001.pdf is a CV only by its text.
    expect(by(full, '09-').documents.find((d) => d.id === 'action-plan')!.status).toBe('invalid');
    expect(by(fast, '09-').documents.find((d) => d.id === 'action-plan')!.status).toBe('ok');
    expect(by(full, '08-').documents.find((d) => d.id === 'cv')!.files).toEqual(['scan0001.pdf']);
    expect(by(fast, '08-').documents.find((d) => d.id === 'cv')!.status).toBe('missing');
    // What names and pages decide stays the same.
    expect(by(fast, '04-').documents.find((d) => d.id === 'cni')!.problems[0]!.code).toBe('page-count');
  });

  it('shards partition the dossiers deterministically, and merge gives back the whole', async () => {
    const dir = await tempDir();
    const whole = await json(['batch', SAMPLES, '--format', 'json', '--as-of', '2026-02-21']);
    const files: string[] = [];
    const seen: string[] = [];
    for (const k of [1, 2, 3]) {
      const shard = await json(['batch', SAMPLES, '--format', 'json', '--as-of', '2026-02-21', '--shard', `${k}/3`]);
      const again = await json(['batch', SAMPLES, '--format', 'json', '--as-of', '2026-02-21', '--shard', `${k}/3`]);
      expect(again.report!.dossiers.map((d) => d.path)).toEqual(shard.report!.dossiers.map((d) => d.path));
      seen.push(...shard.report!.dossiers.map((d) => d.path));
      const file = join(dir, `shard-${k}.json`);
      await writeFile(file, shard.stdout);
      files.push(file);
    }
    expect(seen.sort()).toEqual(whole.report!.dossiers.map((d) => d.path));
    const merged = await json(['merge', ...files, '--format', 'json']);
    expect(merged.report).toEqual(whole.report);
    expect(merged.code).toBe(1);
  });

  it('merge takes a shard given twice once, and keeps two dossiers of one report that show the same path', async () => {
    const dir = await tempDir();
    const shard = await json(['batch', SAMPLES, '--format', 'json', '--as-of', '2026-02-21', '--shard', '1/3']);
    const n = shard.report!.dossiers.length;
    const file = join(dir, 'shard.json');
    await writeFile(file, shard.stdout);
    expect((await json(['merge', file, file, '--format', 'json'])).report!.dossiers).toHaveLength(n);
    // A folder named in Windows-1252 shows as its UTF-8 twin does: two dossiers, one path.
    const twins = JSON.parse(shard.stdout);
    twins.dossiers.push({ ...twins.dossiers[0], accepted: !twins.dossiers[0].accepted });
    const twinsFile = join(dir, 'twins.json');
    await writeFile(twinsFile, JSON.stringify(twins));
    const merged = await json(['merge', twinsFile, '--format', 'json']);
    expect(merged.report!.dossiers).toHaveLength(n + 1);
    expect(merged.report!.summary.dossiers).toBe(n + 1);
  });

  it('merge refuses reports of another profile, date or schema version', async () => {
    const dir = await tempDir();
    const a = await run(['batch', SAMPLES, '--format', 'json', '--shard', '1/2', '--as-of', '2026-02-21']);
    const fileA = join(dir, 'a.json');
    await writeFile(fileA, a.stdout);
    for (const [name, change] of [
      ['profile', (r: any) => (r.profile.id = 'other-posting')],
      ['--as-of', (r: any) => (r.asOf = '2026-03-01')],
      ['schemaVersion', (r: any) => (r.schemaVersion = 2)],
    ] as const) {
      const other = JSON.parse(a.stdout);
      change(other);
      const fileB = join(dir, `b-${name}.json`);
      await writeFile(fileB, JSON.stringify(other));
      const r = await run(['merge', fileA, fileB]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(name);
      expect(r.stdout).toBe('');
    }
  });

  it('merge refuses a shard checked against an edited copy of the profile that kept its id; a copy with other line endings and comments is the same profile', async () => {
    const dir = await tempDir();
    const yaml = await readFile(BUNDLED_PROFILE, 'utf8');
    const edited = join(dir, 'edited.yaml');
    // The same posting, a page more allowed for the CV: what is checked changed.
    expect(yaml).toContain('pages: { min: 1, max: 20 }');
    await writeFile(edited, yaml.replace('pages: { min: 1, max: 20 }', 'pages: { min: 1, max: 21 }'));
    const sameCopy = join(dir, 'same.yaml');
    await writeFile(sameCopy, yaml.replaceAll('\n', '\r\n') + '# copied for machine 2\r\n');
    const shard = async (k: number, profileArgs: string[]) => {
      const r = await run(['batch', SAMPLES, '--format', 'json', '--shard', `${k}/2`, '--as-of', '2026-02-21', ...profileArgs]);
      const file = join(dir, `shard-${k}-${profileArgs.length ? basename(profileArgs[1]!) : 'bundled'}.json`);
      await writeFile(file, r.stdout);
      return { file, sha256: JSON.parse(r.stdout).profile.sha256 as string };
    };
    const one = await shard(1, []);
    const twoEdited = await shard(2, ['--profile', edited]);
    const twoSame = await shard(2, ['--profile', sameCopy]);
    expect(one.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(twoSame.sha256).toBe(one.sha256);
    expect(twoEdited.sha256).not.toBe(one.sha256);

    const refused = await run(['merge', one.file, twoEdited.file, '--lang', 'en']);
    expect([refused.code, refused.stdout]).toEqual([2, '']);
    expect(refused.stderr).toContain(`profile ofppt-2026-chef-service-cooperation-financiere (sha256 ${twoEdited.sha256.slice(0, 12)})`);
    expect(refused.stderr).toContain(`(sha256 ${one.sha256.slice(0, 12)})`);
    const merged = await json(['merge', one.file, twoSame.file, '--format', 'json']);
    expect(merged.report!.summary.dossiers).toBe(9);
    expect(merged.report!.profile.sha256).toBe(one.sha256);
    // Keys in another order are the same profile; arrays keep their order (documents are listed in it).
    const loaded = await bundledProfile();
    expect(profileDigest({ ...loaded, facts: Object.fromEntries(Object.entries(loaded.facts).reverse()) })).toBe(profileDigest(loaded));
    expect(profileDigest({ ...loaded, documents: [...loaded.documents].reverse() })).not.toBe(profileDigest(loaded));
    // A report from before the fingerprint was written has none: nothing says it is the same profile.
    const old = JSON.parse(await readFile(twoSame.file, 'utf8'));
    delete old.profile.sha256;
    const oldFile = join(dir, 'old.json');
    await writeFile(oldFile, JSON.stringify(old));
    expect((await run(['merge', one.file, oldFile])).code).toBe(2);
  });

  it('a root with no sub-folder checks nothing and fails, saying so; one candidate\'s folder given as the root is told to use check', async () => {
    const empty = await tempDir();
    const r = await json(['batch', empty, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.report!.summary.dossiers).toBe(0);
    expect(r.report!.problems.map((p) => [p.code, p.severity, p.params])).toEqual([['no-dossiers', 'error', { file: empty, candidateFiles: false }]]);
    const one = join(SAMPLES, '01-salma-bennani-externe-complet');
    const text = await run(['batch', one, '--lang', 'en']);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`${one} holds no candidate's dossier (no sub-folder): nothing was checked`);
    expect(text.stdout).toContain(`check it with "dossier check ${one}"`);
    // Its PDFs are that candidate's, not strays of a batch.
    expect(text.stdout).not.toContain('lies at the root of the batch');
    // Only hidden folders: said, since "no sub-folder" would look wrong; the summary stands apart.
    await mkdir(join(empty, '.git'));
    const hidden = await run(['batch', empty]);
    expect(hidden.stdout).toContain(`${empty} ne contient aucun dossier de candidat (aucun sous-dossier hormis des dossiers cachés, dont le nom commence par un point, qui ne sont pas examinés)`);
    expect(hidden.stdout).toMatch(/\n\nBilan : 0 dossier/);
  });

  it('an error of the run itself fails it, every dossier accepted or not; a warning does not', async () => {
    const root = await tempDir();
    for (const d of ['01-salma-bennani-externe-complet', '02-youssef-alaoui-agent-derogation']) await cp(join(SAMPLES, d), join(root, d), { recursive: true });
    await writeFile(join(root, 'stray.txt'), 'x');
    const r = await json(['batch', root, '--format', 'json', '--as-of', '2026-02-21']);
    expect(r.report!.summary).toMatchObject({ dossiers: 2, accepted: 2 });
    expect(r.report!.problems.map((p) => [p.code, p.severity])).toEqual([['stray-file', 'warning']]);
    expect(r.code).toBe(0);
    // The error a root nobody may list gives (test/hostile-fs.test.ts runs that one for real).
    const failed = JSON.parse(r.stdout);
    failed.problems.push({ code: 'unreadable-folder', severity: 'error', message: 'x', fix: 'x', params: { file: root, error: 'EACCES' } });
    const file = join(await tempDir(), 'failed.json');
    await writeFile(file, JSON.stringify(failed));
    for (const format of ['json', 'text', 'junit']) expect((await run(['merge', file, '--format', format])).code).toBe(1);
  });

  it.each([
    [['batch', SAMPLES, '--shard', '0/2']],
    [['batch', SAMPLES, '--shard', '3/2']],
    [['batch', SAMPLES, '--shard', 'half']],
    [['batch', SAMPLES, '--concurrency', '0']],
    [['batch', 'no/such/root']],
    [['merge', 'no-such-report.json']],
    [['merge', 'package.json']],
  ])('%j is a usage error', async (args) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toBe('');
  });

  it('a dossier that cannot be read does not stop the others', async () => {
    const root = await tempDir();
    await mkdir(join(root, 'a-good'));
    await writeFile(join(root, 'a-good', 'CV.pdf'), await textPdf(1));
    await mkdir(join(root, 'b-broken'));
    await writeFile(join(root, 'b-broken', 'candidate.yaml'), 'birthDate: [\n');
    await writeFile(join(root, 'b-broken', 'CIN.pdf'), '%PDF-1.7 garbage');
    const r = await json(['batch', root, '--format', 'json']);
    expect(r.report!.dossiers.map((d) => d.path.split('/').pop())).toEqual(['a-good', 'b-broken']);
    expect(r.report!.dossiers[1]!.documents.find((d) => d.id === 'cni')!.problems[0]!.code).toBe('unreadable');
  });
});

describe('many workers', () => {
  // Node pipes every worker's output into the process's, a listener each on stdout and
  // stderr: from ten workers on it warned of a leak on stderr, at every run of a machine with
  // ten cores or more. Stdout a file here (a stream of another kind than a pipe), stderr a pipe.
  it('twelve workers: nothing on stderr, the report whole', async () => {
    const dir = await tempDir();
    const out = await open(join(dir, 'report.json'), 'w');
    let stderr = '';
    try {
      const child = spawn(process.execPath, ['bin/dossier.js', 'batch', 'samples/dossiers', '-j', '12', '--format', 'json'], { stdio: ['ignore', out.fd, 'pipe'] });
      child.stderr!.on('data', (b) => (stderr += b));
      const code = await new Promise<number | null>((r) => child.on('close', (c) => r(c)));
      expect([code, stderr]).toEqual([1, '']);
    } finally {
      await out.close();
    }
    const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'));
    expect(report.summary.dossiers).toBe(9);
  }, 60_000);
});

describe('whole dossiers in the workers', () => {
  // The built binary starts its workers before it reads the profile, and hands it to them
  // through shared memory: another profile than the bundled one, as a batch would use it,
  // must give what the same dossiers give checked on the main thread (in-process, below).
  it('another profile, given to workers already running: the same report as checked on the main thread', async () => {
    const profile = 'samples/profiles/ofppt-2026-formateur-gestion.yaml';
    const args = ['batch', 'samples/dossiers', '--profile', profile, '--as-of', '2026-02-21', '--format', 'json'];
    const child = spawn(process.execPath, ['bin/dossier.js', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    const code = await new Promise<number | null>((r) => child.on('close', (c) => r(c)));
    expect([code, stderr]).toEqual([1, '']);
    const inWorkers = JSON.parse(stdout);
    expect(inWorkers.profile.id).toBe('ofppt-2026-formateur-gestion');
    const { checkDossiers } = await import('../src/check-many.js');
    const { createInspector } = await import('../src/pdf/pool.js');
    const { loadProfile } = await import('../src/profile/load.js');
    const loaded = await loadProfile(profile);
    if (!loaded.ok) throw new Error('profile');
    const { readdir } = await import('node:fs/promises');
    const dirs = (await readdir('samples/dossiers', { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => `samples/dossiers/${d.name}`).sort();
    // No profile given to this pool: every dossier is checked on this thread, its files in the worker.
    const pool = createInspector({ concurrency: 1 });
    try {
      expect(pool.dossiers).toBeUndefined();
      const here = await checkDossiers(dirs, { profile: loaded.profile, asOf: '2026-02-21' }, pool);
      const { formatJson } = await import('../src/report/formatters/json.js');
      const { formatOptions } = await import('../src/report/localize.js');
      const onThisThread = JSON.parse(formatJson(here, formatOptions(loaded.profile, 'fr')));
      expect(inWorkers.dossiers.map((d: { path: string }) => d.path)).toEqual(dirs);
      expect(inWorkers.dossiers).toEqual(onThisThread.dossiers);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('workers started before the profile is known check whole dossiers once given it (not on the main thread)', async () => {
    const { createInspector, startEarly } = await import('../src/pdf/pool.js');
    const { loadProfile } = await import('../src/profile/load.js');
    const loaded = await loadProfile('samples/profiles/ofppt-2026-formateur-gestion.yaml');
    if (!loaded.ok) throw new Error('profile');
    startEarly(1, true);
    const pool = createInspector({ concurrency: 1, profile: loaded.profile });
    try {
      expect(pool.dossiers?.profile).toBe(loaded.profile);
      const dir = 'samples/dossiers-formateur/01-amina-el-fassi-complet';
      const [answer] = await pool.dossiers!.check({ dossiers: [{ dir, shown: dir }], asOf: '2026-02-21', fileTimeoutMs: 10_000, content: true });
      // A verdict packed in the worker: the profile reached it through shared memory.
      expect(answer && 'packed' in answer && answer.accepted).toBe(true);
    } finally {
      await pool.close();
    }
  });
});

describe('many dossiers', () => {
  it('keeps their verdicts in a temporary file and reports each as a batch of a few does', async () => {
    const root = await tempDir();
    const samples = (await readdir(SAMPLES, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
    // 14 hard-linked copies of each sample: over the number kept in memory (SPILL_FROM_DOSSIERS).
    const copies = 14;
    expect(samples.length * copies).toBeGreaterThan(SPILL_FROM_DOSSIERS);
    for (const name of samples)
      for (let k = 0; k < copies; k++) {
        const dir = join(root, `${name}-${k}`);
        await mkdir(dir);
        for (const f of await readdir(join(SAMPLES, name))) await link(join(SAMPLES, name, f), join(dir, f));
      }
    const before = (await readdir(tmpdir())).filter((n) => n.startsWith('dossier-verdicts-'));
    const few = await json(['batch', SAMPLES, '--format', 'json', '--as-of', '2026-02-21']);
    const many = await json(['batch', root, '--format', 'json', '--as-of', '2026-02-21']);
    expect(many.report!.dossiers.length).toBe(samples.length * copies);
    const bySample = new Map(few.report!.dossiers.map((d) => [d.path.split('/').pop()!, d]));
    for (const d of many.report!.dossiers) {
      const name = d.path.split('/').pop()!.replace(/-\d+$/, '');
      expect({ ...d, path: name }).toEqual({ ...bySample.get(name)!, path: name });
    }
    // Nothing left in the temporary folder.
    expect((await readdir(tmpdir())).filter((n) => n.startsWith('dossier-verdicts-'))).toEqual(before);
  }, 60_000);
});

describe('Ctrl+C', () => {
  it('stops the workers and exits 130 with nothing on stdout', async () => {
    const root = await tempDir();
    const pdf = await textPdf(1);
    // Enough dossiers that the batch (one worker) is still at work when Ctrl+C comes: 300
    // of them took under a second once dossiers were checked whole in the workers.
    for (let i = 0; i < 1500; i++) {
      const dir = join(root, `d${String(i).padStart(4, '0')}`);
      await mkdir(dir);
      await Promise.all([
        ...['F1.pdf', 'CV.pdf', 'Diplome.pdf', 'CIN.pdf', 'Plan action.pdf'].map((name) => writeFile(join(dir, name), pdf)),
        writeFile(join(dir, 'candidate.yaml'), GOOD_CANDIDATE),
      ]);
    }
    const child = spawn(process.execPath, ['bin/dossier.js', 'batch', root, '--concurrency', '1', '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (b) => (stdout += b));
    // Listened to from the start: a child that ended before Ctrl+C fails the test, not hangs it.
    const closed = new Promise<number | null>((r) => child.on('close', (c) => r(c)));
    // Two seconds in: the batch is at work on a quiet machine (1,500 dossiers take about five),
    // and on a busy one Ctrl+C is listened to from the first module on (src/cli/run.ts).
    await new Promise((r) => setTimeout(r, 2000));
    child.kill('SIGINT');
    const code = await closed;
    expect(code).toBe(130);
    expect(stdout).toBe('');
  }, 60_000);
});
