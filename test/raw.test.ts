// The raw reader (src/pdf/raw/) answers blank pages, text layer and the ID card's layout from
// the bytes, without pdf.js's fonts and images. Its answers must be pdf.js's: on files from
// real writers (pdf-lib, img2pdf, qpdf's rewrites of them, the bundled samples) and on
// hand-written content streams, every page is compared with pdf.js's own operator list. What
// it cannot read plainly it declines (null), and the inspector then asks pdf.js.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { PDFArray, PDFDocument, PDFName, PDFRef, StandardFonts, rgb } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { classifyCardLayout, DEFAULT_CARD_LAYOUT } from '../src/pdf/content/layout.js';
import { walkOperatorList } from '../src/pdf/content/ops.js';
import { readContentRaw } from '../src/pdf/raw/read-content.js';
import { Keyword, Lexer, Name, RawUnsupported } from '../src/pdf/raw/lexer.js';
import { isStream, RawPdf } from '../src/pdf/raw/objects.js';
import { pageList } from '../src/pdf/raw/pages.js';
import { createInspector } from '../src/pdf/pool.js';
import { cardPng, cniPdf, fillableForm, hasImg2pdf, img2pdf, openPdf, pagesPdf, pdfWith, pictureAsPage, sheetPng, twoCardsPng } from './support/content-pdfs.js';
import { encryptedPdf, hasQpdf, tempFolder, textPdf, truncated } from './support/pdf-factory.js';
import { rawPdf } from './support/hostile-corpus.js';

const REQUEST = { blank: { pages: 50, opListPages: 50 }, cardLayout: DEFAULT_CARD_LAYOUT } as const;

const opened: PDFDocumentProxy[] = [];
afterAll(async () => {
  await Promise.all(opened.map((d) => d.destroy()));
});

/** pdf.js's answer, page by page from its operator lists: the reference. */
async function pdfjsAnswer(bytes: Uint8Array) {
  const doc = await openPdf(bytes.slice());
  opened.push(doc);
  const marks = [];
  for (let n = 1; n <= doc.numPages; n++) marks.push(walkOperatorList(await (await doc.getPage(n)).getOperatorList()));
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = (await doc.getPage(1)).view;
  return {
    pages: doc.numPages,
    blankPages: marks.flatMap((m, i) => (m.ink ? [] : [i + 1])),
    textLayer: marks.some((m) => m.hasText),
    cni: classifyCardLayout(marks[0]!.areas, { x0, y0, x1, y1 }, DEFAULT_CARD_LAYOUT),
  };
}

function rawAnswer(bytes: Uint8Array) {
  const r = readContentRaw(bytes, REQUEST);
  if (!r) return null;
  return { pages: r.pages, blankPages: r.blankPages, textLayer: r.textLayer, cni: r.cni };
}

