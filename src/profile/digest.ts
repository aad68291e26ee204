// A profile's fingerprint, written in every JSON report so that `merge` can tell shards checked
// against the same posting from shards checked against an edited copy that kept its id. Taken
// from the profile as loaded, its keys sorted, not from its YAML bytes: the same profile read
// from the bundled file, a copy with other line endings, comments or keys in another order, or
// the build's compiled JSON gives the same fingerprint; any change to what is checked gives
// another (and so may a version of the tool that fills in a new default).
import { createHash } from 'node:crypto';
import type { Profile } from './schema.js';

const digests = new WeakMap<Profile, string>();

/** SHA-256 (hex) of the profile's JSON, keys sorted. */
export function profileDigest(profile: Profile): string {
  let digest = digests.get(profile);
  if (digest === undefined) digests.set(profile, (digest = createHash('sha256').update(JSON.stringify(profile, sortedKeys)).digest('hex')));
  return digest;
}

/** JSON.stringify's replacer: each object's keys in one order, whatever order the YAML gave them. Arrays keep theirs (documents and rules are listed in it). */
function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}
