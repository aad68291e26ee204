// The inspector: a pool of worker threads (piscina) that inspect files, a dossier's files as
// one task. Both cores work, the main thread stays free for progress and Ctrl+C, a file that
// runs out of time or memory has its worker terminated and replaced, and a worker that dies
// costs one finding; the task's other files are read again. `inspect` and `inspectAll` never
// reject.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { packagePath } from '../package-root.js';
import { setFlagsFromString } from 'node:v8';
import { Piscina } from 'piscina';
import { finding, type Finding } from '../findings.js';
import { notPdf, sniff } from './sniff.js';
import { tooLarge } from './size.js';
import { errorCode, shownPath as shown } from '../fs-text.js';
import { NOT_OPENED, type FileInspection, type PdfLimits } from './types.js';
import { inspectTask } from './task.js';
import type { Profile } from '../profile/schema.js';
// Types only: importing the workers' code here would load pdf.js and the core on the main thread.
import type { InspectBatch, InspectResult, InspectTask } from './worker.js';
import type { DossierAnswer, DossierTask } from '../check-worker.js';
import { inspectorOf, type Inspector } from './inspector.js';
import { leastBusy, TASKS_PER_WORKER } from './balancer.js';
import { extend } from '../extend.js';
import { CLOCK_CELLS_PER_SLOT, clearSlot, fileMemory, fileSince, startedDossier, startedFile as fileOf } from './clock.js';

export type { DossierRunner, Inspector } from './inspector.js';

export interface InspectorOptions {
  /** Worker threads (default: available cores). */
  readonly concurrency?: number;
  /** Heap of one worker, in MB: a decompression bomb ends as a finding, not an OOM crash. */
  readonly maxHeapMB?: number;
  /**
   * Memory one file may take in its worker while pdf.js reads it, in MB (default
   * `FILE_MEMORY_MB`): its ArrayBuffers, which the heap limit does not bound (src/pdf/memory.ts).
   * Past it the file ends as a finding (`unreadable`, reason `memory`) and its worker is
   * replaced, as at a timeout.
   */
  readonly maxMemoryMB?: number;
  /** Give the workers this profile, to check whole dossiers in them (Inspector.dossiers). */
  readonly profile?: Profile;
}

/** A worker module and the name of the function it exports for piscina to call. */
interface Handler {
  readonly filename: string;
  readonly name: string;
}

/**
 * A worker module, by its path under dist/: always the build's, whether this module runs from
 * it, from the bundle the build makes of it (scripts/bundle.mjs), or from src/ under the tests.
 */
const workerFile = (fromDist: string): string => packagePath(`dist/${fromDist}`);


/**
 * Old space a worker's heap starts with, in MB. V8 starts small and grows the heap's limit
 * from what survives each full collection: at V8's default a worker churning through files
 * ran a full mark-compact every ~50 ms. The limit also sets when the first full collection
 * comes, and until then what the scavenges promote piles up in pages that stay committed.
 * A worker's live heap is ≈ 7 MB: at 16 MB the first full collection came between 1,000 and
 * 4,000 dossiers, so the peak grew with the batch (+10–12 % from N to 4×N); at 12 MB it comes
 * earlier, 4–5 MB lower at 4×N, as fast, also where pdf.js does the work; at 8 MB collections
 * come too often (slower, higher peaks). Measured in session 11, docs/performance-log.md. A V8
 * flag is process-wide, but it applies to heaps created after it is set: the workers', not
 * the main thread's.
 */
const WORKER_INITIAL_OLD_SPACE_MB = 12;

/**
 * Bytecode a function runs before V8 considers optimizing it (V8's own: 132 KB). Each worker
 * is an isolate of its own, which compiles the same functions again: with V8's default, its
 * optimizing compiler took a third of a batch's CPU on the benchmark's 1,000 dossiers (about
 * 1.8 s of 5.5 s, on V8's background threads, competing with the workers for two cores),
 * much of it on functions run a few thousand times, each for a few microseconds (a dossier's
 * matching, rules, a file's analysis). At 600 KB only the hot ones are compiled (the lexer,
 * the content walk): the compiler's share fell from about 1.3 s to 0.5 s, the workers ran
 * 0.6 s longer before their code was optimized, and the batch took 3.6 % less CPU on the
 * whole (4.86 s against 5.04 s, ten alternate pairs of runs, seven of them the same way;
 * wall time 1.4 % less, within the noise). 250 to 1,000 KB gave about the same; 1,000 KB
 * was slower at 4×N in session 5. Process-wide, like every V8 flag, and read as
 * functions run: the main thread's code is optimized later too (the time its report takes
 * stayed within the noise of the measurement).
 */
