// Flate (zlib, RFC 1950/1951) decoding for the raw reader's small streams: the start of a
// page's content, object streams, cross-reference streams. Node's inflateSync builds a zlib
// stream object for every call: about 30 µs before the first byte, for inputs of 300 bytes on
// average, where decoding them takes 2. A worker made some 6,000 such calls per 1,000
// dossiers of the benchmark (7 % of its time). Decoded here, in plain code, the same bytes
// cost a few microseconds.
//
// It answers as Node's inflateSync with finishFlush Z_SYNC_FLUSH did before it, which the
// callers relied on (test/inflate.property.test.ts compares the two on random, truncated and
// damaged data): the same bytes for a stream that decodes, what decoded before the input ran
// out for a truncated one, and an error wherever zlib gave one (a bad header, a preset
// dictionary, an invalid code set or code, a distance too far back, a wrong Adler-32, more
// than `maxOutput` bytes). Large streams (the bomb scan of src/pdf/inflation.ts) stay zlib's.

export class FlateError extends Error {}

/** The input ended: what decoded so far is the answer (zlib's Z_SYNC_FLUSH). Thrown as is, no stack. */
const OUT_OF_INPUT = Object.freeze({ outOfInput: true });

const MAX_BITS = 15;
/** Codes up to this length are decoded by one table lookup; longer ones bit by bit. */
const FAST_BITS = 9;

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
/** The order in which a dynamic block gives the code lengths of its code-length code. */
const CLEN_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** A canonical Huffman code: counts and symbols by length (for the bit-by-bit path), and the fast table. */
interface Code {
  readonly count: Uint16Array;
  readonly symbol: Uint16Array;
  /** By the next FAST_BITS bits (first bit lowest): length << 16 | symbol, or 0 for a longer code. */
  readonly fast: Int32Array;
}

type CodeKind = 'code-lengths' | 'literals' | 'distances';

const codeFor = (symbols: number): Code => ({ count: new Uint16Array(MAX_BITS + 1), symbol: new Uint16Array(symbols), fast: new Int32Array(1 << FAST_BITS) });

/**
 * The tables of a dynamic block's three codes, filled anew for each block: decoding is
 * synchronous and never nested, and typed arrays of this size live outside the heap, where
 * allocating them for every block was a twentieth of what a worker allocated.
 */
const SCRATCH: Record<CodeKind, Code> = { 'code-lengths': codeFor(19), literals: codeFor(288), distances: codeFor(32) };
/** A dynamic block's code lengths, literals then distances (286 + 30 at most). */
const LENGTHS = new Uint8Array(286 + 30);
const CLEN = new Uint8Array(19);

/** The code for these lengths, into `into`, refused as zlib's inflate_table refuses it. */
function buildCode(lengths: Uint8Array, kind: CodeKind, into: Code = SCRATCH[kind]): Code {
  const { count, symbol, fast } = into;
  count.fill(0);
  fast.fill(0);
  for (const l of lengths) count[l]!++;
  count[0] = 0;
  let max = MAX_BITS;
  while (max >= 1 && count[max] === 0) max--;
  // No symbol at all: allowed, and any use of the code is then an invalid code.
  if (max === 0) return into;
  let left = 1;
  for (let len = 1; len <= MAX_BITS; len++) {
    left = (left << 1) - count[len]!;
    if (left < 0) throw new FlateError(`over-subscribed ${kind} code`);
  }
  if (left > 0 && (kind === 'code-lengths' || max !== 1)) throw new FlateError(`incomplete ${kind} code`);
  const offset = new Uint16Array(MAX_BITS + 2);
  for (let len = 1; len <= MAX_BITS; len++) offset[len + 1] = offset[len]! + count[len]!;
  for (let s = 0; s < lengths.length; s++) if (lengths[s] !== 0) symbol[offset[lengths[s]!]!++] = s;
  // Canonical codes in order of length then symbol; each short one fills every table entry
  // whose low bits are its bits reversed (Deflate sends codes first bit first).
  let code = 0;
  let k = 0;
  for (let len = 1; len <= MAX_BITS; len++) {
    for (let n = 0; n < count[len]!; n++, k++, code++) {
      if (len > FAST_BITS) continue;
      let rev = 0;
      for (let b = 0; b < len; b++) rev |= ((code >> b) & 1) << (len - 1 - b);
      for (let e = rev; e < 1 << FAST_BITS; e += 1 << len) fast[e] = (len << 16) | symbol[k]!;
    }
    code <<= 1;
  }
  return into;
}

