// The inspector: a pool of worker threads (piscina) that inspect files. Both cores work, the
// main thread stays free for progress and Ctrl+C, a file that runs out of time has its worker
// terminated and replaced, and a worker that dies costs one finding. `inspect` never rejects.
import { existsSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { finding, type Finding } from '../findings.js';
import { sniff } from './sniff.js';
import { DEFAULT_CONFIRM_PAGES, HARD_CEILING_BYTES, errorCode, type FileInspection, type PdfLimits } from './types.js';
// Types only: importing the worker's code here would load pdf.js on the main thread.
import type { InspectResult, InspectTask } from './worker.js';

export interface Inspector {
  /** `path`: a string, or the name's bytes when it is not UTF-8 (see src/dossier/scan.ts). */
  inspect(path: string | Buffer, limits: PdfLimits): Promise<FileInspection>;
  close(): Promise<void>;
}

export interface InspectorOptions {
  /** Worker threads (default: available cores). */
  readonly concurrency?: number;
  /** Heap of one worker, in MB: a decompression bomb ends as a finding, not an OOM crash. */
  readonly maxHeapMB?: number;
}

/** The compiled worker. Tests run the TypeScript sources, so fall back to the build. */
function workerFile(): string {
  const here = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (existsSync(here)) return here;
  return fileURLToPath(new URL('../../dist/pdf/worker.js', import.meta.url));
}

const MB = 1024 * 1024;

/** Past this a too-large file is not even opened: its size and first bytes are the verdict. */
const readCeiling = (limits: PdfLimits) => Math.min(HARD_CEILING_BYTES, Math.max(limits.maxSizeBytes * 4, 64 * MB));

export function createInspector(options: InspectorOptions = {}): Inspector {
  const threads = Math.max(1, Math.floor(options.concurrency ?? availableParallelism()));
  const pool = new Piscina<InspectTask, InspectResult>({
    filename: workerFile(),
    // Piscina replaces a terminated or dead worker only up to minThreads; with fewer, the files
    // queued behind a timeout would wait forever for a thread nobody starts.
    minThreads: threads,
    maxThreads: threads,
    // Idle workers keep their event loop running, so pdf.js's leftovers from one file settle
    // before the next file starts instead of during it.
    atomics: 'disabled',
    // Unbounded queue: callers bound the work in flight (dossiers × files), not the pool.
    // A young generation of 16 MB: reading text and operator lists allocates fast, and V8 lets a
    // busy young generation grow to its limit; at 64 MB that was +110 MB of RSS for two workers
    // on the benchmark's dossiers, for no gain in speed (measured: slightly faster at 16).
    resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMB ?? 512, maxYoungGenerationSizeMb: 16 },
  });
  let closed = false;
  // Files handed to the pool that no worker has picked up yet, and how to give up on them.
  const waiting = new Set<AbortController>();
  // Piscina reports a worker that dies outside any task (while starting: missing build, heap
  // too small for pdf.js) as an 'error' event, which would kill the process unheard, and then
  // stops replacing workers: files waiting for one would wait forever. Give up on them.
  pool.on('error', (err: unknown) => {
    for (const controller of waiting) controller.abort(new WorkerFailure(errorCode(err)));
  });

  async function inspectFile(path: string | Buffer, limits: PdfLimits): Promise<FileInspection> {
    const none = { path: shown(path), sizeBytes: 0, pdf: false, detectedType: null, readable: false, encrypted: false, pages: null };
    let st;
    try {
      st = await stat(path);
    } catch (err) {
      return { ...none, problems: [finding('unreadable-file', 'error', { error: errorCode(err) })] };
    }
    if (!st.isFile())
      return { ...none, problems: [finding('unreadable-file', 'error', { error: st.isDirectory() ? 'EISDIR' : 'ENOTFILE' })] };
    const sizeBytes = st.size;
    const base = { ...none, sizeBytes };
    if (sizeBytes === 0) return { ...base, problems: [finding('empty-file', 'error')] };
    // Over the hard ceiling the file is never read, whatever the profile allows.
    const limit = Math.min(limits.maxSizeBytes, HARD_CEILING_BYTES);
    const tooLarge: Finding[] =
      sizeBytes > limit ? [finding('too-large', 'error', { sizeMB: mbUp(sizeBytes), limitMB: mbDown(limit) })] : [];

    // Without an answer from pdf.js, the first bytes still say what the file is.
    const fromHead = async (more: Finding[]): Promise<FileInspection> => {
      const head = await readHead(path);
      if (head instanceof Error)
        return { ...base, problems: [...tooLarge, ...more, finding('unreadable-file', 'error', { error: errorCode(head) })] };
      const kind = sniff(head);
      const notPdf = kind.pdf || kind.type === null ? [] : [finding('not-pdf', 'error', { type: kind.type })];
      return { ...base, pdf: kind.pdf, detectedType: kind.type, problems: [...tooLarge, ...notPdf, ...more] };
    };

    if (sizeBytes > readCeiling(limits)) return fromHead([]);
    if (closed) return { ...base, problems: [...tooLarge, interrupted()] };

    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    // The clock starts when a worker picks the file up: time in the queue behind other files
    // is not this file's fault.
    const { port1, port2 } = new MessageChannel();
    port1.unref();
    port1.once('message', () => {
      waiting.delete(controller);
      // setTimeout fires at once past 2^31 - 1 ms; no limit at all means no timer.
      if (Number.isFinite(limits.fileTimeoutMs))
        timer = setTimeout(() => controller.abort(new Timeout()), Math.min(Math.max(limits.fileTimeoutMs, 1), 2 ** 31 - 1));
    });
    const task: InspectTask = {
      path,
      sizeBytes,
      confirmPages: limits.confirmPages ?? DEFAULT_CONFIRM_PAGES,
      ...(limits.firstPageContent ? { firstPageContent: true } : {}),
      ...(limits.content ? { content: limits.content } : {}),
      started: port2,
    };
    waiting.add(controller);
    try {
      const r = await pool.run(task, { signal: controller.signal, transferList: [port2] });
      return { ...base, ...r, problems: [...tooLarge, ...r.problems] };
    } catch (err) {
      const reason: unknown = controller.signal.reason;
      if (reason instanceof Timeout) return fromHead([finding('timeout', 'error', { seconds: limits.fileTimeoutMs / 1000 })]);
      if (closed) return { ...base, problems: [...tooLarge, interrupted()] };
      // The worker died (heap limit, crash inside pdf.js): this file is unreadable, nothing more.
      const detail = reason instanceof WorkerFailure ? reason.message : errorCode(err);
      return fromHead([finding('unreadable', 'error', { reason: 'crash', detail })]);
    } finally {
      waiting.delete(controller);
      clearTimeout(timer);
      port1.close();
    }
  }

  return {
    async inspect(path, limits) {
      try {
        return await inspectFile(path, limits);
      } catch (err) {
        // Nothing above should throw; if it does, it is still one file's finding.
        const problems = [finding('unreadable', 'error', { reason: 'crash', detail: errorCode(err) })];
        return { path: shown(path), sizeBytes: 0, pdf: false, detectedType: null, readable: false, encrypted: false, pages: null, problems };
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.destroy();
    },
  };
}

class Timeout extends Error {}
class WorkerFailure extends Error {}

const interrupted = () => finding('check-failed', 'error', { error: 'interrupted' });

/** A path as people read it: bytes that are not UTF-8 shown as Windows-1252. */
const shown = (path: string | Buffer): string => (typeof path === 'string' ? path : new TextDecoder('windows-1252').decode(path));

async function readHead(path: string | Buffer): Promise<Uint8Array | Error> {
  try {
    const handle = await open(path, 'r');
    try {
      const head = new Uint8Array(4096);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      return head.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

// Rounded outwards (size up, limit down) so that a file over the limit never reads as equal
// to it ("10 MB; limit 10 MB"): one decimal from 1 MB, two significant digits below.
const scale = (mb: number) => 10 ** (mb >= 1 ? 1 : 1 - Math.floor(Math.log10(mb)));
const mbUp = (bytes: number) => Math.ceil((bytes / MB) * scale(bytes / MB)) / scale(bytes / MB);
const mbDown = (bytes: number) => Math.floor((bytes / MB) * scale(bytes / MB)) / scale(bytes / MB);
