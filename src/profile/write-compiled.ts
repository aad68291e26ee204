// Build step (npm run build): validate the bundled profile and write it as JSON for
// src/profile/compiled.ts. An invalid bundled profile fails the build, with its errors.
import { readFileSync, writeFileSync } from 'node:fs';
import { BUNDLED_PROFILE } from './bundled.js';
import { COMPILED_FORMAT, COMPILED_PROFILE, sourceDigest, type CompiledProfile } from './compiled.js';
import { loadProfile } from './load.js';
import { formatIssue } from '../yaml/located.js';

const yaml = readFileSync(BUNDLED_PROFILE);
const loaded = await loadProfile(BUNDLED_PROFILE);
if (!loaded.ok) {
  for (const i of loaded.issues) process.stderr.write(`${formatIssue(i)}\n`);
  process.exit(1);
}
const compiled: CompiledProfile = { format: COMPILED_FORMAT, source: sourceDigest(yaml), profile: loaded.profile };
writeFileSync(COMPILED_PROFILE, JSON.stringify(compiled));