const qpdf = (bytes: Uint8Array, args: string[]): Uint8Array => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-qpdf-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), bytes);
    execFileSync('qpdf', [...args, join(dir, 'in.pdf'), join(dir, 'out.pdf')], { stdio: 'pipe' });
    return new Uint8Array(readFileSync(join(dir, 'out.pdf')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** A one-page PDF around a hand-written content stream (Helvetica as F1, an image as Im1). */
function contentPdf(content: string, opts: { flate?: boolean; extraResources?: string; annots?: string } = {}): Uint8Array {
  const data = Buffer.from(content, 'latin1');
  const image = { dict: '/Type /XObject /Subtype /Image /Width 4 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8', data: new Uint8Array(8).fill(90) };
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R /Fm1 9 0 R >> ${opts.extraResources ?? ''} >> /Contents 4 0 R ${opts.annots ?? ''} >>`,
    opts.flate ? { dict: '/Filter /FlateDecode', data: deflateSync(data) } : { dict: '', data },
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    image,
    // 7: an annotation's appearance; 8: a tiling pattern; 9: a form XObject.
    { dict: '/Type /XObject /Subtype /Form /BBox [0 0 200 30]', data: Buffer.from('0 g 0 0 200 30 re f', 'latin1') },
    { dict: '/Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 10 10] /XStep 10 /YStep 10 /Resources << >>', data: Buffer.from('0 0 5 5 re f', 'latin1') },
    { dict: '/Type /XObject /Subtype /Form /BBox [0 0 50 50] /Resources << >>', data: Buffer.from('0 0 1 rg 0 0 50 50 re f', 'latin1') },
  ]);
}

const HANDWRITTEN: Record<string, string> = {
  'text': 'BT /F1 12 Tf 72 720 Td (Curriculum Vitae) Tj ET',
  'text in a TJ array': 'BT /F1 12 Tf 72 720 Td [(Plan) -250 (d) 20 (action)] TJ ET',
  'spaces only': 'BT /F1 12 Tf 72 720 Td (   ) Tj ET',
  'invisible text (an OCR layer)': 'BT 3 Tr /F1 12 Tf 72 720 Td (hidden words) Tj ET',
  'white text': '1 g BT /F1 12 Tf 72 720 Td (white on white) Tj ET',
  'grey text': '0.5 g BT /F1 12 Tf 72 720 Td (grey) Tj ET',
  'white rectangle': '1 1 1 rg 0 0 595 842 re f',
  'white in CMYK': '0 0 0 0 k 0 0 595 842 re f',
  'black in CMYK': '0 0 0 1 k 10 10 100 100 re f',
  'a rule drawn in black': '0 G 2 w 72 400 m 500 400 l S',
  'a path that is only a clip': '0 0 100 100 re W n',
  'a transparent fill': '/GS1 gs 0 0 100 100 re f',
  'an image placed': 'q 340 0 0 214 127 500 cm /Im1 Do Q',
  'two images placed': 'q 340 0 0 214 127 560 cm /Im1 Do Q q 340 0 0 214 127 300 cm /Im1 Do Q',
  'an inline image': 'q 200 0 0 100 50 50 cm BI /W 4 /H 2 /CS /G /BPC 8 ID 01234567 EI Q',
  'a pattern fill': '/Pattern cs /P1 scn 0 0 100 100 re f',
  'nothing at all': '',
  'only state changes': 'q 1 0 0 1 10 10 cm 0.5 g Q',
  'a form XObject drawing a rectangle': 'q 1 0 0 1 100 100 cm /Fm1 Do Q',
};

describe('the raw reader gives pdf.js\'s answers', () => {
  const files: [string, () => Promise<Uint8Array> | Uint8Array][] = [
    ['pdf-lib: text, blank, scan, white pages', () => pagesPdf(['text', 'blank', 'scan', 'white'])],
    ['pdf-lib: a blank middle page', () => pagesPdf(['text', 'blank', 'text'])],
    ['pdf-lib: white pages only', () => pagesPdf(['white', 'blank'])],
    ...(['two', 'one', 'same', 'stacked-image', 'rotated-two', 'vector-two', 'sheet'] as const).map(
      (layout) => [`pdf-lib: ID card copy, ${layout}`, () => cniPdf(layout)] as [string, () => Promise<Uint8Array>],
    ),
    ['pdf-lib: a picture as the page', () => pictureAsPage(cardPng())],
    ['pdf-lib: a fillable form, filled (widget appearances)', () => fillableForm({ nom: 'Bennani', prenom: 'Salma' })],
    ['pdf-lib: a fillable form, empty', () => fillableForm({})],
    ['pdf-lib: object streams and an xref stream', () => textPdf(3, 'Curriculum Vitae', { xrefStream: true })],
    ...Object.entries(HANDWRITTEN).map(([name, content]) => [`by hand: ${name}`, () => contentPdf(content, { extraResources: EXTRA })] as [string, () => Uint8Array]),
    ['by hand: a Flate content stream', () => contentPdf(HANDWRITTEN.text!, { flate: true })],
    ['by hand: an annotation with an appearance', () => contentPdf('', { annots: '/Annots [<< /Type /Annot /Subtype /Widget /Rect [100 100 300 130] /AP << /N 7 0 R >> >>]', extraResources: EXTRA })],
  ];
  it.each(files)('%s', async (_, make) => {
    const bytes = await make();
    const raw = rawAnswer(bytes);
    expect(raw).not.toBeNull();
    expect(raw).toEqual(await pdfjsAnswer(bytes));
  });

  it.runIf(hasImg2pdf)('img2pdf: a card, two cards, a full sheet, as scanners write them', async () => {
    for (const picture of [cardPng(), twoCardsPng(), sheetPng()]) {
      const bytes = img2pdf(picture);
      expect(rawAnswer(bytes)).toEqual(await pdfjsAnswer(bytes));
    }
  });
  if (!hasImg2pdf) it.skip('img2pdf files skipped: img2pdf is not installed (apt-get install img2pdf)', () => undefined);

  it.runIf(hasQpdf)('qpdf rewrites: object streams, linearized, uncompressed, QDF', async () => {
    const sources = [await pagesPdf(['text', 'blank', 'scan', 'white']), await cniPdf('two'), await fillableForm({ nom: 'Bennani' })];
    for (const source of sources)
      for (const args of [['--object-streams=generate'], ['--linearize'], ['--stream-data=uncompress'], ['--qdf'], ['--object-streams=generate', '--linearize']]) {
        const bytes = qpdf(source, args);
        const raw = rawAnswer(bytes);
        expect(raw, args.join(' ')).not.toBeNull();
        expect(raw, args.join(' ')).toEqual(await pdfjsAnswer(bytes));
      }
  });
  if (!hasQpdf) it.skip('qpdf rewrites skipped: qpdf is not installed (apt-get install qpdf)', () => undefined);

  it('an incremental update: the newer version of an object is the one read', async () => {
    // A two-page CV, then an update appended as editors and signing tools do: page 1's content
    // replaced by an empty stream. Page 1 is now blank, for pdf.js and for the raw reader.
    const base = await pagesPdf(['text', 'text']);
    const doc = await PDFDocument.load(base);
    const contents = doc.getPage(0).node.get(PDFName.of('Contents'));
    const ref = contents instanceof PDFArray ? contents.get(0) : contents;
    expect(ref).toBeInstanceOf(PDFRef);
    const num = (ref as PDFRef).objectNumber;
    const text = Buffer.from(base).toString('latin1');
    const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1]);
    const root = /\/Root (\d+ \d+ R)/.exec(text)![1];
    const size = Number(/\/Size (\d+)/.exec(text)![1]);
    const object = `${num} 0 obj\n<< /Length 0 >>\nstream\n\nendstream\nendobj\n`;
    const xrefAt = base.length + object.length;
    const update = `${object}xref\n0 1\n0000000000 65535 f \n${num} 1\n${String(base.length).padStart(10, '0')} 00000 n \ntrailer\n<< /Size ${size} /Root ${root} /Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    const bytes = new Uint8Array(Buffer.concat([base, Buffer.from(update, 'latin1')]));
    const raw = rawAnswer(bytes);
    expect(raw).toMatchObject({ pages: 2, blankPages: [1] });
    expect(raw).toEqual(await pdfjsAnswer(bytes));
  });

  it('every PDF of the bundled samples', async () => {
    const root = new URL('../samples/', import.meta.url).pathname;
    const pdfs = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.toLowerCase().endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThan(40);
    for (const f of pdfs) {
      const bytes = new Uint8Array(readFileSync(join(root, f)));
      const raw = rawAnswer(bytes);
      // The samples' broken files (a JPEG renamed, a cut-short download) are pdf.js's to judge.
      if (raw === null) continue;
      expect(raw, f).toEqual(await pdfjsAnswer(bytes));
    }
  });
});

