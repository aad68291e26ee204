// Real PDFs for tests, written with a real PDF writer (pdf-lib); encrypted ones with a real
// encryptor (qpdf). The PDF layer is never mocked.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
export async function imagePdf(width = 400, height = 250): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const png = await doc.embedPng(pngBytes(width, height));
  const page = doc.addPage([595.28, 841.89]);
  page.drawImage(png, { x: 50, y: 400, width: 495, height: (495 * height) / width });
  return finish(doc);
}

/** A flat grey PNG, built by hand: signature, IHDR, IDAT (zlib), IEND. */
export function pngBytes(width: number, height: number): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
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

export const hasQpdf = spawnSync('qpdf', ['--version']).status === 0;

/** Encrypt with qpdf (AES-256). Without a user password the file opens but is restricted. */
export async function encryptedPdf(opts: { userPassword?: string; ownerPassword: string }): Promise<Uint8Array> {
  if (!hasQpdf) throw new Error('qpdf is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'dossier-enc-'));
  const plain = join(dir, 'in.pdf');
  const out = join(dir, 'out.pdf');
  writeFileSync(plain, await textPdf(1));
  const restrictions = opts.userPassword ? [] : ['--print=none', '--modify=none', '--extract=n'];
  execFileSync('qpdf', ['--encrypt', opts.userPassword ?? '', opts.ownerPassword, '256', ...restrictions, '--', plain, out]);
  return new Uint8Array(readFileSync(out));
}

/** The first `fraction` (0–1) of the bytes, as a transfer cut short would leave them. */
export function truncated(bytes: Uint8Array, fraction: number): Uint8Array {
  return bytes.slice(0, Math.max(1, Math.floor(bytes.length * fraction)));
}

/** Replace the first occurrence of `from` by `to` (same length keeps xref offsets valid). */
export function patch(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const s = Buffer.from(bytes).toString('latin1');
  const i = s.indexOf(from);
  if (i < 0) throw new Error(`'${from}' not found`);
  return new Uint8Array(Buffer.from(s.slice(0, i) + to + s.slice(i + from.length), 'latin1'));
}

/** Byte signatures of what candidates rename to .pdf. */
export const NOT_PDF = {
  jpeg: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01]),
  png: pngBytes(2, 2),
  gif: new Uint8Array(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')),
  tiff: new Uint8Array([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00]),
  heic: new Uint8Array(Buffer.from('\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic', 'latin1')),
  docx: new Uint8Array(Buffer.from('PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml word/document.xml', 'latin1')),
  odt: new Uint8Array(Buffer.from('PK\x03\x04\x14\x00\x00\x08\x00\x00mimetypeapplication/vnd.oasis.opendocument.text', 'latin1')),
  zip: new Uint8Array(Buffer.from('PK\x03\x04\x14\x00\x00\x00\x08\x00photos/img1.jpg', 'latin1')),
  html: new Uint8Array(Buffer.from('<!DOCTYPE html><html><head><title>Erreur 404</title></head></html>', 'utf8')),
  text: new Uint8Array(Buffer.from('Curriculum vitae\nSalma Bennani\nExpérience : 6 ans\n', 'utf8')),
} as const;
