// The bundled profile, loaded through the same loader the CLI uses.
import { BUNDLED_PROFILE, loadProfile } from '../../src/profile/load.js';
import type { Profile } from '../../src/profile/schema.js';

export async function bundledProfile(): Promise<Profile> {
  const loaded = await loadProfile(BUNDLED_PROFILE);
  if (!loaded.ok) throw new Error(loaded.issues.map((i) => `${i.line}:${i.col} ${i.message}`).join('\n'));
  return loaded.profile;
}
