// A profile's fingerprint, written in every JSON report so that `merge` can tell shards checked
// against the same posting from shards checked against an edited copy that kept its id. Taken
// from the profile as loaded (its JSON), not from its YAML bytes: the same profile read from
// the bundled file, a copy with other line endings or comments, or the build's compiled JSON
// gives the same fingerprint; any change to what is checked gives another.
import { createHash } from 'node:crypto';
import type { Profile } from './schema.js';

const digests = new WeakMap<Profile, string>();

/** SHA-256 (hex) of the profile's JSON. */
export function profileDigest(profile: Profile): string {
  let digest = digests.get(profile);
  if (digest === undefined) digests.set(profile, (digest = createHash('sha256').update(JSON.stringify(profile)).digest('hex')));
  return digest;
}
