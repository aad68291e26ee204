// Read candidate.yaml. A broken declaration is a finding about the dossier with its
// file:line:col, never a crash; the valid facts in it are still used and the documents are
// still checked.
import { basename } from 'node:path';
import { finding, type Finding } from '../findings.js';
import type { Profile } from '../profile/schema.js';
import type { Facts, FactValue } from '../rules/types.js';
import type { SourceIssue } from '../yaml/located.js';
import { parseFlatYaml } from '../yaml/flat.js';
import { declaredValue, factValueAccepts } from './accept.js';
import { asWindows1252, errorCode, shownPath } from '../fs-text.js';
import { readStart, withRegularFile } from '../fs-read.js';

/** A declaration is a few hundred bytes; anything this large is a mistake or an attack. */
export const MAX_DECLARATION_BYTES = 256 * 1024;

export interface Declaration {
  readonly facts: Facts;
  readonly problems: readonly Finding[];
}

/**
 * Lines a declaration may have: it has a few dozen. The checks for repeated keys and the
 * placing of each finding on its line once cost the square of the keys (18,000 keys in 248 KB
 * took 10 s of a thread); they are linear now (src/yaml/located.ts), and the limit stays, as a
 * bound on everything else a declaration's length costs.
 */
export const MAX_DECLARATION_LINES = 2000;

/** Findings about one declaration, at most: past this, one more says how many were left out. */
export const MAX_DECLARATION_FINDINGS = 20;

/** Never rejects: check.ts starts reading the declaration while the PDFs are being inspected. */
export async function readDeclaration(path: string | Buffer | undefined, profile: Profile): Promise<Declaration> {
  if (path === undefined) return { facts: {}, problems: [finding('no-declaration', 'warning', { file: 'candidate.yaml' })] };
  const file = basename(shownPath(path));
  let bytes: Buffer;
  try {
    // Synchronously: four promise round trips a dossier (open, stat, read, close) were a tenth of
    // a batch's main thread, for a file of a few hundred bytes.
    const read = withRegularFile(path, (fd, size) => {
      if (size > MAX_DECLARATION_BYTES) return { tooLarge: size };
      const buffer = Buffer.alloc(size);
      return { bytes: buffer.subarray(0, readStart(fd, buffer, size)) };
    });
    if (read.bytes === undefined)
      return invalid(file, 1, 1, `file is ${read.tooLarge} bytes; a declaration is at most ${MAX_DECLARATION_BYTES}`, { reason: 'too-large', bytes: read.tooLarge, max: MAX_DECLARATION_BYTES });
    bytes = read.bytes;
  } catch (err) {
    const code = errorCode(err);
    if (code === 'EISDIR' || code === 'ENOTFILE') return invalid(file, 1, 1, 'is not a regular file', { reason: 'not-a-file' });
    return invalid(file, 1, 1, `cannot be read (${code})`, { reason: 'unreadable', error: code });
  }
  try {
    const { text, problems } = decode(bytes, file);
    const lines = lineCount(text);
    if (lines > MAX_DECLARATION_LINES)
      return invalid(file, MAX_DECLARATION_LINES + 1, 1, `has over ${MAX_DECLARATION_LINES} lines; a declaration has a few dozen`, { reason: 'too-many-lines', max: MAX_DECLARATION_LINES });
    // The flat reading, once: the full parser starts from it when it has to read on.
    const flat = parseFlatYaml(text);
    const parsed = flatDeclaration(flat, profile) ?? (await import('./parse.js')).parseDeclaration(text, file, profile, flat);
    return { facts: parsed.facts, problems: capped([...problems, ...parsed.problems], file) };
  } catch (err) {
    // A bug, or a file exotic enough to break the YAML parser: still only a finding.
    return invalid(file, 1, 1, `cannot be parsed (${errorCode(err)})`, { reason: 'unparsable', error: errorCode(err) });
  }
}

