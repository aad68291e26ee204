// The inspector: a pool of worker threads (piscina) that inspect files. Both cores work, the
// main thread stays free for progress and Ctrl+C, a file that runs out of time has its worker
// terminated and replaced, and a worker that dies costs one finding. `inspect` never rejects.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { finding, type Finding } from '../findings.js';
import { DEFAULT_CONFIRM_PAGES, HARD_CEILING_BYTES, type FileInspection, type PdfLimits } from './types.js';
import type { InspectResult, InspectTask } from './worker.js';

export interface Inspector {
  inspect(path: string, limits: PdfLimits): Promise<FileInspection>;
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
  const here = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return fileURLToPath(here);
  return fileURLToPath(new URL('../../dist/pdf/worker.js', import.meta.url));
}

export function createInspector(options: InspectorOptions = {}): Inspector {
  const threads = Math.max(1, options.concurrency ?? availableParallelism());
  const pool = new Piscina({
    filename: workerFile(),
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: 2_000,
    // Unbounded queue: callers bound the work in flight (dossiers × files), not the pool.
    resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMB ?? 768, maxYoungGenerationSizeMb: 64 },
  });
  let closed = false;

  async function inspect(path: string, limits: PdfLimits): Promise<FileInspection> {
    const base = { path, pdf: false, detectedType: null, readable: false, encrypted: false, pages: null };
    let sizeBytes: number;
    try {
      sizeBytes = (await stat(path)).size;
    } catch (err) {
      return { ...base, sizeBytes: 0, problems: [finding('unreadable-file', 'error', { error: (err as NodeJS.ErrnoException).code ?? String(err) })] };
    }
    if (sizeBytes === 0) return { ...base, sizeBytes, problems: [finding('empty-file', 'error')] };
    const tooLarge: Finding[] =
      sizeBytes > limits.maxSizeBytes
        ? [finding('too-large', 'error', { sizeMB: mb(sizeBytes), limitMB: mb(limits.maxSizeBytes) })]
        : [];
    // Over the hard ceiling the file is never read: its size is the whole verdict.
    if (sizeBytes > Math.min(HARD_CEILING_BYTES, Math.max(limits.maxSizeBytes * 4, 64 * 1024 * 1024)))
      return { ...base, sizeBytes, problems: tooLarge };
    if (closed) return { ...base, sizeBytes, problems: [...tooLarge, finding('check-failed', 'error', { error: 'interrupted' })] };

    const task: InspectTask = { path, sizeBytes, confirmPages: limits.confirmPages ?? DEFAULT_CONFIRM_PAGES };
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), limits.fileTimeoutMs);
    try {
      const r = (await pool.run(task, { signal: controller.signal })) as InspectResult;
      return { path, sizeBytes, ...r, problems: [...tooLarge, ...r.problems] };
    } catch (err) {
      if (controller.signal.aborted)
        return { ...base, pdf: true, detectedType: 'pdf', sizeBytes, problems: [...tooLarge, finding('timeout', 'error', { seconds: limits.fileTimeoutMs / 1000 })] };
      if (closed) return { ...base, sizeBytes, problems: [...tooLarge, finding('check-failed', 'error', { error: 'interrupted' })] };
      // The worker died (heap limit, crash inside pdf.js): this file is unreadable, nothing more.
      return { ...base, pdf: true, detectedType: 'pdf', sizeBytes, problems: [...tooLarge, finding('unreadable', 'error', { reason: 'crash', detail: String((err as Error)?.message ?? err).slice(0, 200) })] };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    inspect,
    async close() {
      if (closed) return;
      closed = true;
      await pool.destroy();
    },
  };
}

const mb = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;
