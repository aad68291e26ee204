// Static checks of a profile's conditions, the ones zod cannot make because they depend on
// the facts the profile declares. Evaluation runs the same checks (leafIssues) so a profile
// `profile check` accepts can never make the engine guess what a comparison means.
import type { Condition, FactCondition, FactDecl, FactType, Profile } from '../profile/schema.js';
import { OPERATORS, type Operator } from '../profile/operators.js';
import { isCalendarDate, toInstant } from './dates.js';
import { meant } from '../suggest.js';

export interface ConditionIssue {
  /** Path inside the profile object, e.g. ['rules', 3, 'check', 'any', 0, 'min']. */
  path: (string | number)[];
  message: string;
}

const SCALAR: readonly FactType[] = ['string', 'enum', 'ordinal', 'boolean', 'integer', 'number', 'date', 'datetime'];
const ALL: readonly FactType[] = [...SCALAR, 'list'];

/** Fact types each operator makes sense on. */
export const OPERATOR_FACT_TYPES = {
  equals: SCALAR,
  notEquals: SCALAR,
  // `in` lists strings and numbers only; a boolean has `equals`.
  in: SCALAR.filter((t) => t !== 'boolean'),
  min: ['integer', 'number', 'ordinal'],
  max: ['integer', 'number', 'ordinal'],
  above: ['integer', 'number'],
  below: ['integer', 'number'],
  contains: ['list'],
  present: ALL,
  ageBelow: ['date'],
  ageAtLeast: ['date'],
  notAfter: ['date', 'datetime'],
  notBefore: ['date', 'datetime'],
} as const satisfies Record<Operator, readonly FactType[]>;

/** The operators a fact condition carries (exactly one in a valid profile). */
export function operatorsOf(c: FactCondition): Operator[] {
  return OPERATORS.filter((op) => c[op] !== undefined);
}

/** A plain record lookup that a fact named `constructor` or `toString` cannot fool. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export const isFactCondition = (c: Condition): c is FactCondition => 'fact' in c;

const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

function matchesPattern(pattern: string | undefined, v: string): boolean {
  if (pattern === undefined) return true;
  try {
    return new RegExp(pattern).test(v);
  } catch {
    // An invalid pattern is reported where facts are checked; it must not hide other issues.
    return true;
  }
}

/** Why `v` can never be a value of the fact, or null when it can. */
function scalarIssue(decl: FactDecl, v: unknown, timezone: string): string | null {
  switch (decl.type) {
    case 'string':
      if (typeof v !== 'string') return `expected text for a string fact, got ${show(v)}`;
      return matchesPattern(decl.pattern, v) ? null : `${show(v)} can never match: the fact must match ${decl.pattern}`;
    case 'enum':
    case 'ordinal':
      return typeof v === 'string' && decl.values.includes(v)
        ? null
        : `${show(v)} is not a value of this ${decl.type} fact; expected one of: ${decl.values.join(', ')}`;
    case 'boolean':
      return typeof v === 'boolean' ? null : `expected true or false for a boolean fact, got ${show(v)}`;
    case 'integer':
    case 'number': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return `expected a number for a${decl.type === 'integer' ? 'n integer' : ' number'} fact, got ${show(v)}`;
      if (decl.type === 'integer' && !Number.isInteger(v)) return `${v} can never be the value of an integer fact`;
      if (decl.min !== undefined && v < decl.min) return `${v} is below the fact's minimum ${decl.min}`;
      if (decl.max !== undefined && v > decl.max) return `${v} is above the fact's maximum ${decl.max}`;
      return null;
    }
    case 'date':
      return typeof v === 'string' && isCalendarDate(v) ? null : `expected a calendar date YYYY-MM-DD that exists, got ${show(v)}`;
    case 'datetime':
      return typeof v === 'string' && toInstant(v, timezone) !== null
        ? null
        : `expected a date-time like 2026-02-21T23:59:59 (optionally with an offset), got ${show(v)}`;
    case 'list':
      return 'a list fact has no single value';
  }
}

