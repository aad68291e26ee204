// PDF syntax, token by token (ISO 32000-1, 7.2–7.3): numbers, names, strings, arrays,
// dictionaries, references and keywords, read from bytes with no copy of the input. Shared by
// the object reader (objects.ts) and the content-stream walker (content.ts). Strict where
// leniency would cost a guess: anything unexpected throws RawUnsupported, and the caller
// falls back to pdf.js, which knows how to repair.

export class RawUnsupported extends Error {}

export const fail = (why: string): never => {
  throw new RawUnsupported(why);
};

/** A name object (/Type), decoded (#xx escapes). Interned: compare with ===. */
export class Name {
  private static readonly all = new Map<string, Name>();
  private constructor(readonly name: string) {}
  static of(name: string): Name {
    let n = Name.all.get(name);
    if (!n) {
      // Hostile files can hold millions of distinct names: intern only the short ones.
      n = new Name(name);
      if (name.length <= 32 && Name.all.size < 10_000) Name.all.set(name, n);
    }
    return n;
  }
  toString() {
    return `/${this.name}`;
  }
}

/** An indirect reference (12 0 R). */
export class Ref {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
  toString() {
    return `${this.num}R${this.gen}`;
  }
}

/** An operator or other bare word (obj, stream, R, true, Tj...). */
export class Keyword {
  constructor(readonly word: string) {}
}

export type Dict = Map<string, PdfValue>;
export type PdfValue = number | boolean | null | Name | Uint8Array | Ref | PdfValue[] | Dict | Keyword;

const WHITE = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) WHITE[c] = 1;
const DELIM = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIM[c.charCodeAt(0)] = 1;
const isRegular = (c: number) => WHITE[c] === 0 && DELIM[c] === 0;

/** Objects nested deeper than this are refused (a hostile file's [[[[...]]]]). */
const MAX_DEPTH = 64;
/** Strings and arrays longer than this are refused: a page's text needs far less. */
const MAX_ITEMS = 1_000_000;

const DICT_END = Symbol('>>');
const ARRAY_END = Symbol(']');