/** Lines of a text, counted up to one past the limit. */
function lineCount(text: string): number {
  let n = 1;
  for (let at = text.indexOf('\n'); at >= 0 && n <= MAX_DECLARATION_LINES; at = text.indexOf('\n', at + 1)) n++;
  return n;
}

/**
 * The declaration's text. UTF-8 (with or without a byte-order mark) is expected; UTF-16 with
 * its mark is read as such ("Unicode" in Notepad); anything else is read as Windows-1252
 * ("ANSI" in Notepad) with a warning at the first byte that is not UTF-8.
 */
function decode(bytes: Buffer, file: string): { text: string; problems: Finding[] } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), problems: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), problems: [] };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), problems: [] };
  } catch {
    const text = asWindows1252(body);
    const bad = firstInvalidUtf8(body);
    const before = new TextDecoder('utf-8').decode(body.subarray(0, bad));
    const line = before.split('\n').length;
    const col = before.length - before.lastIndexOf('\n');
    const detail = 'not UTF-8 text: read as Windows-1252 ("ANSI"); save candidate.yaml as UTF-8 so that accented letters are sure';
    return { text, problems: [toFinding({ file, line, col, message: detail, severity: 'warning' }, { reason: 'not-utf8' })] };
  }
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const lead = b[i]!;
    const n = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (n === 0) return i;
    for (let k = 1; k < n; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n;
  }
  return b.length;
}

/**
 * A declaration read as flat `name: value` lines (`flat`, from src/yaml/flat.ts: undefined
 * when the text is not flat), every fact known and every value valid, as nearly all are: read
 * without the YAML parser and the schema library, which only the others need, to place and
 * word their findings (src/facts/parse.ts). Undefined when the full parser must read it; its
 * answer is then the same (test/yaml-flat.test.ts, test/facts-accept.test.ts).
 */
function flatDeclaration(flat: unknown, profile: Profile): Declaration | undefined {
  if (flat === undefined || flat === null || typeof flat !== 'object' || Array.isArray(flat)) return undefined;
  const entries = Object.entries(flat as Record<string, unknown>);
  if (entries.length === 0) return undefined;
  const facts: Record<string, FactValue> = {};
  for (const [name, value] of entries) {
    const decl = Object.hasOwn(profile.facts, name) ? profile.facts[name] : undefined;
    if (!decl) return undefined;
    // `birthDate:` with nothing after it is a fact left blank, i.e. unknown, not an error.
    if (value === null || value === undefined) continue;
    const declared = declaredValue(decl, value);
    if (!factValueAccepts(decl, profile.timezone)(declared)) return undefined;
    facts[name] = declared as FactValue;
  }
  return { facts, problems: [] };
}

/** A garbage file gives thousands of findings; a reader needs the first ones and a count. */
function capped(problems: Finding[], file: string): Finding[] {
  if (problems.length <= MAX_DECLARATION_FINDINGS) return problems;
  const kept = problems.slice(0, MAX_DECLARATION_FINDINGS);
  const last = kept[kept.length - 1]!.params;
  const more = problems.length - MAX_DECLARATION_FINDINGS;
  return [...kept, toFinding({ file, line: Number(last.line), col: Number(last.col), message: `and ${more} more problem(s) after this line` }, { reason: 'more', count: more })];
}

function invalid(file: string, line: number, col: number, message: string, why: Why): Declaration {
  return { facts: {}, problems: [toFinding({ file, line, col, message }, why)] };
}

/**
 * What is wrong, as a stable `reason` and its values, for the messages to say in the reader's
 * language (src/i18n/messages.ts); `detail` keeps the English sentence of earlier reports.
 */
export type Why = { readonly reason: string } & Record<string, string | number>;

export const toFinding = (i: SourceIssue, why: Why): Finding =>
  finding('declaration-invalid', i.severity ?? 'error', { file: i.file, line: i.line, col: i.col, detail: i.message, ...why });

