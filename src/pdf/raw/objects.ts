// The objects of a well-formed PDF, read straight from its bytes: the cross-reference table or
// stream (and the /Prev chain of incremental updates), objects in object streams, and stream
// data decoded when it is Flate or plain. Nothing is repaired: a broken table, an encrypted
// file, a filter other than Flate, a /Length that does not land on "endstream" all throw
// RawUnsupported, and the content checks then use pdf.js, which repairs. Images are never
// decoded here: only their dictionaries are read.
import { constants, inflateSync } from 'node:zlib';
import { Keyword, Lexer, Name, Ref, fail, latin1, wordAt, type Dict, type PdfValue } from './lexer.js';
import type { Hole } from '../inflation.js';

/** A decoded stream never needs more to be judged: a page's content stream is kilobytes. */
export const MAX_DECODED_BYTES = 16 * 1024 * 1024;
/** /Prev links followed: more incremental updates than this is not an ordinary document. */
const MAX_SECTIONS = 64;
/** Object numbers above this are refused (a hostile /Size). */
const MAX_OBJECTS = 1_000_000;

/**
 * A stream: its dictionary and its raw (encoded) bytes, a view into the file. A class, so that
 * `isStream` is one check of kind: asking every kind of value ('dict' in v) for its keys made
 * the optimized page walk give up each time a new kind came by, and V8 compiled it again.
 */
export class Stream {
  constructor(
    readonly dict: Dict,
    readonly raw: Uint8Array,
  ) {}
}

/** `gen`: the generation the table gives, which the object's header must repeat (as pdf.js checks). */
type Entry = { readonly kind: 'offset'; readonly offset: number; readonly gen?: number } | { readonly kind: 'compressed'; readonly stream: number; readonly index: number };

export class RawPdf {
  /**
   * The cross-reference sections, newest first: an object is where the first section that
   * knows it says. A classic table's entries are checked for their form when it is read (a
   * loop over bytes, nothing kept) and decoded only when asked for (20 bytes each, at a known
   * place), so opening a file allocates for its sections, not for its objects.
   */
  private readonly sections: ((num: number) => Entry | undefined)[] = [];
  private readonly cache = new Map<number, PdfValue | Stream>();
  private readonly resolving = new Set<number>();
  private readonly objectStreams = new Map<number, { readonly lexer: Lexer; readonly offsets: readonly number[]; readonly first: number }>();
  readonly trailer: Dict;
  /** The object streams the cross-reference streams name: pdf.js inflates these to fetch what they hold. */
  readonly objectStreamNumbers = new Set<number>();
  /** Where the dictionaries of the cross-reference streams read lie in the file: [start, end). */
  readonly xrefStreamDicts: (readonly [number, number])[] = [];

  /**
   * `hole`: bytes of the file that were not read (src/pdf/sparse.ts). Lexing into them fails on
   * their filler; decoding a stream whose data meets them fails here.
   */
  constructor(
    readonly bytes: Uint8Array,
    private readonly hole?: Hole,
  ) {
    this.trailer = this.readXref();
    if (this.trailer.has('Encrypt')) fail('encrypted');
  }

  /** The object a value stands for: references resolved (one level), others as they are. */
  get(v: PdfValue | Stream | undefined): PdfValue | Stream | undefined {
    return v instanceof Ref ? this.fetch(v.num) : v;
  }

  dictOf(v: PdfValue | Stream | undefined): Dict | undefined {
    const o = this.get(v);
    if (o instanceof Map) return o;
    if (isStream(o)) return o.dict;
    return undefined;
  }

  fetch(num: number): PdfValue | Stream | undefined {
    if (this.cache.has(num)) return this.cache.get(num);
    if (this.resolving.has(num)) return fail('reference loop');
    this.resolving.add(num);
    const entry = this.entryOf(num);
    // A reference to an object that does not exist is null (ISO 32000-1, 7.3.10).
    const v = entry === undefined ? null : entry.kind === 'offset' ? this.objectAt(entry.offset, num, entry.gen) : this.compressed(entry.stream, entry.index, num);
    this.resolving.delete(num);
    this.cache.set(num, v);
    return v;
  }

