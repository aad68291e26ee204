// The profile is the product's language: a posting's documents, the facts a candidate
// declares, and the eligibility rules, as data. Everything here is validated by zod and
// exported as a JSON Schema (schemas/profile.schema.json) so editors can help HR write one.
import { z } from 'zod';

const localized = z
  .strictObject({
    fr: z.string().min(1).describe('Texte en français'),
    en: z.string().min(1).describe('Text in English'),
  })
  .describe('A text in French and English');
export type Localized = z.infer<typeof localized>;

const factId = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9]*$/, 'a fact name is a camelCase word, e.g. birthDate')
  .describe('Name of a fact declared under `facts`');

const scalar = z.union([z.string(), z.number(), z.boolean()]);

// ---------------------------------------------------------------------------------------
// Facts: what a candidate declares in candidate.yaml. Their types drive validation of the
// declaration and the meaning of comparisons in rules (an ordinal compares by rank).

const factBase = {
  label: localized.optional().describe('What the fact is, for reports and the candidate.yaml template'),
  example: scalar.or(z.array(z.string())).optional().describe('An example value for the template'),
};

export const factSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('string'), pattern: z.string().optional().describe('Regular expression a value must match'), ...factBase }),
  z.strictObject({ type: z.literal('enum'), values: z.array(z.string()).min(1).describe('Allowed values'), ...factBase }),
  z.strictObject({
    type: z.literal('ordinal'),
    values: z.array(z.string()).min(2).describe('Allowed values, from lowest to highest'),
    ...factBase,
  }),
  z.strictObject({ type: z.literal('boolean'), ...factBase }),
  z.strictObject({ type: z.literal('integer'), min: z.number().optional(), max: z.number().optional(), ...factBase }),
  z.strictObject({ type: z.literal('number'), min: z.number().optional(), max: z.number().optional(), ...factBase }),
  z.strictObject({ type: z.literal('date'), ...factBase }).describe('A calendar date, YYYY-MM-DD'),
  z
    .strictObject({ type: z.literal('datetime'), ...factBase })
    .describe('An instant, ISO 8601; without an offset it is read in the profile time zone'),
  z.strictObject({
    type: z.literal('list'),
    pattern: z.string().optional().describe('Regular expression every item must match'),
    ...factBase,
  }),
]);
export type FactDecl = z.infer<typeof factSchema>;
export type FactType = FactDecl['type'];

// ---------------------------------------------------------------------------------------
// Conditions: a small declarative language evaluated with three-valued logic (src/rules).

export interface FactCondition {
  fact: string;
  equals?: string | number | boolean;
  notEquals?: string | number | boolean;
  in?: (string | number)[];
  min?: string | number;
  max?: string | number;
  above?: number;
  below?: number;
  contains?: string;
  present?: boolean;
  ageBelow?: number;
  ageAtLeast?: number;
  notAfter?: string;
  notBefore?: string;
}
export type Condition = FactCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };

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

const factCondition = z
  .strictObject({
    fact: factId,
    equals: scalar.optional().describe('The fact equals this value'),
    notEquals: scalar.optional().describe('The fact differs from this value'),
    in: z.array(z.union([z.string(), z.number()])).min(1).optional().describe('The fact is one of these values'),
    min: z.union([z.string(), z.number()]).optional().describe('At least this (a number, or a value of an ordinal scale)'),
    max: z.union([z.string(), z.number()]).optional().describe('At most this (a number, or a value of an ordinal scale)'),
    above: z.number().optional().describe('Strictly greater than this number'),
    below: z.number().optional().describe('Strictly less than this number'),
    contains: z.string().optional().describe('The list fact contains this item'),
    present: z.boolean().optional().describe('The fact is (true) or is not (false) declared; never unknown'),
    ageBelow: z.number().int().positive().optional().describe('Whole years reached on the reference date are below this'),
    ageAtLeast: z.number().int().nonnegative().optional().describe('Whole years reached on the reference date are at least this'),
    notAfter: z
      .string()
      .optional()
      .describe('The date or instant is not after this one (YYYY-MM-DD or an ISO instant; no offset means the profile time zone)'),
    notBefore: z.string().optional().describe('The date or instant is not before this one'),
  })
  .refine((c) => OPERATORS.filter((op) => c[op] !== undefined).length === 1, {
    message: `a condition on a fact takes exactly one operator among: ${OPERATORS.join(', ')}`,
  });

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(conditionSchema).min(1).describe('Every condition holds') }),
    z.strictObject({ any: z.array(conditionSchema).min(1).describe('At least one condition holds') }),
    z.strictObject({ not: conditionSchema.describe('The condition does not hold') }),
    factCondition,
  ]),
);

