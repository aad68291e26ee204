// The build bundles the CLI and the two worker modules (scripts/bundle.mjs): what users run,
// and what the other tests run through bin/dossier.js and the pool. Here, what a bundle could
// break and no other test would see.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const built = (path: string) => join(ROOT, 'dist', path);
const FORM = join(ROOT, 'samples/dossiers/08-leila-benjelloun-formulaire-rempli-divergent/Formulaire F1 - Leila Benjelloun.pdf');

const node = (script: string, env: NodeJS.ProcessEnv = {}, args: string[] = []) => {
  const r = spawnSync(process.execPath, [...args, '--input-type=module', '-e', script], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, ...env } });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
};

describe('the bundled build', () => {
  it('a worker loads its code from a few files of the build, not from each module', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-bundle-'));
    try {
      const watch = join(dir, 'loaded.txt');
      const hook = new URL('./support/pdfjs-watch.mjs', import.meta.url).href;
      node(`await import(${JSON.stringify(built('check-worker.js'))});`, { DOSSIER_WATCH_FILE: watch, DOSSIER_WATCH_PACKAGES: '/dist/' }, ['--import', hook]);
      const files = new Set(readFileSync(watch, 'utf8').split('\n').filter(Boolean));
      // Unbundled, the worker's modules were 50 files of dist/.
      expect(files.size).toBeGreaterThan(0);
      expect(files.size).toBeLessThan(30);
      expect([...files].some((f) => f.includes('/dist/chunks/'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the bundled PDF worker reads a fillable form with pdf.js, which is loaded apart and leaves the built-ins it replaces native', () => {
    // pdf.js's legacy build swaps these for slower polyfills unless src/pdf/pdfjs/ runs first
    // (test/pdf.test.ts); bundled with the worker, its import would be hoisted above that code.
    const task = { path: FORM, maxSizeBytes: 10_000_000, readCeilingBytes: 20_000_000, confirmPages: 50, content: { fields: true } };
    const out = node(`
      const natives = () => [Array.prototype.push, JSON.parse, JSON.stringify];
      const before = natives();
      const { inspect } = await import(${JSON.stringify(built('pdf/worker.js'))});
      const [r] = await inspect({ files: [${JSON.stringify(task)}], slot: 0 });
      console.log(JSON.stringify({ reader: r.reader, pages: r.pages, fields: Object.keys(r.formFields ?? {}).length, same: natives().map((f, i) => f === before[i]) }));`);
    const r = JSON.parse(out) as { reader: string; pages: number; fields: number; same: boolean[] };
    expect(r.reader).toBe('pdfjs');
    expect(r.pages).toBe(1);
    expect(r.fields).toBeGreaterThan(0);
    expect(r.same).toEqual([true, true, true]);
    expect(existsSync(built('pdf/pdfjs/index.js'))).toBe(true);
    expect(readFileSync(built('pdf/worker.js'), 'utf8')).not.toMatch(/pdfjs-dist/);
  });
});