/** Resources the hand-written pages use: a transparent state, a pattern, a form XObject. */
const EXTRA = '/ExtGState << /GS1 << /ca 0 >> >> /Pattern << /P1 8 0 R >>';

describe('what the raw reader declines, pdf.js answers', () => {
  it.runIf(hasQpdf)('an encrypted file', async () => {
    expect(readContentRaw(await encryptedPdf({ ownerPassword: 'owner' }), REQUEST)).toBeNull();
  });

  it('a cut-short file, a /Length that lies, a filter it does not decode, a broken table', async () => {
    const good = await pagesPdf(['text', 'blank']);
    expect(readContentRaw(truncated(good, 0.6), REQUEST)).toBeNull();
    const lzw = rawPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
      { dict: '/Filter /ASCIIHexDecode', data: Buffer.from('3020302031303020313030207265206620', 'latin1') },
    ]);
    expect(readContentRaw(lzw, REQUEST)).toBeNull();
    const text = Buffer.from(contentPdf(HANDWRITTEN.text!)).toString('latin1');
    const length = HANDWRITTEN.text!.length;
    expect(text).toContain(`/Length ${length} >>`);
    expect(readContentRaw(new Uint8Array(Buffer.from(text.replace(`/Length ${length} >>`, `/Length ${length - 3} >>`), 'latin1')), REQUEST)).toBeNull();
    expect(readContentRaw(new Uint8Array(Buffer.from(text, 'latin1')), REQUEST)).not.toBeNull();
    expect(readContentRaw(new Uint8Array(Buffer.from(text.replace(/startxref\n\d+/, 'startxref\n9'), 'latin1')), REQUEST)).toBeNull();
  });

  it('the inspector still finds the blank page of a file the raw reader declines', async () => {
    const folder = await tempFolder();
    const inspector = createInspector({ concurrency: 1 });
    try {
      const hex = rawPdf([
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 6 0 R >> >> /Contents 4 0 R >>',
        { dict: '/Filter /ASCIIHexDecode', data: Buffer.from(Buffer.from('BT /F1 12 Tf 72 720 Td (CV) Tj ET').toString('hex') + '>', 'latin1') },
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
        '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      ]);
      expect(readContentRaw(hex, REQUEST)).toBeNull();
      const r = await inspector.inspect(await folder.write('hex.pdf', hex), { maxSizeBytes: 1e7, fileTimeoutMs: 10_000, content: { blank: { pages: 20, opListPages: 3 } } });
      expect([r.pages, r.blankPages, r.textLayer]).toEqual([2, [2], true]);
    } finally {
      await inspector.close();
      await folder.remove();
    }
  });

  it('the inspector looks at every page up to the limit when the bytes are plain: a blank page in the middle is found', async () => {
    const folder = await tempFolder();
    const inspector = createInspector({ concurrency: 1 });
    try {
      const path = await folder.write('middle.pdf', await pagesPdf(['text', 'text', 'blank', 'text']));
      const r = await inspector.inspect(path, { maxSizeBytes: 1e7, fileTimeoutMs: 10_000, content: { blank: { pages: 20, opListPages: 3 } } });
      expect([r.blankPages, r.blankChecked]).toEqual([[3], [1, 2, 3, 4]]);
    } finally {
      await inspector.close();
      await folder.remove();
    }
  });
});

