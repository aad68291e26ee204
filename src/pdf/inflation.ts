// Decompression bombs. A few megabytes of Flate data can inflate to gigabytes, and pdf.js
// inflates a stream into one growing Uint8Array: memory outside the V8 heap, which the
// worker's heap limit (resourceLimits) never sees. Measured with pdf.js 5.5: a 4 MB file whose
// object stream inflates to 4 GB made the worker reach 6.4 GB of resident memory, at a 256 MB
// heap limit, before failing; the same bytes in a page's content stream did the same as soon
// as the page's operators were read.
//
// So, before pdf.js sees a file, every stream whose data starts like zlib data and whose
// dictionary declares Flate (or cannot be read plainly) is inflated here, natively, counting
// the bytes and keeping none of them, as many times as its /Filter says (pdf.js inflates no
// more). A stream that inflates beyond the limit makes the file a finding, unopened. One too
// short to reach the limit (Deflate expands 1032 times at most) is not inflated at all.
//
// What this cannot see, and what bounds it then: streams in encrypted files (their bytes are
// ciphertext until pdf.js decrypts them), other expanding filters (LZW, RunLength, ASCII85)
// and a stream named many times in a page's /Contents (counted once here, inflated by pdf.js
// at each mention): the pool's watchdog, which terminates the worker at the per-file time
// limit or when the process's memory goes past its allowance (src/pdf/pool.ts).
//
// Images are what costs here: a lossless scan must be inflated whole to be counted. pdf.js
// inflates an image only to draw it, and the content checks read pages from the bytes
// (src/pdf/raw/), drawing nothing. So when the raw reader has read the cross-reference, the
// caller may ask to pass over image XObjects (`onOpen`): pdf.js, opening the file without
// drawing it, inflates only the cross-reference streams and the object streams they name
// (also in its repair mode, which finds compressed objects through "/XRef" streams only).
// An image stream named as an object stream, or a "/XRef" outside the streams the raw reader
// read, and every image is inflated as before. A file whose images were passed over is never
// drawn by pdf.js afterwards (src/pdf/analyse.ts).
//
// Finding the streams means looking for "stream" through the whole file, the data of every
// stream included: a reader that repairs (pdf.js, when the cross-reference is broken) may
// find objects anywhere, inside another stream's data too. A file the raw reader read end to
// end (src/pdf/analyse.ts, `followLengths`) is one no reader repairs: its cross-reference
// holds, and a reader takes a stream's data to be the /Length bytes its dictionary says. There,
// data whose direct /Length lands on "endstream" is passed over, as such a reader passes over
// it: a scanned ID card is a few hundred kilobytes of image data, read twice over before (for
// "stream", then for "/XRef") to find nothing in it.
import { constants, createInflate, inflateSync } from 'node:zlib';
import { Lexer, Name, wordAt } from './raw/lexer.js';

/** No stream of a document needs more: an A4 page scanned at 600 dpi in colour is 100 MB. */
export const MAX_INFLATED_STREAM_BYTES = 256 * 1024 * 1024;

/** Flate inside Flate inside Flate: deeper nesting is not followed. */
const MAX_LAYERS = 3;

/**
 * Deflate cannot expand data more than 1032 times (a 258-byte match costs at least two bits):
 * a stream with fewer bytes than limit/1032 between its start and the end of the file cannot
 * reach the limit in one layer. Only a second Flate layer inside could, which its first
 * inflated bytes tell. Most streams of an ordinary document are skipped this way.
 */
const MAX_DEFLATE_RATIO = 1032;
/** Compressed bytes inflated to see whether a stream holds a second Flate layer. */
const PEEK_INPUT = 1024;

/** Streams small enough are inflated in one synchronous call. */
const SMALL_OUTPUT = 1024 * 1024;

/** What pdf.js inflates when it opens a file without drawing it (read by src/pdf/raw/read-content.ts). */
export interface InflatedOnOpen {
  /** Object numbers of the object streams the cross-reference streams name. */
  readonly objectStreams: ReadonlySet<number>;
  /** [start, end) of each cross-reference stream's dictionary in the file. */
  readonly xrefDicts: readonly (readonly [number, number])[];
}

export interface InflationExcess {
  /** Offset in the file of the stream's data. */
  readonly offset: number;
  /** The Flate layer that went past the limit (1: the stream itself). */
  readonly layer: number;
  readonly limitBytes: number;
}

