// File sizes as limits and as words. Rounded outwards (size up, limit down) so that a file
// over the limit never reads as equal to it ("10 MB; limit 10 MB"): one decimal from 1 MB,
// two significant digits below.
import { finding, type Finding } from '../findings.js';
import { HARD_CEILING_BYTES } from './types.js';

const MB = 1024 * 1024;

const scale = (mb: number) => 10 ** (mb >= 1 ? 1 : 1 - Math.floor(Math.log10(mb)));
const mbUp = (bytes: number) => Math.ceil((bytes / MB) * scale(bytes / MB)) / scale(bytes / MB);
const mbDown = (bytes: number) => Math.floor((bytes / MB) * scale(bytes / MB)) / scale(bytes / MB);

/** `too-large` when `sizeBytes` is over the profile's limit (never above the hard ceiling). */
export function tooLarge(sizeBytes: number, maxSizeBytes: number): Finding[] {
  const limit = Math.min(maxSizeBytes, HARD_CEILING_BYTES);
  return sizeBytes > limit ? [finding('too-large', 'error', { sizeMB: mbUp(sizeBytes), limitMB: mbDown(limit) })] : [];
}

/** Past this a file is not even read: its size and first bytes are the verdict. */
export const readCeiling = (maxSizeBytes: number) => Math.min(HARD_CEILING_BYTES, Math.max(maxSizeBytes * 4, 64 * MB));
