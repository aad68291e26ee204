// The profile is the product's language: a posting's documents, the facts a candidate
// declares, and the eligibility rules, as data. Everything here is validated by zod and
// exported as a JSON Schema (schemas/profile.schema.json) so editors can help HR write one.
import { OPERATORS } from './operators.js';
import { z } from 'zod';

/**
 * A text shown to people on one line (a label, an advice, a title). Written as a YAML block
 * (`>` or `|`) it carries line breaks, which a report line would show escaped as `\n`: they
 * are read as spaces, once, here.
 */
const text = () =>
  z
    .string()
    .trim()
    .min(1)
    // For editors (JSON Schema), which do not trim: spaces alone are not a text.
    .meta({ pattern: '\\S' })
    .transform((t) => t.replace(/\s*[\r\n]+\s*/g, ' '));

const localized = z
  .strictObject({
    fr: text().describe('Texte en français'),
    en: text().describe('Text in English'),
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
  label: localized.optional().describe('Short name of the fact, used in rule messages ("nationalité : MA ; exigé : MA")'),
  help: localized.optional().describe('Longer explanation for the candidate.yaml template (allowed codes, who must answer)'),
  example: scalar.or(z.array(z.string())).optional().describe('An example value for the template'),
};

export const factSchema = z.discriminatedUnion('type', [
  z
    .strictObject({
      type: z.literal('string').describe('Free text'),
      pattern: z.string().optional().describe('Regular expression a value must match'),
      ...factBase,
    })
    .meta({ title: 'Text fact' }),
  z
    .strictObject({ type: z.literal('enum').describe('One value out of a list'), values: z.array(z.string()).min(1).describe('Allowed values'), ...factBase })
    .meta({ title: 'Choice fact' }),
  z
    .strictObject({
      type: z.literal('ordinal').describe('One value out of an ordered scale; min and max compare ranks'),
      values: z.array(z.string()).min(2).describe('Allowed values, from lowest to highest'),
      ...factBase,
    })
    .meta({ title: 'Scale fact' }),
  z.strictObject({ type: z.literal('boolean').describe('true or false'), ...factBase }).meta({ title: 'Yes/no fact' }),
  z
    .strictObject({
      type: z.literal('integer').describe('A whole number'),
      min: z.number().optional().describe('Smallest value a candidate may declare'),
      max: z.number().optional().describe('Largest value a candidate may declare'),
      ...factBase,
    })
    .meta({ title: 'Whole-number fact' }),
  z
    .strictObject({
      type: z.literal('number').describe('A number, decimals allowed (e.g. 4.5 years)'),
      min: z.number().optional().describe('Smallest value a candidate may declare'),
      max: z.number().optional().describe('Largest value a candidate may declare'),
      ...factBase,
    })
    .meta({ title: 'Number fact' }),
  z
    .strictObject({ type: z.literal('date').describe('A calendar date, YYYY-MM-DD'), ...factBase })
    .meta({ title: 'Date fact', description: 'A calendar date, YYYY-MM-DD' }),
  z
    .strictObject({ type: z.literal('datetime').describe('A date and time, ISO 8601'), ...factBase })
    .meta({ title: 'Date-time fact', description: 'An instant, ISO 8601; without an offset it is read in the profile time zone' }),
  z
    .strictObject({
      type: z.literal('list').describe('A list of short texts (e.g. language codes)'),
      pattern: z.string().optional().describe('Regular expression every item must match'),
      ...factBase,
    })
    .meta({ title: 'List fact' }),
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

export { OPERATORS, type Operator } from './operators.js';

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

// The lazy getter must return the same schema every time: zod's JSON Schema export follows
// the recursion by identity, and a fresh union per call never ends.
export const conditionSchema: z.ZodType<Condition> = z.lazy(() => conditionUnion);
const conditionUnion: z.ZodType<Condition> = z
  .union([
    z.strictObject({ all: z.array(conditionSchema).min(1).describe('Every condition holds') }).describe('All of these conditions'),
    z.strictObject({ any: z.array(conditionSchema).min(1).describe('At least one condition holds') }).describe('Any of these conditions'),
    z.strictObject({ not: conditionSchema.describe('The condition does not hold') }).describe('The opposite of a condition'),
    factCondition,
  ])
  .describe('A condition on the facts: one fact and one operator, or all / any / not of conditions');

// ---------------------------------------------------------------------------------------
// Documents: what files the dossier must hold, and how a file name is recognised.

const keywords = z
  .array(z.string().min(1))
  .min(1)
  .describe('Words a file name may contain, compared ignoring case, accents, separators and small words (de, d\', du...)');

const fieldNames = z
  .array(z.string().min(1))
  .min(1)
  .describe('Form field names, compared ignoring case, accents, separators and small words ("date_naissance" = "Date de naissance")');

export const formFieldSchema = z
  .strictObject({
    names: fieldNames.optional().describe('Fields any one of which holds the whole value (the first one filled is read)'),
    parts: fieldNames.optional().describe('Fields whose values, joined by a space in this order, make the value (e.g. [prenom, nom])'),
    values: z
      .record(z.string(), z.array(z.string().min(1)).min(1))
      .optional()
      .describe('Fact value → words a field may hold for it, e.g. MA: [marocaine, marocain, maroc]; for a scale, the highest value named wins'),
  })
  .refine((f) => f.names !== undefined || f.parts !== undefined, { message: 'give names (or parts) of the fields that hold this fact' })
  .meta({ title: 'Form field mapping', description: 'Where a fact is found in the fillable form' });
export type FormFieldDecl = z.infer<typeof formFieldSchema>;

export const layoutSchema = z
  .strictObject({
    cardSides: z.number().int().min(1).max(4).default(2).describe('Sides of the card the page must show (2: recto and verso)'),
    cardRatio: z
      .number()
      .min(1)
      .default(1.586)
      .describe('Long side over short side of one card: 1.586 for the ID-1 format (85.60 × 53.98 mm) of national ID cards'),
    ratioTolerance: z.number().positive().max(0.5).default(0.1).describe('Relative tolerance on proportions: 0.1 accepts ±10 %'),
    minAreaFraction: z
      .number()
      .positive()
      .max(1)
      .default(0.02)
      .describe('Images smaller than this fraction of the page (logos, stamps) are ignored'),
    fullPageFraction: z
      .number()
      .positive()
      .max(1)
      .default(0.8)
      .describe('An image covering at least this fraction of an A4/Letter page is a scan of a whole sheet: its layout is not judged'),
  })
  .meta({
    title: 'ID card layout',
    description: 'Page 1 must show this many card sides: one card-shaped image alone is reported (cni-one-side)',
  });
export type LayoutDecl = z.infer<typeof layoutSchema>;

export const documentSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a document id is lower-case words joined by "-"').describe('Stable id used in reports'),
  label: localized.describe('Name of the document, as the posting says it'),
  names: keywords,
  priority: z
    .number()
    .int()
    .default(0)
    .describe('When a file name matches several documents, the highest priority wins (e.g. "attestation d\'équivalence du diplôme")'),
  requiredWhen: conditionSchema.optional().describe('The document is required only when this holds (default: always)'),
  pages: z
    .strictObject({
      exactly: z.number().int().positive().optional().describe('Exactly this many pages'),
      min: z.number().int().positive().optional().describe('At least this many pages'),
      max: z.number().int().positive().optional().describe('At most this many pages'),
    })
    .default({ min: 1 })
    .describe('Page count the document must have'),
  maxSizeMB: z.number().positive().optional().describe('Size limit of one file, in MB (default: limits.maxSizeMB)'),
  multiple: z.boolean().default(false).describe('Several files may together make this document (e.g. several diplomas)'),
  example: z
    .string()
    .optional()
    .describe('A file name candidates can copy, e.g. "Plan d\'action.pdf"; `profile check` verifies it is recognised as this document'),
  advice: localized.optional().describe('What the candidate should do when the document is missing'),
  pagesAdvice: localized
    .optional()
    .describe('What the candidate should do when the page count is wrong (e.g. merge the two sides of an ID card on one page)'),
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
  contentKeywords: z
    .array(z.string().min(1))
    .min(1)
    .optional()
    .describe(
      'Words or phrases the text of this document holds ("Curriculum Vitae", "Expérience professionnelle"): a file whose name matches no document is proposed for the one whose keywords its first pages hold',
    ),
  formFields: z
    .record(factId, formFieldSchema)
    .optional()
    .describe('When this document is a fillable PDF form: which of its fields give which fact (fact name → fields)'),
  layout: layoutSchema.optional().describe('Check that the first page shows both sides of an ID card, from where its images are placed'),
});
export type DocumentDecl = z.infer<typeof documentSchema>;
const documentEntry = documentSchema.meta({ title: 'Document', description: 'A document the dossier must (or may) contain' });

// ---------------------------------------------------------------------------------------
// Rules: eligibility conditions of the posting.

export const ruleSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a rule id is lower-case words joined by "-"').describe('Stable id used in reports'),
  label: localized.describe('Short name of the rule'),
  when: conditionSchema.optional().describe('The rule applies only when this holds; otherwise it is skipped'),
  check: conditionSchema.describe('What must hold for the candidate to pass'),
  advisory: z.boolean().default(false).describe('An advisory rule is reported but never makes a candidate ineligible'),
  advice: localized.optional().describe('What the candidate can do when the rule fails or is unknown'),
});
export type RuleDecl = z.infer<typeof ruleSchema>;