export interface InflationScan {
  readonly limit?: number;
  /**
   * Bytes of the file not read (src/pdf/sparse.ts): the answer stands only if they lie inside
   * stream data that is passed over; else `HOLE_READ` says they are needed.
   */
  readonly hole?: Hole;
  /** Pass over image XObjects: the file is only opened, not drawn (see the top of this file). */
  readonly onOpen?: InflatedOnOpen;
  /** The cross-reference was read plainly: pass over the data of streams whose /Length holds (see the top of this file). */
  readonly followLengths?: boolean;
}

/** Bytes [start, end) of a file that were not read. */
export interface Hole {
  readonly start: number;
  readonly end: number;
}

/** The bomb check needs the bytes of the hole to answer. */
export const HOLE_READ = 'hole' as const;

/** The first stream that inflates to more than the limit, or null. */
export async function findInflationBomb(bytes: Uint8Array, scan: InflationScan & { hole?: undefined } = {}): Promise<InflationExcess | null> {
  return (await findBomb(bytes, scan)) as InflationExcess | null;
}

/** The same in a file read with a hole: HOLE_READ when the answer needs the bytes of the hole. */
export async function findInflationBombAround(bytes: Uint8Array, scan: InflationScan & { hole: Hole }): Promise<InflationExcess | null | typeof HOLE_READ> {
  return findBomb(bytes, { ...scan, followLengths: true });
}

async function findBomb(bytes: Uint8Array, scan: InflationScan): Promise<InflationExcess | null | typeof HOLE_READ> {
  const limit = scan.limit ?? MAX_INFLATED_STREAM_BYTES;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Whether images may be passed over: a scan of the whole file, made for the first image only
  // (most files have none, and a file's bytes are scanned once for its streams already).
  let skipImages: boolean | undefined;
  // Data passed over ([start, end), in order), when lengths are followed.
  const passed: (readonly [number, number])[] | undefined = scan.followLengths ? [] : undefined;
  // Followed, the whole file is walked first: where a "/XRef" may be depends on what data is passed over.
  const streams = passed ? [...streamStarts(buf, passed)] : streamStarts(buf);
  // The hole must lie inside data passed over, as a reader that follows lengths passes it over.
  const hole = scan.hole;
  if (hole && !passed?.some(([start, end]) => start <= hole.start && hole.end <= end)) return HOLE_READ;
  const mayPassOver = (onOpen: InflatedOnOpen) => (skipImages ??= onlyKnownXrefStreams(buf, onOpen, passed ?? []));
  for (const stream of streams) {
    const { keyword, offset } = stream;
    if (!isZlibHeader(buf, offset)) continue;
    // pdf.js inflates as many times as the stream's /Filter says, no more: a dictionary that
    // reads plainly decides; one that does not is taken for the worst (Flate in Flate...).
    const head = stream.head !== undefined ? stream.head : streamHead(buf, keyword);
    if (scan.onOpen && head && isImageOnly(head, scan.onOpen) && mayPassOver(scan.onOpen)) continue;
    const declared = head ? declaredFlateLayers(head.dict) : undefined;
    if (declared === 0) continue;
    // Its data would be looked into from here to the end of the file, hole included.
    if (hole && offset < hole.end) return HOLE_READ;
    const oneLayer = declared === 1 || (declared === undefined && !mayNest(buf.subarray(offset, offset + PEEK_INPUT)));
    if (oneLayer && (buf.length - offset) * MAX_DEFLATE_RATIO <= limit) continue;
    // From the stream's start to the end of the file: Flate data says where it ends, so a
    // /Length that lies or an "endstream" hidden inside the data changes nothing.
    const layer = await inflatesBeyond(buf.subarray(offset), limit, 1, Math.min(declared ?? MAX_LAYERS, MAX_LAYERS));
    if (layer !== 0) return { offset, layer, limitBytes: limit };
  }
  return null;
}

export type StreamHead = { dict: Map<string, unknown>; num: number | undefined };

/**
 * Where each `stream` keyword is, and where its data begins (after the keyword's end of line).
 * With `passed`, the data of a stream whose dictionary gives a direct /Length that lands on
 * "endstream" is passed over and noted there; its dictionary comes along (null: unreadable).
 */
function* streamStarts(
  buf: Buffer,
  passed?: (readonly [number, number])[],
): Generator<{ keyword: number; offset: number; head?: StreamHead | null }> {
  let at = 0;
  for (;;) {
    const k = buf.indexOf('stream', at, 'latin1');
    if (k < 0) return;
    at = k + 6;
    if (isEndstream(buf, k)) continue;
    const s = dataStart(buf, k);
    if (!passed) {
      yield { keyword: k, offset: s };
      continue;
    }
    const head = streamHead(buf, k) ?? null;
    const end = head ? dataEnd(buf, s, head.dict.get('Length')) : undefined;
    if (end !== undefined) {
      passed.push([s, end]);
      at = end;
    }
    yield { keyword: k, offset: s, head };
  }
}

