// A batch root: every immediate, non-hidden sub-folder is one dossier. Files lying at the
// root are reported, not guessed at; links are not followed.
import { readdir } from 'node:fs/promises';
import { finding, type Finding } from '../findings.js';
import { errorCode } from '../fs-text.js';
import { entryOf } from './scan.js';

export interface DossierFolder {
  /** The folder's name as shown (a name that is not UTF-8 read as Windows-1252, see scan.ts). */
  readonly name: string;
  /** Where to read it: its very bytes when its name is not UTF-8. */
  readonly path: string | Buffer;
}

export interface RootListing {
  /** Dossier folders, sorted by name: output order never depends on timing. */
  readonly dirs: readonly DossierFolder[];
  readonly problems: readonly Finding[];
}

/**
 * `shown`: the root as the report shows it (as the user wrote it). A finding about an entry
 * names it within the root, as a dossier's findings name files within the dossier, and
 * carries the root too, for the formats that point at files from the workspace (`github`).
 */
export async function listDossiers(root: string, shown = root): Promise<RootListing> {
  let entries;
  try {
    // Names as bytes: an export unzipped from an old Windows ZIP names candidates' folders in
    // Windows-1252, and a mangled name could not be opened.
    entries = await readdir(root, { withFileTypes: true, encoding: 'buffer' });
  } catch (err) {
    return { dirs: [], problems: [finding('unreadable-folder', 'error', { file: shown, error: errorCode(err) })] };
  }
  const dirs: DossierFolder[] = [];
  const problems: Finding[] = [];
  let hidden = false;
  for (const e of entries) {
    const { name, path } = entryOf(root, e.name);
    if (name.startsWith('.')) {
      hidden ||= e.isDirectory();
      continue;
    }
    if (e.isDirectory()) dirs.push({ name, path });
    else if (e.isSymbolicLink()) problems.push(finding('symlink', 'warning', { file: name, root: shown }));
    else if (!['thumbs.db', 'desktop.ini'].includes(name.toLowerCase())) problems.push(finding('stray-file', 'warning', { file: name, root: shown }));
  }
  // Nothing to check is a mistake, not a success: a CI job pointed at an empty export, or at
  // one candidate's folder, would otherwise pass. An error of the run (exit 1).
  if (dirs.length === 0) {
    const candidateFiles = entries.some((e) => !e.isDirectory() && /\.(pdf|ya?ml)$/i.test(e.name.toString('latin1')));
    // Hidden folders (.git, .cache) are not dossiers; said, lest "no sub-folder" look wrong.
    const none = finding('no-dossiers', 'error', { file: shown, candidateFiles, ...(hidden ? { hidden } : {}) });
    // One candidate's folder given as the root: its files are that candidate's, not strays.
    return { dirs, problems: candidateFiles ? [none, ...problems.filter((p) => p.code !== 'stray-file')] : [none, ...problems] };
  }
  return { dirs: dirs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)), problems };
}

/**
 * `--shard k/n`: a deterministic 1/n of the dossiers, by a stable hash of the folder name
 * (not its position), so adding a dossier never moves the others between machines.
 */
export function inShard(folderName: string, k: number, n: number): boolean {
  return fnv1a(folderName) % n === k - 1;
}

export function parseShard(spec: string): { k: number; n: number } | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(spec.trim());
  if (!m) return undefined;
  const k = Number(m[1]);
  const n = Number(m[2]);
  return n >= 1 && k >= 1 && k <= n ? { k, n } : undefined;
}

/** FNV-1a, 32 bits, over the UTF-8 bytes of the NFC form: same answer on every OS. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(s.normalize('NFC'), 'utf8')) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
