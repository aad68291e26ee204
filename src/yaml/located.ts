// YAML with positions: profiles and candidate declarations are written by people, so every
// mistake is reported as `file:line:col message`, all at once, never as a stack trace.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { z } from 'zod';
import type { ProfileReadReason, UsageWords } from '../i18n/usage.js';
import { meant } from '../suggest.js';

export interface SourceIssue {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
  readonly severity?: 'error' | 'warning';
  /** The file could not be read at all: said in the reader's language by formatIssue. */
  readonly unreadable?: { readonly reason: ProfileReadReason; readonly bytes?: number; readonly max?: number; readonly error?: string };
  /** A syntax mistake people make, for the messages to say in plain words (and the key given twice). */
  readonly syntax?: { readonly kind: SyntaxKind; readonly key?: string };
}

/** The syntax mistakes said in plain words; any other is said in the parser's (English) words. */
export type SyntaxKind = 'unclosed-quote' | 'unclosed-list' | 'unclosed-map' | 'duplicate-key';
const UNCLOSED: Record<string, SyntaxKind> = { '"': 'unclosed-quote', "'": 'unclosed-quote', '[': 'unclosed-list', '{': 'unclosed-map' };

/**
 * `file:line:col message`. A file that could not be read is said in the words given; the
 * details of a schema mistake stay in English, as the YAML keys they quote.
 */
export const formatIssue = (i: SourceIssue, w?: UsageWords): string =>
  `${i.file}:${i.line}:${i.col} ${w && i.unreadable ? w.profileUnreadable(i.unreadable.reason, i.unreadable) : i.message}`;

export interface LocatedYaml {
  readonly file: string;
  /** The parsed value; undefined when the text is not usable YAML. */
  readonly value: unknown;
  /** Syntax errors, duplicate keys, unresolved aliases. */
  readonly issues: SourceIssue[];
  /** Position of the value at `path` (or of its key, when `onKey`), falling back to the nearest parent. */
  locate(path: readonly PropertyKey[], onKey?: boolean): { line: number; col: number };
}

/** A value left open: where it opens, with which character, and where it stops. */
interface OpenValue {
  readonly offset: number;
  readonly opener: string;
}

/**
 * Every value left open in the text, by its opening character: a value that starts with a quote, `[` or `{`
 * and is not closed before the value ends (as for the parser, a value goes on to a later line
 * only if that line is indented further than the line it opened on). Values closed on a later
 * line (a quoted name or a flow list written over several lines), comments, and block scalars
 * (`|`, `>`) are stepped over, so such a line is not blamed (a value opened after a tag or an
 * anchor is not seen: the parser's position then stands). One pass: every character is
 * looked at a bounded number of times, whatever the text (a profile may be 1 MB of blank lines).
 */