/** Whether the "stream" at `keyword` is the end of "endstream". */
export const isEndstream = (buf: Buffer, keyword: number): boolean =>
  keyword >= 3 && buf[keyword - 3] === 0x65 && buf[keyword - 2] === 0x6e && buf[keyword - 1] === 0x64;

/** Where the data of the stream whose "stream" keyword is at `keyword` begins: after the keyword's end of line. */
export function dataStart(buf: Buffer, keyword: number): number {
  let s = keyword + 6;
  while (buf[s] === 0x20) s++; // "stream \n", written by a few producers
  if (buf[s] === 0x0d) s++;
  if (buf[s] === 0x0a) s++;
  return s;
}

/** Where a stream's data ends by its /Length, when that is a direct number landing on "endstream" (as src/pdf/raw/objects.ts reads it). */
export function dataEnd(buf: Buffer, start: number, length: unknown): number | undefined {
  if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0 || start + length > buf.length) return undefined;
  let e = start + length;
  while (buf[e] === 0x0d || buf[e] === 0x0a || buf[e] === 0x20) e++;
  return wordAt(buf, e, 'endstream') ? start + length : undefined;
}

/**
 * The stream's dictionary (between the last "obj" before the keyword and the keyword) and its
 * object number; undefined when it cannot be read plainly (the lexer refuses it), which the
 * caller takes for the worst.
 */
export function streamHead(buf: Buffer, keyword: number): StreamHead | undefined {
  const obj = buf.lastIndexOf('obj', keyword, 'latin1');
  if (obj < 0 || keyword - obj > 64 * 1024) return undefined;
  try {
    const dict = new Lexer(buf, obj + 3, keyword).value(true);
    if (!(dict instanceof Map)) return undefined;
    return { dict, num: objectNumberBefore(buf, obj) };
  } catch {
    return undefined;
  }
}

/**
 * The object number in "12 0 " just before `obj`, read in the 24 bytes before it as the regular
 * expression /(\d+)\s+\d+\s+$/ read their latin1 text (white space as \s takes it, 0xA0 too;
 * digits cut by the window's start are what is left of them), without making that text.
 */
function objectNumberBefore(buf: Uint8Array, obj: number): number | undefined {
  const from = Math.max(0, obj - 24);
  let i = obj - 1;
  const skip = (test: (b: number) => boolean) => {
    const end = i;
    while (i >= from && test(buf[i]!)) i--;
    return end - i;
  };
  if (skip(isRegexSpace) === 0 || skip(isDigit) === 0 || skip(isRegexSpace) === 0) return undefined;
  const end = i;
  if (skip(isDigit) === 0) return undefined;
  let n = 0;
  for (let k = i + 1; k <= end; k++) n = n * 10 + (buf[k]! - 0x30);
  return n;
}

const isDigit = (b: number) => b >= 0x30 && b <= 0x39;
/** What \s matches among latin1 characters: tab to carriage return, space, and no-break space. */
const isRegexSpace = (b: number) => (b >= 0x09 && b <= 0x0d) || b === 0x20 || b === 0xa0;

/**
 * How many Flate filters the dictionary declares: 0, 1, 2...; undefined when it cannot be
 * told plainly (an indirect /Filter), which the caller takes for the worst.
 */
function declaredFlateLayers(dict: Map<string, unknown>): number | undefined {
  const filter = dict.get('Filter');
  const names = filter === undefined ? [] : Array.isArray(filter) ? filter : [filter];
  if (!names.every((n) => n instanceof Name)) return undefined;
  return names.filter((n) => (n as Name).name === 'FlateDecode' || (n as Name).name === 'Fl').length;
}

const nameIs = (v: unknown, name: string) => v instanceof Name && v.name === name;

/** A dictionary of an image XObject: /Subtype /Image, and no /Type but /XObject. */
export function isImageDict(dict: Map<string, unknown>): boolean {
  const type = dict.get('Type');
  return nameIs(dict.get('Subtype'), 'Image') && (type === undefined || nameIs(type, 'XObject'));
}

/**
 * An image XObject and nothing else pdf.js opens: not an object stream the cross-reference
 * names either (a stream's dictionary does not decide what pdf.js reads it as: the reference
 * to it does).
 */
function isImageOnly(head: StreamHead, onOpen: InflatedOnOpen): boolean {
  return isImageDict(head.dict) && head.num !== undefined && !onOpen.objectStreams.has(head.num);
}