  /** A stream's data, decoded: plain or Flate (with PNG or TIFF predictors), else unsupported. */
  decode(s: Stream): Uint8Array {
    this.outsideHole(s);
    const filters = asArray(this.get(s.dict.get('Filter')) ?? null);
    const parms = asArray(this.get(s.dict.get('DecodeParms') ?? s.dict.get('DP')) ?? null);
    let data = s.raw;
    filters.forEach((f, i) => {
      const name = f instanceof Name ? f.name : fail('filter is not a name');
      if (name !== 'FlateDecode' && name !== 'Fl') fail(`filter ${name}`);
      data = inflate(data);
      const p = this.dictOf(parms[i] as PdfValue);
      if (p) data = unpredict(data, (n) => this.get(p.get(n)));
    });
    return data;
  }

  /**
   * The first bytes of a stream's decoded data, from its first `input` encoded bytes: for a
   * walk that stops at the first text it shows (a page is not blank), most of a page's content
   * need not be inflated. Null when the stream is no longer than that, or is not plain or a
   * single Flate filter without predictor: the caller decodes it whole, as before.
   */
  decodePrefix(s: Stream, input: number): Uint8Array | null {
    this.outsideHole(s);
    if (s.raw.length <= input) return null;
    const filter = this.get(s.dict.get('Filter'));
    if (filter === undefined || filter === null) return s.raw.subarray(0, input);
    const one = Array.isArray(filter) && filter.length === 1 ? this.get(filter[0]) : filter;
    if (!(one instanceof Name) || (one.name !== 'FlateDecode' && one.name !== 'Fl')) return null;
    if (s.dict.has('DecodeParms') || s.dict.has('DP')) return null;
    try {
      // Flushed, not finished: the inflated prefix of what the whole stream inflates to.
      return inflateSync(s.raw.subarray(0, input), { finishFlush: constants.Z_SYNC_FLUSH });
    } catch {
      return null;
    }
  }

  /** A stream whose data meets the hole cannot be decoded from these bytes. */
  private outsideHole(s: Stream): void {
    if (!this.hole) return;
    const start = s.raw.byteOffset - this.bytes.byteOffset;
    if (start < this.hole.end && start + s.raw.length > this.hole.start) fail('stream data not read');
  }

  private readXref(): Dict {
    const b = this.bytes;
    const tail = latin1(b, Math.max(0, b.length - 1024), b.length);
    const at = tail.lastIndexOf('startxref');
    if (at < 0) fail('no startxref');
    const m = /^startxref\s+(\d+)/.exec(tail.slice(at));
    if (!m) fail('bad startxref');
    let offset: number | undefined = Number(m![1]);
    let trailer: Dict | undefined;
    const seen = new Set<number>();
    for (let n = 0; offset !== undefined; n++) {
      if (n >= MAX_SECTIONS || seen.has(offset)) fail('xref chain too long or looping');
      seen.add(offset);
      const section = this.readSection(offset);
      trailer ??= section;
      // A hybrid file's trailer points at an xref stream too: its entries come after the table's.
      const stm = section.get('XRefStm');
      if (typeof stm === 'number') this.readSection(stm);
      const prev = section.get('Prev');
      offset = typeof prev === 'number' ? prev : undefined;
    }
    if (!trailer) fail('no trailer');
    return trailer!;
  }

  private entryOf(num: number): Entry | undefined {
    for (const section of this.sections) {
      const e = section(num);
      if (e !== undefined) return e;
    }
    return undefined;
  }

