// What a worker is asked to do with one file: the limits a dossier's check sets, in the terms
// the worker reads. Shared by the pool (main thread) and by a check running inside a worker
// (src/check-worker.ts), so that both ask the same of a file.
import { readCeiling } from './size.js';
import { DEFAULT_CONFIRM_PAGES, type PdfLimits } from './types.js';
import type { InspectTask } from './worker.js';

export function inspectTask(path: string | Uint8Array, limits: PdfLimits): InspectTask {
  return {
    path,
    maxSizeBytes: limits.maxSizeBytes,
    readCeilingBytes: readCeiling(limits.maxSizeBytes),
    confirmPages: limits.confirmPages ?? DEFAULT_CONFIRM_PAGES,
    ...(limits.firstPageContent ? { firstPageContent: true } : {}),
    ...(limits.content ? { content: limits.content } : {}),
  };
}
