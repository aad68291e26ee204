// A fast path for the YAML people actually write in candidate.yaml: one `name: value` a line,
// values that are plain words, numbers, quoted strings without escapes, or a one-line list of
// those, and comments. In a batch of thousands of dossiers the full parser (src/yaml/located.ts,
// the `yaml` package with positions) was the main thread's largest cost: about 0.75 ms a
// declaration, where this takes a few microseconds.
//
// It is deliberately narrow: it answers only when it is sure to give what the full parser gives
// (the same value, and no error or warning), and gives up (undefined) on anything else, which
// then goes to the full parser. test/yaml-flat.test.ts checks that against the `yaml` package on
// generated documents, near misses included.

/** The mapping the text holds, or undefined when the full parser must decide. */
export function parseFlatYaml(text: string): Record<string, unknown> | undefined {
  if (UNUSUAL.test(text)) return undefined;
  const out: Record<string, unknown> = {};
  let empty = true;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let line = text.slice(start, end);
    start = end + 1;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (BLANK_OR_COMMENT.test(line)) continue;
    const m = KEY.exec(line);
    if (!m) return undefined;
    const key = m[1]!;
    if (Object.hasOwn(out, key) || NOT_A_STRING_KEY.test(key)) return undefined;
    const value = valueOf(line.slice(m[0].length));
    if (value === GIVE_UP) return undefined;
    out[key] = value;
    empty = false;
  }
  // No key at all (only comments): the full parser says what an empty declaration is.
  return empty ? undefined : out;
}

const GIVE_UP = Symbol('give up');

/** Tabs, control characters, a lone CR, line separators, byte-order marks: the full parser's rules. */
const UNUSUAL = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff]|\r(?!\n)/;
/** Spaces only, or a comment (after spaces). Tabs and other blanks go to the full parser. */
const BLANK_OR_COMMENT = /^ *(#.*)?$/;
/**
 * A key at the start of a line, its colon, and the spaces after it (or the line's end). Short:
 * the full parser refuses implicit keys over 1,024 characters.
 */
const KEY = /^([A-Za-z_][A-Za-z0-9_]{0,63}):(?: +|$)/;
/** Keys the YAML core schema reads as something else than their spelling, and `__proto__`. */
const NOT_A_STRING_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE|__proto__)$/;

/** What follows `name: `, up to the end of the line. */
function valueOf(rest: string): unknown {
  const first = rest[0];
  if (first === undefined || first === '#') return rest.length === 0 ? null : GIVE_UP;
  if (first === '"' || first === "'") {
    const close = rest.indexOf(first, 1);
    if (close < 0) return GIVE_UP;
    const inner = rest.slice(1, close);
    // Escapes (`\n`, `''`): the full parser knows their rules.
    if (first === '"' && inner.includes('\\')) return GIVE_UP;
    return onlyComment(rest.slice(close + 1)) ? inner : GIVE_UP;
  }
  if (first === '[') {
    const close = rest.indexOf(']');
    if (close < 0 || !onlyComment(rest.slice(close + 1))) return GIVE_UP;
    const inner = rest.slice(1, close);
    if (inner.trim() === '') return [];
    const items: unknown[] = [];
    for (const part of inner.split(',')) {
      const item = part.trim();
      if (!FLOW_PLAIN.test(item)) return GIVE_UP;
      const v = resolvePlain(item);
      if (v === GIVE_UP) return GIVE_UP;
      items.push(v);
    }
    return items;
  }
  // A plain scalar, up to a comment (` #`).
  const hash = rest.indexOf(' #');
  const plain = (hash < 0 ? rest : rest.slice(0, hash)).replace(/ +$/, '');
  if (!BLOCK_PLAIN.test(plain) || plain.includes(': ') || plain.endsWith(':')) return GIVE_UP;
  return resolvePlain(plain);
}

const onlyComment = (s: string) => /^ *(?: #.*)?$/.test(s);
/**
 * A plain scalar the fast path takes: it starts with a letter or a digit (or a minus sign
 * before a digit), and holds only letters, marks, digits, spaces and a few marks of
 * punctuation. Anything else (`*`, `&`, `!`, `|`, `>`, `{`, a `#` not after a space...) is
 * the full parser's to read.
 */
const BLOCK_PLAIN = /^(?:[\p{L}\p{N}]|-\d)[\p{L}\p{M}\p{N} ._\-+'’/():,@]*$/u;
/** Inside `[...]`: the same without the characters a flow collection gives a meaning. */
const FLOW_PLAIN = /^(?:[\p{L}\p{N}]|-\d)[\p{L}\p{M}\p{N} ._\-+'’/()@]*$/u;

/** The YAML 1.2 core schema's reading of a plain scalar: null, a boolean, a number or a string. */
function resolvePlain(s: string): unknown {
  if (/^(?:~|null|Null|NULL)$/.test(s)) return null;
  if (/^(?:true|True|TRUE)$/.test(s)) return true;
  if (/^(?:false|False|FALSE)$/.test(s)) return false;
  // Plain decimal numbers, small enough to be exact; no leading zero, no minus zero.
  if (/^-?(?:0|[1-9]\d{0,14})(?:\.\d{1,15})?$/.test(s) && !/^-0(?:\.0*)?$/.test(s)) return Number(s);
  // Any other spelling of a number (octal, hex, exponent, leading zero, +5, .5, .inf): the full parser.
  if (CORE_NUMBER.test(s)) return GIVE_UP;
  return s;
}

const CORE_NUMBER = /^(?:[-+]?(?:\.\d+|\d+(?:\.\d*)?)(?:[eE][-+]?\d+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
