// Three-valued evaluation of a profile's conditions. A fact the candidate did not declare makes
// a comparison unknown, and unknown propagates by Kleene's rules: the tool never guesses that a
// missing birth date is fine, nor that it is disqualifying. Every branch is evaluated (no
// short circuit) so the report can list every fact involved.
import type { Condition, FactCondition, FactDecl, Profile } from '../profile/schema.js';
import { ageOn, isCalendarDate, toInstant, wallTime } from './dates.js';
import type { EvalContext, FactValue, Facts, Leaf, RuleVerdict, Tri } from './types.js';
import { leafIssues, operatorsOf, own } from './validate.js';
import { extend } from '../extend.js';

/** A condition the profile checks should have refused: evaluating it would mean guessing. */
export class ConditionError extends Error {
  override name = 'ConditionError';
}

type Node =
  | { kind: 'leaf'; status: Tri; leaf: Leaf }
  | { kind: 'all' | 'any'; status: Tri; children: Node[] }
  | { kind: 'not'; status: Tri; child: Node };

const RANK: Record<Tri, number> = { fail: 0, unknown: 1, pass: 2 };
const BY_RANK: readonly Tri[] = ['fail', 'unknown', 'pass'];
// Kleene's strong logic: and = min, or = max, not = mirror, over fail < unknown < pass.
const and = (xs: readonly Tri[]): Tri => BY_RANK[Math.min(...xs.map((x) => RANK[x]))]!;
const or = (xs: readonly Tri[]): Tri => BY_RANK[Math.max(...xs.map((x) => RANK[x]))]!;
const negate = (x: Tri): Tri => (x === 'pass' ? 'fail' : x === 'fail' ? 'pass' : 'unknown');

function evalNode(c: Condition, facts: Facts, ctx: EvalContext): Node {
  if ('all' in c) {
    const children = c.all.map((s) => evalNode(s, facts, ctx));
    return { kind: 'all', status: and(children.map((n) => n.status)), children };
  }
  if ('any' in c) {
    const children = c.any.map((s) => evalNode(s, facts, ctx));
    return { kind: 'any', status: or(children.map((n) => n.status)), children };
  }
  if ('not' in c) {
    const child = evalNode(c.not, facts, ctx);
    return { kind: 'not', status: negate(child.status), child };
  }
  const leaf = evalLeaf(c, facts, ctx);
  return { kind: 'leaf', status: leaf.status, leaf };
}

/**
 * Marks the leaves that decide a node's outcome: all children of an `all` that passes (each
 * was needed), only the failing ones of an `all` that fails, only the unknown ones when it is
 * unknown; dually for `any`.
 */
function collect(n: Node, decisive: boolean, out: Leaf[]): void {
  switch (n.kind) {
    case 'leaf':
      n.leaf.decisive = decisive;
      out.push(n.leaf);
      return;
    case 'not':
      collect(n.child, decisive, out);
      return;
    case 'all':
    case 'any': {
      const everyChild = n.status === (n.kind === 'all' ? 'pass' : 'fail');
      for (const child of n.children) collect(child, decisive && (everyChild || child.status === n.status), out);
    }
  }
}

export function evaluateCondition(c: Condition, facts: Facts, ctx: EvalContext): { status: Tri; leaves: Leaf[] } {
  const root = evalNode(c, facts, ctx);
  const leaves: Leaf[] = [];
  collect(root, true, leaves);
  return { status: root.status, leaves };
}

