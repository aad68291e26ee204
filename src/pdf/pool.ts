// The inspector: a pool of worker threads (piscina) that inspect files. Both cores work, the
// main thread stays free for progress and Ctrl+C, a file that runs out of time has its worker
// terminated and replaced, and a worker that dies costs one finding. `inspect` never rejects.
import { constants, existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Piscina } from 'piscina';
import { finding, type Finding } from '../findings.js';
import { sniff } from './sniff.js';
import { readCeiling, tooLarge } from './size.js';
import { DEFAULT_CONFIRM_PAGES, errorCode, type FileInspection, type PdfLimits } from './types.js';
// Types only: importing the worker's code here would load pdf.js on the main thread.
import type { InspectResult, InspectTask, Started } from './worker.js';

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


/**
 * Old space a worker's heap starts with, in MB. V8 starts small and grows the heap's limit
 * from what survives each full collection; pdf.js keeps ~18 MB alive and churns through a few
 * MB per file, so at V8's default a worker ran a full mark-compact every ~50 ms (175 of them
 * over the benchmark's 1,000 dossiers). Starting at 48 MB: 25 % less CPU for the batch, for
 * ~35 MB more resident memory (measured, README Performance). A V8 flag is process-wide, but
 * it applies to heaps created after it is set: the workers', not the main thread's.
 */
const WORKER_INITIAL_OLD_SPACE_MB = 48;

export function createInspector(options: InspectorOptions = {}): Inspector {
  const threads = Math.max(1, Math.floor(options.concurrency ?? availableParallelism()));
  setFlagsFromString(`--initial-old-space-size=${WORKER_INITIAL_OLD_SPACE_MB}`);
  const pool = new Piscina<InspectTask, InspectResult>({
    filename: workerFile(),
    // Piscina replaces a terminated or dead worker only up to minThreads; with fewer, the files
    // queued behind a timeout would wait forever for a thread nobody starts.
    minThreads: threads,
    maxThreads: threads,
    // Two tasks per worker: the next file is already there when one ends (the worker runs
    // them one after the other, see worker.ts). With one, each worker waited for a round trip
    // through the main thread after every file: a third of its time on the benchmark.
    concurrentTasksPerWorker: 2,
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

  // Tasks handed to the pool that no worker has picked up yet, and the timers of those that
  // one has. A worker says when it starts a task on its parentPort (one message, no channel
  // per task): the clock starts then, so time in the queue is not the file's fault.
  let nextId = 0;
  const starting = new Map<number, () => void>();
  pool.on('message', (message: unknown) => {
    const id = (message as Partial<Started> | null)?.started;
    if (typeof id === 'number') starting.get(id)?.();
  });

  async function inspectFile(path: string | Buffer, limits: PdfLimits): Promise<FileInspection> {
    const shownPath = shown(path);
    if (closed) return { path: shownPath, ...none, sizeBytes: 0, problems: [interrupted()] };
    const controller = new AbortController();
    const id = nextId++;
    let timer: NodeJS.Timeout | undefined;
    let started = false;
    starting.set(id, () => {
      started = true;
      starting.delete(id);
      waiting.delete(controller);
      // setTimeout fires at once past 2^31 - 1 ms; no limit at all means no timer.
      if (Number.isFinite(limits.fileTimeoutMs))
        timer = setTimeout(() => controller.abort(new Timeout()), Math.min(Math.max(limits.fileTimeoutMs, 1), 2 ** 31 - 1));
    });
    const task: InspectTask = {
      path,
      id,
      maxSizeBytes: limits.maxSizeBytes,
      readCeilingBytes: readCeiling(limits.maxSizeBytes),
      confirmPages: limits.confirmPages ?? DEFAULT_CONFIRM_PAGES,
      ...(limits.firstPageContent ? { firstPageContent: true } : {}),
      ...(limits.content ? { content: limits.content } : {}),
    };
    waiting.add(controller);
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          const r = await pool.run(task, { signal: controller.signal });
          return { path: shownPath, ...r };
        } catch (err) {
          // A task waiting behind another file in a worker that died (that file's timeout or
          // crash) was never started: it is not this file's fault, so it runs again.
          if (started || closed || controller.signal.aborted || attempt >= MAX_ATTEMPTS) throw err;
        }
      }
    } catch (err) {
      const reason: unknown = controller.signal.reason;
      if (reason instanceof Timeout) return fromHead(path, limits, [finding('timeout', 'error', { seconds: limits.fileTimeoutMs / 1000 })]);
      if (closed) return { path: shownPath, ...none, sizeBytes: 0, problems: [interrupted()] };
      // The worker died (heap limit, crash inside pdf.js): this file is unreadable, nothing more.
      const detail = reason instanceof WorkerFailure ? reason.message : errorCode(err);
      return fromHead(path, limits, [finding('unreadable', 'error', { reason: 'crash', detail })]);
    } finally {
      starting.delete(id);
      waiting.delete(controller);
      clearTimeout(timer);
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

/** Runs of one file whose worker died before starting it (another file's fault). */
const MAX_ATTEMPTS = 3;

class Timeout extends Error {}
class WorkerFailure extends Error {}

const interrupted = () => finding('check-failed', 'error', { error: 'interrupted' });
const none = { pdf: false, detectedType: null, readable: false, encrypted: false, pages: null } as const;

/** A path as people read it: bytes that are not UTF-8 shown as Windows-1252. */
const shown = (path: string | Buffer): string => (typeof path === 'string' ? path : new TextDecoder('windows-1252').decode(path));

/**
 * Without an answer from the worker (timeout, crash), the file's size and first bytes still
 * say what it is. Read here, on the main thread: rare, and small.
 */
async function fromHead(path: string | Buffer, limits: PdfLimits, more: Finding[]): Promise<FileInspection> {
  const base = { path: shown(path), ...none };
  try {
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const st = await handle.stat();
      const head = new Uint8Array(4096);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      const kind = sniff(head.subarray(0, bytesRead));
      const notPdf = kind.pdf || kind.type === null ? [] : [finding('not-pdf', 'error', { type: kind.type })];
      return { ...base, sizeBytes: st.size, pdf: kind.pdf, detectedType: kind.type, problems: [...tooLarge(st.size, limits.maxSizeBytes), ...notPdf, ...more] };
    } finally {
      await handle.close();
    }
  } catch (err) {
    return { ...base, sizeBytes: 0, problems: [...more, finding('unreadable-file', 'error', { error: errorCode(err) })] };
  }
}
