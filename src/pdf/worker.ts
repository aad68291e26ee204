// Piscina worker: inspect the files of one task (a dossier's), one after the other.
// Everything here may be killed at any moment (timeout) or die (a hostile file exhausting the
// heap); the pool turns that into a finding. Files are opened, measured and read here, not on
// the main thread: one open and one fstat per file, and the main thread only hands out paths.
import { workerData } from 'node:worker_threads';
import { finding } from '../findings.js';
import { analysePdf, type PdfjsPath, type Unread } from './analyse.js';
import { readEnds, readHole } from './sparse.js';
import type { ContentRequest } from './content/analyse-content.js';
import { sha256 } from './content/hash.js';
import { notPdf, sniff } from './sniff.js';
import { errorCode } from '../fs-text.js';
import { readStart, withRegularFile } from '../fs-read.js';
import { tooLarge } from './size.js';
import { NOT_OPENED, type FileInspection } from './types.js';
import { fileFinished, fileStarted, type Clock } from './clock.js';
import { tellMemoryTo } from './memory.js';

export interface InspectTask {
  /** A string, or a name's bytes (a Buffer arrives here as a Uint8Array, which fs takes too). */
  readonly path: string | Uint8Array;
  /** Over this the file is `too-large` (it is still read, up to `readCeilingBytes`). */
  readonly maxSizeBytes: number;
  /** Over this the file is not read at all: its first bytes are the verdict. */
  readonly readCeilingBytes: number;
  readonly confirmPages: number;
  /** Read page 1's content too (operators, fonts, images). */
  readonly firstPageContent?: boolean;
  /** Look inside the document (src/pdf/content/), and hash its bytes. */
  readonly content?: ContentRequest;
}

/**
 * One task: the files of one dossier, inspected one after the other. `slot` is this task's
 * place in the pool's shared clock (src/pdf/clock.ts): the pool's watchdog reads there which
 * file is being read since when, and terminates the worker when one runs out of time.
 */
export interface InspectBatch {
  readonly files: readonly InspectTask[];
  readonly slot: number;
  /**
   * The clock's number for the first file (default 0): a check running in this thread
   * (src/check-worker.ts) inspects a dossier's files in several batches under one slot, and
   * numbers them across batches, so that the pool's watchdog can tell which file ran out of time.
   */
  readonly first?: number;
}

/** What a worker answers for a file: the inspection, but the path (the pool knows it). */
export type InspectResult = Omit<FileInspection, 'path'>;

const data = workerData as { clock?: SharedArrayBuffer } | null;
/** The pool's clock; none when this module runs outside a pool (a test, a harness). */
export const clock: Clock | null = data?.clock ? new BigInt64Array(data.clock) : null;

// pdf.js is loaded the first time a file needs it (most files read plainly from their bytes,
// src/pdf/analyse.ts), with the file's clock stopped meanwhile: compiling pdf.js is the
// thread's cost, not the file's. Not before: loading it at the thread's start made `check` of
// a dossier without a fillable form 0.15-0.2 s slower (two cores shared with the main
// thread's own loading), for 0.1 s saved on one with a form (measured on the samples).
let pdfjs: Promise<PdfjsPath> | undefined;
const loadPdfjs = () => (pdfjs ??= import('./analyse-pdfjs.js').then(async (m) => (await m.ready(), m)));
let pdfjsReady = false;

function started(slot: number, file: number): void {
  if (clock) fileStarted(clock, slot, file);
  tellMemoryTo(clock, slot);
}

function finished(slot: number): void {
  tellMemoryTo(null, null);
  if (clock) fileFinished(clock, slot);
}

// pdf.js can reject internal promises nobody awaits (seen on fuzzed files); by default that
// kills this thread. Here the thread lives on. A rejection while a file is being analysed is
// that file's: pdf.js failed inside, so a verdict of "readable" cannot be trusted and the
// file is unreadable. One arriving between files (a leftover of a file already answered) is
// dropped.
let current: { rejections: unknown[] } | null = null;
process.on('unhandledRejection', (reason) => void current?.rejections.push(reason));

