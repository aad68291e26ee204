// Load a profile: YAML → zod → semantic checks. Every error is reported at once with its
// file:line:col, because HR fixes a profile in one pass, not one error per run.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { packagePath } from '../package-root.js';
import { validateConditions } from '../rules/validate.js';
import { parseLocatedYaml, zodIssues, type SourceIssue } from '../yaml/located.js';
import { z } from 'zod';
import { profileSchema, type Profile } from './schema.js';
import { lintProfile } from './lint.js';
import { validateTests } from './tests.js';
import { partialSemanticIssues } from './partial.js';
import { USAGE } from '../i18n/usage.js';
import { readStart, withRegularFile } from '../fs-read.js';

export { BUNDLED_PROFILE } from './bundled.js';

/** The example profiles shipped in samples/profiles/ (the bundled one among them), sorted. */
export async function sampleProfiles(): Promise<string[]> {
  const dir = packagePath('samples/profiles');
  return (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(dir, f));
}

export const MAX_PROFILE_BYTES = 1024 * 1024;

export type ProfileLoad =
  | { readonly ok: true; readonly profile: Profile; readonly file: string; readonly warnings: readonly SourceIssue[] }
  | { readonly ok: false; readonly file: string; readonly issues: readonly SourceIssue[] };

export async function loadProfile(file: string): Promise<ProfileLoad> {
  let text: string;
  try {
    // The size from fstat, before reading: /dev/zero or a pipe given as a profile must be an
    // error, not a read that never ends.
    const read = withRegularFile(file, (fd, size) => {
      if (size > MAX_PROFILE_BYTES) return { tooLarge: size };
      const buffer = Buffer.alloc(size);
      return { text: buffer.subarray(0, readStart(fd, buffer, size)).toString('utf8') };
    });
    if (read.text === undefined) return unreadable(file, { reason: 'too-large', bytes: read.tooLarge, max: MAX_PROFILE_BYTES });
    text = read.text;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no-such-file' : code === 'EISDIR' ? 'is-folder' : code === 'ENOTFILE' ? 'not-regular' : undefined;
    return unreadable(file, reason ? { reason } : { reason: 'unreadable', error: code ?? String(err) });
  }
  return parseProfile(text, file);
}

export function parseProfile(text: string, file: string): ProfileLoad {
  const src = parseLocatedYaml(text, file);
  const errors = src.issues.filter((i) => i.severity !== 'warning');
  const warnings = src.issues.filter((i) => i.severity === 'warning');
  // Nothing but comments, or nothing at all, reads as null.
  if (errors.length === 0 && (src.value === undefined || src.value === null)) return unreadable(file, { reason: 'empty' });
  if (errors.length === 0 && (typeof src.value !== 'object' || Array.isArray(src.value))) return unreadable(file, { reason: 'not-a-mapping' });
  if (errors.length > 0) return fail(file, errors);
  const parsed = profileSchema.safeParse(src.value);
  if (!parsed.success) {
    const semantic = partialSemanticIssues(src.value).map((i) => ({ file, ...src.locate(i.path, i.onKey), message: i.message }));
    return fail(file, dedupe([...zodIssues(parsed.error, src, profileKeys), ...semantic]));
  }
  const profile = parsed.data;
  const semantic: SourceIssue[] = [
    ...validateConditions(profile).map((i) => ({ file, ...src.locate(i.path), message: `${i.path.map(String).join('.')}: ${i.message}` })),
    ...[...lintProfile(profile), ...validateTests(profile)].map((i) => ({
      file,
      ...src.locate(i.path, i.onKey),
      message: i.message,
      severity: i.severity,
    })),
  ];
  const semanticErrors = semantic.filter((i) => i.severity !== 'warning');
  if (semanticErrors.length > 0) return fail(file, semantic.sort(byPosition));
  return { ok: true, profile, file, warnings: [...warnings, ...semantic].sort(byPosition) };
}

// Every key a profile's objects take, for "did you mean" on an unknown one: read from the
// schema itself (as the published JSON Schema is), once, and only when a key is unknown.
let keys: readonly string[] | undefined;
function profileKeys(): readonly string[] {
  if (!keys) {
    const found = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (typeof node !== 'object' || node === null) return;
      const properties = (node as { properties?: unknown }).properties;
      if (typeof properties === 'object' && properties !== null) for (const k of Object.keys(properties)) found.add(k);
      Object.values(node).forEach(walk);
    };
    walk(z.toJSONSchema(profileSchema, { io: 'input', unrepresentable: 'any', cycles: 'ref', reused: 'inline' }));
    keys = [...found];
  }
  return keys;
}

const fail = (file: string, issues: SourceIssue[]): ProfileLoad => ({ ok: false, file, issues: issues.sort(byPosition) });
/** A profile that could not be read at all, with its reason (said in the reader's language) and its English message. */
const unreadable = (file: string, why: NonNullable<SourceIssue['unreadable']>): ProfileLoad =>
  fail(file, [{ file, line: 1, col: 1, message: USAGE.en.profileUnreadable(why.reason, why), unreadable: why }]);
const byPosition = (a: SourceIssue, b: SourceIssue) => a.line - b.line || a.col - b.col;

function dedupe(issues: SourceIssue[]): SourceIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.line}:${i.col} ${i.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
