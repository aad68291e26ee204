// The JSON report contract as a zod schema: the TypeScript types of the localized report are
// inferred from it, and schemas/report.schema.json is generated from it, so the published
// schema, the types and the output cannot drift apart.
import { z } from 'zod';

const paramValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

export const problemSchema = z
  .object({
    code: z.string().describe('Stable problem code, e.g. missing, not-pdf, page-count'),
    severity: z.enum(['error', 'warning']).describe('An error makes the document invalid; a warning does not'),
    message: z.string().describe('What is wrong, in the report language'),
    fix: z.string().describe('What to do about it, in the report language'),
    params: z.record(z.string(), paramValue).describe('The data behind the message (file, expected, actual...)'),
  })
  .describe('A finding');

export const documentSchema = z.object({
  id: z.string().describe('Document id from the profile, e.g. cni'),
  label: z.string().describe('Document name in the report language'),
  status: z
    .enum(['ok', 'missing', 'invalid', 'not-required'])
    .describe('ok, missing (no file), invalid (a file with an error), not-required (the candidate\'s situation does not call for it)'),
  files: z.array(z.string()).describe('Names of the files taken for this document'),
  pages: z.number().int().nonnegative().nullable().describe('Pages counted (and loaded) in those files; null when unknown'),
  textLayer: z
    .boolean()
    .nullable()
    .optional()
    .describe('true: every file carries text (typed, or the OCR layer of a scan); false: at least one is a scan without text; null: unknown'),
  problems: z.array(problemSchema).describe('Findings about this document'),
}).describe('One document the profile asks for');

export const ruleSchema = z.object({
  id: z.string().describe('Rule id from the profile, e.g. age'),
  label: z.string().describe('Rule name in the report language'),
  status: z.enum(['pass', 'fail', 'unknown', 'skipped']).describe('unknown: a fact is missing; skipped: the rule does not apply'),
  advisory: z.boolean().describe('An advisory rule never makes a candidate ineligible'),
  message: z.string().describe('Observed value and threshold, in the report language'),
  fix: z.string().optional().describe('What the candidate can do: the profile\'s advice, or, for a rule unknown for want of a fact, which fact to give, check or correct'),
}).describe('One eligibility rule and its verdict');

export const dossierSchema = z.object({
  path: z.string().describe('The dossier folder as given'),
  complete: z.boolean().describe('Every required document is present and valid'),
  eligibility: z
    .enum(['eligible', 'ineligible', 'undetermined'])
    .describe('ineligible if a blocking rule fails, else undetermined if one is unknown, else eligible'),
  accepted: z.boolean().describe('complete and eligible'),
  documents: z.array(documentSchema).describe('Every document of the profile, in profile order'),
  rules: z.array(ruleSchema).describe('Every eligibility rule of the profile, in profile order'),
  problems: z.array(problemSchema).describe('Findings about the dossier as a whole (unexpected files, declaration errors)'),
}).describe('One candidate folder');

export const reportSchema = z
  .object({
    schemaVersion: z.literal(1).describe('Changes only if a field is ever removed or renamed'),
    lang: z.enum(['fr', 'en']).describe('Language of messages'),
    profile: z
      .object({
        id: z.string().describe('Profile id'),
        title: z.string().describe('The posting'),
        sha256: z
          .string()
          .regex(/^[0-9a-f]{64}$/)
          .optional()
          .describe('SHA-256 of the profile as loaded (its JSON): the same for the same profile whatever file it came from, another for an edited one'),
      })
      .describe('The profile the dossiers were checked against'),
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('Date at which ages and dates were judged'),
    summary: z
      .object({
        dossiers: z.number().int().nonnegative().describe('Dossiers checked'),
        complete: z.number().int().nonnegative().describe('Dossiers with every required document valid'),
        eligible: z.number().int().nonnegative().describe('Dossiers whose candidate is eligible'),
        accepted: z.number().int().nonnegative().describe('Dossiers complete and eligible'),
      })
      .describe('Counts over all dossiers'),
    dossiers: z.array(dossierSchema).describe('One entry per dossier, in the order given'),
    problems: z.array(problemSchema).describe('Findings about the run itself (e.g. files at the root of a batch)'),
  })
  .describe('dossier completeness and eligibility report');

export type ProblemView = z.infer<typeof problemSchema>;
export type DocumentView = z.infer<typeof documentSchema>;
export type RuleView = z.infer<typeof ruleSchema>;
export type DossierView = z.infer<typeof dossierSchema>;
export type ReportView = z.infer<typeof reportSchema>;
