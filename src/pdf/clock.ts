// The pool's shared clock (a SharedArrayBuffer of 64-bit cells): written by the workers as
// they go, read by the pool's watchdog, which terminates a worker whose file ran out of time
// or memory and then tells which file and which dossier it was. No message per file.
// Constants and small functions only: the pool imports this without loading any worker code.

/**
 * Cells of one task's slot: [file being read, 1-based (0: none); when it started, Date.now();
 * dossier of the task being checked, 1-based (0: none yet); bytes of memory the worker holds
 * for that file, as last told (0: not told; src/pdf/memory.ts)].
 */
export const CLOCK_CELLS_PER_SLOT = 4;
const FILE = 0;
const SINCE = 1;
const DOSSIER = 2;
const MEMORY = 3;

export type Clock = BigInt64Array;

/** A file of the task (0-based, numbered as the task counts them) starts now. */
export function fileStarted(clock: Clock, slot: number, file: number): void {
  Atomics.store(clock, slot * CLOCK_CELLS_PER_SLOT + MEMORY, 0n);
  Atomics.store(clock, slot * CLOCK_CELLS_PER_SLOT + SINCE, BigInt(Date.now()));
  Atomics.store(clock, slot * CLOCK_CELLS_PER_SLOT + FILE, BigInt(file + 1));
}

/** Between files no clock runs: a file answered just under its limit is never blamed after. */
export function fileFinished(clock: Clock, slot: number): void {
  Atomics.store(clock, slot * CLOCK_CELLS_PER_SLOT + FILE, 0n);
  Atomics.store(clock, slot * CLOCK_CELLS_PER_SLOT + MEMORY, 0n);
}

/** The worker holds `bytes` for the file it is reading (src/pdf/memory.ts). */
export function memoryHeld(clock: Clock, slot: number, bytes: number): void {
  // A 64-bit cell wraps past 2^63, and BigInt() refuses NaN and Infinity: clamp first.
  const b = Number.isNaN(bytes) ? 0 : Math.min(Math.max(0, Math.floor(bytes)), Number.MAX_SAFE_INTEGER);
  Atomics.store(clock, slot * CLOCK_CELLS_PER_SLOT + MEMORY, BigInt(b));
}

/** The task's `k`-th dossier (0-based) starts now (src/check-worker.ts). */
export function dossierStarted(clock: Clock, slot: number, k: number): void {
  Atomics.store(clock, slot * CLOCK_CELLS_PER_SLOT + DOSSIER, BigInt(k + 1));
}

/** A slot given to a new task: nothing started yet. */
export function clearSlot(clock: Clock, slot: number): void {
  Atomics.store(clock, slot * CLOCK_CELLS_PER_SLOT + FILE, 0n);
  Atomics.store(clock, slot * CLOCK_CELLS_PER_SLOT + DOSSIER, 0n);
  Atomics.store(clock, slot * CLOCK_CELLS_PER_SLOT + MEMORY, 0n);
}

/** The file being read (0-based), or -1. */
export const startedFile = (clock: Clock, slot: number): number => Number(Atomics.load(clock, slot * CLOCK_CELLS_PER_SLOT + FILE)) - 1;

/** When that file started (Date.now()). */
export const fileSince = (clock: Clock, slot: number): number => Number(Atomics.load(clock, slot * CLOCK_CELLS_PER_SLOT + SINCE));

/** Bytes the worker last said it holds for the file being read (0: not told). */
export const fileMemory = (clock: Clock, slot: number): number => Number(Atomics.load(clock, slot * CLOCK_CELLS_PER_SLOT + MEMORY));

/** The dossier being checked (0-based), or -1. */
export const startedDossier = (clock: Clock, slot: number): number => Number(Atomics.load(clock, slot * CLOCK_CELLS_PER_SLOT + DOSSIER)) - 1;
