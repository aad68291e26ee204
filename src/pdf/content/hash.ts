// The fingerprint of a file's bytes: two documents with the same hash are the same file sent
// twice. Computed in the worker, where the bytes already are; only the hex string travels.
import { createHash } from 'node:crypto';

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
