// The hostile corpus again, this time with the content checks asked for, as `check` asks for
// them: looking inside a file must never change its verdict, crash a worker or cost its time.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentRequestFor } from '../src/dossier/content-findings.js';
import { createInspector, type Inspector } from '../src/pdf/pool.js';
import type { FileInspection, PdfLimits } from '../src/pdf/types.js';
import { hostileCorpus } from './support/hostile-corpus.js';
import { tempFolder } from './support/pdf-factory.js';
import { bundledProfile } from './support/profile.js';

const MB = 1024 * 1024;
const profile = await bundledProfile();
// The heaviest requests: the ID card (operator list of page 1, blank pages), the form (fields).
const cni = profile.documents.find((d) => d.id === 'cni')!;
const form = profile.documents.find((d) => d.id === 'form')!;
const corpus = (await hostileCorpus()).filter((f) => !f.name.startsWith('bomb-'));

let inspector: Inspector;
let folder: Awaited<ReturnType<typeof tempFolder>>;
const results = new Map<string, { r: FileInspection; copy: FileInspection }>();
/** The whole corpus as one task: one worker reads every file after another, through one buffer. */
let inOneTask: FileInspection[] = [];
const limitsOf = (i: number): PdfLimits => ({ maxSizeBytes: 10 * MB, fileTimeoutMs: 10_000, content: contentRequestFor(i % 2 ? cni : form, 10_000) });
beforeAll(async () => {
  inspector = createInspector({ concurrency: 2 });
  folder = await tempFolder('dossier-content-hostile-');
  await Promise.all(
    corpus.map(async (f, i) => {
      const path = await folder.write(f.name, f.bytes);
      // With a copy in the same task, as a dossier holding the same file twice: both are hashed.
      const copy = await folder.write(`copy of ${f.name}`, f.bytes);
      const limits = limitsOf(i);
      const [r, same] = await inspector.inspectAll([{ path, limits }, { path: copy, limits }]);
      results.set(f.name, { r: r!, copy: same! });
    }),
  );
  inOneTask = await inspector.inspectAll(corpus.map((f, i) => ({ path: join(folder.dir, f.name), limits: limitsOf(i) })));
}, 120_000);
afterAll(async () => {
  await inspector.close();
  await folder.remove();
});

/**
 * Two reads of one file, as they should agree. A content answer cut short by its time budget
 * (`partial`) depends on how busy the machine was: inflates-100MiB.pdf read as a form takes
 * 4-5 s here, against a budget of 4 s, so the two agree on what they saw inside only when
 * neither was cut short. The rest (pages, findings, hash) never depends on time.
 */
const CONTENT_KEYS: readonly string[] = ['textLayer', 'blankPages', 'blankChecked', 'cni', 'formFields', 'formOverlays', 'text', 'partial'];
function comparable(a: FileInspection, b: FileInspection): [unknown, unknown] {
  if (!a.partial && !b.partial) return [a, b];
  const timeless = (x: FileInspection) => Object.fromEntries(Object.entries(x).filter(([k]) => !CONTENT_KEYS.includes(k)));
  return [timeless(a), timeless(b)];
}

describe('hostile files with the content checks on', () => {
  it.each(corpus.map((f) => [f.name, f] as const))('%s keeps its verdict', (name, f) => {
    const { r } = results.get(name)!;
    expect({ codes: r.problems.map((p) => p.code), readable: r.readable, pages: r.pages }, f.note).toEqual({
      codes: f.expect.codes,
      readable: f.expect.readable,
      pages: f.expect.pages,
    });
  });

  it('files read one after another in one task give what each gives read beside its own copy', () => {
    corpus.forEach((f, i) => {
      const { r } = results.get(f.name)!;
      // Hashes aside: in this task a file is hashed only when another one has its size.
      const { sha256: hash, ...rest } = inOneTask[i]!;
      const { sha256: _, ...alone } = r;
      const [x, y] = comparable(rest, alone);
      expect(x, f.name).toEqual(y);
      if (hash !== undefined) expect(hash, f.name).toBe(r.sha256);
    });
  });

  it('a file read beside a copy of itself is hashed, and so is the copy, alike; none ran out of time', () => {
    for (const [name, { r, copy }] of results)
      if (r.pdf && r.sizeBytes > 0) {
        expect(r.sha256, name).toMatch(/^[0-9a-f]{64}$/);
        expect(copy.sha256, name).toBe(r.sha256);
        const [x, y] = comparable({ ...copy, path: r.path }, r);
        expect(x, name).toEqual(y);
      }
    // Not a stopwatch (the files wait in the pool's queue, and the machine may be busy): a
    // file past its limit would carry a 'timeout' finding.
    for (const [name, { r }] of results) expect(r.problems.map((p) => p.code), name).not.toContain('timeout');
  });
});
