// Read-only, provably: a full listing of the checked folders (every entry, its type, mode, size,
// mtime, ctime, and the sha256 of every file) is the same before and after check, batch and
// inspect, in-process and through the built binary, on good and hostile dossiers; and --output
// never lands inside them.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, lstat, mkdir, readdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from './support/cli.js';
import { cleanedTempDirs, GOOD_CANDIDATE } from './support/dossier.js';
import { hostileCorpus } from './support/hostile-corpus.js';
import { encryptedPdf, hasQpdf, NOT_PDF, textPdf } from './support/pdf-factory.js';

type Listing = Record<string, string>;

const tempDir = cleanedTempDirs();

/** Every entry under `root`, links looked at and never through, files hashed (pipes never opened). */
async function listing(root: string): Promise<Listing> {
  const out: Listing = {};
  const walk = async (dir: string | Buffer): Promise<void> => {
    for (const name of await readdir(dir, { encoding: 'buffer' })) {
      const path = Buffer.concat([Buffer.from(dir), Buffer.from('/'), name]);
      const st = await lstat(path);
      const key = relative(root, path.toString('latin1'));
      const base = `${st.mode.toString(8)} ${st.size} m${st.mtimeMs} c${st.ctimeMs}`;
      if (st.isSymbolicLink()) out[key] = `link ${base} -> ${await readlink(path)}`;
      else if (st.isDirectory()) {
        out[key] = `dir ${base}`;
        await walk(path);
      } else if (st.isFile()) out[key] = `file ${base} ${createHash('sha256').update(await readFile(path)).digest('hex')}`;
      else out[key] = `other ${base}`;
    }
  };
  out['.'] = `dir ${(await lstat(root)).mode.toString(8)} m${(await lstat(root)).mtimeMs}`;
  await walk(Buffer.from(root, 'latin1'));
  return out;
}

let root: string;
let good: string;
let bad: string;
let outside: string;
beforeAll(async () => {
  outside = await tempDir('dossier-ro-out-');
  root = await tempDir('dossier-ro-');
  good = join(root, 'good');
  bad = join(root, 'bad');
  await mkdir(good);
  await mkdir(bad);
  for (const [name, content] of Object.entries({
    'Formulaire F1.pdf': await textPdf(1, 'Formulaire F1'),
    'CV.pdf': await textPdf(2, 'Curriculum Vitae'),
    'Diplome Master.pdf': await textPdf(1, 'Diplôme'),
    'CIN.pdf': await textPdf(1, 'CIN'),
    "Plan d'action.pdf": await textPdf(1, "Plan d'action"),
    'candidate.yaml': GOOD_CANDIDATE,
  }))
    await writeFile(join(good, name), content);
  // The bad dossier: hostile files in every slot, and everything a folder can hold.
  const corpus = Object.fromEntries((await hostileCorpus()).map((f) => [f.name, f.bytes]));
  const files: Record<string, Uint8Array | string> = {
    'Formulaire F1.pdf': NOT_PDF.jpeg,
    'CV.pdf': corpus['classic-cut-50pc.pdf']!,
    'Diplome.pdf': corpus['bomb-object-stream.pdf']!,
    'CIN.pdf': hasQpdf ? await encryptedPdf({ userPassword: 'secret', ownerPassword: 'owner' }) : corpus['garbage.pdf']!,
    "Plan d'action.pdf": corpus['page-tree-cycle.pdf']!,
    'Attestation equivalence.pdf': corpus['count-too-high.pdf']!,
    'candidate.yaml': 'applicantType: [external\nbirthDate: 1990-02-30\n',
    '.hidden.pdf': 'x',
    '.DS_Store': 'x',
    'empty.pdf': '',
  };
  for (const [name, content] of Object.entries(files)) await writeFile(join(bad, name), content);
  await writeFile(Buffer.from(`${bad}/Dipl\xf4me copie.pdf`, 'latin1'), await textPdf(1, 'copie'));
  await mkdir(join(bad, 'scans'));
  await writeFile(join(bad, 'scans', 'CV.pdf'), await textPdf(1, 'scan'));
  await writeFile(join(outside, 'secret.pdf'), await textPdf(1, 'secret'));
  await symlink(join(outside, 'secret.pdf'), join(bad, 'CV lien.pdf'));
  await symlink(outside, join(bad, 'ailleurs'));
  spawnSync('mkfifo', [join(bad, 'tube.pdf')]);
  await writeFile(join(root, 'lisez-moi.txt'), 'fichier à la racine');
});

async function unchanged(action: () => Promise<void> | void): Promise<void> {
  const before = await listing(root);
  const outsideBefore = await listing(outside);
  await action();
  expect(await listing(root)).toEqual(before);
  expect(await listing(outside)).toEqual(outsideBefore);
}

