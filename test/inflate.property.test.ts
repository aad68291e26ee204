// The raw reader's Flate decoder (src/pdf/raw/inflate.ts) against zlib, as the reader used it
// before (inflateSync with finishFlush Z_SYNC_FLUSH): the same bytes wherever zlib gives
// bytes, an error wherever zlib gives one, on whole, truncated and damaged streams made by
// zlib itself at every level and strategy.
import { constants, deflateSync, inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlateError, inflateZlib } from '../src/pdf/raw/inflate.js';

const MAX = 1 << 20;

type Outcome = { bytes: string } | { error: true };

const byZlib = (data: Uint8Array, max = MAX): Outcome => {
  try {
    return { bytes: Buffer.from(inflateSync(data, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: max })).toString('hex') };
  } catch {
    return { error: true };
  }
};
const byUs = (data: Uint8Array, max = MAX): Outcome => {
  try {
    return { bytes: Buffer.from(inflateZlib(data, max)).toString('hex') };
  } catch (err) {
    if (!(err instanceof FlateError)) throw err;
    return { error: true };
  }
};

/** Data worth compressing: text of repeated words (long matches), random bytes (stored blocks, literals), runs. */
const payload = fc.oneof(
  fc.array(fc.constantFrom('BT ', '/F1 12 Tf ', '72 712 Td ', '(Curriculum Vitae) Tj ', 'ET\n', 'q 1 0 0 1 0 0 cm ', 'Q\n', '0 g ', 're f\n'), { maxLength: 400 }).map((w) => Buffer.from(w.join(''))),
  fc.uint8Array({ maxLength: 3000 }),
  fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 70_000 })).map(([b, n]) => Buffer.alloc(n, b)),
);
const options = fc.record({
  level: fc.integer({ min: 0, max: 9 }),
  strategy: fc.constantFrom(constants.Z_DEFAULT_STRATEGY, constants.Z_FILTERED, constants.Z_HUFFMAN_ONLY, constants.Z_RLE, constants.Z_FIXED),
  windowBits: fc.integer({ min: 9, max: 15 }),
  memLevel: fc.integer({ min: 1, max: 9 }),
});

describe('Flate decoding of the raw reader', () => {
  it('gives what zlib gives for whole streams', () => {
    fc.assert(
      fc.property(payload, options, (data, opts) => {
        const z = deflateSync(data, opts);
        expect(byUs(z)).toEqual({ bytes: Buffer.from(data).toString('hex') });
      }),
      { numRuns: 400 },
    );
  });

  it('gives what zlib gives for truncated streams (what decoded before the input ended)', () => {
    fc.assert(
      fc.property(payload, options, fc.double({ min: 0, max: 1, noNaN: true }), (data, opts, cut) => {
        const z = deflateSync(data, opts);
        const part = z.subarray(0, Math.floor(z.length * cut));
        expect(byUs(part)).toEqual(byZlib(part));
      }),
      { numRuns: Number(process.env.RUNS ?? 600) },
    );
  });

  it('fails where zlib fails, and agrees where it does not, on damaged streams', () => {
    fc.assert(
      fc.property(
        payload,
        options,
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
        (data, opts, damage) => {
          const z = Buffer.from(deflateSync(data, opts));
          for (const [where, byte] of damage) z[Math.floor(where * z.length)] = byte;
          expect(byUs(z)).toEqual(byZlib(z));
        },
      ),
      { numRuns: Number(process.env.RUNS ?? 1500) },
    );
  });

  it('refuses more than the output limit, as zlib does', () => {
    const z = deflateSync(Buffer.alloc(50_000, 7));
    expect(byUs(z, 10_000)).toEqual({ error: true });
    expect(byZlib(z, 10_000)).toEqual({ error: true });
    expect(byUs(z, 50_000)).toEqual(byZlib(z, 50_000));
  });

  it('refuses a preset dictionary, a bad header, a wrong checksum; gives nothing for under two bytes', () => {
    const withDictionary = deflateSync(Buffer.from('abc abc abc'), { dictionary: Buffer.from('abc') });
    expect(byUs(withDictionary)).toEqual({ error: true });
    expect(byUs(Buffer.from([0x78, 0x9d]))).toEqual({ error: true });
    const z = Buffer.from(deflateSync(Buffer.from('hello hello hello')));
    z[z.length - 1]! ^= 1;
    expect(byUs(z)).toEqual({ error: true });
    expect(byZlib(z)).toEqual({ error: true });
    expect(byUs(Buffer.from([0x78]))).toEqual(byZlib(Buffer.from([0x78])));
  });
});
