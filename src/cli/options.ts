// Options shared by the commands, validated before any work starts: a mistake here is a
// usage error (exit 2) that names the option and the fix.
import { lstat, mkdir, open, readFile, realpath, stat, unlink } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { Option } from 'commander';
import { bundledProfileNote, type Translate } from '../i18n/help.js';
import { LANGS, type Lang } from '../i18n/messages.js';
import { BUNDLED_PROFILE } from '../profile/bundled.js';
import type { Profile } from '../profile/schema.js';
import { isCalendarDate } from '../rules/dates.js';
import { UsageError, type Io } from './io.js';

export const langOption = (t: Translate) => new Option('--lang <lang>', t('language of messages (fr, en)')).choices(LANGS).default('fr');
export const outputOption = (t: Translate) => new Option('-o, --output <file>', t('write the report to this file instead of stdout'));
export const profileOption = (t: Translate) =>
  new Option('-p, --profile <file>', t('profile of the posting (YAML)')).default(BUNDLED_PROFILE, t(bundledProfileNote));

export async function requireProfile(file: string, io: Io): Promise<Profile> {
  const path = resolve(io.cwd, file);
  // The bundled profile as the build validated it, when its YAML is unchanged (src/profile/compiled.ts).
  if (path === BUNDLED_PROFILE) {
    const { compiledProfile } = await import('../profile/compiled.js');
    const compiled = await readFile(path).then(compiledProfile, () => undefined);
    if (compiled) return compiled;
  }
  // Loaded here, not at start: the YAML parser and the schema cost ~70 ms, which --help and
  // other commands that read no profile need not pay.
  const [{ loadProfile }, { formatIssue }] = await Promise.all([import('../profile/load.js'), import('../yaml/located.js')]);
  const loaded = await loadProfile(path);
  if (!loaded.ok) {
    const issues = loaded.issues;
    throw new UsageError((w) => [...issues.map((i) => formatIssue({ ...i, file }, w)), w.profileErrors(issues.length, file)].join('\n'));
  }
  return loaded.profile;
}

export function parseAsOf(value: string | undefined, timezone: string): string {
  if (value === undefined) return todayIn(timezone);
  if (!isCalendarDate(value)) throw new UsageError((w) => w.badDate('--as-of', value));
  return value;
}

/** Today's calendar date where the posting is, not where the server happens to run. */
export function todayIn(timezone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export async function requireDirectories(paths: readonly string[], io: Io): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = await stat(resolve(io.cwd, p));
    } catch {
      throw new UsageError((w) => w.noSuchFolder(p, 'dossier'));
    }
    if (!st.isDirectory()) throw new UsageError((w) => w.notAFolder(p, 'dossier'));
    // "samples/dossiers/*/" globs end in a slash; show the folder without it.
    out.push(p.length > 1 ? p.replace(/\/+$/, '') : p);
  }
  return out;
}

/**
 * Refuse an --output inside a folder being checked. Called before any work starts (nobody
 * should wait for a whole batch to learn that), and again by emit, right before writing.
 */
export async function refuseOutputInside(output: string | undefined, io: Io, checkedDirs: readonly string[]): Promise<void> {
  if (output === undefined) return;
  // Real paths: a link leading into a dossier is inside it.
  const realTarget = await realpathOfNearest(resolve(io.cwd, output));
  for (const dir of checkedDirs) {
    const realDir = await realpathOfNearest(resolve(io.cwd, dir));
    const rel = relative(realDir, realTarget);
    if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel)))
      throw new UsageError((w) => w.outputInsideDossier(output, dir));
  }
}

/** The extension a report of each format is saved with, for the example of a file name. */
const EXTENSIONS: Readonly<Record<string, string>> = { text: 'txt', json: 'json', csv: 'csv', html: 'html', junit: 'xml', markdown: 'md', github: 'txt' };

/**
 * Write the report to --output, or stdout. Refuses to write inside a folder being checked.
 * `format`: the report's, for the file name suggested when --output names a folder.
 */
