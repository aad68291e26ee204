// "All errors at once" when zod already refused the profile: HR fixes a profile in one pass,
// so a misspelt key in one document must not hide an undeclared fact in a rule. The parts
// that do parse (each fact, document, rule and test case on its own) are assembled into a
// stand-in profile and given the semantic checks; what those report about the broken parts
// (a reference to a rule that failed to parse looks undeclared) is left out.
import type { z } from 'zod';
import { validateConditions } from '../rules/validate.js';
import type { LintIssue } from './lint.js';
import { lintProfile } from './lint.js';
import { documentSchema, factSchema, profileSchema, ruleSchema, testCaseSchema, type Profile } from './schema.js';
import { validateTests } from './tests.js';

type Path = (string | number)[];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The elements of `raw` (a list) that parse, each with its index in the file. */
function parsable<T>(schema: z.ZodType<T>, raw: unknown): { items: T[]; index: number[]; broken: unknown[] } {
  const out = { items: [] as T[], index: [] as number[], broken: [] as unknown[] };
  if (!Array.isArray(raw)) return out;
  raw.forEach((v, i) => {
    const r = schema.safeParse(v);
    if (r.success) {
      out.items.push(r.data);
      out.index.push(i);
    } else out.broken.push(v);
  });
  return out;
}

const idOf = (v: unknown): string | undefined => (isRecord(v) && typeof v.id === 'string' ? v.id : undefined);
const nameOf = (v: unknown): string | undefined => (isRecord(v) && typeof v.name === 'string' ? v.name : undefined);

/** Semantic errors of the parts of an invalid profile that parse, with paths into the file. */
export function partialSemanticIssues(raw: unknown): LintIssue[] {
  if (!isRecord(raw)) return [];
  const shape = profileSchema.shape;
  const field = <T>(schema: z.ZodType<T>, v: unknown, fallback: T): T => {
    const r = schema.safeParse(v);
    return r.success ? r.data : fallback;
  };
  const facts: Profile['facts'] = {};
  const brokenFacts = new Set<string>();
  for (const [name, decl] of Object.entries(isRecord(raw.facts) ? raw.facts : {})) {
    const r = factSchema.safeParse(decl);
    if (r.success) facts[name] = r.data;
    else brokenFacts.add(name);
  }
  const documents = parsable(documentSchema, raw.documents);
  const rules = parsable(ruleSchema, raw.rules);
  const tests = parsable(testCaseSchema, raw.tests);
  const profile: Profile = {
    id: field(shape.id, raw.id, 'profile'),
    title: field(shape.title, raw.title, 'profile'),
    timezone: field(shape.timezone, raw.timezone, 'UTC'),
    deadline: field(shape.deadline, raw.deadline, undefined),
    limits: field(shape.limits, raw.limits, { maxSizeMB: 10 }),
    facts,
    documents: documents.items,
    rules: rules.items,
    tests: tests.items,
  };

  const brokenIds = new Set([...documents.broken, ...rules.broken].map(idOf).filter((x) => x !== undefined));
  const brokenNames = new Set(tests.broken.map(nameOf).filter((x) => x !== undefined));
  const mentionsBroken = (message: string) =>
    [...brokenFacts].some((f) => message.includes(`fact '${f}' is not declared`)) ||
    [...brokenIds].some((id) => message.includes(`'${id}' is not declared`)) ||
    [...brokenNames].some((n) => message.includes(`extends '${n}'`)) ||
    (raw.deadline !== undefined && message.includes('no deadline'));

  const remap = (path: Path): Path => {
    const [head, i] = path;
    const index = head === 'documents' ? documents.index : head === 'rules' ? rules.index : head === 'tests' ? tests.index : undefined;
    return index && typeof i === 'number' ? [head as string, index[i] ?? i, ...path.slice(2)] : path;
  };
  const issues: LintIssue[] = [
    ...validateConditions(profile).map((i) => ({ path: i.path, message: `${i.path.map(String).join('.')}: ${i.message}`, severity: 'error' as const })),
    ...lintProfile(profile),
    ...validateTests(profile),
  ];
  return issues
    .filter((i) => i.severity === 'error' && !mentionsBroken(i.message))
    .map((i) => {
      const path = remap(i.path);
      // Condition messages start with their path: keep it true to the file.
      const message = i.message.startsWith(`${i.path.map(String).join('.')}: `)
        ? `${path.map(String).join('.')}${i.message.slice(i.path.map(String).join('.').length)}`
        : i.message;
      return { ...i, path, message };
    });
}