// ---------------------------------------------------------------------------------------
// Documents: what files the dossier must hold, and how a file name is recognised.

const keywords = z
  .array(z.string().min(1))
  .min(1)
  .describe('Words a file name may contain, compared ignoring case, accents, separators and small words (de, d\', du...)');

const documentSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a document id is lower-case words joined by "-"').describe('Stable id used in reports'),
  label: localized,
  names: keywords,
  priority: z
    .number()
    .int()
    .default(0)
    .describe('When a file name matches several documents, the highest priority wins (e.g. "attestation d\'équivalence du diplôme")'),
  requiredWhen: conditionSchema.optional().describe('The document is required only when this holds (default: always)'),
  pages: z
    .strictObject({
      exactly: z.number().int().positive().optional(),
      min: z.number().int().positive().optional(),
      max: z.number().int().positive().optional(),
    })
    .default({ min: 1 })
    .describe('Page count the document must have'),
  maxSizeMB: z.number().positive().optional().describe('Size limit of one file, in MB (default: limits.maxSizeMB)'),
  multiple: z.boolean().default(false).describe('Several files may together make this document (e.g. several diplomas)'),
  advice: localized.optional().describe('What the candidate should do when the document is missing'),
  variants: z
    .array(
      z.strictObject({
        id: z.string().min(1).describe('Variant name, e.g. F1'),
        names: keywords,
        when: conditionSchema.describe('Who must send this variant; a variant sent by someone else is wrong-form'),
      }),
    )
    .optional()
    .describe('Versions of the document meant for different candidates (e.g. F1 for external candidates, F2 for agents)'),
});
export type DocumentDecl = z.infer<typeof documentSchema>;

// ---------------------------------------------------------------------------------------
// Rules: eligibility conditions of the posting.

const ruleSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a rule id is lower-case words joined by "-"').describe('Stable id used in reports'),
  label: localized.describe('Short name of the rule'),
  when: conditionSchema.optional().describe('The rule applies only when this holds; otherwise it is skipped'),
  check: conditionSchema.describe('What must hold for the candidate to pass'),
  advisory: z.boolean().default(false).describe('An advisory rule is reported but never makes a candidate ineligible'),
  advice: localized.optional().describe('What the candidate can do when the rule fails or is unknown'),
});
export type RuleDecl = z.infer<typeof ruleSchema>;

export const profileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a profile id is lower-case words joined by "-"'),
    title: z.string().min(1).describe('The posting, as candidates know it'),
    source: z.string().optional().describe('Where the posting was published'),
    timezone: z
      .string()
      .default('UTC')
      .refine(isTimeZone, 'an IANA time zone such as Africa/Casablanca')
      .describe('Time zone of dates and instants written without an offset'),
    deadline: z.string().optional().describe('Closing date of the posting (informative; the deadline rule uses it)'),
    limits: z
      .strictObject({ maxSizeMB: z.number().positive().default(10).describe('Default size limit of one file, in MB') })
      .default({ maxSizeMB: 10 }),
    facts: z.record(factId, factSchema).describe('Facts a candidate declares in candidate.yaml'),
    documents: z.array(documentSchema).min(1),
    rules: z.array(ruleSchema).default([]),
  })
  .describe('A job posting: the documents a dossier must contain and who may apply');

export type Profile = z.infer<typeof profileSchema>;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
