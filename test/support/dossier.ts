// Temporary dossier folders made of real files, for tests.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { textPdf } from './pdf-factory.js';

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

/**
 * The files of a complete, eligible dossier for the bundled profile. Each document has its own
 * content: the same bytes for two documents is a duplicate-file error.
 */
export async function completeFiles(): Promise<Record<string, Uint8Array | string>> {
  return {
    'Formulaire F1.pdf': await textPdf(2, 'Formulaire'),
    'CV.pdf': await textPdf(2, 'CV'),
    'Diplome Master.pdf': await textPdf(1, 'Diplome'),
    'CIN.pdf': await textPdf(1, 'CIN'),
    "Plan d'action.pdf": await textPdf(3, 'Plan'),
    'candidate.yaml': GOOD_CANDIDATE,
  };
}

/** A tempDir for one test file: every folder it makes is removed after the file's tests. */
export function cleanedTempDirs(): (prefix?: string) => Promise<string> {
  const made: string[] = [];
  afterAll(async () => {
    for (const dir of made) await rm(dir, { recursive: true, force: true });
  });
  return async (prefix) => {
    const dir = await tempDir(prefix);
    made.push(dir);
    return dir;
  };
}