  /** One section, after the newer ones: its entries count where no newer section has one. */
  private readSection(offset: number): Dict {
    if (!Number.isSafeInteger(offset) || offset < 0 || offset >= this.bytes.length) fail('xref offset out of the file');
    const lx = new Lexer(this.bytes, offset);
    const first = lx.value(false);
    if (first instanceof Keyword && first.word === 'xref') return this.readTable(lx);
    // An xref stream: "n g obj << ... >> stream".
    lx.pos = offset;
    const s = this.objectAt(offset, undefined);
    if (!isStream(s) || !(s.dict.get('Type') instanceof Name) || (s.dict.get('Type') as Name).name !== 'XRef') return fail('no xref at startxref');
    this.xrefStreamDicts.push([offset, s.raw.byteOffset - this.bytes.byteOffset]);
    this.readXrefStream(s);
    return s.dict;
  }

  private readTable(lx: Lexer): Dict {
    for (;;) {
      const t = lx.value(false);
      if (t instanceof Keyword && t.word === 'trailer') break;
      const count = lx.value(false);
      if (typeof t !== 'number' || typeof count !== 'number' || count < 0 || t < 0 || t + count > MAX_OBJECTS) fail('bad xref subsection');
      const first = t as number;
      const n = count as number;
      lx.skipSpace();
      const at = lx.pos;
      // The standard layout: 20 bytes an entry, looked up on demand; anything else, token by
      // token. Every entry is checked first all the same: pdf.js reads the whole table, and
      // one broken entry, even of an object no page needs, sends it into repair.
      if (n > 0 && everyFixed(this.bytes, at, n)) {
        const bytes = this.bytes;
        this.sections.push((num) => {
          if (num < first || num >= first + n) return undefined;
          const e = fixedEntry(bytes, at + (num - first) * 20);
          return e ?? fail('bad xref entry');
        });
        lx.pos = at + n * 20;
        continue;
      }
      const entries = new Map<number, Entry>();
      for (let i = 0; i < n; i++) {
        const off = lx.value(false);
        const gen = lx.value(false);
        const kind = lx.value(false);
        if (typeof off !== 'number' || typeof gen !== 'number' || !(kind instanceof Keyword)) fail('bad xref entry');
        if ((kind as Keyword).word === 'n') entries.set(first + i, { kind: 'offset', offset: off as number, gen: gen as number });
        else if ((kind as Keyword).word === 'f') entries.set(first + i, { kind: 'offset', offset: -1 });
        else fail('bad xref entry');
      }
      this.sections.push((num) => entries.get(num));
    }
    const trailer = lx.value(true);
    if (!(trailer instanceof Map)) fail('bad trailer');
    // pdf.js reads a token past the trailer: it must lex.
    lx.skipToken();
    return trailer as Dict;
  }

  private readXrefStream(s: Stream): void {
    const w = this.get(s.dict.get('W'));
    const size = this.get(s.dict.get('Size'));
    if (!Array.isArray(w) || w.length < 3 || !w.every((x) => typeof x === 'number' && x >= 0 && x <= 8) || typeof size !== 'number') fail('bad xref stream');
    const [w0, w1, w2] = w as number[];
    const index = (this.get(s.dict.get('Index')) as PdfValue[] | undefined) ?? [0, size as number];
    const data = this.decode(s);
    const rowLength = w0! + w1! + w2!;
    const entries = new Map<number, Entry>();
    this.sections.push((num) => entries.get(num));
    let at = 0;
    const field = (len: number, dflt: number) => {
      if (len === 0) return dflt;
      let v = 0;
      for (let k = 0; k < len; k++) v = v * 256 + data[at++]!;
      return v;
    };
    for (let i = 0; i + 1 < index.length; i += 2) {
      const start = index[i];
      const count = index[i + 1];
      if (typeof start !== 'number' || typeof count !== 'number' || start < 0 || count < 0 || start + count > MAX_OBJECTS) fail('bad xref stream index');
      for (let k = 0; k < (count as number); k++) {
        if (at + rowLength > data.length) fail('xref stream too short');
        const type = field(w0!, 1);
        const f2 = field(w1!, 0);
        const f3 = field(w2!, 0);
        const num = (start as number) + k;
        if (type === 1) entries.set(num, { kind: 'offset', offset: f2, gen: f3 });
        else if (type === 2) {
          entries.set(num, { kind: 'compressed', stream: f2, index: f3 });
          this.objectStreamNumbers.add(f2);
        }
        else entries.set(num, { kind: 'offset', offset: -1 });
      }
    }
  }