/** Whether the observed value has the shape its declaration promises; if not it is unusable. */
function wellFormed(decl: FactDecl, v: FactValue, timezone: string): boolean {
  switch (decl.type) {
    case 'string':
      return typeof v === 'string';
    case 'enum':
    case 'ordinal':
      return typeof v === 'string' && decl.values.includes(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'integer':
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'date':
      return typeof v === 'string' && isCalendarDate(v);
    case 'datetime':
      return typeof v === 'string' && toInstant(v, timezone) !== null;
    case 'list':
      return Array.isArray(v) && v.every((x) => typeof x === 'string');
  }
}

/**
 * Conditions found sound, with the declarations and zone they were checked against: a batch
 * evaluates the profile's same few conditions for every dossier (checking each again was a
 * third of the rules' time in a worker).
 */
const sound = new WeakMap<FactCondition, { readonly facts: EvalContext['facts']; readonly timezone: string }>();

function evalLeaf(c: FactCondition, facts: Facts, ctx: EvalContext): Leaf {
  const checked = sound.get(c);
  if (checked?.facts !== ctx.facts || checked.timezone !== ctx.timezone) {
    const issues = leafIssues(c, ctx.facts, ctx.timezone);
    if (issues.length > 0) throw new ConditionError(`condition on '${c.fact}': ${issues.map((i) => i.message).join('; ')}`);
    sound.set(c, { facts: ctx.facts, timezone: ctx.timezone });
  }
  // leafIssues guarantees exactly one operator, a declared fact, and an operand that fits it.
  const op = operatorsOf(c)[0]!;
  const threshold = c[op] as Leaf['threshold'];
  const decl = own(ctx.facts, c.fact)!;
  const value = own(facts, c.fact);
  const observed = value === undefined ? null : value;
  const leaf: Leaf = { fact: c.fact, op, threshold, observed, status: 'unknown' };

  if (op === 'present') {
    leaf.status = (observed !== null) === threshold ? 'pass' : 'fail';
    return leaf;
  }
  if (observed === null || !wellFormed(decl, observed, ctx.timezone)) return leaf;

  const tz = ctx.timezone;
  const instant = (s: string) => toInstant(s, tz)!;
  // Equality on instants, not on their spelling: 12:00+01:00 is 11:00Z.
  const key = (v: string | number | boolean): string | number | boolean =>
    decl.type === 'datetime' && typeof v === 'string' ? instant(v) : v;
  const rank = (v: string | number): number => (decl.type === 'ordinal' ? decl.values.indexOf(String(v)) : Number(v));

  let ok: boolean;
  switch (op) {
    case 'equals':
    case 'notEquals': {
      const same = key(observed as string | number | boolean) === key(threshold as string | number | boolean);
      ok = op === 'equals' ? same : !same;
      break;
    }
    case 'in': {
      const k = key(observed as string | number);
      ok = (threshold as readonly (string | number)[]).some((t) => key(t) === k);
      break;
    }
    case 'min':
      ok = rank(observed as string | number) >= rank(threshold as string | number);
      break;
    case 'max':
      ok = rank(observed as string | number) <= rank(threshold as string | number);
      break;
    case 'above':
      ok = (observed as number) > (threshold as number);
      break;
    case 'below':
      ok = (observed as number) < (threshold as number);
      break;
    case 'contains':
      ok = (observed as readonly string[]).includes(threshold as string);
      break;
    case 'ageBelow':
    case 'ageAtLeast': {
      const age = ageOn(observed as string, ctx.asOf);
      leaf.derived = { age, at: ctx.asOf };
      // Born after the date judged: a mistyped year (2090 for 1990), not a candidate under
      // any age limit. Not judged, as a date that does not exist is not.
      if (age < 0) return leaf;
      ok = op === 'ageBelow' ? age < (threshold as number) : age >= (threshold as number);
      break;
    }
    case 'notAfter':
    case 'notBefore': {
      let cmp: number;
      if (decl.type === 'date') {
        // YYYY-MM-DD strings order like the dates they name.
        cmp = (observed as string) < (threshold as string) ? -1 : (observed as string) > (threshold as string) ? 1 : 0;
      } else {
        const o = instant(observed as string);
        const t = instant(threshold as string);
        leaf.derived = { at: wallTime(o, tz), timezone: tz, limit: wallTime(t, tz) };
        cmp = Math.sign(o - t);
      }
      ok = op === 'notAfter' ? cmp <= 0 : cmp >= 0;
      break;
    }
  }
  leaf.status = ok ? 'pass' : 'fail';
  return leaf;
}

/** Evaluates every rule of the profile; `asOf` (YYYY-MM-DD) is the reference date of ages. */
export function evaluateRules(profile: Profile, facts: Facts, asOf: string): RuleVerdict[] {
  if (!isCalendarDate(asOf)) throw new RangeError(`asOf must be a calendar date YYYY-MM-DD, got ${asOf}`);
  const ctx: EvalContext = { asOf, timezone: profile.timezone, facts: profile.facts };
  return profile.rules.map((rule): RuleVerdict => {
    // The check is evaluated even when the rule is skipped: its leaves still tell the report
    // which facts were involved, and an ill-typed check still surfaces.
    const check = evaluateCondition(rule.check, facts, ctx);
    const base = { id: rule.id, advisory: rule.advisory ?? false };
    if (rule.when === undefined) return extend(base, { status: check.status, leaves: check.leaves });
    const when = evaluateCondition(rule.when, facts, ctx);
    switch (when.status) {
      case 'pass':
        return extend(base, { status: check.status, leaves: check.leaves, when });
      case 'fail':
        return extend(base, { status: 'skipped' as const, leaves: when.leaves, when });
      case 'unknown':
        // Not knowing whether a rule applies is not knowing whether the candidate may apply.
        return extend(base, { status: 'unknown' as const, leaves: check.leaves, when });
    }
  });
}

export function eligibilityOf(verdicts: readonly RuleVerdict[]): 'eligible' | 'ineligible' | 'undetermined' {
  const binding = verdicts.filter((v) => !v.advisory);
  if (binding.some((v) => v.status === 'fail')) return 'ineligible';
  if (binding.some((v) => v.status === 'unknown')) return 'undetermined';
  return 'eligible';
}