let fixed: { literals: Code; distances: Code } | undefined;

function fixedCodes(): { literals: Code; distances: Code } {
  if (!fixed) {
    const lit = new Uint8Array(288);
    lit.fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288);
    fixed = { literals: buildCode(lit, 'literals', codeFor(288)), distances: buildCode(new Uint8Array(32).fill(5), 'distances', codeFor(32)) };
  }
  return fixed;
}

class Inflater {
  private pos: number;
  private bits = 0;
  private count = 0;
  out: Uint8Array;
  length = 0;

  constructor(
    private readonly input: Uint8Array,
    start: number,
    private readonly maxOutput: number,
  ) {
    this.pos = start;
    this.out = new Uint8Array(Math.min(maxOutput, Math.max(1024, input.length * 4)));
  }

  /** n bits (n ≤ 16), first bit lowest. */
  private take(n: number): number {
    while (this.count < n) {
      if (this.pos >= this.input.length) throw OUT_OF_INPUT;
      this.bits |= this.input[this.pos++]! << this.count;
      this.count += 8;
    }
    const v = this.bits & ((1 << n) - 1);
    this.bits >>>= n;
    this.count -= n;
    return v;
  }

  private decode(code: Code): number {
    // Fill up to 16 bits where the input has them; the fast table needs FAST_BITS at most.
    while (this.count <= 8 && this.pos < this.input.length) {
      this.bits |= this.input[this.pos++]! << this.count;
      this.count += 8;
    }
    const e = code.fast[this.bits & ((1 << FAST_BITS) - 1)]!;
    const len = e >>> 16;
    if (e !== 0 && len <= this.count) {
      this.bits >>>= len;
      this.count -= len;
      return e & 0xffff;
    }
    // A code longer than FAST_BITS, or too few bits left: canonical decoding, bit by bit.
    let c = 0;
    let first = 0;
    let index = 0;
    for (let l = 1; l <= MAX_BITS; l++) {
      c |= this.take(1);
      const n = code.count[l]!;
      if (c - n < first) return code.symbol[index + (c - first)]!;
      index += n;
      first = (first + n) << 1;
      c <<= 1;
    }
    throw new FlateError('invalid code');
  }

  private room(n: number): void {
    const need = this.length + n;
    if (need <= this.out.length) return;
    if (need > this.maxOutput) throw new FlateError('too large');
    const grown = new Uint8Array(Math.min(this.maxOutput, Math.max(need, this.out.length * 2)));
    grown.set(this.out.subarray(0, this.length));
    this.out = grown;
  }

  /** Every block, to the final one; then the stream's Adler-32 if the input holds it. */
  run(): void {
    for (;;) {
      const final = this.take(1);
      const type = this.take(2);
      if (type === 0) this.stored();
      else if (type === 1) this.codes(fixedCodes().literals, fixedCodes().distances);
      else if (type === 2) this.dynamic();
      else throw new FlateError('invalid block type');
      if (final) break;
    }
    // The trailer starts at the next whole byte; bytes already taken into the bit buffer are
    // given back.
    const at = this.pos - (this.count >> 3);
    if (at + 4 > this.input.length) return;
    const want = ((this.input[at]! << 24) | (this.input[at + 1]! << 16) | (this.input[at + 2]! << 8) | this.input[at + 3]!) >>> 0;
    if (adler32(this.out, this.length) !== want) throw new FlateError('incorrect data check');
  }

  private stored(): void {
    this.bits = 0;
    this.count -= this.count & 7;
    // Whole bytes left in the bit buffer go back to the input.
    this.pos -= this.count >> 3;
    this.count = 0;
    if (this.pos + 4 > this.input.length) throw OUT_OF_INPUT;
    const b = this.input;
    const len = b[this.pos]! | (b[this.pos + 1]! << 8);
    const nlen = b[this.pos + 2]! | (b[this.pos + 3]! << 8);
    if (len !== (~nlen & 0xffff)) throw new FlateError('invalid stored block lengths');
    this.pos += 4;
    const n = Math.min(len, b.length - this.pos);
    this.room(n);
    this.out.set(b.subarray(this.pos, this.pos + n), this.length);
    this.length += n;
    this.pos += n;
    if (n < len) throw OUT_OF_INPUT;
  }