describe('pages whose stored content is over a kilobyte', () => {
  /** A page painting `n` small rectangles at scattered places, in `colour`: over a kilobyte of content, compressed. */
  const scattered = (colour: [number, number, number], n = 300) => async (doc: PDFDocument) => {
    const page = doc.addPage([595, 842]);
    for (let i = 0; i < n; i++) page.drawRectangle({ x: (i * 37) % 550, y: (i * 53) % 800, width: 3 + (i % 7), height: 2 + (i % 5), color: rgb(...colour) });
  };
  /** The stored (compressed) size of a page's content streams, as the raw reader sees them. */
  const stored = (bytes: Uint8Array, page: number) => {
    const pdf = new RawPdf(bytes);
    const c = pdf.get(pageList(pdf)[page - 1]!.dict.get('Contents'));
    return (Array.isArray(c) ? c.map((x) => pdf.get(x)) : [c]).reduce<number>((n, x) => n + (isStream(x) ? x.raw.length : 0), 0);
  };

  it('are not inflated to be found blank: a blank page among them is found, and a kilobyte painted all in white is taken for ink (the limit)', async () => {
    const bytes = await pdfWith(async (doc) => {
      const font = await doc.embedFont(StandardFonts.Helvetica);
      doc.addPage([595, 842]).drawText('Curriculum Vitae', { x: 60, y: 760, size: 14, font });
      await scattered([0.2, 0.2, 0.2])(doc);
      doc.addPage([595, 842]);
      await scattered([1, 1, 1])(doc);
    });
    expect(stored(bytes, 2)).toBeGreaterThan(1024);
    expect(stored(bytes, 4)).toBeGreaterThan(1024);
    const raw = readContentRaw(bytes, REQUEST)!;
    expect([raw.blankPages, raw.blankChecked, raw.textLayer]).toEqual([[3], [1, 2, 3, 4], true]);
    // pdf.js, drawing every page, finds the white one blank too: what the bytes pass over.
    expect((await pdfjsAnswer(bytes)).blankPages).toEqual([3, 4]);
  });

  it('are read for the text layer when the pages read have none', async () => {
    const bytes = await pdfWith(async (doc) => {
      doc.addPage([595, 842]);
      const font = await doc.embedFont(StandardFonts.Helvetica);
      const page = doc.addPage([595, 842]);
      for (let i = 0; i < 60; i++) page.drawText(`Ligne ${i}: experience ${i * 7919}`, { x: 40, y: 800 - i * 12, size: 9, font });
    });
    expect(stored(bytes, 2)).toBeGreaterThan(1024);
    expect(readContentRaw(bytes, REQUEST)).toMatchObject({ blankPages: [1], textLayer: true });
    expect(await pdfjsAnswer(bytes)).toMatchObject({ blankPages: [1], textLayer: true });
  });
});

describe('within the content checks\' budget', () => {
  it('past it, pages not looked at are said to be so, never called blank', async () => {
    const bytes = await pagesPdf(['text', 'blank', 'blank', 'text']);
    const r = readContentRaw(bytes, { blank: { pages: 20, opListPages: 3 }, budgetMs: 0 })!;
    expect(r.partial).toBe(true);
    expect(r.blankChecked!.length).toBeLessThan(4);
    expect(r.blankPages!.every((n) => r.blankChecked!.includes(n))).toBe(true);
    expect(readContentRaw(bytes, { blank: { pages: 20, opListPages: 3 }, budgetMs: 10_000 })).toMatchObject({ blankChecked: [1, 2, 3, 4], blankPages: [2, 3] });
  });
});

