// Read a dossier folder without touching it: list its entries, never follow a symbolic link
// out of it, never descend into sub-folders (they are reported), never write anything.
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { finding, type Finding } from '../findings.js';

/** System clutter that is never part of a dossier. */
const IGNORED = new Set(['.ds_store', 'thumbs.db', 'desktop.ini']);
export const DECLARATION_NAMES = ['candidate.yaml', 'candidate.yml'];

export interface ScannedFile {
  readonly name: string;
  readonly path: string;
  readonly sizeBytes: number;
}

export interface Scan {
  readonly files: readonly ScannedFile[];
  /** Path of candidate.yaml when present. */
  readonly declaration: string | undefined;
  readonly problems: readonly Finding[];
}

export async function scanDossier(dir: string): Promise<Scan> {
  const files: ScannedFile[] = [];
  const problems: Finding[] = [];
  let declaration: string | undefined;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    return { files, declaration, problems: [finding('unreadable-folder', 'error', { error: errorCode(err) })] };
  }
  for (const name of names.sort()) {
    if (name.startsWith('.') || IGNORED.has(name.toLowerCase())) continue;
    const path = join(dir, name);
    let st;
    try {
      st = await lstat(path);
    } catch (err) {
      problems.push(finding('unreadable-folder', 'error', { file: name, error: errorCode(err) }));
      continue;
    }
    if (st.isSymbolicLink()) problems.push(finding('symlink', 'warning', { file: name }));
    else if (st.isDirectory()) problems.push(finding('subfolder', 'warning', { file: name }));
    else if (!st.isFile()) problems.push(finding('unexpected-file', 'warning', { file: name }));
    else if (DECLARATION_NAMES.includes(name.toLowerCase()) && declaration === undefined) declaration = path;
    else files.push({ name, path, sizeBytes: st.size });
  }
  return { files, declaration, problems };
}

export const errorCode = (err: unknown): string =>
  (err as NodeJS.ErrnoException)?.code ?? (err instanceof Error ? err.message : String(err));
