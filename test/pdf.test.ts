// The PDF layer through its public API, on real files written to a temp folder: real PDFs
// from pdf-lib, real encryption from qpdf, the real pdf.js in real worker threads.
import { spawnSync } from 'node:child_process';
import { truncate } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../src/findings.js';
import { createInspector, type Inspector } from '../src/pdf/pool.js';
import { sniff } from '../src/pdf/sniff.js';
import type { FileInspection, PdfLimits } from '../src/pdf/types.js';
import {
  NOT_PDF,
  encryptedPdf,
  hasQpdf,
  imagePdf,
  jpegBytes,
  officeBytes,
  patch,
  pngBytes,
  tempFolder,
  textPdf,
  truncated,
  withCount,
  zipBytes,
} from './support/pdf-factory.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const LIMITS: PdfLimits = { maxSizeBytes: 10 * 1024 * 1024, fileTimeoutMs: 20_000 };
const codes = (r: FileInspection) => r.problems.map((p) => p.code);
const only = (r: FileInspection): Finding => {
  expect(r.problems).toHaveLength(1);
  return r.problems[0]!;
};

describe('sniff', () => {
  it.each([
    ['a PDF header at the start', bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj')],
    ['a PDF header after junk, within the first KiB', bytes('\r\n'.repeat(200) + '%PDF-1.4\n')],
  ])('%s is a PDF', (_, head) => {
    expect(sniff(head)).toEqual({ pdf: true, type: 'pdf' });
  });

  it('a PDF header past the first KiB is not a PDF', () => {
    expect(sniff(bytes('x'.repeat(1100) + '%PDF-1.4\n')).pdf).toBe(false);
  });

  it('a PDF is what has "%PDF-" whole within the first KiB, wherever it starts (property)', () => {
    const header = [...'%PDF-'].map((c) => c.charCodeAt(0));
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 900, maxLength: 1200 }), fc.oneof(fc.nat(1200), fc.integer({ min: 1015, max: 1025 })), fc.boolean(), (noise, at, put) => {
        const head = new Uint8Array(noise);
        if (put) head.set(header.slice(0, Math.max(0, Math.min(header.length, head.length - at))), Math.min(at, head.length));
        const expected = Buffer.from(head.subarray(0, 1024)).toString('latin1').includes('%PDF-');
        expect(sniff(head).pdf).toBe(expected);
      }),
      // No shrinking: a kilobyte of noise shrinks for minutes; the failing case shows as it is.
      { numRuns: 2000, endOnFailure: true },
    );
  });

  it('nothing at all has no type', () => {
    expect(sniff(new Uint8Array(0))).toEqual({ pdf: false, type: null });
  });

  it.each([
    ['jpeg', jpegBytes()],
    ['png', pngBytes(2, 2)],
    ['gif', NOT_PDF.gif],
    ['tiff', NOT_PDF.tiff],
    ['tiff', new Uint8Array([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8])],
    ['webp', bytes('RIFF\x24\x00\x00\x00WEBPVP8 ')],
    ['heic', NOT_PDF.heic],
    ['docx', officeBytes('docx')],
    ['xlsx', officeBytes('xlsx')],
    ['pptx', officeBytes('pptx')],
    ['odt', officeBytes('odt')],
    ['zip', NOT_PDF.zip],
    ['zip', bytes('PK\x05\x06' + '\0'.repeat(18))],
    ['doc', NOT_PDF.doc],
    ['rtf', NOT_PDF.rtf],
    ['html', NOT_PDF.html],
    ['html', bytes('\xef\xbb\xbf  <html lang="fr"><body>CV</body></html>')],
    ['html', bytes('<meta charset="utf-8"><title>Télécharger</title>')],
    ['text', NOT_PDF.text],
    ['unknown', new Uint8Array([0x00, 0x01, 0x02, 0x03, 0xfe, 0xff])],
    ['unknown', bytes('\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00')],
  ])('%s', (type, head) => {
    expect(sniff(head)).toEqual({ pdf: false, type });
  });

  it('an office document whose entries sit past the sniffed bytes is still recognised from its parts', () => {
    const xlsx = zipBytes({ '[Content_Types].xml': 'x'.repeat(5000), 'xl/workbook.xml': '<w/>' });
    expect(sniff(xlsx.subarray(0, 4096)).type).toBe('docx'); // the likeliest OOXML, since the name is out of reach
    expect(sniff(xlsx).type).toBe('xlsx');
  });

  it('UTF-8 text cut in the middle of a character by the window is still text', () => {
    const head = Buffer.from('é'.repeat(600), 'utf8'); // 1200 bytes: the 1 KiB window ends inside a character
    expect(sniff(new Uint8Array(head.subarray(0, 1023))).type).toBe('text');
    expect(sniff(new Uint8Array(head)).type).toBe('text');
  });

  it('never throws, and says PDF exactly when %PDF- is in the first KiB', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), fc.nat(1100), (random, at) => {
        const r = sniff(random);
        expect(r.pdf).toBe(Buffer.from(random.subarray(0, 1024)).includes('%PDF-'));
        expect(r.type === null).toBe(random.length === 0);
        const prefix = random.subarray(0, at);
        if (prefix.length + 5 <= 1024) expect(sniff(new Uint8Array([...prefix, ...Buffer.from('%PDF-1.7')])).pdf).toBe(true);
      }),
    );
  });
});

