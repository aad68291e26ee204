// The bundled profile, validated once when the tool is built (src/profile/write-compiled.ts)
// and read back here as JSON: `check` of one dossier then skips the YAML parse, the schema and
// the lint, about 90 ms of a 0.34 s run (README Performance). The JSON names the bytes it was
// made from (SHA-256 of the YAML): edited since, or missing, and the profile is loaded from
// its YAML as any other. Profiles other than the bundled one always are.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { packagePath } from '../package-root.js';
import type { Profile } from './schema.js';

/** Where the build writes the compiled profile, in dist/. */
export const COMPILED_PROFILE = packagePath('dist/profile/bundled.compiled.json');
/** Bumped when the compiled file's shape, or the Profile type, changes. */
export const COMPILED_FORMAT = 1;

export interface CompiledProfile {
  readonly format: number;
  /** SHA-256 of the YAML file the profile was loaded from. */
  readonly source: string;
  readonly profile: Profile;
}

export const sourceDigest = (yaml: Uint8Array): string => createHash('sha256').update(yaml).digest('hex');

/** The compiled profile, if it was made from exactly these YAML bytes; undefined otherwise. */
export function compiledProfile(yaml: Uint8Array, file = COMPILED_PROFILE): Profile | undefined {
  let compiled: CompiledProfile;
  try {
    compiled = JSON.parse(readFileSync(file, 'utf8')) as CompiledProfile;
  } catch {
    return undefined;
  }
  if (compiled?.format !== COMPILED_FORMAT || compiled.source !== sourceDigest(yaml)) return undefined;
  return compiled.profile;
}
