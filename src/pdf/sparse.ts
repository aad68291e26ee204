// A large file read by its two ends only, when what lies between is one image's data. An ID
// card scan is a few hundred kilobytes of image data between a few hundred bytes of structure
// (pdf-lib, scanners and office software alike write the image whole, then the page, the
// object stream and the cross-reference), and nothing a dossier asks of it needs those bytes:
// images are never decoded from the bytes, and the bomb check passes over their data where
// the cross-reference holds (src/pdf/inflation.ts). Copying them into memory was the largest
// cost left in a worker that the checks do not need (README Performance).
//
// The hole is filled with ")\n" repeated, which no PDF token can swallow: a lexer that reaches
// it fails (a string ends at the first ")", a comment at the first "\n", and a lone ")" is not
// a token), the raw reader refuses to decode any stream whose data meets it, and the bomb check
// answers only when the hole lies inside data it passes over. Anything else, and the caller
// reads the hole and starts again (src/pdf/analyse.ts): no verdict is ever made from bytes
// that were not read.
import { dataEnd, dataStart, isEndstream, isImageDict, streamHead, type Hole } from './inflation.js';
import { readRange } from '../fs-read.js';

/**
 * Files from this size on are read by their ends first. Bytes read at each end: enough for
 * the structure around one image as pdf-lib, img2pdf and office software write it (a few
 * hundred bytes before the image, a few kilobytes after); a file with more there is read
 * whole after its ends, which then cost two small reads. Session 8's 256 KB and 64 KB read
 * 128 KB of every scan and every scan under 256 KB whole: the benchmark's worker read 171 MB
 * for its 6,000 files, and a single-thread round of its 1,000 dossiers took 1.14 s; with these,
 * 0.95 s (README Performance).
 */
export const SPARSE_FROM_BYTES = 64 * 1024;
export const END_BYTES = 16 * 1024;

const FILLER = ')\n';

/**
 * The file's ends into `into` (as long as the file), and the hole between them filled, when
 * the data of one image XObject whose dictionary is in the first end spans the hole. Null
 * otherwise (smaller, shorter than fstat said, or anything else between): the caller reads the
 * file whole, as any other.
 */
export function readEnds(fd: number, into: Uint8Array, size: number): Hole | null {
  if (size < SPARSE_FROM_BYTES) return null;
  const hole = { start: END_BYTES, end: size - END_BYTES };
  const ends = readRange(fd, into, 0, hole.start) === hole.start && readRange(fd, into, hole.end, END_BYTES) === END_BYTES;
  if (!ends || !oneImageSpans(Buffer.from(into.buffer, into.byteOffset, size), hole)) return null;
  Buffer.from(into.buffer, into.byteOffset, size).fill(FILLER, hole.start, hole.end, 'latin1');
  return hole;
}

/** The hole's bytes read into `into`, where readEnds left them out; false when fewer were there. */
export function readHole(fd: number, into: Uint8Array, hole: Hole): boolean {
  return readRange(fd, into, hole.start, hole.end - hole.start) === hole.end - hole.start;
}

/**
 * Whether the last stream begun before the hole is an image XObject whose direct /Length runs
 * past the hole and lands on "endstream" in the second end.
 */
function oneImageSpans(buf: Buffer, hole: Hole): boolean {
  const keyword = buf.lastIndexOf('stream', hole.start - 6, 'latin1');
  if (keyword < 0 || isEndstream(buf, keyword)) return false;
  const head = streamHead(buf, keyword);
  if (!head || !isImageDict(head.dict)) return false;
  const start = dataStart(buf, keyword);
  const end = dataEnd(buf, start, head.dict.get('Length'));
  return end !== undefined && start <= hole.start && end >= hole.end;
}
