// Where a run of many dossiers keeps their packed verdicts (src/report/packed.ts) until the
// report is written: in a temporary file, not in memory, so that memory does not grow with the
// number of dossiers. Kept in memory, 4,000 dossiers held 11 MB of verdicts, and a national
// campaign of 100,000 would hold 270 MB; in the file they are in the page cache, which the
// system gives back when it needs it, and this process holds 12 bytes a dossier.
//
// The file is created in the system's temporary folder (never beside a dossier) and unlinked
// as soon as it is open: nothing is left behind, whatever ends the run (Ctrl+C, a crash).
// Where that folder cannot be written (read-only, full, inside a dossier), or for a handful of
// dossiers, the verdicts stay in memory as before.
import { closeSync, mkdtempSync, openSync, readSync, rmdirSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export interface VerdictStore {
  readonly length: number;
  /** Keep dossier i's packed verdict (bytes nobody changes after). */
  put(i: number, bytes: Uint8Array): void;
  has(i: number): boolean;
  /**
   * Dossier i's packed verdict, to read, not to change, and only until the next `at`: the
   * bytes may be a view of a buffer that is filled again then. Undefined when it was never put.
   */
  at(i: number): Buffer | undefined;
}

/** Below this many dossiers the verdicts stay in memory: a few hundred kilobytes at most. */
export const SPILL_FROM_DOSSIERS = 100;

/** Writes are gathered into pieces of this size: one system call per ~25 dossiers, not one each. */
const PIECE_BYTES = 64 * 1024;
/** Read back from the file at once. */
const WINDOW_BYTES = 256 * 1024;

/**
 * A store for `length` dossiers. `avoid`: folders the temporary file must not be in (the
 * dossiers being checked); `spill` false keeps everything in memory.
 */
export function verdictStore(length: number, options: { readonly spill?: boolean; readonly avoid?: readonly string[] } = {}): VerdictStore {
  const file = options.spill === false || length < SPILL_FROM_DOSSIERS ? null : openSpill(options.avoid ?? []);
  return file ? spilledTo(file, length) : inMemory(length);
}

function inMemory(length: number): VerdictStore {
  const kept: (Buffer | undefined)[] = new Array(length);
  return {
    length,
    put: (i, bytes) => void (kept[i] = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
    has: (i) => kept[i] !== undefined,
    at: (i) => kept[i],
  };
}

/** A store writing to `fd`, an open file nobody else uses (exported for the test of a full disk). */
export function spilledTo(fd: number, length: number): VerdictStore {
  // Where each verdict is: its offset in the file (-1: not put; -2: kept in memory, after a
  // write failed) and its size.
  const offsets = new Float64Array(length).fill(-1);
  const sizes = new Uint32Array(length);
  const fallback = new Map<number, Buffer>();
  const piece = Buffer.allocUnsafe(PIECE_BYTES);
  let held = 0;
  let written = 0;
  // The last part of the file read back (see at): `windowLength` bytes of `window`, from `windowAt`.
  let window = Buffer.alloc(0);
  let windowAt = 0;
  let windowLength = 0;
  let broken = false;

  const flush = () => {
    let done = 0;
    while (done < held) done += writeSync(fd, piece, done, held - done, written + done);
    written += held;
    held = 0;
  };
  // A write that fails (a full disk) keeps what the piece held in memory, and every verdict
  // after it: the run goes on, as it would have without the file.
  const giveUp = () => {
    for (let i = 0; i < length; i++) {
      if (offsets[i]! >= written) {
        const at = offsets[i]! - written;
        fallback.set(i, Buffer.from(piece.subarray(at, at + sizes[i]!)));
        offsets[i] = -2;
      }
    }
    held = 0;
    broken = true;
  };

  registry.register(piece, fd);
  return {
    length,
    put(i, bytes) {
      if (!broken && held + bytes.length > PIECE_BYTES && held > 0) {
        try {
          flush();
        } catch {
          giveUp();
        }
      }
      if (broken || bytes.length > PIECE_BYTES) {
        offsets[i] = -2;
        fallback.set(i, Buffer.from(bytes));
        return;
      }
      piece.set(bytes, held);
      offsets[i] = written + held;
      sizes[i] = bytes.length;
      held += bytes.length;
    },
    has: (i) => offsets[i] !== undefined && offsets[i] !== -1,
    at(i) {
      const offset = offsets[i];
      if (offset === undefined || offset === -1) return undefined;
      if (offset === -2) return fallback.get(i);
      const size = sizes[i]!;
      if (offset >= written) return Buffer.from(piece.subarray(offset - written, offset - written + size));
      // Dossiers are put nearly in the order they are read back (in order, a few at a time):
      // one read of WINDOW_BYTES serves the next dozens, where a read each was a thousand
      // system calls at the end of a batch of 1,000.
      // The window is one buffer, filled again each time: a fresh buffer for each read was
      // dead memory outside the heap that nothing collected before the end of the report (V8
      // collects it by the heap's allocations, and reading verdicts back allocates little
      // there), 16 MB of it for 4,000 dossiers written as JSON.
      if (offset < windowAt || offset + size > windowAt + windowLength) {
        const length = Math.min(Math.max(size, WINDOW_BYTES), written - offset);
        if (window.length < length) window = Buffer.allocUnsafe(length);
        windowAt = offset;
        windowLength = 0;
        while (windowLength < length) {
          const n = readSync(fd, window, windowLength, length - windowLength, offset + windowLength);
          if (n === 0) throw new Error(`the temporary file of verdicts ended early (dossier ${i + 1})`);
          windowLength += n;
        }
      }
      return window.subarray(offset - windowAt, offset - windowAt + size);
    },
  };
}

// The file closes when its store is no longer reachable (the report written and dropped), or
// with the process. Keyed on the store's write buffer, which lives exactly as long as it.
const registry = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed.
  }
});

/** An open, already unlinked temporary file; null where none can be had. */
function openSpill(avoid: readonly string[]): number | null {
  let dir: string;
  try {
    if (holds(avoid, tmpdir())) return null;
    dir = mkdtempSync(join(tmpdir(), 'dossier-verdicts-'));
  } catch {
    return null;
  }
  const path = join(dir, 'verdicts');
  let fd: number | null = null;
  try {
    fd = openSync(path, 'w+', 0o600);
    unlinkSync(path);
    return fd;
  } catch {
    // Opened but not unlinked (Windows keeps open files): not used, so that nothing is left.
    if (fd !== null) closeSync(fd);
    return null;
  } finally {
    try {
      unlinkSync(path);
    } catch {
      // Unlinked already, or never created.
    }
    try {
      rmdirSync(dir);
    } catch {
      // Nothing more to do: an empty folder in the temporary folder.
    }
  }
}

/** Whether one of `folders` is `path` or holds it: a set of the path's ancestors, not a comparison per folder. */
function holds(folders: readonly string[], path: string): boolean {
  const ancestors = new Set<string>();
  for (let p = resolve(path); !ancestors.has(p); p = dirname(p)) ancestors.add(p);
  return folders.some((f) => ancestors.has(resolve(f)));
}