export class Lexer {
  pos: number;
  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    readonly end = bytes.length,
  ) {
    this.pos = start;
  }

  skipSpace(): void {
    const b = this.bytes;
    for (;;) {
      while (this.pos < this.end && WHITE[b[this.pos]!] === 1) this.pos++;
      if (this.pos < this.end && b[this.pos] === 0x25 /* % */) {
        while (this.pos < this.end && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
        continue;
      }
      return;
    }
  }

  atEnd(): boolean {
    this.skipSpace();
    return this.pos >= this.end;
  }

  /** The next object; `R` references are read as such when `refs` (object syntax, not content streams). */
  value(refs: boolean, depth = 0): PdfValue {
    const v = this.token(refs, depth);
    if (v === DICT_END || v === ARRAY_END) return fail('unbalanced delimiter');
    if (v === undefined) return fail('unexpected end of data');
    return v;
  }

  /** Read past the next token, whatever it is (the end, a delimiter): throws only where pdf.js's lexer would. */
  skipToken(): void {
    this.skipSpace();
    if (this.pos >= this.end) return;
    const b = this.bytes;
    const c = b[this.pos]!;
    // One lexical token, as pdf.js's lexer reads it: "<<" is one, not the dictionary it opens.
    if ((c === 0x3c && b[this.pos + 1] === 0x3c) || (c === 0x3e && b[this.pos + 1] === 0x3e)) this.pos += 2;
    else if (c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d) this.pos++;
    else if (c === 0x3e) fail('stray >');
    else this.token(false, 0);
  }

  private token(refs: boolean, depth: number): PdfValue | typeof DICT_END | typeof ARRAY_END | undefined {
    if (depth > MAX_DEPTH) fail('nesting too deep');
    this.skipSpace();
    if (this.pos >= this.end) return undefined;
    const b = this.bytes;
    const c = b[this.pos]!;
    switch (c) {
      case 0x2f /* / */:
        return this.name();
      case 0x28 /* ( */:
        return this.literalString();
      case 0x3c /* < */:
        if (b[this.pos + 1] === 0x3c) {
          this.pos += 2;
          return this.dict(refs, depth);
        }
        return this.hexString();
      case 0x3e /* > */:
        if (b[this.pos + 1] === 0x3e) {
          this.pos += 2;
          return DICT_END;
        }
        return fail('stray >');
      case 0x5b /* [ */: {
        this.pos++;
        const items: PdfValue[] = [];
        for (;;) {
          const v = this.token(refs, depth + 1);
          if (v === ARRAY_END) return items;
          if (v === undefined || v === DICT_END) return fail('unterminated array');
          if (refs && v instanceof Keyword && v.word === 'R') {
            const gen = items.pop();
            const num = items.pop();
            if (typeof num !== 'number' || typeof gen !== 'number') fail('bad reference');
            items.push(new Ref(num as number, gen as number));
          } else items.push(v);
          if (items.length > MAX_ITEMS) fail('array too long');
        }
      }
      case 0x5d /* ] */:
        this.pos++;
        return ARRAY_END;
      case 0x7b:
      case 0x7d: // { } only in PostScript functions
        this.pos++;
        return new Keyword(String.fromCharCode(c));
      default:
        break;
    }
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) return this.number();
    const start = this.pos;
    while (this.pos < this.end && isRegular(b[this.pos]!)) this.pos++;
    if (this.pos === start) {
      this.pos++;
      return fail('unexpected byte');
    }
    // A content stream is mostly operators and numbers: the same few keywords, found again by
    // their bytes rather than built again as strings.
    const len = this.pos - start;
    const known = SEEN_WORDS.get(b, start, len);
    if (known !== undefined) return known;
    const word = latin1(b, start, this.pos);
    const value = word === 'true' ? true : word === 'false' ? false : word === 'null' ? null : new Keyword(word);
    SEEN_WORDS.set(b, start, len, word, value);
    return value;
  }

  private dict(refs: boolean, depth: number): Dict {
    const d: Dict = new Map();
    for (;;) {
      const k = this.token(refs, depth + 1);
      if (k === DICT_END) return d;
      if (!(k instanceof Name)) return fail('dictionary key is not a name');
      let v = this.token(refs, depth + 1);
      if (v === undefined || v === ARRAY_END) return fail('unterminated dictionary');
      // A key with no value: pdf.js takes the ">>" for its value and reads on past the end of
      // the dictionary. Not plain.
      if (v === DICT_END) return fail('dictionary key without a value');
      if (refs && typeof v === 'number') {
        // Maybe "12 0 R".
        const save = this.pos;
        const g = this.token(refs, depth + 1);
        const r = typeof g === 'number' ? this.token(refs, depth + 1) : undefined;
        if (typeof g === 'number' && r instanceof Keyword && r.word === 'R') v = new Ref(v, g);
        else this.pos = save;
      }
      d.set(k.name, v);
    }
  }

  private number(): number {
    const b = this.bytes;
    const start = this.pos;
    if (b[this.pos] === 0x2b || b[this.pos] === 0x2d) this.pos++;
    while (this.pos < this.end) {
      const c = b[this.pos]!;
      if ((c >= 0x30 && c <= 0x39) || c === 0x2e) this.pos++;
      else break;
    }
    const quick = plainNumber(b, start, this.pos);
    if (quick !== undefined) return quick;
    const n = Number(latin1(b, start, this.pos));
    // "-", "--5", "1.2.3" and friends: pdf.js reads some as 0 and throws on others (a lone
    // sign before "]"). Not plain: pdf.js decides what the file is.
    return Number.isFinite(n) ? n : fail('malformed number');
  }

  private name(): Name {
    const b = this.bytes;
    this.pos++;
    const start = this.pos;
    while (this.pos < this.end && isRegular(b[this.pos]!)) this.pos++;
    // Names (/Type, /F1, /FlateDecode, /MediaBox...) too, by their bytes, as keywords are.
    const len = this.pos - start;
    const known = SEEN_NAMES.get(b, start, len);
    if (known !== undefined) return known;
    let s = latin1(b, start, this.pos);
    if (s.includes('#')) s = s.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    const name = Name.of(s);
    // Kept by its bytes only when they spell it: an escape (#20) makes the name shorter.
    if (s.length === len) SEEN_NAMES.set(b, start, len, s, name);
    return name;
  }

  private literalString(): Uint8Array {
    const b = this.bytes;
    this.pos++;
    const out: number[] = [];
    let depth = 1;
    while (this.pos < this.end) {
      let c = b[this.pos++]!;
      if (c === 0x28) depth++;
      else if (c === 0x29 && --depth === 0) return Uint8Array.from(out);
      else if (c === 0x5c /* \ */) {
        c = b[this.pos++]!;
        switch (c) {
          case 0x6e: c = 0x0a; break; // prettier-ignore
          case 0x72: c = 0x0d; break; // prettier-ignore
          case 0x74: c = 0x09; break; // prettier-ignore
          case 0x62: c = 0x08; break; // prettier-ignore
          case 0x66: c = 0x0c; break; // prettier-ignore
          case 0x0d:
            if (b[this.pos] === 0x0a) this.pos++;
            continue;
          case 0x0a:
            continue;
          default:
            if (c >= 0x30 && c <= 0x37) {
              let v = c - 0x30;
              for (let k = 0; k < 2 && b[this.pos]! >= 0x30 && b[this.pos]! <= 0x37; k++) v = v * 8 + (b[this.pos++]! - 0x30);
              c = v & 0xff;
            }
        }
      }
      out.push(c);
      if (out.length > MAX_ITEMS) fail('string too long');
    }
    return fail('unterminated string');
  }

  private hexString(): Uint8Array {
    const b = this.bytes;
    this.pos++;
    const out: number[] = [];
    let high = -1;
    while (this.pos < this.end) {
      const c = b[this.pos++]!;
      if (c === 0x3e) {
        if (high >= 0) out.push(high << 4);
        return Uint8Array.from(out);
      }
      const v = hexValue(c);
      if (v < 0) continue; // whitespace, or junk pdf.js skips as well
      if (high < 0) high = v;
      else {
        out.push((high << 4) | v);
        high = -1;
      }
      if (out.length > MAX_ITEMS) fail('string too long');
    }
    return fail('unterminated hex string');
  }
}

