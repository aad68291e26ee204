// Piscina worker: inspect one file. Everything here may be killed at any moment (timeout) or
// die (a hostile file exhausting the heap); the pool turns that into a finding.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { MessagePort } from 'node:worker_threads';
import { finding, type Finding } from '../findings.js';
import { analysePdf } from './analyse.js';
import type { ContentRequest, ContentResult } from './content/analyse-content.js';
import { sha256 } from './content/hash.js';
import { sniff } from './sniff.js';
import { errorCode } from './types.js';

export interface InspectTask {
  /** A string, or a name's bytes (a Buffer arrives here as a Uint8Array, which fs takes too). */
  readonly path: string | Uint8Array;
  readonly sizeBytes: number;
  readonly confirmPages: number;
  /** Read page 1's content too (operators, fonts, images). */
  readonly firstPageContent?: boolean;
  /** Look inside the document (src/pdf/content/), and hash its bytes. */
  readonly content?: ContentRequest;
  /** Told when the task really starts, so time spent waiting in the queue is not counted. */
  readonly started?: MessagePort;
}

export interface InspectResult extends ContentResult {
  readonly sha256?: string;
  readonly pdf: boolean;
  readonly detectedType: string | null;
  readonly readable: boolean;
  readonly encrypted: boolean;
  readonly pages: number | null;
  readonly problems: Finding[];
}

// pdf.js can reject internal promises nobody awaits (seen on fuzzed files); by default that
// kills this thread. Here the thread lives on. A rejection while a file is being analysed is
// that file's: pdf.js failed inside, so a verdict of "readable" cannot be trusted and the
// file is unreadable. One arriving between files (a leftover of a file already answered) is
// dropped.
let current: { rejections: unknown[] } | null = null;
process.on('unhandledRejection', (reason) => void current?.rejections.push(reason));

const nothing = { pdf: false, detectedType: null, readable: false, encrypted: false, pages: null } as const;

export default async function inspect(task: InspectTask): Promise<InspectResult> {
  task.started?.postMessage('started');
  const mine = (current = { rejections: [] as unknown[] });
  try {
    const result = await inspectFile(task);
    // Let what pdf.js left pending settle now, inside this file's time, not during the next.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    if (mine.rejections.length === 0 || !result.readable) return result;
    return { ...result, readable: false, pages: null, problems: [finding('unreadable', 'error', { reason: 'crash', detail: errorCode(mine.rejections[0]) })] };
  } finally {
    current = null;
  }
}

async function inspectFile(task: InspectTask): Promise<InspectResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readAtMost(task.path, task.sizeBytes);
  } catch (err) {
    return { ...nothing, problems: [finding('unreadable-file', 'error', { error: errorCode(err) })] };
  }
  const kind = sniff(bytes.subarray(0, 4096));
  if (kind.type === null) return { ...nothing, problems: [finding('empty-file', 'error')] };
  const hash = task.content && bytes.length > 0 ? { sha256: sha256(bytes) } : {};
  if (!kind.pdf) return { ...nothing, ...hash, detectedType: kind.type, problems: [finding('not-pdf', 'error', { type: kind.type })] };
  const options = { confirmPages: task.confirmPages, firstPageContent: task.firstPageContent === true, ...(task.content ? { content: task.content } : {}) };
  return { pdf: true, detectedType: 'pdf', ...hash, ...(await analysePdf(bytes, options)) };
}

/** Read what stat promised, no more: a file growing under us cannot blow the limit. */
async function readAtMost(path: string | Uint8Array, size: number): Promise<Uint8Array> {
  // Synchronous on purpose: this thread does nothing else, and four async calls per file
  // would queue behind the main thread's in libuv's small shared pool.
  // O_NONBLOCK: a file swapped for a FIFO since the stat must not hang this thread forever.
  const where = typeof path === 'string' ? path : Buffer.from(path.buffer, path.byteOffset, path.byteLength);
  const fd = openSync(where, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTFILE' });
    const bytes = new Uint8Array(size);
    let offset = 0;
    while (offset < size) {
      const bytesRead = readSync(fd, bytes, offset, size - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    // A file that shrank: copy, so pdf.js gets a view spanning its whole buffer.
    return offset === size ? bytes : bytes.slice(0, offset);
  } finally {
    closeSync(fd);
  }
}
