// What checks files and dossiers, wherever it runs: the pool of worker threads
// (src/pdf/pool.ts) or, inside one of them, the thread itself (src/check-worker.ts). Types
// and a constructor only: importing this loads neither piscina nor pdf.js.
import type { DossierAnswer, DossierTask } from '../check-worker.js';
import type { Profile } from '../profile/schema.js';
import type { FileInspection, PdfLimits } from './types.js';

export interface Inspector {
  /** `path`: a string, or the name's bytes when it is not UTF-8 (see src/dossier/scan.ts). */
  inspect(path: string | Buffer, limits: PdfLimits): Promise<FileInspection>;
  /**
   * Several files (a dossier's) in one task: one worker reads them one after the other, each
   * within its own time limit. One message each way for the lot, not one per file.
   */
  inspectAll(files: readonly { readonly path: string | Buffer; readonly limits: PdfLimits }[]): Promise<FileInspection[]>;
  /** Present when the workers hold a profile (InspectorOptions.profile): whole dossiers checked in them. */
  readonly dossiers?: DossierRunner;
  close(): Promise<void>;
}

/**
 * Whole dossiers checked inside the workers (src/check-worker.ts): listing, candidate.yaml,
 * files, rules and verdict, packed there; the main thread only hands out folders and keeps
 * verdicts. Every dossier's work then spreads over the cores, instead of the main thread
 * doing its share of each dossier on the side (README Performance).
 */
export interface DossierRunner {
  /** The profile the workers were given: dossiers are checked against it, and no other. */
  readonly profile: Profile;
  /**
   * The task's dossiers, checked in the workers, answered in its order: each one's packed
   * verdict (or JSON). Or, for the one whose file killed its worker or ran out of time, an
   * inspector that answers for that file without reading it again: the caller checks that
   * dossier on its own thread with it, each other file inspected as usual. The task's other
   * dossiers are checked again in the workers. Never rejects.
   */
  check(task: Omit<DossierTask, 'slot'>): Promise<(DossierAnswer | { readonly retry: Inspector })[]>;
}

/** An inspector from its inspectAll: one file is a batch of one. */
export function inspectorOf(inspectAll: Inspector['inspectAll'], close: Inspector['close'], dossiers?: DossierRunner): Inspector {
  return { inspectAll, inspect: async (path, limits) => (await inspectAll([{ path, limits }]))[0]!, close, ...(dossiers ? { dossiers } : {}) };
}