// The pool hands each worker its next task before the current one ends (so the worker never
// waits for a round trip through a busy main thread), but files are inspected one at a time:
// the time limit is per file, and a rejection belongs to the file being read.
let queue: Promise<unknown> = Promise.resolve();

export function inspect(batch: InspectBatch): Promise<InspectResult[]> {
  const turn = queue.then(async () => {
    const results: InspectResult[] = [];
    const first = batch.first ?? 0;
    for (const [k, task] of batch.files.entries()) {
      const i = first + k;
      started(batch.slot, i);
      const load = async () => {
        if (pdfjsReady) return loadPdfjs();
        finished(batch.slot);
        const m = await loadPdfjs();
        pdfjsReady = true;
        started(batch.slot, i);
        return m;
      };
      results.push(await inspectAlone(task, load));
      finished(batch.slot);
    }
    hashSameSized(batch, results);
    return results;
  });
  queue = turn.catch(() => undefined);
  return turn;
}

/**
 * The hash finds the same file sent twice in a dossier, and files of different sizes are never
 * the same: only the files looked inside whose size another such file of the task shares are
 * hashed, read again for it, each under its own clock. Hashing every file was a tenth of a
 * worker's time on the benchmark's scans; asking every file's size before reading any cost a
 * system call per file in every dossier, for the rare one with two files of a size. Files read
 * whole only.
 */
function hashSameSized(batch: InspectBatch, results: InspectResult[]): void {
  const hashable = (k: number) => {
    const task = batch.files[k]!;
    const r = results[k]!;
    return task.content !== undefined && r.detectedType !== null && r.sizeBytes > 0 && r.sizeBytes <= task.readCeilingBytes;
  };
  const count = new Map<number, number>();
  for (let k = 0; k < results.length; k++) if (hashable(k)) count.set(results[k]!.sizeBytes, (count.get(results[k]!.sizeBytes) ?? 0) + 1);
  for (let k = 0; k < results.length; k++) {
    if (!hashable(k) || count.get(results[k]!.sizeBytes)! < 2) continue;
    const task = batch.files[k]!;
    started(batch.slot, (batch.first ?? 0) + k);
    try {
      const { bytes } = readFile(task.path, task.readCeilingBytes, true);
      results[k] = { ...results[k]!, sha256: sha256(bytes) };
    } catch {
      // Gone or unreadable since: no hash, as for a file that could not be read at first.
    } finally {
      finished(batch.slot);
    }
  }
}

async function inspectAlone(task: InspectTask, load: () => Promise<PdfjsPath>): Promise<InspectResult> {
  const mine = (current = { rejections: [] as unknown[] });
  try {
    const result = await inspectFile(task, load);
    if (result.reader !== 'pdfjs') return result;
    // Let what pdf.js left pending settle now, inside this file's time, not during the next.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    if (mine.rejections.length === 0 || !result.readable) return result;
    return { ...result, readable: false, pages: null, problems: [finding('unreadable', 'error', { reason: 'crash', detail: errorCode(mine.rejections[0]) })] };
  } finally {
    current = null;
  }
}

async function inspectFile(task: InspectTask, load: () => Promise<PdfjsPath>): Promise<InspectResult> {
  let read: ReturnType<typeof readFile>;
  try {
    read = readFile(task.path, task.readCeilingBytes);
  } catch (err) {
    return { ...NOT_OPENED, sizeBytes: 0, problems: [finding('unreadable-file', 'error', { error: errorCode(err) })] };
  }
  const { bytes, sizeBytes, unread } = read;
  if (sizeBytes === 0) return { ...NOT_OPENED, sizeBytes, problems: [finding('empty-file', 'error')] };
  const large = tooLarge(sizeBytes, task.maxSizeBytes);
  const kind = sniff(bytes.subarray(0, 4096));
  // Over the ceiling only the head was read: what the file is, and that it is too large.
  if (sizeBytes > task.readCeilingBytes) return { ...NOT_OPENED, sizeBytes, pdf: kind.pdf, detectedType: kind.type, problems: [...large, ...notPdf(kind)] };
  if (kind.type === null) return { ...NOT_OPENED, sizeBytes, problems: [...large, finding('empty-file', 'error')] };
  if (!kind.pdf) return { ...NOT_OPENED, sizeBytes, detectedType: kind.type, problems: [...large, ...notPdf(kind)] };
  const options = { confirmPages: task.confirmPages, firstPageContent: task.firstPageContent === true, ...(task.content ? { content: task.content } : {}) };
  let r: Awaited<ReturnType<typeof analysePdf>>;
  try {
    r = await analysePdf(bytes, options, load, unread);
  } catch (err) {
    // The bytes left out at first could not be read as they were (src/pdf/sparse.ts).
    if (!(err instanceof HoleUnread)) throw err;
    return { ...NOT_OPENED, sizeBytes, problems: [...large, finding('unreadable-file', 'error', { error: err.code })] };
  }
  return { pdf: true, detectedType: 'pdf', sizeBytes, ...r, problems: [...large, ...r.problems] };
}

