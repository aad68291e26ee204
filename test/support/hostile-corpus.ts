// Hostile and broken files, generated: PDFs written byte by byte where a PDF writer would
// refuse (lying page trees, cycles, bombs, exploits), cut-short copies of real ones, real
// encryption from qpdf, and what candidates rename to .pdf. Each comes with the verdict the
// inspector must give it (test/hostile.test.ts) and can be written to a folder for
// `npm run corpus` to compare page counts with other readers.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { constants, deflateRawSync, deflateSync } from 'node:zlib';
import type { ProblemCode } from '../../src/findings.js';
import { encryptedPdf, hasQpdf, NOT_PDF, patch, textPdf, truncated } from './pdf-factory.js';

const latin1 = (s: string) => Buffer.from(s, 'latin1');

/** An indirect object: a dictionary or other value as PDF source, or a stream. */
export type PdfObject = string | { readonly dict: string; readonly data: Uint8Array };

const objectBytes = (num: number, o: PdfObject): Buffer =>
  typeof o === 'string'
    ? latin1(`${num} 0 obj\n${o}\nendobj\n`)
    : Buffer.concat([latin1(`${num} 0 obj\n<< ${o.dict} /Length ${o.data.length} >>\nstream\n`), o.data, latin1('\nendstream\nendobj\n')]);

export interface RawOptions {
  /** Object number of the catalog (default 1). */
  readonly root?: number;
  /** Written before the header, as mail gateways and upload forms sometimes leave it. */
  readonly junk?: string;
  /** Trailer /Size instead of the real one. */
  readonly size?: number;
  readonly trailerExtra?: string;
}

/**
 * A PDF with a classic cross-reference table: objects numbered from 1 in order, offsets
 * exact. Nothing is checked: the point is to write what a PDF writer never would.
 */
export function rawPdf(objects: readonly PdfObject[], opts: RawOptions = {}): Uint8Array {
  const parts: Uint8Array[] = [latin1(`${opts.junk ?? ''}%PDF-1.7\n%\xe2\xe3\xcf\xd3\n`)];
  // Offsets count from the header, as the writer wrote them before junk was put in front:
  // that mismatch is what junk does to a file.
  let offset = parts[0]!.length - (opts.junk?.length ?? 0);
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    const body = objectBytes(i + 1, o);
    offsets.push(offset);
    parts.push(body);
    offset += body.length;
  });
  const n = objects.length + 1;
  const rows = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(
    latin1(
      `xref\n0 ${n}\n0000000000 65535 f \n${rows}trailer\n<< /Size ${opts.size ?? n} /Root ${opts.root ?? 1} 0 R ${opts.trailerExtra ?? ''}>>\nstartxref\n${offset}\n%%EOF\n`,
    ),
  );
  return new Uint8Array(Buffer.concat(parts));
}

/** An object stored inside object stream `stream` (PDF 1.5), at position `index`. */
export interface Compressed {
  readonly inStream: number;
  readonly index: number;
}

