// A profile's own test cases (the `tests:` section): facts in, expected rule statuses,
// eligibility and document requirements out, like OpenFisca's YAML tests. HR writes the
// posting's edge cases next to its rules (the day of the 45th birthday, a submission one
// minute late) and `dossier profile test` proves the rules say what the posting says.
// Pure: no I/O, no words (src/i18n/authoring.ts renders the outcomes).
import { declaredValue } from '../facts/accept.js';
import { factValueSchema } from '../facts/schema.js';
import { evaluateCondition, eligibilityOf, evaluateRules } from '../rules/evaluate.js';
import { isCalendarDate, toInstant, wallTime } from '../rules/dates.js';
import type { Facts, FactValue, RuleStatus, RuleVerdict } from '../rules/types.js';
import { own } from '../rules/validate.js';
import type { LintIssue } from './lint.js';
import type { Profile, REQUIREMENTS, TestCase } from './schema.js';
import { meant } from '../suggest.js';

export type Requirement = (typeof REQUIREMENTS)[number];
export type Eligibility = ReturnType<typeof eligibilityOf>;

export type Mismatch =
  | { readonly kind: 'rule'; readonly id: string; readonly expected: RuleStatus; readonly actual: RuleStatus; readonly verdict: RuleVerdict }
  | { readonly kind: 'eligibility'; readonly expected: Eligibility; readonly actual: Eligibility }
  | { readonly kind: 'document'; readonly id: string; readonly expected: Requirement; readonly actual: Requirement };

export interface CaseOutcome {
  readonly name: string;
  readonly asOf: string;
  readonly passed: boolean;
  /** What differed from the expectations; empty when the case passes. */
  readonly mismatches: readonly Mismatch[];
  /** How many expectations the case checked (rules + eligibility + documents). */
  readonly expectations: number;
}

/** The date of the profile's deadline in its time zone, the default reference date of cases. */
export function deadlineDate(profile: Profile): string | undefined {
  if (profile.deadline === undefined) return undefined;
  const t = toInstant(profile.deadline, profile.timezone);
  return t === null ? undefined : wallTime(t, profile.timezone).slice(0, 10);
}

interface Resolved {
  readonly asOf: string | undefined;
  readonly facts: Facts;
}

/**
 * The facts and reference date of each case, `extends` applied. A case only extends an earlier
 * one (validation refuses the rest), so one pass in order resolves every chain.
 */
function resolveAll(profile: Profile): Resolved[] {
  const byName = new Map<string, Resolved>();
  return profile.tests.map((t) => {
    const parent = t.extends === undefined ? undefined : byName.get(t.extends);
    const facts: Record<string, FactValue> = { ...(parent?.facts as Record<string, FactValue> | undefined) };
    for (const [name, value] of Object.entries(t.facts)) {
      // As candidate.yaml is read: a yes/no fact may be written oui/non (src/facts/accept.ts).
      const decl = own(profile.facts, name);
      if (value === null) delete facts[name];
      else facts[name] = (decl ? declaredValue(decl, value) : value) as FactValue;
    }
    const resolved: Resolved = { asOf: t.asOf ?? parent?.asOf ?? deadlineDate(profile), facts };
    if (!byName.has(t.name)) byName.set(t.name, resolved);
    return resolved;
  });
}