const INTERRUPT_BUDGET_BYTES = 600_000;

/** A pool of workers, and how to have them check whole dossiers against a profile. */
interface Made {
  readonly threads: number;
  readonly inspector: Inspector;
  /** The inspector with `dossiers` for this profile; undefined when these workers cannot have it. */
  withProfile(profile: Profile): Inspector | undefined;
}

// Workers started before the command line is parsed (src/cli/run.ts), for the first
// createInspector that asks for as many.
let early: Made | undefined;

/**
 * Start `threads` workers now: a command waits on its workers starting (a thread, the workers'
 * modules), and the CLI's own modules and the profile can load meanwhile. The next
 * createInspector with as many threads takes them; one with another number closes them.
 * `dossiers`: workers that load the core and will be given the profile once it is read, to
 * check whole dossiers (`batch`); the profile reaches them through shared memory, as the
 * workers are already running when it is known.
 */
export function startEarly(threads: number, dossiers = false): void {
  early ??= make(threads, { box: dossiers });
}

/** Close workers started early that no command took (a usage error, --version...). */
export async function closeEarly(): Promise<void> {
  const e = early;
  early = undefined;
  await e?.inspector.close();
}

export function createInspector(options: InspectorOptions = {}): Inspector {
  const threads = Math.max(1, Math.floor(options.concurrency ?? availableParallelism()));
  if (early) {
    const e = early;
    early = undefined;
    if (e.threads === threads && options.maxHeapMB === undefined && options.maxMemoryMB === undefined) {
      const taken = options.profile ? e.withProfile(options.profile) : e.inspector;
      if (taken) return taken;
    }
    void e.inspector.close();
  }
  const made = make(threads, options);
  return (options.profile && made.withProfile(options.profile)) || made.inspector;
}

/**
 * Room for a profile given to workers already running (startEarly), as UTF-8 JSON after a
 * length: a profile's YAML is at most 1 MB (MAX_PROFILE_BYTES), and its JSON about as large.
 * Reserved, not used: the pages nobody writes are never resident.
 */
const PROFILE_BOX_BYTES = 4 * 1024 * 1024;