/**
 * Whether every "/XRef" in the file lies in the dictionary of a cross-reference stream the raw
 * reader read. pdf.js's repair mode takes any object holding "/XRef" (followed by a byte below
 * '@') for a cross-reference stream, and would inflate the object streams it names. Stream
 * data `passed` over (in order) is not looked in.
 */
function onlyKnownXrefStreams(buf: Buffer, onOpen: InflatedOnOpen, passed: readonly (readonly [number, number])[]): boolean {
  let from = 0;
  for (const [start, end] of [...passed, [buf.length, buf.length] as const]) {
    const gap = buf.subarray(from, start);
    for (let at = gap.indexOf('/XRef', 0, 'latin1'); at >= 0; at = gap.indexOf('/XRef', at + 5, 'latin1')) {
      const next = buf[from + at + 5];
      if (next !== undefined && next >= 64) continue;
      if (!onOpen.xrefDicts.some(([s, e]) => from + at >= s && from + at < e)) return false;
    }
    from = end;
  }
  return true;
}

/** Whether the data's first inflated bytes start another zlib stream (or cannot be told). */
function mayNest(head: Uint8Array): boolean {
  let out: Buffer;
  try {
    out = inflateSync(head, { finishFlush: constants.Z_SYNC_FLUSH });
  } catch {
    return false; // damaged from the start: pdf.js will say what it makes of it
  }
  return out.length < 2 || isZlibHeader(out, 0);
}

/** What pdf.js's FlateStream accepts: deflate (CM 8), a window it knows, a valid check. */
function isZlibHeader(b: Uint8Array, at: number): boolean {
  const cmf = b[at];
  const flg = b[at + 1];
  if (cmf === undefined || flg === undefined) return false;
  return (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && ((cmf << 8) | flg) % 31 === 0;
}

/** 0 if every layer stays within `limit`, else the layer that did not. Never throws. */
async function inflatesBeyond(data: Uint8Array, limit: number, layer: number, layers: number): Promise<number> {
  let small: Buffer | undefined;
  try {
    small = inflateSync(data, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: Math.min(SMALL_OUTPUT, limit + 1) });
  } catch (err) {
    // Not Flate data after all, or damaged: pdf.js will say what it makes of it.
    if ((err as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') return 0;
  }
  if (small) {
    if (small.length > limit) return layer;
    return layer < layers && isZlibHeader(small, 0) ? inflatesBeyond(small, limit, layer + 1, layers) : 0;
  }
  if (limit < SMALL_OUTPUT) return layer;
  return countInflated(data, limit, layer, layers);
}

/**
 * Inflate a large stream chunk by chunk, counting bytes and keeping none; a Flate layer found
 * inside is piped into a second counter. The work runs on libuv's threads, so this thread
 * stays responsive and can still be terminated.
 */
function countInflated(data: Uint8Array, limit: number, layer: number, layers: number): Promise<number> {
  return new Promise((resolve) => {
    const outer = counter(layer);
    let inner: ReturnType<typeof counter> | undefined;
    let settled = false;
    const finish = (result: number) => {
      if (settled) return;
      settled = true;
      outer.inflate.destroy();
      inner?.inflate.destroy();
      resolve(result);
    };
    function counter(n: number) {
      const inflate = createInflate({ finishFlush: constants.Z_SYNC_FLUSH, chunkSize: 256 * 1024 });
      let total = 0;
      inflate.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > limit) finish(n);
      });
      return { inflate };
    }
    let outerDone = false;
    let innerDone = false;
    outer.inflate.once('data', (first: Buffer) => {
      if (layer >= layers || !isZlibHeader(first, 0)) return;
      const nested = (inner = counter(layer + 1));
      // The chunk that triggered this listener is not piped: hand it over first.
      nested.inflate.write(first);
      outer.inflate.pipe(nested.inflate);
      // The inner data ending, or damaged, ends the inner layer only.
      nested.inflate.on('error', () => undefined);
      nested.inflate.on('close', () => {
        innerDone = true;
        if (outerDone) finish(0);
      });
    });
    // The end of the Flate data (or damaged data) ends this stream's check.
    const outerEnd = () => {
      outerDone = true;
      if (!inner || innerDone) finish(0);
      else inner.inflate.end();
    };
    outer.inflate.on('end', outerEnd);
    outer.inflate.on('error', outerEnd);
    // Fed in slices so that reading stops where the Flate data ends, not at the end of the file.
    const SLICE = 64 * 1024;
    let at = 0;
    const feed = () => {
      while (!settled && !outerDone && at < data.length) {
        const more = outer.inflate.write(data.subarray(at, (at += SLICE)));
        if (!more) return void outer.inflate.once('drain', feed);
      }
      if (!settled && !outerDone) outer.inflate.end();
    };
    feed();
  });
}