describe('nothing inside the checked folders changes', () => {
  it('the listing sees what it should (hashes, links, pipes, names that are not UTF-8)', async () => {
    const l = await listing(root);
    expect(l['bad/CV lien.pdf']).toMatch(/^link /);
    expect(l['bad/ailleurs']).toMatch(/^link /);
    expect(l['bad/scans/CV.pdf']).toMatch(/^file .* [0-9a-f]{64}$/);
    expect(l['bad/Dipl\xf4me copie.pdf']).toMatch(/^file /);
    if (existsSync(join(bad, 'tube.pdf'))) expect(l['bad/tube.pdf']).toMatch(/^other /);
  });

  it('check', async () => {
    await unchanged(async () => {
      const r = await run(['check', good, bad, '--format', 'json', '--as-of', '2026-02-21']);
      expect(r.code).toBe(1);
    });
  });

  it('batch, with a report written outside', async () => {
    await unchanged(async () => {
      const r = await run(['batch', root, '--format', 'json', '-o', join(await tempDir(), 'report.json'), '--as-of', '2026-02-21']);
      expect(r.code).toBe(1);
    });
  });

  it('inspect, on every file', async () => {
    // Every file a person can name on the command line (not the pipe, nor the one whose name is not UTF-8).
    const names = (await readdir(bad)).filter((n) => !['tube.pdf', 'scans', 'ailleurs'].includes(n) && !n.includes('\ufffd'));
    await unchanged(async () => {
      const r = await run(['inspect', ...names.map((n) => join(bad, n)), '--format', 'json']);
      expect(r.code).toBe(1);
    });
  });

  it('the built binary', async () => {
    await unchanged(() => {
      const r = spawnSync(process.execPath, ['bin/dossier.js', 'batch', root, '--format', 'junit', '--as-of', '2026-02-21'], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('<testsuites');
    });
  }, 60_000);
});

describe('--output never inside a checked folder', () => {
  it.each([
    ['check: a file in the dossier', () => ['check', good, '-o', join(good, 'rapport.txt')]],
    ['check: a new folder in the dossier', () => ['check', good, bad, '-o', join(bad, 'nouveau', 'rapport.txt')]],
    ['check: the dossier itself', () => ['check', good, '-o', good]],
    ['batch: a file in a dossier', () => ['batch', root, '-o', join(bad, 'rapport.json')]],
    ['batch: beside the dossiers, where the next run would find it', () => ['batch', root, '-o', join(root, 'rapport.json')]],
    ['batch: a new folder in the root, which the next run would take for a dossier', () => ['batch', root, '-o', join(root, 'rapports', 'r.json')]],
    ['batch --shard: a dossier of another shard', () => ['batch', root, '--shard', '1/2', '-o', join(good, 'r.json')]],
  ])('%s', async (_, args) => {
    await unchanged(async () => {
      const r = await run(args());
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--output : .* est dans le dossier vérifié/);
      expect(r.stdout).toBe('');
    });
  });

  // A hard link is no path into the dossier: the same bytes under another name. Writing the
  // report into it would rewrite the candidate's CV; the report gets a file of its own.
  it('through a hard link to a candidate\'s file, which keeps its bytes', async () => {
    const dir = await tempDir();
    const cv = join(good, (await readdir(good)).find((n) => n.startsWith('CV'))!);
    const bytes = await readFile(cv);
    const { mtimeMs } = await lstat(cv);
    const out = join(dir, 'rapport.json');
    await link(cv, out);
    for (const args of [['check', good, '--format', 'json', '-o', out], ['batch', root, '--format', 'json', '-o', out]]) {
      const r = await run(args);
      expect(r.stdout).toBe('');
      expect(JSON.parse(await readFile(out, 'utf8')).dossiers.length).toBeGreaterThan(0);
      expect((await readFile(cv)).equals(bytes)).toBe(true);
      expect((await lstat(cv)).mtimeMs).toBe(mtimeMs);
      await rm(out);
      await link(cv, out);
    }
    await rm(out);
  });

  it('through a link that leads into a dossier', async () => {
    const link = join(outside, 'vers-good');
    await symlink(good, link);
    try {
      await unchanged(async () => {
        for (const args of [['check', good, '-o', join(link, 'r.txt')], ['batch', root, '-o', join(link, 'r.txt')]]) {
          const r = await run(args);
          expect(r.code).toBe(2);
          expect(r.stderr).toMatch(/est dans le dossier vérifié/);
        }
      });
    } finally {
      await rm(link);
    }
  });
});
