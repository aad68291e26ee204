// What a file really is, from its first bytes. Candidates rename phone photos and Word files
// to .pdf; the extension proves nothing.
import { finding, type Finding } from '../findings.js';

export interface Sniffed {
  readonly pdf: boolean;
  /** 'pdf', an image or office type, 'html', 'text', 'unknown'; null for no bytes at all. */
  readonly type: string | null;
}

const ascii = (head: Uint8Array, from: number, to: number) => Buffer.from(head.subarray(from, to)).toString('latin1');
const starts = (head: Uint8Array, bytes: number[], at = 0) => bytes.every((b, i) => head[at + i] === b);

/** Readers accept a header anywhere in the first kilobyte (junk before it is common). */
export const PDF_HEADER_WINDOW = 1024;

/** `not-pdf`, naming the real type, when the bytes are something else (none for no bytes). */
export const notPdf = (kind: Sniffed): Finding[] => (kind.pdf || kind.type === null ? [] : [finding('not-pdf', 'error', { type: kind.type })]);

export function sniff(head: Uint8Array): Sniffed {
  if (head.length === 0) return { pdf: false, type: null };
  if (hasPdfHeader(head)) return { pdf: true, type: 'pdf' };
  return { pdf: false, type: otherType(head) };
}

const PDF_HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** "%PDF-" within the first PDF_HEADER_WINDOW bytes, found in the bytes (every file is asked: no string made of its head). */
function hasPdfHeader(head: Uint8Array): boolean {
  const last = Math.min(head.length, PDF_HEADER_WINDOW) - PDF_HEADER.length;
  for (let i = 0; i <= last; i++) if (head[i] === 0x25 && starts(head, PDF_HEADER, i)) return true;
  return false;
}

function otherType(head: Uint8Array): string {
  if (starts(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(head, 0, 4) === 'GIF8') return 'gif';
  if (starts(head, [0x49, 0x49, 0x2a, 0x00]) || starts(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'webp';
  if (ascii(head, 4, 8) === 'ftyp') {
    const brand = ascii(head, 8, 12);
    if (['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1', 'avif'].includes(brand)) return 'heic';
    return 'unknown';
  }
  if (starts(head, [0x50, 0x4b, 0x03, 0x04])) return zipKind(head);
  if (starts(head, [0x50, 0x4b, 0x05, 0x06]) || starts(head, [0x50, 0x4b, 0x07, 0x08])) return 'zip'; // empty, spanned
  if (starts(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc';
  const text = ascii(head, 0, Math.min(head.length, 1024));
  if (text.startsWith('{\\rtf')) return 'rtf';
  const lower = text.replace(/^\ufeff|^\xef\xbb\xbf/, '').trimStart().toLowerCase();
  if (lower.startsWith('<!doctype html') || lower.startsWith('<html') || /<(head|body|meta|title)[\s>]/.test(lower.slice(0, 512))) return 'html';
  if (looksLikeText(head)) return 'text';
  return 'unknown';
}

/** Office files are ZIP archives; the names of their first entries say what is inside. */
function zipKind(head: Uint8Array): string {
  for (const { name, data } of zipEntries(head)) {
    if (name === 'mimetype') return data.startsWith('application/vnd.oasis.opendocument') ? 'odt' : 'zip';
    if (name.startsWith('word/')) return 'docx';
    if (name.startsWith('xl/')) return 'xlsx';
    if (name.startsWith('ppt/')) return 'pptx';
  }
  // Entries written with data descriptors cannot be walked; fall back to the visible names.
  const s = ascii(head, 0, head.length);
  if (s.includes('mimetypeapplication/vnd.oasis.opendocument')) return 'odt';
  for (const [dir, type] of [['word/', 'docx'], ['xl/', 'xlsx'], ['ppt/', 'pptx']] as const) if (s.includes(dir)) return type;
  // An OOXML package whose part names lie beyond the sniffed bytes: Word is the usual one.
  if (s.includes('[Content_Types].xml')) return 'docx';
  return 'zip';
}

/** Local file headers found in `head`, in order, with the start of stored data (for `mimetype`). */
function* zipEntries(head: Uint8Array): Generator<{ name: string; data: string }> {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  let at = 0;
  while (at + 30 <= head.length && view.getUint32(at, true) === 0x04034b50) {
    const flags = view.getUint16(at + 6, true);
    const compressed = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    const dataStart = at + 30 + nameLength + extraLength;
    yield { name: ascii(head, at + 30, at + 30 + nameLength), data: ascii(head, dataStart, Math.min(head.length, dataStart + 64)) };
    // Bit 3: sizes follow the data, so the next header cannot be located from here.
    if (flags & 0x08) return;
    at = dataStart + compressed;
  }
}

function looksLikeText(head: Uint8Array): boolean {
  const sample = head.subarray(0, 1024);
  let control = 0;
  for (const b of sample) if (b === 0) return false;
  else if (b < 9 || (b > 13 && b < 32)) control++;
  if (control > sample.length / 20) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(trimPartialUtf8(sample));
    return true;
  } catch {
    return false;
  }
}

/** A 1 KiB window can cut a multi-byte character in half; drop the partial tail. */
function trimPartialUtf8(b: Uint8Array): Uint8Array {
  let end = b.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const byte = b[end - i]!;
    if ((byte & 0xc0) === 0x80) continue;
    if ((byte & 0xc0) === 0xc0) {
      const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      if (i < need) end -= i;
    }
    break;
  }
  return b.subarray(0, end);
}