  /** "num gen obj <value> [stream ... endstream] endobj" at `offset`. */
  private objectAt(offset: number, expected: number | undefined, expectedGen?: number): PdfValue | Stream {
    if (offset < 0) return null; // a free entry
    if (offset >= this.bytes.length) fail('object offset out of the file');
    const lx = new Lexer(this.bytes, offset);
    const num = lx.value(false);
    const gen = lx.value(false);
    const obj = lx.value(false);
    if (
      typeof num !== 'number' ||
      typeof gen !== 'number' ||
      !(obj instanceof Keyword) ||
      obj.word !== 'obj' ||
      (expected !== undefined && num !== expected) ||
      (expectedGen !== undefined && gen !== expectedGen)
    )
      fail('no object where the table says');
    const v = lx.value(true);
    lx.skipSpace();
    if (!(v instanceof Map) || !wordAt(this.bytes, lx.pos, 'stream')) {
      // pdf.js reads a token past every object, and throws on one that does not lex (a stray
      // ")"): "endobj" must follow, or the file is not plain.
      const after = lx.value(false);
      if (!(after instanceof Keyword) || after.word !== 'endobj') fail('no endobj after the object');
      return v;
    }
    let start = lx.pos + 6;
    if (this.bytes[start] === 0x0d) start++;
    if (this.bytes[start] === 0x0a) start++;
    const length = this.get(v.get('Length'));
    if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0 || start + length > this.bytes.length) return fail('bad stream length');
    // The data must end where /Length says: "endstream" right after (give or take an end of line).
    let end = start + length;
    while (end < this.bytes.length && (this.bytes[end] === 0x0d || this.bytes[end] === 0x0a || this.bytes[end] === 0x20)) end++;
    if (!wordAt(this.bytes, end, 'endstream')) fail('stream length does not land on endstream');
    // And past "endstream", a token that must lex ("endobj").
    lx.pos = end + 9;
    lx.skipToken();
    return new Stream(v, this.bytes.subarray(start, start + length));
  }

  private compressed(streamNum: number, index: number, num: number): PdfValue | Stream {
    let os = this.objectStreams.get(streamNum);
    if (!os) {
      const s = this.fetch(streamNum);
      if (!isStream(s)) return fail('object stream is not a stream');
      const n = this.get(s.dict.get('N'));
      const first = this.get(s.dict.get('First'));
      if (typeof n !== 'number' || typeof first !== 'number' || n < 0 || n > MAX_OBJECTS) return fail('bad object stream');
      const data = this.decode(s);
      const lx = new Lexer(data);
      const offsets: number[] = [];
      for (let i = 0; i < n; i++) {
        const objNum = lx.value(false);
        const off = lx.value(false);
        if (typeof objNum !== 'number' || typeof off !== 'number') fail('bad object stream header');
        offsets.push(off as number);
      }
      os = { lexer: lx, offsets, first };
      this.objectStreams.set(streamNum, os);
    }
    const off = os.offsets[index];
    if (off === undefined) return fail(`object ${num} not in its object stream`);
    os.lexer.pos = os.first + off;
    const v = os.lexer.value(true);
    // pdf.js reads one token past the object too: it must lex (the next object, or the end).
    os.lexer.skipToken();
    return v;
  }
}