describe('the inspector', () => {
  let inspector: Inspector;
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  const inspect = async (name: string, content: Uint8Array | string, limits: PdfLimits = LIMITS) =>
    inspector.inspect(await folder.write(name, content), limits);

  beforeAll(async () => {
    inspector = createInspector({ concurrency: 2 });
    folder = await tempFolder();
  });
  afterAll(async () => {
    await inspector.close();
    await folder.remove();
  });

  describe('valid PDFs', () => {
    it.each([1, 3])('%i page(s), counted and confirmed', async (n) => {
      const pdf = await textPdf(n);
      const path = await folder.write(`text-${n}.pdf`, pdf);
      const r = await inspector.inspect(path, LIMITS);
      expect(r).toEqual({
        path,
        sizeBytes: pdf.length,
        pdf: true,
        detectedType: 'pdf',
        readable: true,
        encrypted: false,
        pages: n,
        problems: [],
        // A plain file: read whole from its bytes, pdf.js not needed (src/pdf/analyse.ts).
        reader: 'bytes',
      });
    });

    it('a PDF 1.5 file with object and cross-reference streams', async () => {
      const r = await inspect('xref-stream.pdf', await textPdf(2, 'Diplôme', { xrefStream: true }));
      expect([r.readable, r.pages, r.problems]).toEqual([true, 2, []]);
    });

    it.each(['png', 'jpeg'] as const)('a scanned page (%s image)', async (format) => {
      const r = await inspect(`scan-${format}.pdf`, await imagePdf({ format }));
      expect([r.readable, r.pages, r.problems]).toEqual([true, 1, []]);
    });

    it('pages past confirmPages are taken from the page tree', async () => {
      const r = await inspect('five.pdf', await textPdf(5), { ...LIMITS, confirmPages: 2 });
      expect([r.readable, r.pages, r.problems]).toEqual([true, 5, []]);
    });

    it('junk before the header, as some mail gateways leave it', async () => {
      const pdf = await textPdf(1);
      const r = await inspect('junk-first.pdf', new Uint8Array([...Buffer.from('\r\n\r\n'), ...pdf]));
      expect(r.pdf).toBe(true);
      expect(r.readable).toBe(true);
    });
  });

  describe('files that are not PDFs', () => {
    it('an empty file', async () => {
      const r = await inspect('empty.pdf', '');
      expect(only(r).code).toBe('empty-file');
      expect([r.sizeBytes, r.pdf, r.detectedType, r.readable, r.pages]).toEqual([0, false, null, false, null]);
    });

    it.each(['jpeg', 'png', 'docx', 'xlsx', 'odt', 'html', 'text', 'doc'] as const)('a %s file renamed .pdf', async (type) => {
      const r = await inspect(`renamed-${type}.pdf`, NOT_PDF[type]);
      expect(only(r)).toEqual({ code: 'not-pdf', severity: 'error', params: { type } });
      expect([r.pdf, r.detectedType, r.readable, r.pages]).toEqual([false, type, false, null]);
    });
  });

  describe('damaged PDFs', () => {
    it('cut short in transfer: unreadable, truncated', async () => {
      const r = await inspect('truncated.pdf', truncated(await textPdf(3), 0.5));
      const f = only(r);
      expect([f.code, f.severity, f.params.reason]).toEqual(['unreadable', 'error', 'truncated']);
      expect([r.pdf, r.readable, r.pages]).toEqual([true, false, null]);
    });

    it('garbage after a header, but ending like a PDF: unreadable, corrupt', async () => {
      const r = await inspect('garbage.pdf', bytes(`%PDF-1.7\n${'garbage '.repeat(300)}\n%%EOF\n`));
      expect(only(r).params.reason).toBe('corrupt');
      expect(r.readable).toBe(false);
    });

    it('a header and nothing else: truncated', async () => {
      expect(only(await inspect('header-only.pdf', '%PDF-1.4\n')).params.reason).toBe('truncated');
    });

    it('a /Count that promises more pages than exist: page-tree, with the pages that do', async () => {
      const r = await inspect('count-lie.pdf', withCount(await textPdf(1), 3));
      const f = only(r);
      expect(f).toEqual({ code: 'page-tree', severity: 'error', params: { declared: 3, loaded: 1 } });
      expect([r.readable, r.pages]).toEqual([true, 1]);
    });

    it('a page tree that loops back on itself: page-tree, with the pages that load', async () => {
      const pdf = await textPdf(3);
      const s = Buffer.from(pdf).toString('latin1');
      const root = /(\d+) 0 obj\s*<<\s*\/Type \/Pages/.exec(s)![1]!;
      const kids = /\/Kids \[ \d+ 0 R (\d+) 0 R/.exec(s)!;
      // The second page becomes the tree itself; pdf.js then loses the pages past it.
      const looped = patch(pdf, kids[0], kids[0].replace(`${kids[1]} 0 R`, `${root} 0 R`.padEnd(kids[1]!.length + 4)));
      const r = await inspect('looped-tree.pdf', looped);
      expect(only(r)).toEqual({ code: 'page-tree', severity: 'error', params: { declared: 3, loaded: 1 } });
      expect([r.readable, r.pages]).toEqual([true, 1]);
    });

    it('a /Count of zero: page-tree, nothing readable', async () => {
      const r = await inspect('count-zero.pdf', withCount(await textPdf(1), 0));
      expect(only(r)).toEqual({ code: 'page-tree', severity: 'error', params: { declared: 0, loaded: 0 } });
      expect([r.readable, r.pages]).toEqual([false, 0]);
    });
  });

  describe.skipIf(!hasQpdf)('encrypted PDFs (made by qpdf)', () => {
    it('a user password: encrypted, nothing else known', async () => {
      const r = await inspect('user-password.pdf', await encryptedPdf({ userPassword: 'secret', ownerPassword: 'owner' }));
      expect(only(r)).toEqual({ code: 'encrypted', severity: 'error', params: {} });
      expect([r.pdf, r.encrypted, r.readable, r.pages]).toEqual([true, true, false, null]);
    });

    it('an owner password denying print and copy: readable, with a restricted warning', async () => {
      const r = await inspect('owner-only.pdf', await encryptedPdf({ ownerPassword: 'owner' }));
      const f = only(r);
      expect([f.code, f.severity]).toEqual(['restricted', 'warning']);
      expect(f.params.denied).toEqual(expect.arrayContaining(['print', 'copy', 'modify-contents']));
      expect([r.encrypted, r.readable, r.pages]).toEqual([false, true, 1]);
    });

    it('an owner password that denies nothing: no finding', async () => {
      const r = await inspect('owner-all.pdf', await encryptedPdf({ ownerPassword: 'owner', restrict: false }));
      expect([r.readable, r.pages, r.problems]).toEqual([true, 1, []]);
    });
  });
  // Shown as skipped, with its reason, when the tool is missing (never as a passing test).
  if (!hasQpdf) it.skip('encrypted PDFs are not tested: qpdf is not installed (apt-get install qpdf)', () => undefined);

  describe('limits', () => {
    it('too large for the limit: too-large, still inspected', async () => {
      const pdf = await textPdf(1);
      const r = await inspect('big.pdf', pdf, { ...LIMITS, maxSizeBytes: 500 });
      const f = only(r);
      expect([f.code, f.severity]).toEqual(['too-large', 'error']);
      // Rounded up and down: over the limit never reads as equal to it.
      expect(f.params.sizeMB).toBeCloseTo(pdf.length / 2 ** 20, 3);
      expect(f.params.limitMB).toBe(0.00047);
      expect(f.params.sizeMB).toBeGreaterThan(f.params.limitMB as number);
      expect([r.readable, r.pages]).toEqual([true, 1]);
    });

    it('far too large: never opened, its first bytes still say what it is', async () => {
      const path = await folder.write('huge.pdf', '%PDF-1.7\n');
      await truncate(path, 70 * 1024 * 1024); // sparse: cheap on disk
      const r = await inspector.inspect(path, { ...LIMITS, maxSizeBytes: 1024 * 1024 });
      expect(only(r)).toEqual({ code: 'too-large', severity: 'error', params: { sizeMB: 70, limitMB: 1 } });
      expect([r.pdf, r.detectedType, r.readable, r.pages]).toEqual([true, 'pdf', false, null]);
    });

    it('a missing file or a folder: unreadable-file', async () => {
      expect(only(await inspector.inspect(join(folder.dir, 'nope.pdf'), LIMITS)).params).toEqual({ error: 'ENOENT' });
      expect(only(await inspector.inspect(folder.dir, LIMITS)).params).toEqual({ error: 'EISDIR' });
    });
  });

  describe('timeouts', () => {
    it('a file that takes longer than fileTimeoutMs: timeout, then the next files work', async () => {
      const slow = await folder.write('slow.pdf', await textPdf(300));
      const good = await Promise.all([1, 2, 3, 4].map(async (n) => folder.write(`after-${n}.pdf`, await textPdf(n))));
      // One thread: the timed-out file's worker must be terminated and replaced for the rest to run.
      const single = createInspector({ concurrency: 1 });
      try {
        const [timedOut, ...rest] = await Promise.all([
          single.inspect(slow, { ...LIMITS, fileTimeoutMs: 1, confirmPages: 300 }),
          ...good.map((p) => single.inspect(p, LIMITS)),
        ]);
        expect(only(timedOut!)).toEqual({ code: 'timeout', severity: 'error', params: { seconds: 0.001 } });
        expect([timedOut!.pdf, timedOut!.detectedType, timedOut!.readable]).toEqual([true, 'pdf', false]);
        expect(rest.map((r) => [r.pages, codes(r)])).toEqual([1, 2, 3, 4].map((n) => [n, []]));
        // And again, after the replacement worker has settled in.
        expect((await single.inspect(slow, LIMITS)).pages).toBe(300);
      } finally {
        await single.close();
      }
    });

    it('time spent waiting in the queue does not count against a file', async () => {
      const pdf = await textPdf(300);
      const paths = await Promise.all(Array.from({ length: 16 }, (_, i) => folder.write(`queued-${i}.pdf`, pdf)));
      const single = createInspector({ concurrency: 1 });
      try {
        // Each file takes tens of ms; sixteen in a row take longer than one file's limit.
        const limits = { ...LIMITS, fileTimeoutMs: 1_000, confirmPages: 300 };
        const results = await Promise.all(paths.map((p) => single.inspect(p, limits)));
        expect(results.map((r) => [r.pages, codes(r)])).toEqual(paths.map(() => [300, []]));
      } finally {
        await single.close();
      }
    });
  });

  describe('workers that die', () => {
    it('a worker out of memory is an unreadable (crash) finding, not a crash of the caller nor a hang', async () => {
      const path = await folder.write('victim.pdf', await textPdf(1));
      // Too small a heap even to load pdf.js: the worker dies while starting, before any task.
      const starved = createInspector({ concurrency: 1, maxHeapMB: 4 });
      try {
        for (let i = 0; i < 2; i++) {
          const r = await starved.inspect(path, LIMITS);
          expect(only(r).params).toEqual({ reason: 'crash', detail: 'ERR_WORKER_OUT_OF_MEMORY' });
          expect([r.pdf, r.readable]).toEqual([true, false]);
        }
      } finally {
        await starved.close();
      }
    });

    it('after close, inspect still answers', async () => {
      const closed = createInspector({ concurrency: 1 });
      await closed.close();
      const r = await closed.inspect(await folder.write('late.pdf', await textPdf(1)), LIMITS);
      expect(only(r)).toEqual({ code: 'check-failed', severity: 'error', params: { error: 'interrupted' } });
    });
  });

  it('results stay small: never the bytes', async () => {
    const r = await inspect('image-heavy.pdf', await imagePdf({ width: 1200, height: 900 }));
    expect(r.sizeBytes).toBeGreaterThan(1000);
    expect(JSON.stringify(r).length).toBeLessThan(600);
  });
});

describe('pdf.js as the inspector loads it', () => {
  // The legacy build's core-js swaps these for slower JavaScript polyfills in the whole thread
  // (polyfills that even print as native code); src/pdf/pdfjs/ puts the natives back, and loads
  // pdf.js's worker half up front.
  const same = (module: string) => {
    const script = `
      const natives = () => [Array.prototype.push, JSON.parse, JSON.stringify];
      const before = natives();
      const m = await import(${JSON.stringify(module)});
      await m.pdfjsReady?.();
      console.log(JSON.stringify({ same: natives().map((f, i) => f === before[i]), worker: typeof globalThis.pdfjsWorker?.WorkerMessageHandler }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return JSON.parse(r.stdout) as { same: boolean[]; worker: string };
  };

  it('leaves push and JSON native, with the worker half loaded before the first file', () => {
    expect(same('./dist/pdf/pdfjs/index.js')).toEqual({ same: [true, true, true], worker: 'function' });
  });

  it('would otherwise have them replaced (so the check above can fail)', () => {
    expect(same('pdfjs-dist/legacy/build/pdf.mjs').same).toEqual([false, false, false]);
  });
});