describe('the lexer reads tokens from their bytes', () => {
  const lex = (text: string) => new Lexer(Buffer.from(text, 'latin1')).value(false);

  it('numbers: exactly what Number() makes of their text, -0 included; malformed ones refused (fast-check)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[+-]{0,2}[0-9]{0,18}\.?[0-9]{0,18}\.?[0-9]{0,3}$/), (text) => {
        fc.pre(text.length > 0);
        const expected = Number(text);
        if (Number.isFinite(expected)) expect(Object.is(lex(text), expected)).toBe(true);
        else expect(() => lex(text)).toThrow(RawUnsupported);
      }),
      { numRuns: 5_000, seed: 20261203 },
    );
  });

  it('keywords and names: the same value each time a short one is read again, whatever was read between', () => {
    const words = ['Tj', 'TJ', "'", 'BT', 'q', 'scn', 'R', 'obj', 'true', 'false', 'null', 'endstream'];
    const names = ['F1', 'Type', 'Page', 'A#20B', 'Im0', 'Contents', 'X'];
    for (let round = 0; round < 2; round++) {
      for (const w of words) {
        const v = lex(w);
        if (w === 'true' || w === 'false' || w === 'null') expect(v).toBe(JSON.parse(w));
        else expect(v instanceof Keyword && v.word).toBe(w);
      }
      for (const n of names) {
        const v = lex(`/${n}`);
        expect(v instanceof Name && v.name).toBe(n.replace('#20', ' '));
      }
    }
  });

  it('names of any length: the name their bytes spell, whatever was read before (fast-check; names share a table indexed by a hash of their bytes)', () => {
    // Names over 32 bytes are never kept; #-escaped ones are decoded, never kept by their bytes.
    const regular = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_+*!'.split(''));
    const nameText = fc.oneof(
      fc.array(regular, { minLength: 1, maxLength: 40 }).map((cs) => cs.join('')),
      fc.tuple(fc.array(regular, { minLength: 0, maxLength: 12 }), fc.integer({ min: 0x21, max: 0x7e })).map(([cs, c]) => `${cs.join('')}#${c.toString(16)}`),
    );
    const decoded = (t: string) => t.replace(/#([0-9a-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    fc.assert(
      fc.property(fc.array(nameText, { minLength: 1, maxLength: 300 }), (texts) => {
        for (let round = 0; round < 2; round++)
          for (const t of texts) {
            const v = lex(`/${t}`);
            expect(v instanceof Name && v.name).toBe(decoded(t));
          }
      }),
      { numRuns: 300, seed: 20261203 },
    );
  });

  it('keywords of any length: the word their bytes spell, names of the same bytes apart (fast-check)', () => {
    // Keywords and names are kept in tables of their own: /Tj is a name, Tj an operator.
    const letters = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz*_'.split(''));
    const word = fc.tuple(letters, fc.array(fc.oneof(letters, fc.constantFrom(...'0123456789.-+'.split(''))), { maxLength: 40 })).map(([c, cs]) => c + cs.join(''));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 300 }), (words) => {
        for (let round = 0; round < 2; round++)
          for (const w of words) {
            const v = lex(w);
            if (w === 'true' || w === 'false' || w === 'null') expect(v).toBe(JSON.parse(w));
            else expect(v instanceof Keyword && v.word).toBe(w);
            const n = lex(`/${w}`);
            expect(n instanceof Name && n.name).toBe(w);
          }
      }),
      { numRuns: 300, seed: 20261203 },
    );
  });
});

describe('never throws, whatever the bytes', () => {
  it('mutated and cut files: an answer or null, quickly', async () => {
    const seeds = [await pagesPdf(['text', 'scan']), await cniPdf('two'), contentPdf(HANDWRITTEN['an inline image']!), await textPdf(2, 'CV', { xrefStream: true })];
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat(), { nil: undefined }),
        (seed, edits, cut) => {
          const bytes = seed.slice(0, cut === undefined ? seed.length : Math.max(1, cut % seed.length));
          for (const [at, value] of edits) bytes[at % bytes.length] = value;
          const t = performance.now();
          const r = readContentRaw(bytes, REQUEST);
          expect(r === null || typeof r.pages === 'number').toBe(true);
          expect(performance.now() - t).toBeLessThan(2_000);
        },
      ),
      { numRuns: 400, seed: 20261129 },
    );
  });
});