  private dynamic(): void {
    const nlen = this.take(5) + 257;
    const ndist = this.take(5) + 1;
    const ncode = this.take(4) + 4;
    if (nlen > 286 || ndist > 30) throw new FlateError('too many length or distance symbols');
    const clen = CLEN.fill(0);
    for (let i = 0; i < ncode; i++) clen[CLEN_ORDER[i]!] = this.take(3);
    const lencode = buildCode(clen, 'code-lengths');
    const lengths = LENGTHS.subarray(0, nlen + ndist).fill(0);
    for (let i = 0; i < nlen + ndist; ) {
      const sym = this.decode(lencode);
      if (sym < 16) {
        lengths[i++] = sym;
        continue;
      }
      let value = 0;
      let repeat: number;
      if (sym === 16) {
        if (i === 0) throw new FlateError('invalid bit length repeat');
        value = lengths[i - 1]!;
        repeat = 3 + this.take(2);
      } else if (sym === 17) repeat = 3 + this.take(3);
      else repeat = 11 + this.take(7);
      if (i + repeat > nlen + ndist) throw new FlateError('invalid bit length repeat');
      lengths.fill(value, i, i + repeat);
      i += repeat;
    }
    if (lengths[256] === 0) throw new FlateError('missing end-of-block code');
    this.codes(buildCode(lengths.subarray(0, nlen), 'literals'), buildCode(lengths.subarray(nlen), 'distances'));
  }

  private codes(literals: Code, distances: Code): void {
    for (;;) {
      const sym = this.decode(literals);
      if (sym < 256) {
        this.room(1);
        this.out[this.length++] = sym;
        continue;
      }
      if (sym === 256) return;
      const li = sym - 257;
      if (li >= 29) throw new FlateError('invalid literal/length code');
      const len = LENGTH_BASE[li]! + this.take(LENGTH_EXTRA[li]!);
      const ds = this.decode(distances);
      if (ds >= 30) throw new FlateError('invalid distance code');
      const dist = DIST_BASE[ds]! + this.take(DIST_EXTRA[ds]!);
      if (dist > this.length) throw new FlateError('invalid distance too far back');
      this.room(len);
      const o = this.out;
      for (let k = 0, from = this.length - dist; k < len; k++) o[this.length + k] = o[from + k]!;
      this.length += len;
    }
  }
}

function adler32(b: Uint8Array, length: number): number {
  let a = 1;
  let s = 0;
  for (let i = 0; i < length; ) {
    // 5552: the most bytes before the sums must be reduced (zlib's NMAX).
    const end = Math.min(length, i + 5552);
    for (; i < end; i++) {
      a += b[i]!;
      s += a;
    }
    a %= 65521;
    s %= 65521;
  }
  return ((s << 16) | a) >>> 0;
}

/**
 * The zlib stream's data, inflated: all of it, or what decoded before the input ended.
 * Throws FlateError where zlib gave an error, and past `maxOutput` bytes.
 */
export function inflateZlib(input: Uint8Array, maxOutput: number): Uint8Array {
  // Fewer than two bytes: no header yet, nothing decoded (zlib says nothing either).
  if (input.length < 2) return new Uint8Array(0);
  const cmf = input[0]!;
  const flg = input[1]!;
  if ((cmf & 0x0f) !== 8 || ((cmf << 8) | flg) % 31 !== 0) throw new FlateError('incorrect header check');
  if (cmf >> 4 > 7) throw new FlateError('invalid window size');
  if (flg & 0x20) throw new FlateError('missing dictionary');
  const inflater = new Inflater(input, 2, maxOutput);
  try {
    inflater.run();
  } catch (err) {
    if (err !== OUT_OF_INPUT) throw err;
  }
  return inflater.out.subarray(0, inflater.length);
}