// ---------------------------------------------------------------------------------------
// Tests: a profile carries its own test cases, like OpenFisca's YAML tests. Facts in,
// expected rule statuses, eligibility and document requirements out; `dossier profile test`
// runs them and `profile check` verifies they name declared facts, rules and documents.

export const RULE_STATUSES = ['pass', 'fail', 'unknown', 'skipped'] as const;
export const ELIGIBILITIES = ['eligible', 'ineligible', 'undetermined'] as const;
export const REQUIREMENTS = ['required', 'not-required', 'unknown'] as const;

export const testCaseSchema = z
  .strictObject({
    name: z.string().min(1).describe('What the case shows, unique in the profile (e.g. "le jour du 45e anniversaire")'),
    extends: z
      .string()
      .optional()
      .describe('Name of an earlier case whose facts (and asOf) this case starts from; its own facts replace them, null removes one'),
    asOf: z
      .string()
      .optional()
      .describe('Reference date of ages, YYYY-MM-DD (default: the date of the profile deadline)'),
    facts: z
      .record(factId, z.union([scalar, z.array(z.string()), z.null()]))
      .default({})
      .describe('The candidate\'s declaration, as in candidate.yaml; a fact left out (or null) is unknown'),
    rules: z
      .record(z.string(), z.enum(RULE_STATUSES))
      .optional()
      .describe('Expected status of rules, by rule id: pass, fail, unknown or skipped'),
    eligibility: z.enum(ELIGIBILITIES).optional().describe('Expected eligibility: eligible, ineligible or undetermined'),
    documents: z
      .record(z.string(), z.enum(REQUIREMENTS))
      .optional()
      .describe('Expected requirement of documents, by document id: required, not-required or unknown'),
  })
  .refine((t) => t.rules !== undefined || t.eligibility !== undefined || t.documents !== undefined, {
    message: 'a test case expects something: give rules, eligibility and/or documents',
  })
  .meta({ title: 'Test case', description: 'Facts in, expected rule statuses, eligibility and document requirements out' });