/** Why the operand of `op` does not fit the fact, or null. `op` already fits the fact's type. */
function operandIssue(decl: FactDecl, op: Operator, v: unknown, timezone: string): string | null {
  switch (op) {
    case 'equals':
    case 'notEquals':
    case 'in':
      return scalarIssue(decl, v, timezone);
    case 'min':
    case 'max':
      if (decl.type === 'ordinal') return scalarIssue(decl, v, timezone);
      return typeof v === 'number' && Number.isFinite(v) ? null : `expected a number, got ${show(v)}`;
    case 'above':
    case 'below':
      return typeof v === 'number' && Number.isFinite(v) ? null : `expected a number, got ${show(v)}`;
    case 'contains':
      if (typeof v !== 'string') return `expected a list item (text), got ${show(v)}`;
      return decl.type === 'list' && !matchesPattern(decl.pattern, v)
        ? `${show(v)} can never be in the list: its items must match ${decl.pattern}`
        : null;
    case 'present':
      return typeof v === 'boolean' ? null : `expected true or false, got ${show(v)}`;
    case 'ageBelow':
    case 'ageAtLeast':
      return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? null : `expected a whole number of years, got ${show(v)}`;
    case 'notAfter':
    case 'notBefore':
      if (decl.type === 'date')
        return typeof v === 'string' && isCalendarDate(v)
          ? null
          : `a date fact compares with a calendar date YYYY-MM-DD that exists, got ${show(v)}`;
      return scalarIssue(decl, v, timezone);
  }
}

/**
 * Issues of one fact condition, with paths relative to it. Empty means the engine can evaluate
 * it with a well-defined meaning.
 */
export function leafIssues(c: FactCondition, facts: Readonly<Record<string, FactDecl>>, timezone: string): ConditionIssue[] {
  const ops = operatorsOf(c);
  if (ops.length !== 1) return [{ path: [], message: `a condition on a fact takes exactly one operator among: ${OPERATORS.join(', ')}` }];
  const op = ops[0]!;
  const decl = own(facts, c.fact);
  if (!decl) {
    const known = Object.keys(facts);
    return [{ path: ['fact'], message: `fact '${c.fact}' is not declared under facts${meant(c.fact, known)}${known.length ? `; declared: ${known.join(', ')}` : ''}` }];
  }
  const fits: readonly FactType[] = OPERATOR_FACT_TYPES[op];
  if (!fits.includes(decl.type))
    return [{ path: [op], message: `'${op}' does not apply to '${c.fact}', a ${decl.type} fact; '${op}' applies to: ${fits.join(', ')}` }];
  const operand = c[op];
  if (op === 'in') {
    if (!Array.isArray(operand)) return [{ path: [op], message: `expected a list of values, got ${show(operand)}` }];
    return operand.flatMap((v, i) => {
      const m = operandIssue(decl, op, v, timezone);
      return m ? [{ path: [op, i], message: `${op}: ${m}` }] : [];
    });
  }
  const m = operandIssue(decl, op, operand, timezone);
  return m ? [{ path: [op], message: `${op}: ${m}` }] : [];
}

function conditionIssues(
  c: Condition,
  path: (string | number)[],
  facts: Readonly<Record<string, FactDecl>>,
  timezone: string,
  out: ConditionIssue[],
): void {
  if ('all' in c) c.all.forEach((s, i) => conditionIssues(s, [...path, 'all', i], facts, timezone, out));
  else if ('any' in c) c.any.forEach((s, i) => conditionIssues(s, [...path, 'any', i], facts, timezone, out));
  else if ('not' in c) conditionIssues(c.not, [...path, 'not'], facts, timezone, out);
  else for (const i of leafIssues(c, facts, timezone)) out.push({ path: [...path, ...i.path], message: i.message });
}

/** Every condition issue of the profile (rules' when/check, documents' requiredWhen, variants' when). */
export function validateConditions(profile: Profile): ConditionIssue[] {
  const out: ConditionIssue[] = [];
  const visit = (c: Condition | undefined, path: (string | number)[]) => {
    if (c !== undefined) conditionIssues(c, path, profile.facts, profile.timezone, out);
  };
  profile.documents.forEach((doc, d) => {
    visit(doc.requiredWhen, ['documents', d, 'requiredWhen']);
    doc.variants?.forEach((v, i) => visit(v.when, ['documents', d, 'variants', i, 'when']));
  });
  profile.rules.forEach((rule, r) => {
    visit(rule.when, ['rules', r, 'when']);
    visit(rule.check, ['rules', r, 'check']);
  });
  return out;
}