/**
 * Keywords and names already read, found again by their bytes: every file and content stream
 * repeats the same few dozen (operators, /Type, /Font, /FlateDecode, /MediaBox), and building
 * each again as a string, then looking it up, was among a worker's largest costs in time and
 * in what it allocated (README Performance). A table of SEEN_SLOTS
 * entries indexed by a hash of the bytes, the last one seen winning its slot, and an entry
 * taken only when its text is the very bytes read: a hostile file's thousands of distinct
 * tokens cost no memory, and a collision only a string built again.
 */
class SeenTokens<T> {
  private readonly texts: (string | undefined)[] = new Array(SEEN_SLOTS).fill(undefined);
  private readonly values: (T | undefined)[] = new Array(SEEN_SLOTS).fill(undefined);

  get(b: Uint8Array, start: number, len: number): T | undefined {
    if (len > MAX_SEEN_BYTES) return undefined;
    const slot = slotOf(b, start, len);
    const text = this.texts[slot];
    if (text === undefined || text.length !== len) return undefined;
    for (let i = 0; i < len; i++) if (text.charCodeAt(i) !== b[start + i]) return undefined;
    return this.values[slot];
  }

  /** `text`: the bytes' own text, one character a byte. */
  set(b: Uint8Array, start: number, len: number, text: string, value: T): void {
    if (len > MAX_SEEN_BYTES) return;
    const slot = slotOf(b, start, len);
    this.texts[slot] = text;
    this.values[slot] = value;
  }
}

const SEEN_SLOTS = 2048;
const MAX_SEEN_BYTES = 32;
const SEEN_WORDS = new SeenTokens<Keyword | boolean | null>();
const SEEN_NAMES = new SeenTokens<Name>();

/** FNV-1a of the bytes, to a slot. */
function slotOf(b: Uint8Array, start: number, len: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < start + len; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
  return (h >>> 0) & (SEEN_SLOTS - 1);
}

/**
 * A number written [sign] digits [. digits] with at most 15 digits, read from its bytes:
 * the quotient of two exact integers, rounded once, is the double nearest the decimal, which
 * is what Number() gives for its text. Undefined for anything else (no digit, a second sign
 * or point, more digits), which the text then decides.
 */
function plainNumber(b: Uint8Array, start: number, end: number): number | undefined {
  let i = start;
  const negative = b[i] === 0x2d;
  if (negative || b[i] === 0x2b) i++;
  let digits = 0;
  let scale = 0;
  let value = 0;
  let point = false;
  for (; i < end; i++) {
    const c = b[i]!;
    if (c === 0x2e) {
      if (point) return undefined;
      point = true;
    } else if (c >= 0x30 && c <= 0x39) {
      value = value * 10 + (c - 0x30);
      digits++;
      if (point) scale++;
    } else return undefined;
  }
  if (digits === 0 || digits > 15) return undefined;
  const n = scale === 0 ? value : value / POWERS_OF_TEN[scale]!;
  return negative ? -n : n;
}
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/** Whether `word` (one character a byte) is written at `at`: compared in the bytes, no string made of them. */
export function wordAt(b: Uint8Array, at: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) if (b[at + i] !== word.charCodeAt(i)) return false;
  return true;
}

/**
 * The bytes as text, one character a byte. A token's few bytes are joined here; a longer run
 * (the file's last kilobyte, where startxref is looked for) is Buffer's: joined a character at
 * a time, that kilobyte left 40 KB of intermediate strings for every file, a quarter of what
 * a worker allocated.
 */
export function latin1(b: Uint8Array, start: number, end: number): string {
  if (end - start > 32) return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1', start, end);
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i]!);
  return s;
}

export const isWhiteByte = (c: number | undefined) => c !== undefined && WHITE[c] === 1;
