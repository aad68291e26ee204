// The operators of a profile's conditions, apart from the schema: the rule engine needs the
// list, and loading it must not load the schema library (zod) into every worker.

/** Operators a fact condition may use, each with one operand. Exactly one per condition. */
export const OPERATORS = [
  'equals',
  'notEquals',
  'in',
  'min',
  'max',
  'above',
  'below',
  'contains',
  'present',
  'ageBelow',
  'ageAtLeast',
  'notAfter',
  'notBefore',
] as const;
export type Operator = (typeof OPERATORS)[number];
