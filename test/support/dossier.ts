// Temporary dossier folders made of real files, for tests.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const GOOD_CANDIDATE = `applicantType: external
fullName: Salma Bennani
birthDate: 1990-05-14
nationality: MA
diplomaLevel: master
diplomaForeign: false
experienceYears: 6
languages: [ar, fr, en]
`;

export async function tempDir(prefix = 'dossier-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** A folder holding `files` (name → bytes or text), inside a fresh temp dir. */
export async function makeDossier(files: Record<string, Uint8Array | string>, name = 'candidat'): Promise<string> {
  const dir = join(await tempDir(), name);
  await mkdir(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) await writeFile(join(dir, file), content);
  return dir;
}