export async function emit(text: string | Iterable<string | Buffer>, output: string | undefined, io: Io, checkedDirs: readonly string[] = [], format = 'text'): Promise<void> {
  const pieces = typeof text === 'string' ? [text] : text;
  if (output === undefined) {
    // Piece by piece, waiting when the reader is slower than us (a pipe into less or gzip).
    for (const piece of coalesce(pieces)) if (io.stdout.write(piece) === false) await drained(io.stdout);
    return;
  }
  const target = resolve(io.cwd, output);
  // Check before creating anything: even an empty folder must never appear inside a dossier.
  await refuseOutputInside(output, io, checkedDirs);
  await mkdir(dirname(target), { recursive: true }).catch(() => undefined);
  try {
    await unlinkIfLinkedElsewhere(target);
    await writePieces(target, pieces);
  } catch (err) {
    throw new UsageError((w) => w.cannotWrite(output, String((err as NodeJS.ErrnoException).code ?? err), EXTENSIONS[format] ?? 'txt'));
  }
}

/**
 * A file with other hard links is a name for bytes that may also be a candidate's document
 * (`ln CV.pdf report.json`): writing into it would rewrite the CV. Such a name is removed
 * first, and the report gets a file of its own; the other names keep their bytes. A file with
 * one name, a device (`/dev/stdout`) or a FIFO is written as it is.
 */
async function unlinkIfLinkedElsewhere(target: string): Promise<void> {
  const st = await lstat(target).catch(() => undefined);
  if (st?.isFile() && st.nlink > 1) await unlink(target);
}

/**
 * A formatter's pieces (one a dossier) joined into writes of about GATHER_BYTES: each write
 * is a round trip through libuv's thread pool, and one per dossier cost a batch of 1,000
 * dossiers a quarter of a second at its end (measured). A stream may keep what it is given
 * until it is written, so each write is a copy of its own; and a piece may be a view that its
 * maker fills again once the next piece is asked for (src/report/verdict-store.ts): bytes are
 * copied as soon as they come.
 */
function* coalesce(pieces: Iterable<string | Buffer>): Generator<string | Buffer> {
  let held: (string | Buffer)[] = [];
  let size = 0;
  // Text stays text; bytes among it (dossiers written as JSON where they were checked) make bytes.
  const joined = () => (held.every((p) => typeof p === 'string') ? held.join('') : Buffer.concat(held.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p))));
  for (const piece of pieces) {
    held.push(typeof piece === 'string' ? piece : Buffer.from(piece));
    size += piece.length;
    if (size >= GATHER_BYTES) {
      yield joined();
      held = [];
      size = 0;
    }
  }
  if (held.length > 0) yield joined();
}

/**
 * Pieces written to a new file through one buffer of GATHER_BYTES, each write done before the
 * buffer is filled again. A batch's report is the one thing it writes in proportion to its
 * dossiers: gathered into a fresh buffer for every write, 4,000 dossiers' JSON left 30 MB of
 * dead buffers outside the heap at the end of the run (V8 collects those by the heap's
 * allocations, and copying bytes allocates almost nothing there), which set the batch's peak.
 */
async function writePieces(target: string, pieces: Iterable<string | Buffer>): Promise<void> {
  const handle = await open(target, 'w');
  try {
    const buffer = Buffer.allocUnsafe(GATHER_BYTES);
    let used = 0;
    const write = async (bytes: Uint8Array) => {
      for (let done = 0; done < bytes.length; ) done += (await handle.write(bytes, done, bytes.length - done)).bytesWritten;
    };
    for (const piece of pieces) {
      const size = typeof piece === 'string' ? Buffer.byteLength(piece, 'utf8') : piece.length;
      if (used > 0 && used + size > buffer.length) {
        await write(buffer.subarray(0, used));
        used = 0;
      }
      if (size > buffer.length) await write(typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece);
      else used += typeof piece === 'string' ? buffer.write(piece, used, 'utf8') : piece.copy(buffer, used);
    }
    if (used > 0) await write(buffer.subarray(0, used));
  } finally {
    await handle.close();
  }
}

const GATHER_BYTES = 256 * 1024;

/** Resolves when a stream that said "wait" can take more (at once for streams that never wait). */
const drained = (stream: Io['stdout']): Promise<void> =>
  new Promise((resolve) => {
    const s = stream as Partial<NodeJS.EventEmitter>;
    if (typeof s.once !== 'function') return resolve();
    s.once('drain', () => resolve());
  });

/** realpath of the path, or of its nearest existing ancestor joined with the rest. */
async function realpathOfNearest(p: string): Promise<string> {
  try {
    return await realpath(p);
  } catch {
    const parent = dirname(p);
    return parent === p ? p : join(await realpathOfNearest(parent), basename(p));
  }
}

export function asLang(v: string): Lang {
  return v as Lang;
}
