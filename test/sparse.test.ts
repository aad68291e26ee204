// A large file read by its two ends when one image's data lies between (src/pdf/sparse.ts):
// judged exactly as when read whole, and read whole whenever anything else needs the middle.
import { closeSync, openSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { contentRequestFor } from '../src/dossier/content-findings.js';
import { analysePdf } from '../src/pdf/analyse.js';
import { createInspector } from '../src/pdf/pool.js';
import { END_BYTES, readEnds, SPARSE_FROM_BYTES } from '../src/pdf/sparse.js';
import { inspectTask } from '../src/pdf/task.js';
import type { FileInspection, PdfLimits } from '../src/pdf/types.js';
import { A4, pdfWith, png } from './support/content-pdfs.js';
import { rawPdf } from './support/hostile-corpus.js';
import { tempFolder } from './support/pdf-factory.js';
import { bundledProfile } from './support/profile.js';

const profile = await bundledProfile();
const folder = await tempFolder('dossier-sparse-');
const inspector = createInspector({ concurrency: 1 });
afterAll(async () => {
  await inspector.close();
  await folder.remove();
});

const content = contentRequestFor(profile.documents.find((d) => d.id === 'cni'), 10_000);
const LIMITS: PdfLimits = { maxSizeBytes: 10 * 1024 * 1024, fileTimeoutMs: 10_000, content };

/** A photo-like picture deflate cannot shrink: its PNG is about width × height × 3 bytes. */
const noisyPng = (width: number, height: number, seed: number) => {
  let s = seed || 1;
  // xorshift32
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) & 255;
  };
  return png(width, height, () => [next(), next(), next()]);
};

/** An ID card scan on A4, as pdf-lib writes it: the image first, its data spanning the middle. */
const bigScan = (seed: number) =>
  pdfWith(async (doc) => {
    const page = doc.addPage(A4);
    page.drawImage(await doc.embedPng(noisyPng(420, 270, seed)), { x: 80, y: 420, width: 428, height: 270 });
  });

/** Whether the worker reads this file by its ends (the middle left unread). */
function readByEnds(path: string): boolean {
  const size = readFileSync(path).length;
  const fd = openSync(path, 'r');
  try {
    return readEnds(fd, new Uint8Array(size), size) !== null;
  } finally {
    closeSync(fd);
  }
}

/** What the core says of the whole file, read whole, in this thread. */
async function judgedWhole(path: string): Promise<Partial<FileInspection>> {
  const task = inspectTask(path, LIMITS);
  const r = await analysePdf(new Uint8Array(readFileSync(path)), { confirmPages: task.confirmPages, content });
  return { readable: r.readable, pages: r.pages, cni: r.cni, blankPages: r.blankPages, textLayer: r.textLayer, problems: r.problems };
}

const seen = (r: FileInspection) => ({ readable: r.readable, pages: r.pages, cni: r.cni, blankPages: r.blankPages, textLayer: r.textLayer, problems: r.problems });

describe('large files read by their ends', () => {
  it('a large ID card scan: read by its ends, judged as when read whole', async () => {
    const path = await folder.write('CIN.pdf', await bigScan(1));
    expect(readFileSync(path).length).toBeGreaterThan(SPARSE_FROM_BYTES);
    expect(readByEnds(path)).toBe(true);
    const r = await inspector.inspect(path, LIMITS);
    expect(seen(r)).toEqual(await judgedWhole(path));
    expect([r.readable, r.pages, r.cni?.sides]).toEqual([true, 1, 1]);
  });

  it('the middle is read whenever something but one image data lies there: the same verdict as read whole', async () => {
    // The image is also the page's content stream: the raw reader decodes it, text at its end.
    const data = new Uint8Array(Buffer.concat([Buffer.alloc(300_000, 0x20), Buffer.from('\nBT (Plan) Tj ET\n', 'latin1')]));
    const both = rawPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 4 0 R >>',
      { dict: '/Type /XObject /Subtype /Image /Width 100 /Height 1000 /ColorSpace /DeviceRGB /BitsPerComponent 8', data },
    ]);
    const path = await folder.write('image-and-content.pdf', both);
    expect(readByEnds(path)).toBe(true);
    const r = await inspector.inspect(path, LIMITS);
    expect(seen(r)).toEqual(await judgedWhole(path));
    expect([r.readable, r.textLayer, r.blankPages]).toEqual([true, true, []]);
  });

  it('copies are found on the whole bytes: the same ends with another middle are another file', async () => {
    const a = await bigScan(2);
    const b = Buffer.from(a);
    // Another picture in the middle of the image data, the same ends.
    const mid = Math.floor(b.length / 2);
    for (let i = mid; i < mid + 1000; i++) b[i] = b[i]! ^ 0x5a;
    const [pa, pb, pc] = [await folder.write('a.pdf', a), await folder.write('b.pdf', b), await folder.write('c.pdf', a)];
    expect([readByEnds(pa), readByEnds(pb)]).toEqual([true, true]);
    const [ra, rb, rc] = await inspector.inspectAll([pa, pb, pc].map((path) => ({ path, limits: LIMITS })));
    expect(ra!.sha256).toBeDefined();
    expect(ra!.sha256).not.toBe(rb!.sha256);
    expect(ra!.sha256).toBe(rc!.sha256);
  });

  it('bytes changed in either end of a large scan: the verdict is still the whole file\'s (property)', async () => {
    const scan = await bigScan(3);
    const END = END_BYTES;
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        // Past the header line, which the magic-bytes check reads before either reader; mostly
        // where the structure is: the image's dictionary first, the page and cross-reference last.
        fc.array(
          fc.tuple(
            fc.oneof(fc.integer({ min: 32, max: 511 }), fc.integer({ min: 2 * END - 1024, max: 2 * END - 1 }), fc.integer({ min: 32, max: 2 * END - 1 })),
            fc.integer({ min: 0, max: 255 }),
          ),
          { minLength: 1, maxLength: 4 },
        ),
        async (changes) => {
          const bytes = Buffer.from(scan);
          for (const [at, value] of changes) bytes[at < END ? at : bytes.length - 2 * END + at] = value;
          const path = await folder.write(`mutated-${n++}.pdf`, bytes);
          expect(seen(await inspector.inspect(path, LIMITS))).toEqual(await judgedWhole(path));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a file whose middle is not one image is read whole from the start', async () => {
    const text = await pdfWith(async (doc) => {
      for (let i = 0; i < 6; i++) doc.addPage(A4).drawImage(await doc.embedPng(noisyPng(120, 120, 10 + i)), { x: 50, y: 50 });
    });
    const path = await folder.write('six-images.pdf', text);
    expect(readFileSync(path).length).toBeGreaterThan(SPARSE_FROM_BYTES);
    expect(readByEnds(path)).toBe(false);
    const r = await inspector.inspect(path, LIMITS);
    expect(seen(r)).toEqual(await judgedWhole(path));
  });
});
