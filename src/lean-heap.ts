// The main thread's heap while a command checks many dossiers and writes their report
// (src/cli/batch.ts, src/cli/check.ts: the CLI's business, as V8's flags are the whole
// process's; the core leaves them to whoever calls it). What it keeps
// is small (packed verdicts, outside the JS heap: src/report/verdict-store.ts), but left to
// its defaults V8 let it grow with the number of dossiers, which is what a batch must not do:
// on the benchmark, peak RSS grew by a quarter from 1,000 dossiers to 4,000, most of it here.
// Two causes, measured with --trace-gc on the benchmark's 4,000 dossiers:
//   - the young generation doubled once the dossiers were many (16 → 32 MB committed), which
//     V8 does when enough has survived since it last grew, whatever survives;
//   - objects that outlived two scavenges (about 6 KB a dossier, almost all garbage by the
//     next full collection) piled up in the old generation for 3,000 dossiers before V8's
//     first full collection (8 → 23 MB), where 1,000 dossiers never reached it.
// So, from the listing of the dossiers on (src/cli/batch.ts: listing 4,000 folders was enough
// to double it, found in session 10) and while they are checked: the young generation keeps
// its size, and a full collection runs every COLLECT_EVERY dossiers, a few milliseconds on a
// thread that mostly waits on the workers (without it, peaks of 132 MB at 4,000 dossiers
// against 114, measured in session 9).
// And while the report is written: until session 9 V8's defaults came back for it, on the
// guess that its short-lived garbage was better scavenged rarely; but a CSV report of 4,000
// dossiers then grew the young generation to its largest, and set the batch's peak (136–140
// MB, against 114–116 MB kept at its size, five alternate pairs, in the same time).
// V8's flags are the process's: the workers' young generations keep their size too, which
// changes nothing for them (theirs is capped at 4 MB, src/pdf/pool.ts).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Dossiers between two full collections: 3 at the benchmark's 1,000 dossiers. */
const COLLECT_EVERY = 256;

/** V8's own growth factor of the young generation (--semi-space-growth-factor), restored after. */
const V8_SEMI_SPACE_GROWTH = 2;

export interface LeanHeap {
  /** A dossier is done: collect when it is time. */
  done(count: number): void;
  /** The dossiers are all done and their report written: V8's defaults again. */
  end(): void;
}

function leanHeap(): LeanHeap {
  setFlagsFromString('--semi-space-growth-factor=1');
  return {
    // The collection is looked for when first needed: a command checking a few dossiers never makes the context it takes.
    done: (count) => {
      if (count % COLLECT_EVERY === 0) fullCollection()?.();
    },
    end: () => setFlagsFromString(`--semi-space-growth-factor=${V8_SEMI_SPACE_GROWTH}`),
  };
}

/** `work` with the heap kept lean, and V8's defaults back however it ends. */
export async function withLeanHeap<T>(work: (heap: LeanHeap) => Promise<T>): Promise<T> {
  const heap = leanHeap();
  try {
    return await work(heap);
  } finally {
    heap.end();
  }
}

let gc: (() => void) | null | undefined;

/**
 * V8's full collection, as `node --expose-gc` gives it: the flag turned on for a moment, the
 * function taken from a fresh context, the flag off again (as Jest does for --logHeapUsage).
 * Undefined where V8 refuses flags once started: then the heap is as V8 leaves it.
 */
function fullCollection(): (() => void) | undefined {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const found: unknown = runInNewContext('typeof gc === "function" ? gc : null');
      gc = typeof found === 'function' ? (found as () => void) : null;
    } catch {
      gc = null;
    } finally {
      setFlagsFromString('--no-expose-gc');
    }
  }
  return gc ?? undefined;
}
