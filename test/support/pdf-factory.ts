// Real PDFs for tests, written with a real PDF writer (pdf-lib); encrypted ones with a real
// encryptor (qpdf). The PDF layer is never mocked.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';

const FIXED_DATE = new Date('2026-01-15T10:00:00Z');

async function finish(doc: PDFDocument, useObjectStreams = false): Promise<Uint8Array> {
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  doc.setProducer('dossier tests');
  return doc.save({ useObjectStreams });
}

/** `pages` A4 pages of text. `xrefStream` writes a PDF 1.5 cross-reference stream instead of a table. */
export async function textPdf(pages: number, text = 'Curriculum Vitae', opts: { xrefStream?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(`${text} — page ${i}`, { x: 60, y: 760, size: 18, font });
  }
  return finish(doc, opts.xrefStream ?? false);
}

/** A scan-like page: one embedded image filling most of the page, no text. */
export async function imagePdf(opts: { format?: 'png' | 'jpeg'; width?: number; height?: number } = {}): Promise<Uint8Array> {
  const { format = 'png', width = 400, height = 250 } = opts;
  const doc = await PDFDocument.create();
  const image = format === 'png' ? await doc.embedPng(pngBytes(width, height)) : await doc.embedJpg(jpegBytes(width, height));
  const page = doc.addPage([595.28, 841.89]);
  page.drawImage(image, { x: 50, y: 400, width: 495, height: (495 * height) / width });
  return finish(doc);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A flat grey PNG, built by hand: signature, IHDR, IDAT (zlib), IEND. */
export function pngBytes(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const raw = Buffer.alloc((width * 3 + 1) * height, 0xb0);
  for (let y = 0; y < height; y++) raw[y * (width * 3 + 1)] = 0; // filter: none
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

/**
 * The markers of a baseline JPEG (SOI, JFIF APP0, SOF0, EOI) without scan data: what a
 * magic-byte sniffer and a PDF writer read (PDF writers copy JPEGs, they never decode them).
 */
export function jpegBytes(width = 16, height = 16): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0', 'latin1'), 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  const sof0 = [0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03];
  for (const id of [1, 2, 3]) sof0.push(id, id === 1 ? 0x22 : 0x11, id === 1 ? 0 : 1);
  return new Uint8Array([0xff, 0xd8, ...app0, ...sof0, 0xff, 0xd9]);
}

/** A ZIP archive of stored (uncompressed) entries, local headers first like real writers. */
export function zipBytes(entries: Record<string, string>): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.from(content, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt32LE(crc32(data), 16);
    cd.writeUInt32LE(data.length, 20);
    cd.writeUInt32LE(data.length, 24);
    cd.writeUInt16LE(nameBytes.length, 28);
    cd.writeUInt32LE(offset, 42);
    parts.push(local, nameBytes, data);
    central.push(cd, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const cdBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, cdBytes, end]));
}

const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

/** The first entries of an office document, in the order Word, Excel, PowerPoint and LibreOffice write them. */
export function officeBytes(kind: 'docx' | 'xlsx' | 'pptx' | 'odt'): Uint8Array {
  if (kind === 'odt')
    return zipBytes({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<office:document-content/>' });
  const main = { docx: 'word/document.xml', xlsx: 'xl/workbook.xml', pptx: 'ppt/presentation.xml' }[kind];
  return zipBytes({ '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': '<Relationships/>', [main]: '<root/>' });
}

/** Byte signatures of what candidates rename to .pdf. */
export const NOT_PDF = {
  jpeg: jpegBytes(),
  png: pngBytes(2, 2),
  gif: new Uint8Array(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')),
  tiff: new Uint8Array([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00]),
  heic: new Uint8Array(Buffer.from('\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic', 'latin1')),
  docx: officeBytes('docx'),
  xlsx: officeBytes('xlsx'),
  pptx: officeBytes('pptx'),
  odt: officeBytes('odt'),
  zip: zipBytes({ 'photos/img1.jpg': '\xff\xd8\xff' }),
  doc: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0, 0, 0, 0, 0]),
  rtf: new Uint8Array(Buffer.from('{\\rtf1\\ansi Curriculum vitae}', 'latin1')),
  html: new Uint8Array(Buffer.from('<!DOCTYPE html><html><head><title>Erreur 404</title></head></html>', 'utf8')),
  text: new Uint8Array(Buffer.from('Curriculum vitae\nSalma Bennani\nExpérience : 6 ans\n', 'utf8')),
} as const;

export const hasQpdf = spawnSync('qpdf', ['--version']).status === 0;

/**
 * A 1-page PDF encrypted by qpdf (AES-256). Without a user password it opens for anyone, and
 * the owner password only guards permissions: printing, copying and editing are denied unless
 * `restrict` is false.
 */
export async function encryptedPdf(opts: { userPassword?: string; ownerPassword: string; restrict?: boolean }): Promise<Uint8Array> {
  if (!hasQpdf) throw new Error('qpdf is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'dossier-enc-'));
  try {
    const plain = join(dir, 'in.pdf');
    const out = join(dir, 'out.pdf');
    writeFileSync(plain, await textPdf(1));
    const restrictions = opts.restrict === false ? [] : ['--print=none', '--modify=none', '--extract=n'];
    execFileSync('qpdf', ['--encrypt', opts.userPassword ?? '', opts.ownerPassword, '256', ...restrictions, '--', plain, out]);
    return new Uint8Array(readFileSync(out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The bytes a transfer cut short would leave: the first `at` bytes, or the first fraction
 * `at` of them when 0 < at < 1.
 */
export function truncated(bytes: Uint8Array, at: number): Uint8Array {
  const end = at > 0 && at < 1 ? Math.floor(bytes.length * at) : Math.floor(at);
  return bytes.slice(0, Math.max(1, Math.min(bytes.length, end)));
}

/** Replace the first occurrence of `from` by `to` (same length keeps xref offsets valid). */
export function patch(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const s = Buffer.from(bytes).toString('latin1');
  const i = s.indexOf(from);
  if (i < 0) throw new Error(`'${from}' not found`);
  return new Uint8Array(Buffer.from(s.slice(0, i) + to + s.slice(i + from.length), 'latin1'));
}

/** A PDF whose stored page count (/Count of the root page tree) says `count`. */
export function withCount(bytes: Uint8Array, count: number): Uint8Array {
  const s = Buffer.from(bytes).toString('latin1');
  const m = /\/Count (\d+)/.exec(s);
  if (!m) throw new Error('no uncompressed /Count (write the PDF without object streams)');
  // Pad to the same width so every xref offset stays right.
  const replacement = `/Count ${count}`.padEnd(m[0].length, ' ');
  if (replacement.length !== m[0].length) throw new Error(`/Count ${count} is wider than ${m[0]}`);
  return patch(bytes, m[0], replacement);
}

/** A temp folder for test files; `remove` it in afterAll. */
export async function tempFolder(prefix = 'dossier-pdf-'): Promise<{
  dir: string;
  write(name: string, content: Uint8Array | string): Promise<string>;
  remove(): Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return {
    dir,
    async write(name, content) {
      const path = join(dir, name);
      await writeFile(path, content);
      return path;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