/**
 * The file's bytes (only its first 4 KiB past `ceiling`), read as fstat found it. The bytes are a view into this thread's read
 * buffer, valid until the next file is read: nothing keeps them past their file (results are
 * numbers and strings, and pdf.js copies what it is given, see below). A large file is read
 * by its ends when one image's data lies between (src/pdf/sparse.ts), unless `whole`:
 * `unread` then says what was left out, and reads it into place when asked.
 */
function readFile(path: string | Uint8Array, ceiling: number, whole = false): { bytes: Uint8Array; sizeBytes: number; unread?: Unread } {
  // Synchronous on purpose: this thread does nothing else, and async calls per file would
  // queue behind the main thread's in libuv's small shared pool.
  return withRegularFile(path, (fd, sizeBytes) => {
    const size = sizeBytes > ceiling ? Math.min(4096, sizeBytes) : sizeBytes;
    const bytes = bufferFor(size);
    const view = bytes.subarray(0, size);
    // By its ends: a file read up to its size, not asked whole (to hash it), and large enough
    // (readEnds answers null under SPARSE_FROM_BYTES, and when no image spans the middle).
    const hole = whole || size !== sizeBytes ? null : readEnds(fd, view, size);
    if (!hole) return { bytes: bytes.subarray(0, readStart(fd, bytes, size)), sizeBytes };
    // Read later, through a descriptor opened again: a file rewritten to the same size between
    // the two reads would be judged on bytes of both (a file changing while it is checked is
    // judged on some state of it either way); one of another size is `unreadable-file`.
    const readHoleAgain = () => {
      let read = false;
      try {
        read = withRegularFile(path, (again, sizeNow) => sizeNow === sizeBytes && readHole(again, view, hole));
      } catch (err) {
        throw new HoleUnread(errorCode(err));
      }
      // Shorter or longer now: not the file whose ends were read (the catalogue's fix for ECHANGED says so).
      if (!read) throw new HoleUnread('ECHANGED');
    };
    return { bytes: view, sizeBytes, unread: { hole, readHole: readHoleAgain } };
  });
}

/**
 * One read buffer per thread, grown to the largest file so far (up to REUSED_MAX_BYTES; a
 * larger file gets its own). A fresh buffer per file left the C allocator's per-thread heaps
 * fragmented: on four hard-linked copies of the benchmark's 1,000 dossiers, peak RSS grew by
 * 16 % from one copy to four with a fresh buffer per file, and by 3 % with this one (on 4,000
 * distinct dossiers it still grows by about 15 %: README Performance). Reused, the
 * buffer is also not zeroed for every file. It is always at least a byte longer than the
 * file, so no view spans all of it, and pdf.js, which takes over a buffer it is given whole,
 * copies the view instead.
 */
function bufferFor(size: number): Uint8Array {
  if (size + 1 > REUSED_MAX_BYTES) return new Uint8Array(size + 1);
  if (scratch.length < size + 1) scratch = new Uint8Array(Math.min(REUSED_MAX_BYTES, Math.max(size + 1, scratch.length * 2, 64 * 1024)));
  return scratch;
}

const REUSED_MAX_BYTES = 8 * 1024 * 1024;
let scratch = new Uint8Array(0);

/** The middle of a file read by its ends could not be read later (gone, or changed size). */
class HoleUnread extends Error {
  constructor(readonly code: string) {
    super(`the file could not be read again (${code})`);
  }
}