/** Whether all `n` entries from `at` are in the standard 20-byte layout (a check, nothing kept). */
function everyFixed(b: Uint8Array, at: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (fixedEntry(b, at + i * 20) === null) return false;
  return true;
}

/** A classic table entry, "oooooooooo ggggg n" and a two-byte end of line, at `at`; null if not one. */
function fixedEntry(b: Uint8Array, at: number): Entry | null {
  if (at < 0 || at + 20 > b.length) return null;
  let offset = 0;
  for (let i = 0; i < 10; i++) {
    const c = b[at + i]!;
    if (c < 0x30 || c > 0x39) return null;
    offset = offset * 10 + (c - 0x30);
  }
  if (b[at + 10] !== 0x20 || b[at + 16] !== 0x20) return null;
  for (let i = 11; i < 16; i++) if (b[at + i]! < 0x30 || b[at + i]! > 0x39) return null;
  const eol = (c: number | undefined) => c === 0x20 || c === 0x0d || c === 0x0a;
  if (!eol(b[at + 18]) || !eol(b[at + 19])) return null;
  const kind = b[at + 17];
  if (kind === 0x6e /* n */) {
    let gen = 0;
    for (let i = 11; i < 16; i++) gen = gen * 10 + (b[at + i]! - 0x30);
    return { kind: 'offset', offset, gen };
  }
  if (kind === 0x66 /* f */) return { kind: 'offset', offset: -1 };
  return null;
}

export const isStream = (v: unknown): v is Stream => v instanceof Stream;

const asArray = (v: PdfValue | Stream): (PdfValue | Stream)[] => (v === null ? [] : Array.isArray(v) ? v : [v]);

function inflate(data: Uint8Array): Uint8Array {
  try {
    return inflateSync(data, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: MAX_DECODED_BYTES });
  } catch {
    return fail('Flate data damaged or too large');
  }
}

/** Undo a PNG (10–15) predictor, as xref and object streams use; others are unsupported. */
function unpredict(data: Uint8Array, get: (key: string) => PdfValue | Stream | undefined): Uint8Array {
  const predictor = get('Predictor') ?? 1;
  if (predictor === 1) return data;
  if (typeof predictor !== 'number' || predictor < 10) return fail(`predictor ${String(predictor)}`);
  const colors = (get('Colors') as number | undefined) ?? 1;
  const bpc = (get('BitsPerComponent') as number | undefined) ?? 8;
  const columns = (get('Columns') as number | undefined) ?? 1;
  if (![colors, bpc, columns].every((n) => typeof n === 'number' && Number.isSafeInteger(n) && n > 0 && n < 1 << 20)) return fail('bad predictor parameters');
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowBytes = Math.ceil((colors * bpc * columns) / 8);
  const rows = Math.floor(data.length / (rowBytes + 1));
  const out = new Uint8Array(rows * rowBytes);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowBytes + 1)]!;
    const src = r * (rowBytes + 1) + 1;
    const dst = r * rowBytes;
    for (let i = 0; i < rowBytes; i++) {
      const x = data[src + i]!;
      const left = i >= bpp ? out[dst + i - bpp]! : 0;
      const up = r > 0 ? out[dst - rowBytes + i]! : 0;
      const upLeft = r > 0 && i >= bpp ? out[dst - rowBytes + i - bpp]! : 0;
      let v: number;
      switch (type) {
        case 0: v = x; break; // prettier-ignore
        case 1: v = x + left; break; // prettier-ignore
        case 2: v = x + up; break; // prettier-ignore
        case 3: v = x + ((left + up) >> 1); break; // prettier-ignore
        case 4: {
          const p = left + up - upLeft;
          const pa = Math.abs(p - left);
          const pb = Math.abs(p - up);
          const pc = Math.abs(p - upLeft);
          v = x + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
          break;
        }
        default:
          return fail('bad PNG predictor row');
      }
      out[dst + i] = v & 0xff;
    }
  }
  return out;
}