function make(threads: number, options: Pick<InspectorOptions, 'maxHeapMB' | 'maxMemoryMB' | 'profile'> & { readonly box?: boolean }): Made {
  setFlagsFromString(`--initial-old-space-size=${WORKER_INITIAL_OLD_SPACE_MB}`);
  const clockBuffer = new SharedArrayBuffer(SLOTS * CLOCK_CELLS_PER_SLOT * 8);
  const box = options.box ? new SharedArrayBuffer(PROFILE_BOX_BYTES) : undefined;
  const dossiers = box !== undefined || options.profile !== undefined;
  // Only for workers that will check many dossiers, where it was measured. A `check` runs
  // most of its code once, unoptimized either way (one with a fillable form, which pdf.js
  // reads, measured 0.57-0.62 s with V8's budget and with this one, within the noise).
  if (dossiers) setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET_BYTES}`);
  // Each handler by its name, never a default export: Node 20 require()s an ES module through
  // a facade when it has a default export, and a worker terminated in the instant that facade
  // is made (a pool closed while its workers are still loading) aborts the whole process on an
  // assertion in node::loader::ModuleWrap::CreateRequiredModuleFacade. Reproduced here (a
  // worker terminated as soon as its module's body has run: aborts within 3,000 tries, none in
  // 3,000 with a named export) and seen once in CI; test/worker-exports.test.ts keeps it so.
  const pdfWorker: Handler = { filename: workerFile('pdf/worker.js'), name: 'inspect' };
  const checkWorker: Handler = { filename: workerFile('check-worker.js'), name: 'checkInWorker' };
  const pool = new Piscina<InspectBatch | DossierTask, InspectResult[] | DossierAnswer>({
    // Workers that will check dossiers load the core as they start (check-worker.ts imports
    // the PDF worker too), not with their first dossier.
    ...(dossiers ? checkWorker : pdfWorker),
    // The profile once per worker, not with every dossier (it is a few kilobytes to clone).
    workerData: { clock: clockBuffer, ...(options.profile ? { profile: options.profile } : {}), ...(box ? { profileBox: box } : {}) },
    // Piscina replaces a terminated or dead worker only up to minThreads; with fewer, the files
    // queued behind a timeout would wait forever for a thread nobody starts.
    minThreads: threads,
    maxThreads: threads,
    // Two tasks per worker: the next one is already there when one ends (the worker runs them
    // one after the other, see worker.ts). With one, each worker waits for a round trip
    // through the main thread after every task (a third of its time, when tasks were files).
    concurrentTasksPerWorker: TASKS_PER_WORKER,
    // Which piscina would not do for tasks that can be aborted (src/pdf/balancer.ts).
    loadBalancer: leastBusy,
    // Idle workers keep their event loop running, so pdf.js's leftovers from one file settle
    // before the next file starts instead of during it.
    atomics: 'disabled',
    // No histograms of each task's run and wait times: nobody reads them, and recording them
    // was a few milliseconds of the main thread's time per thousand dossiers, while the
    // workers wait on it for their next task (2 % of a batch's wall time, 8 alternate pairs).
    recordTiming: false,
    // Unbounded queue: callers bound the work in flight (dossiers at once), not the pool.
    // A young generation of 4 MB: V8 lets a busy young generation grow to its limit, and what a
    // worker allocates is short-lived (tokens, a page's operators, a dossier's verdict). With
    // pdf.js opening every file, 16 MB was best and 64 MB cost 110 MB of RSS for nothing; now
    // that most files are read from their bytes and whole dossiers are checked in the workers,
    // 4 MB is as fast as 16 (batch of 1,000 and of 4,000 dossiers, the samples, a fillable
    // form) and 28 MB lighter for two workers, at N and at 4×N alike (measured in alternate runs).
    resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMB ?? 512, maxYoungGenerationSizeMb: 4 },
  });
  let closed = false;
  const unhear = hearWorkersOutput(threads);
  // Which file each task is reading, and since when: written by the workers in shared memory
  // (worker.ts), read by a watchdog that terminates a worker whose file ran out of time. Time
  // a task waits in the queue is not counted: its clock starts when its worker starts the file.
  const clock = new BigInt64Array(clockBuffer);
  const slots = new Slots(SLOTS);
  const running = new Map<number, { readonly limitOf: (file: number) => number; readonly controller: AbortController }>();
  let watchdog: NodeJS.Timeout | undefined;
  // Files blamed so far for their worker's end (out of time or memory, or the worker died on
  // them): a task that died reading no file while this count moved was only sharing that worker.
  let blamed = 0;
  const startedFile = (slot: number) => fileOf(clock, slot);
  // A file's memory, as its worker tells it (src/pdf/memory.ts): what pdf.js decodes outside
  // V8's heap, which the heap limit above does not bound.
  const limitMB = options.maxMemoryMB ?? FILE_MEMORY_MB;
  const limitBytes = limitMB * MB;
  const watch = () => {
    const now = Date.now();
    for (const [slot, task] of running) {
      // Already stopped, its worker ending: blamed once.
      if (task.controller.signal.aborted) continue;
      // The dossier read before and after the file: the same, the file is that dossier's (a
      // task's dossiers only go forward); else the worker moved on meanwhile, and the next
      // look decides. The start is read after the file: a newer one only makes it younger.
      // The memory too, and the file again after it: a file starting sets it back to nothing.
      const dossier = startedDossier(clock, slot);
      const file = startedFile(slot);
      const since = fileSince(clock, slot);
      const held = fileMemory(clock, slot);
      if (file < 0 || startedFile(slot) !== file || startedDossier(clock, slot) !== dossier) continue;
      const problem =
        now - since > task.limitOf(file)
          ? finding('timeout', 'error', { seconds: task.limitOf(file) / 1000 })
          : held > limitBytes
            ? finding('unreadable', 'error', { reason: 'memory', limitMB })
            : undefined;
      if (problem) {
        blamed++;
        task.controller.abort(new Stopped(file, dossier, problem));
      }
    }
    if (running.size === 0) {
      clearInterval(watchdog);
      watchdog = undefined;
    }
  };
  let watchEveryMs = MAX_WATCH_MS;

  // Piscina reports a worker that dies outside any task (while starting: missing build, heap
  // too small for pdf.js) as an 'error' event, which would kill the process unheard, and then
  // stops replacing workers: tasks waiting for one would wait forever. Give up on them.
  pool.on('error', (err: unknown) => {
    for (const [slot, task] of running) if (startedFile(slot) < 0) task.controller.abort(new WorkerFailure(errorCode(err)));
  });

  /**
   * One task (a dossier's files, or whole dossiers) in a slot of the shared clock, watched
   * with `limitOf(file)` for each of its files: the worker's answer, or the file it died or
   * ran out of time on (-1: it had started none), the dossier it was checking then (-1: none,
   * or the task is files) and that file's finding.
   */
  async function runWatched<T>(
    task: (slot: number) => InspectBatch | DossierTask,
    handler: Handler,
    limitOf: (file: number) => number,
    everyMs: number,
  ): Promise<{ readonly answer: T } | { readonly file: number; readonly dossier: number; readonly workerFailed: boolean; readonly problem: Finding }> {
    const slot = await slots.take();
    clearSlot(clock, slot);
    const controller = new AbortController();
    running.set(slot, { limitOf, controller });
    if (watchdog === undefined || everyMs < watchEveryMs) {
      clearInterval(watchdog);
      watchEveryMs = Math.min(watchEveryMs, everyMs);
      watchdog = setInterval(watch, watchEveryMs);
    }
    try {
      return { answer: (await pool.run(task(slot), extend(handler, { signal: controller.signal }))) as T };
    } catch (err) {
      const reason: unknown = controller.signal.reason;
      // The file that ran out of time or memory is the one the watchdog saw, even if the
      // worker moved on in the instant before it was terminated.
      const file = reason instanceof Stopped ? reason.file : startedFile(slot);
      const dossier = reason instanceof Stopped ? reason.dossier : startedDossier(clock, slot);
      if (!(reason instanceof Stopped) && file >= 0) blamed++;
      const problem =
        reason instanceof Stopped
          ? reason.problem
          : // The worker died (heap limit, crash inside pdf.js): what it died of.
            finding('unreadable', 'error', { reason: 'crash', detail: reason instanceof WorkerFailure ? reason.message : errorCode(err) });
      return { file, dossier, workerFailed: reason instanceof WorkerFailure, problem };
    } finally {
      running.delete(slot);
      // A terminated worker may still be writing its clock for a moment: that slot rests
      // before another task uses it.
      if (controller.signal.aborted) setTimeout(() => slots.release(slot), SLOT_REST_MS).unref();
      else slots.release(slot);
    }
  }

  async function inspectAll(files: readonly { path: string | Buffer; limits: PdfLimits }[]): Promise<FileInspection[]> {
    const tasks: Prepared[] = files.map(({ path, limits }) => ({ path, limits, task: inspectTask(path, limits) }));
    const results: FileInspection[] = new Array(files.length);
    // Indexes of the files still to inspect; a task whose worker died is run again without
    // the file that killed it (and the files read before it in that task are read again).
    let pending = tasks.map((_, i) => i);
    let unstartedFailures = 0;
    let blamedBefore = blamed;
    while (pending.length > 0) {
      if (closed) {
        for (const i of pending) results[i] = { path: shown(tasks[i]!.path), ...NOT_OPENED, sizeBytes: 0, problems: [interrupted()] };
        break;
      }
      const mine = pending.map((i) => tasks[i]!);
      const r = await runWatched<InspectResult[]>(
        (slot) => ({ files: mine.map((t) => t.task), slot }) satisfies InspectBatch,
        pdfWorker,
        (file) => mine[file]?.limits.fileTimeoutMs ?? Infinity,
        Math.min(...mine.map((t) => Math.max(MIN_WATCH_MS, t.limits.fileTimeoutMs / 4))),
      );
      if ('answer' in r) {
        pending.forEach((i, k) => (results[i] = { path: shown(tasks[i]!.path), ...r.answer[k]! }));
        pending = [];
        continue;
      }
      if (closed) continue;
      if (r.file < 0) {
        // Reading no file when its worker ended: it waited behind another task (a worker
        // holds two, src/pdf/balancer.ts). Not these files' fault: run them again, every
        // time another task's file was blamed meanwhile (each such end is a file answered,
        // so this ends), and a few times at most otherwise (a worker that dies at its start).
        if (blamed > blamedBefore) {
          blamedBefore = blamed;
          continue;
        }
        if (!r.workerFailed && ++unstartedFailures < MAX_ATTEMPTS) continue;
        for (const i of pending) results[i] = await fromHead(tasks[i]!.path, tasks[i]!.limits, [r.problem]);
        pending = [];
        continue;
      }
      const i = pending[r.file]!;
      results[i] = await fromHead(tasks[i]!.path, tasks[i]!.limits, [r.problem]);
      pending = pending.filter((_, k) => k !== r.file);
    }
    return results;
  }

  const all: Inspector['inspectAll'] = async (files) => {
    try {
      return await inspectAll(files);
    } catch (err) {
      // Nothing above should throw; if it does, it is still each file's finding.
      const problems = [finding('unreadable', 'error', { reason: 'crash', detail: errorCode(err) })];
      return files.map(({ path }) => ({ path: shown(path), ...NOT_OPENED, sizeBytes: 0, problems }));
    }
  };
  const self = inspectorOf(all, close);
  async function checkDossiers(task: Omit<DossierTask, 'slot'>): Promise<(DossierAnswer | { readonly retry: Inspector })[]> {
    const { dossiers } = task;
    if (closed || dossiers.length === 0) return dossiers.map(() => ({ retry: self }));
    const blamedBefore = blamed;
    const r = await runWatched<DossierAnswer[]>(
      (slot) => extend(task, { slot }) satisfies DossierTask,
      checkWorker,
      () => task.fileTimeoutMs,
      Math.max(MIN_WATCH_MS, task.fileTimeoutMs / 4),
    );
    if ('answer' in r) return r.answer;
    if (closed) return dossiers.map(() => ({ retry: self }));
    // Reading no file when its worker ended while another task's file was blamed: it waited
    // behind that task (a worker holds two, src/pdf/balancer.ts), and is run again whole, as
    // inspectAll runs such files again (each blame is a file answered, so this ends).
    if (r.file < 0 && blamed > blamedBefore) return checkDossiers(task);
    // Else the dossier it was checking is checked by the caller, without the file that ended
    // it (that file is answered from its first bytes); none started (a worker that died
    // starting): each is the caller's, as a single dossier's would be. The others were fine,
    // or never started: they go to the workers again, without the culprit, so this ends.
    const culprit = r.dossier;
    if (culprit < 0) return dossiers.map(() => ({ retry: self }));
    const retry = r.file < 0 ? self : answering(self, r.file, r.problem);
    const others = await checkDossiers(extend(task, { dossiers: dossiers.filter((_, k) => k !== culprit) }));
    return [...others.slice(0, culprit), { retry }, ...others.slice(culprit)];
  }

  async function close() {
    if (closed) return;
    closed = true;
    clearInterval(watchdog);
    await pool.destroy();
    unhear();
  }
  const withDossiers = (profile: Profile): Inspector => inspectorOf(all, close, { profile, check: checkDossiers });
  let given: Profile | undefined = options.profile;
  return {
    threads,
    inspector: self,
    withProfile(profile) {
      if (given === profile) return withDossiers(profile);
      if (!box || given !== undefined) return undefined;
      const json = Buffer.from(JSON.stringify(profile));
      if (json.length + 4 > box.byteLength) return undefined;
      // Written before any dossier is sent: the message that carries one orders it after this.
      json.copy(Buffer.from(box, 4));
      Atomics.store(new Int32Array(box, 0, 1), 0, json.length);
      given = profile;
      return withDossiers(profile);
    },
  };
}

/**
 * `inspector`, but the `file`-th file it is asked for (0-based, counted across calls, in the
 * order a dossier's check asks for them) is answered with `problem` from its first bytes,
 * unread: it already cost a worker its life or its time, and would again.
 */
function answering(inspector: Inspector, file: number, problem: Finding): Inspector {
  let next = 0;
  const inspectAll: Inspector['inspectAll'] = async (files) => {
    const first = next;
    next += files.length;
    const k = file - first;
    if (k < 0 || k >= files.length) return inspector.inspectAll(files);
    const others = await inspector.inspectAll(files.filter((_, i) => i !== k));
    const culprit = await fromHead(files[k]!.path, files[k]!.limits, [problem]);
    return [...others.slice(0, k), culprit, ...others.slice(k)];
  };
  return inspectorOf(inspectAll, () => inspector.close());
}

/** Runs of a task whose worker died before starting it (another task's fault). */
const MAX_ATTEMPTS = 3;
/** Tasks in flight at once, at most (each holds a slot of the shared clock). */
const SLOTS = 1024;
/** How often the watchdog looks: a quarter of the shortest time limit, within these bounds. */
const MIN_WATCH_MS = 5;
const MAX_WATCH_MS = 100;
const SLOT_REST_MS = 1000;

const MB = 1024 * 1024;
/**
 * Memory a file may take in its worker by default, in MB: twice the largest stream a document
 * may hold (MAX_INFLATED_STREAM_BYTES in src/pdf/inflation.ts, 256 MB: an A4 page scanned at
 * 600 dpi in colour is 100), so that pdf.js may decode it and grow its array once. Not
 * imported from there: this module loads on the main thread, which reads no PDF.
 */
export const FILE_MEMORY_MB = 512;

interface Prepared {
  readonly path: string | Buffer;
  readonly limits: PdfLimits;
  readonly task: InspectTask;
}

/** Free slots of the shared clock; past SLOTS tasks in flight, a task waits for one. */
class Slots {
  private readonly free: number[];
  private readonly waiting: ((slot: number) => void)[] = [];
  constructor(n: number) {
    this.free = Array.from({ length: n }, (_, i) => n - 1 - i);
  }
  take(): Promise<number> {
    const slot = this.free.pop();
    return slot !== undefined ? Promise.resolve(slot) : new Promise((resolve) => this.waiting.push(resolve));
  }
  release(slot: number): void {
    const next = this.waiting.shift();
    if (next) next(slot);
    else this.free.push(slot);
  }
}

/** Why the watchdog terminated a worker: the file it was reading ran out of time or memory. */
class Stopped extends Error {
  constructor(
    readonly file: number,
    readonly dossier: number,
    readonly problem: Finding,
  ) {
    super(problem.code);
  }
}
class WorkerFailure extends Error {}

const interrupted = () => finding('check-failed', 'error', { error: 'interrupted' });


/**
 * Without an answer from the worker (timeout, crash), the file's size and first bytes still
 * say what it is. Read here, on the main thread: rare, and small.
 */
async function fromHead(path: string | Buffer, limits: PdfLimits, more: Finding[]): Promise<FileInspection> {
  const base = { path: shown(path), ...NOT_OPENED };
  try {
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const st = await handle.stat();
      const head = new Uint8Array(4096);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      const kind = sniff(head.subarray(0, bytesRead));
      return { ...base, sizeBytes: st.size, pdf: kind.pdf, detectedType: kind.type, problems: [...tooLarge(st.size, limits.maxSizeBytes), ...notPdf(kind), ...more] };
    } finally {
      await handle.close();
    }
  } catch (err) {
    return { ...base, sizeBytes: 0, problems: [...more, finding('unreadable-file', 'error', { error: errorCode(err) })] };
  }
}

/**
 * Node pipes each worker thread's stdout and stderr into the process's own, one 'error'
 * listener each: from ten workers on (`-j 10`, or the default on a machine with ten cores),
 * Node warned of a listener leak on stderr at every run. The streams expect as many listeners
 * as workers, and one more for a worker replacing another that is still ending; a stream with
 * no limit (0) keeps none. Returns how to take them back (pools may close in any order).
 */
function hearWorkersOutput(threads: number): () => void {
  const limited = [process.stdout, process.stderr].filter((s) => s.getMaxListeners() > 0);
  const more = (by: number) => limited.forEach((s) => s.setMaxListeners(s.getMaxListeners() + by));
  more(threads + 1);
  return () => more(-(threads + 1));
}