/** Problems of the tests section that depend on the rest of the profile, with their paths. */
export function validateTests(profile: Profile): LintIssue[] {
  const issues: LintIssue[] = [];
  const error = (path: (string | number)[], message: string, onKey = false) =>
    issues.push({ path, message, severity: 'error', ...(onKey ? { onKey } : {}) });
  const factNames = Object.keys(profile.facts);
  const ruleIds = profile.rules.map((r) => r.id);
  const documentIds = profile.documents.map((d) => d.id);
  const seen = new Set<string>();
  const resolved = resolveAll(profile);

  profile.tests.forEach((t: TestCase, i) => {
    const at = (...rest: (string | number)[]) => ['tests', i, ...rest];
    if (seen.has(t.name)) error(at('name'), `duplicate test name '${t.name}'; every case needs its own name`);
    if (t.extends !== undefined && !seen.has(t.extends))
      error(
        at('extends'),
        profile.tests.some((o) => o.name === t.extends)
          ? `extends '${t.extends}': a case can only extend a case written before it`
          : `extends '${t.extends}': no test case has this name`,
      );
    seen.add(t.name);

    if (t.asOf !== undefined && !isCalendarDate(t.asOf))
      error(at('asOf'), `asOf: expected a calendar date YYYY-MM-DD that exists, got '${t.asOf}'`);
    else if (resolved[i]!.asOf === undefined)
      error(at('name'), `test '${t.name}': give asOf (YYYY-MM-DD); the profile has no deadline whose date could serve as default`);

    for (const [name, value] of Object.entries(t.facts)) {
      const decl = own(profile.facts, name);
      if (!decl) {
        error(at('facts', name), `fact '${name}' is not declared under facts${meant(name, factNames)}; declared: ${factNames.join(', ')}`, true);
        continue;
      }
      if (value === null) continue;
      const parsed = factValueSchema(decl, profile.timezone).safeParse(declaredValue(decl, value));
      if (!parsed.success)
        for (const issue of parsed.error.issues) {
          const path = ['facts', name, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
          error(at(...path), `${path.map(String).join('.')}: ${issue.message} (${/^[aeiou]/.test(decl.type) ? 'an' : 'a'} ${decl.type} fact)`);
        }
    }
    for (const id of Object.keys(t.rules ?? {}))
      if (!ruleIds.includes(id)) error(at('rules', id), `rule '${id}' is not declared under rules${meant(id, ruleIds)}; declared: ${ruleIds.join(', ')}`, true);
    for (const id of Object.keys(t.documents ?? {}))
      if (!documentIds.includes(id))
        error(at('documents', id), `document '${id}' is not declared under documents${meant(id, documentIds)}; declared: ${documentIds.join(', ')}`, true);
  });
  return issues;
}

/** Runs every case of a valid profile (one `loadProfile` accepted), in order. */
export function runProfileTests(profile: Profile): CaseOutcome[] {
  const resolved = resolveAll(profile);
  return profile.tests.map((t, i) => {
    const { facts } = resolved[i]!;
    // A loaded profile guarantees a date here (validateTests refuses a case without one).
    const asOf = resolved[i]!.asOf!;
    const verdicts = evaluateRules(profile, facts, asOf);
    const mismatches: Mismatch[] = [];
    for (const [id, expected] of Object.entries(t.rules ?? {})) {
      const verdict = verdicts.find((v) => v.id === id)!;
      if (verdict.status !== expected) mismatches.push({ kind: 'rule', id, expected, actual: verdict.status, verdict });
    }
    if (t.eligibility !== undefined) {
      const actual = eligibilityOf(verdicts);
      if (actual !== t.eligibility) mismatches.push({ kind: 'eligibility', expected: t.eligibility, actual });
    }
    const ctx = { asOf, timezone: profile.timezone, facts: profile.facts };
    for (const [id, expected] of Object.entries(t.documents ?? {})) {
      const doc = profile.documents.find((d) => d.id === id)!;
      const actual = doc.requiredWhen === undefined ? 'required' : requirement(evaluateCondition(doc.requiredWhen, facts, ctx).status);
      if (actual !== expected) mismatches.push({ kind: 'document', id, expected, actual });
    }
    const expectations = Object.keys(t.rules ?? {}).length + (t.eligibility === undefined ? 0 : 1) + Object.keys(t.documents ?? {}).length;
    return { name: t.name, asOf, passed: mismatches.length === 0, mismatches, expectations };
  });
}

const requirement = (s: 'pass' | 'fail' | 'unknown'): Requirement => (s === 'pass' ? 'required' : s === 'fail' ? 'not-required' : 'unknown');
