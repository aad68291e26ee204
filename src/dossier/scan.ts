// Read a dossier folder without touching it: list its entries, never follow a symbolic link
// out of it, never descend into sub-folders (they are reported), never write anything.
import { lstatSync, opendirSync, readdirSync, type Dir, type Dirent } from 'node:fs';
import { join, sep } from 'node:path';
import { finding, type Finding } from '../findings.js';
import { asWindows1252, errorCode } from '../fs-text.js';
import { extend } from '../extend.js';

/** System clutter that is never part of a dossier. */
const IGNORED = new Set(['.ds_store', 'thumbs.db', 'desktop.ini']);
export const DECLARATION_NAMES = ['candidate.yaml', 'candidate.yml'];
/** A declaration's name, in any case, as Windows and macOS would open it. */
const isDeclarationName = (name: string): boolean => DECLARATION_NAMES.includes(name.toLowerCase());

/** Entries of a sub-folder looked at for a declaration: a candidate's folder holds a few dozen. */
const SUBFOLDER_ENTRIES_LOOKED_AT = 512;

/**
 * Whether a sub-folder holds a declaration under any of the names a dossier's is read by (any
 * case, as the scan reads them), among its first entries: a folder of a million files costs
 * no more than one of a dossier.
 */
function holdsDeclaration(path: string): boolean {
  let dir: Dir | undefined;
  try {
    dir = opendirSync(path);
    for (let i = 0; i < SUBFOLDER_ENTRIES_LOOKED_AT; i++) {
      const entry = dir.readSync();
      if (entry === null) return false;
      if (isDeclarationName(entry.name)) return true;
    }
    return false;
  } catch {
    return false;
  } finally {
    try {
      dir?.closeSync();
    } catch {
      // Closed already, or never opened.
    }
  }
}

/**
 * A declaration under a name one slip away: saved by Notepad as candidate.yaml.txt, or named
 * in French (candidat.yaml). Not read as one (its name is the contract), but named in the
 * finding that the declaration is missing, with the rename to make.
 */
export const isMisnamedDeclaration = (name: string): boolean => /^(candidate?|déclaration|declaration)([ ._-].*)?\.(ya?ml|txt)$/i.test(name.normalize('NFC'));

export interface ScannedFile {
  /**
   * The name as shown and matched. A name that is not UTF-8 (a ZIP made on an old Windows,
   * unpacked as is) is read as Windows-1252, which is what such names almost always are.
   */
  readonly name: string;
  /** Where to read the file: the name's very bytes when it is not UTF-8. */
  readonly path: string | Buffer;
}

export interface Scan {
  readonly files: readonly ScannedFile[];
  /** Path of candidate.yaml when present (bytes when its folder's name is not UTF-8). */
  readonly declaration: string | Buffer | undefined;
  readonly problems: readonly Finding[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** An entry's name for people, and its path for the file system (bytes when either is not UTF-8). */
export function entryOf(dir: string | Buffer, raw: Buffer): { name: string; path: string | Buffer } {
  let name: string | undefined;
  try {
    name = utf8.decode(raw);
  } catch {
    // Not UTF-8: shown as Windows-1252, opened by its bytes.
  }
  if (name !== undefined && typeof dir === 'string') return { name, path: join(dir, name) };
  const base = typeof dir === 'string' ? Buffer.from(dir) : dir;
  const slash = base[base.length - 1] === sep.charCodeAt(0) ? base : Buffer.concat([base, Buffer.from(sep)]);
  return { name: name ?? asWindows1252(raw), path: Buffer.concat([slash, raw]) };
}

export async function scanDossier(dir: string | Buffer): Promise<Scan> {
  const files: ScannedFile[] = [];
  const problems: Finding[] = [];
  let declaration: string | Buffer | undefined;
  let dirents: Dirent<Buffer>[];
  try {
    // Names as bytes: a name that is not UTF-8 would otherwise come back mangled, and then
    // could not be opened. Types come with the listing (no stat per file): sizes are the
    // worker's to measure when it opens the file.
    // Synchronous: a dossier is listed in tens of microseconds, where each promise round trip
    // through libuv's pool cost the batch's busy main thread about as much again.
    dirents = readdirSync(dir, { encoding: 'buffer', withFileTypes: true });
  } catch (err) {
    return { files, declaration, problems: [finding('unreadable-folder', 'error', { error: errorCode(err) })] };
  }
  const entries = dirents
    .map((d) => extend(entryOf(dir, d.name), { dirent: d }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // A folder that lists but cannot be searched (mode r--) lists its names, but none can be
  // opened: one lstat tells, and then every entry is asked, as on file systems whose
  // listings carry no types.
  const searchable = entries.length === 0 || canStat(entries[0]!.path);
  for (const { name, path, dirent } of entries) {
    if (name.startsWith('.') || IGNORED.has(name.toLowerCase())) continue;
    let st: Pick<Dirent, 'isSymbolicLink' | 'isDirectory' | 'isFile'> = dirent;
    if (!searchable || !knownType(dirent)) {
      try {
        // lstat: a link is looked at, never through.
        st = lstatSync(path);
      } catch (err) {
        problems.push(finding('unreadable-folder', 'error', { file: name, error: errorCode(err) }));
        continue;
      }
    }
    if (st.isSymbolicLink()) problems.push(finding('symlink', 'warning', { file: name }));
    // A sub-folder holding a candidate.yaml is a dossier of its own: a batch's root given to
    // `check` (one lookup, for sub-folders only, which a candidate's folder rarely has).
    else if (st.isDirectory()) problems.push(finding('subfolder', 'warning', typeof path === 'string' && holdsDeclaration(path) ? { file: name, dossier: true } : { file: name }));
    // FIFOs, sockets, devices: never opened (reading a FIFO would wait forever).
    else if (!st.isFile()) problems.push(finding('unexpected-file', 'warning', { file: name }));
    else if (isDeclarationName(name) && declaration === undefined) declaration = path;
    else files.push({ name, path });
  }
  return { files, declaration, problems };
}

function canStat(path: string | Buffer): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

const knownType = (d: Dirent<Buffer>) =>
  d.isFile() || d.isDirectory() || d.isSymbolicLink() || d.isFIFO() || d.isSocket() || d.isBlockDevice() || d.isCharacterDevice();

