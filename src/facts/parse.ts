// candidate.yaml read in full: the YAML parser with positions, and the schema library for
// what a value that is not valid lacks. Loaded only for a declaration the flat fast path of
// load.ts does not take (not flat, an unknown fact, a value not valid, an empty file), so
// that a batch's workers load neither for the usual declaration.
import type { Finding } from '../findings.js';
import type { Profile } from '../profile/schema.js';
import type { FactValue } from '../rules/types.js';
import { parseLocatedYaml, type LocatedYaml } from '../yaml/located.js';
import { parseFlatYaml } from '../yaml/flat.js';
import { declaredValue, factValueAccepts } from './accept.js';
import { factValueSchema } from './schema.js';
import { closestName } from '../suggest.js';
import { toFinding, type Declaration, type Why } from './load.js';

/** `flat`: what src/yaml/flat.ts made of the text, when the caller has it already. */
export function parseDeclaration(text: string, file: string, profile: Profile, flat: unknown = parseFlatYaml(text)): Declaration {
  const src = readYaml(text, file, flat);
  const problems: Finding[] = src.issues.map((i) => toFinding(i, { reason: 'yaml', ...(i.syntax ? { syntax: i.syntax.kind, ...(i.syntax.key ? { key: i.syntax.key } : {}) } : {}) }));
  if (src.value === undefined || src.value === null) {
    // An empty file says no more than a missing one: a warning, as no-declaration is, so that
    // it does not weigh more in the verdict (the rules are unknown either way).
    if (problems.length === 0) problems.push(toFinding({ file, line: 1, col: 1, message: 'the declaration is empty', severity: 'warning' }, { reason: 'empty' }));
    return { facts: {}, problems };
  }
  if (typeof src.value !== 'object' || Array.isArray(src.value)) {
    problems.push(toFinding({ file, line: 1, col: 1, message: 'expected facts as "name: value" lines' }, { reason: 'not-a-mapping' }));
    return { facts: {}, problems };
  }
  const raw = src.value as Record<string, unknown>;
  const facts: Record<string, FactValue> = {};
  for (const [name, value] of Object.entries(raw)) {
    // Own keys only: a fact named "constructor" must not find Object.prototype's.
    const decl = Object.hasOwn(profile.facts, name) ? profile.facts[name] : undefined;
    if (!decl) {
      const known = Object.keys(profile.facts);
      const near = closestName(name, known);
      problems.push(
        toFinding(
          { file, ...src.locate([name], true), message: `unknown fact '${name}'${near ? ` (did you mean '${near}'?)` : ''}; expected one of: ${known.join(', ')}` },
          { reason: 'unknown-fact', fact: name, expected: known.join(', '), ...(near ? { suggestion: near } : {}) },
        ),
      );
      continue;
    }
    // `birthDate:` with nothing after it is a fact left blank, i.e. unknown, not an error.
    if (value === null || value === undefined) continue;
    const declared = declaredValue(decl, value);
    if (factValueAccepts(decl, profile.timezone)(declared)) {
      facts[name] = declared as FactValue;
      continue;
    }
    const parsed = factValueSchema(decl, profile.timezone).safeParse(declared);
    if (parsed.success) facts[name] = parsed.data as FactValue;
    else
      for (const issue of parsed.error.issues) {
        const path = [name, ...issue.path];
        // The profile's example, for the messages to show what is expected (a list's item: its first).
        const example = Array.isArray(decl.example) ? decl.example[0] : decl.example;
        const shown: Record<string, string> = example !== undefined && example !== null && typeof example !== 'object' ? { example: String(example) } : {};
        problems.push(toFinding({ file, ...src.locate(path), message: `${path.map(String).join('.')}: ${issue.message}` }, { fact: path.map(String).join('.'), ...issueReason(issue), ...shown }));
      }
  }
  return { facts, problems };
}

/**
 * The declaration's YAML: most are flat `name: value` lines, which the fast path reads; the
 * full parser reads the others, and places a finding on a fast-read one only when there is one.
 */
function readYaml(text: string, file: string, flat: unknown): Pick<LocatedYaml, 'value' | 'issues' | 'locate'> {
  if (flat === undefined) return parseLocatedYaml(text, file);
  let located: LocatedYaml | undefined;
  return { value: flat, issues: [], locate: (path, onKey) => (located ??= parseLocatedYaml(text, file)).locate(path, onKey) };
}

/** A zod issue about a fact's value as a reason: the usual kinds by name, anything else as 'value'. */
function issueReason(zodIssue: { readonly code: string }): Why {
  const issue = zodIssue as unknown as Record<string, unknown> & { params?: { reason?: unknown } };
  const reason = issue.params?.reason;
  if (typeof reason === 'string') return { reason };
  switch (issue.code) {
    case 'invalid_type':
      return { reason: 'type', expected: String(issue.expected) };
    case 'too_small':
      return { reason: 'too-small', min: Number(issue.minimum) };
    case 'too_big':
      return { reason: 'too-big', max: Number(issue.maximum) };
    case 'invalid_value':
      return { reason: 'one-of', expected: Array.isArray(issue.values) ? issue.values.map(String).join(', ') : '' };
    case 'invalid_format':
      return { reason: 'pattern', pattern: String(issue.pattern ?? '') };
    default:
      return { reason: 'value' };
  }
}