function openValues(text: string): Map<string, OpenValue[]> {
  const found = new Map<string, OpenValue[]>();
  // By opening character, each list in the order of the text: an inner quote comes after its
  // list, and the next value starts after both.
  const add = (offset: number) => {
    const opener = text[offset]!;
    let list = found.get(opener);
    if (!list) found.set(opener, (list = []));
    list.push({ offset, opener });
  };
  let start = 0;
  // The indent of the key a block scalar belongs to: its lines are those indented further.
  let blockIndent = -1;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const line = text.slice(start, nl < 0 ? text.length : nl);
    const next = nl < 0 ? text.length : nl + 1;
    const indent = /^ */.exec(line)![0].length;
    if (blockIndent >= 0 && (line.trim() === '' || indent > blockIndent)) {
      start = next;
      continue;
    }
    blockIndent = -1;
    const m = /^(\s*(?:-\s+)?(?:[^\s#"'\[{][^:#]*:\s+)?)(\S)/.exec(line);
    if (m && /^[|>][-+0-9]*\s*(#.*)?$/.test(line.slice(m[1]!.length))) {
      blockIndent = indent;
    } else if (m && '"\'[{'.includes(m[2]!)) {
      const at = start + m[1]!.length;
      const value = valueEnd(text, at, indent);
      if (!value.closed) add(at);
      // A quote left open inside it is a value left open too, for a quote's error.
      if (value.innerQuote !== undefined) add(value.innerQuote);
      // Go on from the line after the one the value closes on, or from the line that ends it.
      if (value.closed) {
        const after = text.indexOf('\n', value.at);
        start = after < 0 ? text.length : after + 1;
      } else start = Math.max(value.at, next);
      continue;
    }
    start = next;
  }
  return found;
}

/**
 * Where the value opened at `at` ends: just after its closing character (`closed`), or, left
 * open, at the start of the first line indented no further than `indent` (or the end of the text).
 */
function valueEnd(text: string, at: number, indent: number): { closed: boolean; at: number; innerQuote?: number } {
  const open = text[at]!;
  const quoted = open === '"' || open === "'";
  let depth = 0;
  for (let i = quoted ? at + 1 : at; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      // Past blank lines (they cannot close anything) to the next line with something on it.
      let j = i + 1;
      let lineStart = j;
      let spaces = 0;
      while (j < text.length) {
        const d = text[j];
        if (d === ' ') spaces++;
        else if (d === '\n') {
          lineStart = j + 1;
          spaces = 0;
        } else if (d !== '\t' && d !== '\r') break;
        j++;
      }
      if (j >= text.length) return { closed: false, at: text.length };
      // A flow collection may close at its key's indent (languages: [ … newline ]).
      if (spaces <= indent && (quoted || (text[j] !== ']' && text[j] !== '}'))) return { closed: false, at: lineStart };
      i = j - 1;
      continue;
    }
    if (quoted) {
      if (open === '"' && c === '\\') i++;
      else if (c === open) {
        // '' is a quote inside a single-quoted value.
        if (open === "'" && text[i + 1] === "'") i++;
        else return { closed: true, at: i + 1 };
      }
      continue;
    }
    const before = text[i - 1]!;
    // A comment runs to the end of its line: its quotes and brackets are words.
    if (c === '#' && /\s/.test(before)) {
      const nl = text.indexOf('\n', i);
      i = (nl < 0 ? text.length : nl) - 1;
    } else if ((c === '"' || c === "'") && /[\s\[{,:]/.test(before)) {
      // A quote starts a quoted item only where an item starts (O'Brien is a plain one).
      const item = valueEnd(text, i, indent);
      if (!item.closed) return { ...item, innerQuote: i };
      i = item.at - 1;
    } else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      if (--depth === 0) return { closed: true, at: i + 1 };
    }
  }
  return { closed: false, at: text.length };
}

/**
 * The last of `open` that starts before `end` with the character `opener`. By a binary search
 * in that character's values (in the order of the text): a file may hold tens of thousands of
 * values left open, each with its parser error.
 */
function lastBefore(open: ReadonlyMap<string, readonly OpenValue[]>, end: number, opener: string): OpenValue | undefined {
  const list = open.get(opener) ?? [];
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.offset < end) lo = mid + 1;
    else hi = mid;
  }
  return list[lo - 1];
}

export function parseLocatedYaml(text: string, file: string): LocatedYaml {
  const lineCounter = new LineCounter();
  // Keys given twice are found by duplicateKeys, in one pass: the parser's own check compares
  // each key with every earlier one (8.5 s for a profile of 30,000 keys).
  // prettyErrors off: it copies the source line into each message, which cost the square of
  // the errors (39 s for 130,000 slips in 260 KB); the messages keep their first line only.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true });
  // In the order of the text, the parser's and the keys given twice together.
  const errors: { code: string; message: string; pos: [number, number]; key?: string }[] = [...doc.errors, ...duplicateKeys(doc)].sort((a, b) => a.pos[0] - b.pos[0]);
  const pos = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, col: p.col };
  };
  // Found once, for every error that needs them (a file may have hundreds).
  let open: Map<string, OpenValue[]> | undefined;
  const issues: SourceIssue[] = errors.map((e) => {
    const message = e.code === 'DUPLICATE_KEY' ? `duplicate key: ${firstLine(e.message)}` : firstLine(e.message);
    // The parser notices an unclosed quote or list where the file ends, or where it gives up:
    // the line to fix is where it was opened.
    // The character the parser says is missing names the opener: "quote, or ']' for '['.
    const quote = e.code === 'MISSING_CHAR' ? /(["'])quote/.exec(e.message)?.[1] : undefined;
    const bracket = /end with a ([\]}])/.exec(e.message)?.[1];
    const opener = quote ?? (bracket === ']' ? '[' : bracket === '}' ? '{' : undefined);
    // The last value left open with that character before the parser noticed.
    const opened = opener ? lastBefore((open ??= openValues(text)), e.pos[0], opener) : undefined;
    if (opened) return { file, ...pos(opened.offset), message, syntax: { kind: UNCLOSED[opened.opener]! } };
    if (e.code === 'DUPLICATE_KEY') return { file, ...pos(e.pos[0]), message, syntax: { kind: 'duplicate-key' as const, ...(e.key !== undefined ? { key: e.key } : {}) } };
    return { file, ...pos(e.pos[0]), message };
  });
  for (const w of doc.warnings) issues.push({ file, ...pos(w.pos[0]), message: firstLine(w.message), severity: 'warning' });

  // toJS() stops at the first alias without an anchor, unlocated; find them all first.
  let unresolved = 0;
  // A duplicated key is reported, but leaves the document readable: the rest of it is still
  // checked, so one slip does not hide every other mistake (or every valid fact).
  const readable = errors.every((e) => e.code === 'DUPLICATE_KEY');
  if (readable)
    visit(doc, {
      Alias(_key, node) {
        if (node.resolve(doc) !== undefined) return;
        unresolved++;
        issues.push({
          file,
          ...pos(node.range?.[0] ?? 0),
          message: `unresolved alias *${node.source}: no anchor &${node.source} is defined before it`,
        });
      },
    });

  let value: unknown;
  if (readable && unresolved === 0) {
    try {
      // maxAliasCount bounds "billion laughs" expansion.
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      issues.push({ file, line: 1, col: 1, message: firstLine((err as Error).message) });
    }
  }

  // Each mapping's keys, indexed when first asked: a profile refused for thousands of unknown
  // keys asks for each of them, and a search of the mapping each time cost the square.
  const indexed = new WeakMap<object, Map<string, Pair<unknown, unknown>>>();
  const pairOf = (map: YAMLMap<unknown, unknown>, key: string) => {
    let index = indexed.get(map);
    if (!index) {
      index = new Map();
      // Of keys given twice, the later: its value is the one read (toJS), so the one judged.
      for (const p of map.items) if (isScalar(p.key)) index.set(String(p.key.value), p);
      indexed.set(map, index);
    }
    return index.get(key);
  };
  const locate = (path: readonly PropertyKey[], onKey = false) => {
    let node: unknown = doc.contents;
    let best: { line: number; col: number } = nodePos(node) ?? { line: 1, col: 1 };
    for (let i = 0; i < path.length; i++) {
      const step = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = pairOf(node, String(step));
        if (!pair) break;
        const keyPos = nodePos(pair.key);
        if (last && onKey && keyPos) return keyPos;
        node = pair.value;
        best = nodePos(node) ?? keyPos ?? best;
      } else if (isSeq(node) && typeof step === 'number') {
        node = node.items[step];
        best = nodePos(node) ?? best;
      } else break;
    }
    return best;
  };
  function nodePos(node: unknown): { line: number; col: number } | undefined {
    const range = (node as Node | null | undefined)?.range;
    return range ? pos(range[0]) : undefined;
  }
  return { file, value, issues, locate };
}

