// The memory a file takes in its worker, told to the pool's watchdog (src/pdf/pool.ts), which
// stops the file past its allowance as it stops one past its time.
//
// Why here and not from the process's resident memory: pdf.js decodes streams into typed
// arrays outside V8's heap, which a worker's heap limit does not bound, and where the bomb check
// (src/pdf/inflation.ts) cannot see (a stream named twenty times in a page's /Contents, LZW or
// RunLength data, encrypted streams). The process's resident memory says neither which worker
// took it nor when it was given back: the C allocator keeps a dead thread's freed memory, so
// after one hostile file the process stayed over any ceiling and later files were blamed.
// A worker's own ArrayBuffer bytes (`process.memoryUsage().arrayBuffers`, per thread) say both.
//
// Only while pdf.js reads a file (the raw reader inflates at most 16 MB a stream, and the bomb
// check keeps nothing), told two ways, because pdf.js decodes two ways: synchronously into
// arrays it grows (LZW, RunLength, Flate for fonts and object streams), where no timer can
// run, so each large typed array or ArrayBuffer made is told as it is made; and through
// DecompressionStream (page content), whose chunks are made natively, between which the event
// loop turns, so a timer tells the figure as it grows.
import { memoryHeld, type Clock } from './clock.js';

/** Where to tell: the pool's clock and the slot of the file being read; null between files, or outside a pool. */
let told: { readonly clock: Clock; readonly slot: number } | null = null;

/** The file of `slot` starts (src/pdf/worker.ts); null: no file is being read. */
export function tellMemoryTo(clock: Clock | null, slot: number | null): void {
  told = clock && slot !== null ? { clock, slot } : null;
}

/**
 * Tell the watchdog what this thread holds, and `more` bytes about to be allocated. Where the
 * figure cannot be had (process.memoryUsage reads /proc, which a sandbox may hide), this thread
 * stops telling, and such a file is bounded by its time limit alone, as before the watch.
 */
function tell(more = 0): void {
  if (!told || !canTell) return;
  let held: number;
  try {
    held = process.memoryUsage().arrayBuffers;
  } catch {
    canTell = false;
    return;
  }
  // memoryHeld clamps a request past any memory (a length of 2^60) or not a number.
  memoryHeld(told.clock, told.slot, held + more);
}
let canTell = true;

/** Arrays smaller than this are not told one by one: the timer, or the next large one, tells them. */
const TOLD_FROM_BYTES = 1024 * 1024;
/** How often the figure is told while pdf.js waits on natively decoded data. */
const TELL_EVERY_MS = 20;

const CONSTRUCTORS = [
  'ArrayBuffer',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int8Array',
  'Uint16Array',
  'Int16Array',
  'Uint32Array',
  'Int32Array',
  'Float32Array',
  'Float64Array',
] as const;
type Name = (typeof CONSTRUCTORS)[number];

/** Bytes `new C(arg)` allocates: a length, or an array-like copied; a view of an existing buffer allocates nothing. */
function bytesMade(elementBytes: number, arg: unknown): number {
  if (typeof arg === 'number') return arg * elementBytes;
  if (arg !== null && typeof arg === 'object' && !(arg instanceof ArrayBuffer) && !(arg instanceof SharedArrayBuffer)) {
    const length = (arg as { length?: unknown }).length;
    if (typeof length === 'number') return length * elementBytes;
  }
  return 0;
}

/**
 * Run `read` (pdf.js reading one file) with its memory told: the global typed-array
 * constructors, which pdf.js looks up at each use, stand in for themselves and tell each large
 * allocation before it is made, and a timer tells the figure meanwhile. Put back after, whatever
 * happens. One file at a time per thread (src/pdf/worker.ts), so nothing else runs counted.
 */
export async function tellingMemory<T>(read: () => Promise<T>): Promise<T> {
  if (!told) return read();
  const g = globalThis as unknown as Record<Name, { new (...args: unknown[]): unknown; BYTES_PER_ELEMENT?: number }>;
  const originals = CONSTRUCTORS.map((name) => g[name]);
  CONSTRUCTORS.forEach((name, i) => {
    const original = originals[i]!;
    const elementBytes = original.BYTES_PER_ELEMENT ?? 1;
    const standIn: typeof original = new Proxy(original, {
      construct(target, args, newTarget) {
        const bytes = bytesMade(elementBytes, args[0]);
        const large = bytes >= TOLD_FROM_BYTES;
        if (large) tell(bytes);
        try {
          return Reflect.construct(target, args, newTarget === standIn ? target : newTarget) as object;
        } catch (err) {
          // Refused (a length past what can be made): nothing was allocated, and the figure
          // told must not stand until the timer's next turn to blame the file for it.
          if (large) tell();
          throw err;
        }
      },
    });
    g[name] = standIn;
  });
  const timer = setInterval(tell, TELL_EVERY_MS);
  try {
    return await read();
  } finally {
    clearInterval(timer);
    CONSTRUCTORS.forEach((name, i) => (g[name] = originals[i]!));
  }
}
