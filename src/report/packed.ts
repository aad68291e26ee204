// Verdicts of thousands of dossiers, kept small. A dossier's result is a tree of small objects
// (documents, findings, rule leaves with their facts): about 15 KB of heap each, which made a
// batch's memory grow by a fifth from 1,000 to 4,000 dossiers. Packed with V8's serializer
// and deflated as soon as it is known, it is about a kilobyte outside the heap; it is unpacked again
// only when a formatter reads it, one dossier at a time for JSON and CSV.
import { deserialize, serialize } from 'node:v8';
import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';
import type { DossierResult } from './model.js';

/**
 * An array of packed results that reads as an array of results: every index read unpacks a
 * fresh copy (formatters only read), so nothing unpacked stays alive longer than its reader.
 */
export function packedDossiers(packed: readonly Buffer[]): readonly DossierResult[] {
  return new Proxy(packed as unknown as DossierResult[], {
    get(target, key, receiver) {
      if (typeof key === 'string' && isIndex(key)) {
        const bytes = (target as unknown as Buffer[])[Number(key)];
        return bytes === undefined ? undefined : (deserialize(inflateRawSync(bytes)) as DossierResult);
      }
      return Reflect.get(target, key, receiver);
    },
    set: () => false,
  });
}

// Deflated at its fastest level: a packed result repeats its keys ("status", "problems")
// dozens of times, and shrinks about five times for ~20 µs.
// Copied out: zlib hands back a view into its 16 KiB output chunk, which would stay alive.
export const pack = (result: DossierResult): Buffer => Buffer.from(deflateRawSync(serialize(result), { level: constants.Z_BEST_SPEED }));

const isIndex = (key: string) => key.length > 0 && key.length < 11 && /^(0|[1-9]\d*)$/.test(key);