/**
 * Keys given twice in a mapping, as the parser's own check reports them (the later key, at
 * its position): two scalar keys are the same when their values are, type included (1 is
 * not "1"). One pass over each mapping.
 */
function duplicateKeys(doc: Document.Parsed): { code: 'DUPLICATE_KEY'; message: string; pos: [number, number]; key: string }[] {
  const found: { code: 'DUPLICATE_KEY'; message: string; pos: [number, number]; key: string }[] = [];
  if (!doc.contents) return found;
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const p of map.items) {
        if (!isScalar(p.key)) continue;
        const value = p.key.value;
        // Values of different types stay apart in the set: 1 and "1" are two keys. (Unlike the
        // parser's check, two .nan keys are one: NaN is NaN to a set.)
        if (seen.has(value)) {
          const at = p.key.range?.[0] ?? 0;
          found.push({ code: 'DUPLICATE_KEY', message: 'Map keys must be unique', pos: [at, at + 1], key: (p.key.source ?? String(value)).slice(0, 64) });
        } else seen.add(value);
      }
    },
  });
  return found;
}

const firstLine = (s: string) => s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');

/**
 * Turn zod issues into located messages. Unions are narrowed to the branch that got furthest,
 * so a typo inside a rule reads "unknown key 'minn'" rather than "invalid input".
 */
export function zodIssues(error: z.ZodError, src: LocatedYaml, knownKeys?: () => readonly string[]): SourceIssue[] {
  const out: SourceIssue[] = [];
  const visit = (issue: z.core.$ZodIssue, base: readonly PropertyKey[]) => {
    const path = [...base, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const branch = pickBranch(issue.errors);
      for (const sub of branch) visit(sub, path);
      return;
    }
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ file: src.file, ...src.locate([...path, key], true), message: `unknown key '${String(key)}'${knownKeys ? meant(String(key), knownKeys()) : ''}` });
      }
      return;
    }
    const where = path.length ? `${path.map(String).join('.')}: ` : '';
    // A required key left out (or misspelt): say so, at the object that lacks it.
    if (issue.code === 'invalid_type' && / received undefined$/.test(issue.message) && path.length > 0) {
      const parent = path.slice(0, -1);
      const at = parent.length ? `${parent.map(String).join('.')}: ` : '';
      out.push({ file: src.file, ...src.locate(parent), message: `${at}missing key '${String(path.at(-1))}' (expected ${issue.expected})` });
      return;
    }
    out.push({ file: src.file, ...src.locate(path), message: `${where}${issue.message}` });
  };
  for (const issue of error.issues) visit(issue, []);
  return dedupe(out);
}

function pickBranch(branches: z.core.$ZodIssue[][]): z.core.$ZodIssue[] {
  const depth = (issues: z.core.$ZodIssue[]) => Math.max(...issues.map((i) => i.path.length + (i.code === 'unrecognized_keys' ? 0.5 : 0)));
  // A branch rejected only for its keys (wrong shape entirely) ranks below one with a deeper problem.
  const score = (issues: z.core.$ZodIssue[]) =>
    issues.every((i) => i.code === 'invalid_type' && i.path.length === 0) ? -1 : depth(issues) * 100 - issues.length;
  return [...branches].sort((a, b) => score(b) - score(a))[0] ?? [];
}

function dedupe(issues: SourceIssue[]): SourceIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = formatIssue(i);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