export type TestCase = z.infer<typeof testCaseSchema>;

export const profileSchema = z
  .strictObject({
    $schema: z.string().optional().describe('JSON Schema of this file, for editors'),
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'a profile id is lower-case words joined by "-"')
      .describe('Stable id of the profile, lower-case words joined by "-", e.g. ofppt-2026-formateur-gestion'),
    title: z
      .union([text(), localized])
      .describe('The posting, as candidates know it: one text, or { fr, en } for reports in both languages'),
    source: z.string().optional().describe('Where the posting was published'),
    timezone: z
      .string()
      .default('UTC')
      .refine(isTimeZone, 'an IANA time zone such as Africa/Casablanca')
      .describe('Time zone of dates and instants written without an offset'),
    deadline: z.string().optional().describe('Closing date of the posting (informative; the deadline rule uses it)'),
    limits: z
      .strictObject({ maxSizeMB: z.number().positive().default(10).describe('Default size limit of one file, in MB') })
      .default({ maxSizeMB: 10 })
      .describe('Limits that apply to every document'),
    facts: z.record(factId, factSchema).describe('Facts a candidate declares in candidate.yaml'),
    documents: z.array(documentEntry).min(1).describe('Documents of the dossier, in the order reports list them'),
    rules: z
      .array(ruleSchema.meta({ title: 'Rule', description: 'An eligibility condition of the posting' }))
      .default([])
      .describe('Eligibility rules; a candidate is eligible when every non-advisory rule passes or is skipped'),
    tests: z
      .array(testCaseSchema)
      .default([])
      .describe('Test cases of the rules, run by `dossier profile test` and by `npm test`'),
  })
  .meta({ title: 'dossier profile', description: 'A job posting: the documents a dossier must contain and who may apply' });

export type Profile = z.infer<typeof profileSchema>;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