/** A PDF 1.5 file: cross-reference stream, objects possibly compressed into object streams. */
export function xrefStreamPdf(objects: readonly (PdfObject | Compressed)[], opts: { root?: number; size?: number } = {}): Uint8Array {
  const parts: Uint8Array[] = [latin1('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
  let offset = parts[0]!.length;
  const entries: [number, number, number][] = [[0, 0, 65535]];
  objects.forEach((o, i) => {
    if (typeof o === 'object' && 'inStream' in o) return void entries.push([2, o.inStream, o.index]);
    entries.push([1, offset, 0]);
    const body = objectBytes(i + 1, o);
    parts.push(body);
    offset += body.length;
  });
  const xrefNum = objects.length + 1;
  entries.push([1, offset, 0]);
  const rows = Buffer.concat(
    entries.map(([type, f2, f3]) => {
      const row = Buffer.alloc(7);
      row[0] = type;
      row.writeUInt32BE(f2, 1);
      row.writeUInt16BE(f3, 5);
      return row;
    }),
  );
  const data = deflateSync(rows);
  const size = opts.size ?? xrefNum + 1;
  parts.push(
    latin1(`${xrefNum} 0 obj\n<< /Type /XRef /Size ${size} /W [1 4 2] /Root ${opts.root ?? 1} 0 R /Filter /FlateDecode /Length ${data.length} >>\nstream\n`),
    data,
    latin1(`\nendstream\nendobj\nstartxref\n${offset}\n%%EOF\n`),
  );
  return new Uint8Array(Buffer.concat(parts));
}

/**
 * zlib data inflating to `prefix` followed by `zeroMiB` MiB of zero bytes, in about a
 * thousandth of that: the same full-flush deflate block of 1 MiB of zeros, repeated. Writing
 * a 4 GiB bomb takes milliseconds, not the minute compressing 4 GiB would.
 */
export function zlibBomb(zeroMiB: number, prefix: Uint8Array = new Uint8Array(0)): Uint8Array {
  const flush = { flush: constants.Z_FULL_FLUSH, finishFlush: constants.Z_FULL_FLUSH };
  const block = deflateRawSync(Buffer.alloc(1 << 20), flush);
  const parts: Uint8Array[] = [Buffer.from([0x78, 0x9c]), deflateRawSync(prefix, flush)];
  for (let i = 0; i < zeroMiB; i++) parts.push(block);
  parts.push(Buffer.from([0x03, 0x00])); // an empty final block
  // Adler-32 of the whole, so that strict inflaters (zlib) accept it too.
  let a = 1;
  let b = 0;
  for (const byte of prefix) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  b = Number((BigInt(b) + BigInt(a) * BigInt(zeroMiB) * 1048576n) % 65521n);
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(((b << 16) | a) >>> 0);
  parts.push(adler);
  return new Uint8Array(Buffer.concat(parts));
}

/**
 * LZW data (PDF's /LZWDecode, early change) inflating to zeros: each code the string of the
 * one before and a zero, up to a full table, then the longest string `repeats` times: about
 * 2,600 bytes out for every 12 bits in. pdf.js decodes it into one growing array.
 */
export function lzwBomb(repeats: number): Uint8Array {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  const put = (code: number, width: number) => {
    acc = (acc << width) | code;
    bits += width;
    while (bits >= 8) {
      out.push((acc >>> (bits - 8)) & 0xff);
      bits -= 8;
      acc &= (1 << bits) - 1;
    }
  };
  let width = 9;
  put(0, width);
  let code = 258; // 256 clears the table, 257 ends the data
  for (; code < 4095; code++) {
    put(code, width);
    if (code + 2 >= 1 << width && width < 12) width++;
  }
  for (let i = 0; i < repeats; i++) put(code - 1, 12);
  if (bits > 0) put(0, 8 - bits);
  return new Uint8Array(out);
}

const CATALOG = '<< /Type /Catalog /Pages 2 0 R >>';
const page = (parent = 2, extra = '') => `<< /Type /Page /Parent ${parent} 0 R /MediaBox [0 0 595 842] ${extra}>>`;
const pages = (kids: string, count: number | string) => `<< /Type /Pages /Kids [${kids}] /Count ${count} >>`;

/** A one-page PDF whose page 1 uses a font carrying the CVE-2024-4367 payload in its /FontMatrix. */
export function fontMatrixExploitPdf(payload: string): Uint8Array {
  // A real font program (CFF, from pdf.js's own standard fonts), so that the font is parsed
  // and its matrix used, as in the published proof of concept.
  const fontsDir = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts');
  const cff = new Uint8Array(readFileSync(join(fontsDir, 'FoxitSerif.pfb')));
  const escaped = payload.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = latin1('BT /F1 24 Tf 72 720 Td (Salma Bennani) Tj ET');
  return rawPdf([
    CATALOG,
    pages('3 0 R', 1),
    page(2, '/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R '),
    { dict: '', data: content },
    `<< /Type /Font /Subtype /Type1 /BaseFont /EVILFONT+Serif /FontDescriptor 6 0 R /FirstChar 32 /LastChar 126 /FontMatrix [1 2 3 4 5 (1\\); ${escaped} //)] >>`,
    '<< /Type /FontDescriptor /FontName /EVILFONT+Serif /Flags 32 /FontBBox [-53 -251 1139 750] /ItalicAngle 0 /Ascent 750 /Descent -251 /CapHeight 700 /StemV 80 /FontFile3 7 0 R >>',
    { dict: '/Subtype /Type1C', data: cff },
  ]);
}

/** What the inspector must say about a file. */
export interface Verdict {
  /** Problem codes, in order. */
  readonly codes: readonly ProblemCode[];
  readonly readable: boolean;
  /** Pages that load (null: unknown). */
  readonly pages: number | null;
  /** params.reason of an `unreadable` finding. */
  readonly reason?: 'truncated' | 'corrupt' | 'crash' | 'bomb';
  readonly type?: string;
}

export interface CorpusFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly expect: Verdict;
  /** Why this file, and what other readers make of it. */
  readonly note: string;
}

const ok = (pages: number): Verdict => ({ codes: [], readable: true, pages });
const pageTree = (readable: boolean, pages: number): Verdict => ({ codes: ['page-tree'], readable, pages });
const unreadable = (reason: NonNullable<Verdict['reason']>): Verdict => ({ codes: ['unreadable'], readable: false, pages: null, reason });

/** Every hostile file with its verdict. Encrypted ones only when qpdf is installed. */
export async function hostileCorpus(): Promise<CorpusFile[]> {
  const files: CorpusFile[] = [];
  const add = (name: string, bytes: Uint8Array, expect: Verdict, note: string) => files.push({ name, bytes, expect, note });

  // Cut short, at several points, classic and PDF 1.5 files. Cut before the end, a file
  // opens in no reader; cut in the last bytes (only "%%EOF" lost), every page still loads.
  for (const [kind, xrefStream] of [['classic', false], ['xref-stream', true]] as const) {
    const whole = await textPdf(3, 'Curriculum Vitae', { xrefStream });
    add(`${kind}-whole.pdf`, whole, ok(3), 'the uncut original');
    for (const at of [0.01, 0.25, 0.5, 0.75, 0.9, 0.97])
      add(`${kind}-cut-${Math.round(at * 100)}pc.pdf`, truncated(whole, at), unreadable('truncated'), `the first ${at * 100}% of the bytes`);
    add(`${kind}-cut-eof.pdf`, truncated(whole, whole.length - 4), ok(3), 'only the last bytes of "%%EOF" lost: every page still loads');
  }
  add('header-only.pdf', latin1('%PDF-1.7\n'), unreadable('truncated'), 'a header and nothing else');
  add('garbage.pdf', latin1(`%PDF-1.7\n${'garbage '.repeat(300)}\n%%EOF\n`), unreadable('corrupt'), 'a header, noise, an end');

  const one = await textPdf(1);
  add('junk-before-header.pdf', Buffer.concat([latin1('X-Mailer: upload\r\n'.repeat(20)), one]), ok(1), 'junk before the header (within 1 KiB): offsets off, pdf.js repairs');
  add(
    'junk-past-1k.pdf',
    Buffer.concat([latin1('x'.repeat(2000)), one]),
    { codes: ['not-pdf'], readable: false, pages: null, type: 'text' },
    'a header past the first KiB is not a PDF header',
  );

  // Page trees.
  add('empty-page-tree.pdf', rawPdf([CATALOG, pages('', 0)]), pageTree(false, 0), 'no pages at all');
  add('self-kid.pdf', rawPdf([CATALOG, pages('2 0 R', 1)]), pageTree(false, 0), 'the page tree is its own kid');
  add(
    'page-tree-cycle.pdf',
    rawPdf([CATALOG, pages('3 0 R', 2), '<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 4 0 R] /Count 2 >>', page(3)]),
    pageTree(false, 0),
    'two nodes, each the kid of the other',
  );
  add('count-too-high.pdf', rawPdf([CATALOG, pages('3 0 R 4 0 R', 5), page(), page()]), pageTree(true, 2), '/Count 5, two pages');
  add(
    'count-too-high-offsets-off.pdf',
    rawPdf([CATALOG, pages('3 0 R 4 0 R', 5), page(), page()], { junk: 'X-Mailer: upload\r\n'.repeat(5) }),
    pageTree(true, 2),
    '/Count 5, two pages, and every offset of the table off: pdf.js rebuilds the table, then repairs the count',
  );
  add('count-huge.pdf', rawPdf([CATALOG, pages('3 0 R', 2147483647), page()]), pageTree(true, 1), '/Count 2^31 - 1, one page');
  add('count-negative.pdf', rawPdf([CATALOG, pages('3 0 R', -3), page()]), pageTree(false, 0), '/Count -3');
  add(
    'count-too-low.pdf',
    rawPdf([CATALOG, pages('3 0 R 4 0 R 5 0 R', 1), page(), page(), page()]),
    ok(1),
    '/Count 1, three kids: pdf.js, pdfinfo and qpdf all read 1 page; the stored count is what every reader shows',
  );
  add('kid-missing.pdf', rawPdf([CATALOG, pages('3 0 R 9 0 R', 2), page()]), pageTree(true, 1), 'a kid that does not exist');
  add('no-page-tree.pdf', rawPdf(['<< /Type /Catalog >>']), unreadable('corrupt'), 'a catalog without /Pages');
  add(
    'deep-page-tree.pdf',
    rawPdf([
      CATALOG,
      ...Array.from({ length: 2000 }, (_, i) => `<< /Type /Pages ${i ? `/Parent ${i + 1} 0 R ` : ''}/Kids [${i + 3} 0 R] /Count 1 >>`),
      page(2001),
    ]),
    ok(1),
    'a page 2000 levels deep',
  );
  add(
    'deep-nesting.pdf',
    rawPdf([CATALOG, pages('3 0 R', 1), page(2, `/Junk ${'['.repeat(50_000)}${']'.repeat(50_000)} `)]),
    pageTree(false, 0),
    'a page dictionary holding arrays nested 50 000 deep',
  );
  add('huge-size.pdf', rawPdf([CATALOG, pages('3 0 R', 1), page()], { size: 2147483647 }), ok(1), 'trailer /Size 2^31 - 1');
  add(
    'huge-size-xref-stream.pdf',
    xrefStreamPdf([CATALOG, pages('3 0 R', 1), page()], { size: 2147483647 }),
    ok(1),
    'cross-reference stream /Size 2^31 - 1',
  );

  // Decompression bombs: 4 GiB of zeros in 4 MB.
  const content = (data: Uint8Array, filter = '/FlateDecode') => rawPdf([CATALOG, pages('3 0 R', 1), page(2, '/Contents 4 0 R '), { dict: `/Filter ${filter}`, data }]);
  add('bomb-content.pdf', content(zlibBomb(4096)), unreadable('bomb'), "a page's content stream inflating to 4 GiB");
  const head = '1 0 ';
  add(
    'bomb-object-stream.pdf',
    xrefStreamPdf([
      { inStream: 4, index: 0 },
      pages('3 0 R', 1),
      page(),
      { dict: `/Type /ObjStm /N 1 /First ${head.length} /Filter /FlateDecode`, data: zlibBomb(4096, latin1(`${head}${CATALOG} `)) },
    ]),
    unreadable('bomb'),
    'the catalog in an object stream inflating to 4 GiB: pdf.js inflates it while opening',
  );
  add(
    'bomb-nested.pdf',
    content(deflateSync(zlibBomb(1024)), '[/FlateDecode /FlateDecode]'),
    unreadable('bomb'),
    'Flate inside Flate, declared twice: 1 MB that inflates to 1 MB that inflates to 1 GiB',
  );
  add(
    'flate-in-flate-declared-once.pdf',
    content(deflateSync(zlibBomb(1024))),
    ok(1),
    'the same bytes declared Flate once: pdf.js inflates them once, to 1 MB of harmless bytes',
  );
  add('inflates-100MiB.pdf', content(zlibBomb(100)), ok(1), 'a stream inflating to 100 MiB: large, but a document may need that');

  // Encryption, by a real encryptor.
  if (hasQpdf) {
    add('user-password.pdf', await encryptedPdf({ userPassword: 'secret', ownerPassword: 'owner' }), { codes: ['encrypted'], readable: false, pages: null }, 'AES-256, a password to open');
    add('owner-restricted.pdf', await encryptedPdf({ ownerPassword: 'owner' }), { codes: ['restricted'], readable: true, pages: 1 }, 'opens; printing and copying denied');
    add('owner-unrestricted.pdf', await encryptedPdf({ ownerPassword: 'owner', restrict: false }), ok(1), 'encrypted, nothing denied');
  }

  // What candidates rename to .pdf.
  for (const [type, bytes] of Object.entries(NOT_PDF))
    add(`renamed-${type}.pdf`, bytes, { codes: ['not-pdf'], readable: false, pages: null, type }, `a ${type} file`);
  add('empty.pdf', new Uint8Array(0), { codes: ['empty-file'], readable: false, pages: null }, '0 bytes');

  add(
    'kid-not-a-page.pdf',
    patch(await textPdf(3), '/Type /Page\n', '/Type /Junk\n'),
    ok(3),
    'a kid claiming another /Type: a leaf all the same, for pdf.js, pdfinfo and qpdf alike',
  );
  return files;
}
