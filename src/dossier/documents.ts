// Judge each document of the profile from the files matched to it, their inspections and the
// candidate's facts. Pure: no I/O, so every status is testable from data.
import { finding, hasError, type Finding } from '../findings.js';
import type { FileInspection } from '../pdf/types.js';
import type { DocumentDecl, Profile } from '../profile/schema.js';
import { evaluateCondition } from '../rules/evaluate.js';
import type { EvalContext, Facts } from '../rules/types.js';
import type { DocumentResult } from '../report/model.js';
import { variantOf } from './match.js';
import { contentFindings, textLayerOf } from './content-findings.js';
import { extend } from '../extend.js';

export function judgeDocuments(
  profile: Profile,
  byDocument: ReadonlyMap<string, readonly string[]>,
  inspections: ReadonlyMap<string, FileInspection>,
  facts: Facts,
  ctx: EvalContext,
  /** Findings found across files (duplicates, content matches, form vs declaration), by document id. */
  extra: ReadonlyMap<string, readonly Finding[]> = new Map(),
): DocumentResult[] {
  return profile.documents.map((doc) => judge(doc, byDocument.get(doc.id) ?? [], inspections, facts, ctx, extra.get(doc.id) ?? []));
}

function judge(
  doc: DocumentDecl,
  files: readonly string[],
  inspections: ReadonlyMap<string, FileInspection>,
  facts: Facts,
  ctx: EvalContext,
  extra: readonly Finding[],
): DocumentResult {
  const condition = doc.requiredWhen ? evaluateCondition(doc.requiredWhen, facts, ctx) : undefined;
  const required = condition ? triToRequired(condition.status) : true;
  const base = { id: doc.id, label: doc.label, advice: doc.advice, ...(doc.pagesAdvice ? { pagesAdvice: doc.pagesAdvice } : {}), required, files };
  if (files.length === 0) {
    if (required === false) return extend(base, { status: 'not-required' as const, pages: null, problems: [] });
    // Unknown requirement: insist, since an incomplete dossier is rejected outright.
    // The facts whose absence leaves it unknown: the candidate is told which to give.
    const unknownFacts = [...new Set((condition?.leaves ?? []).filter((l) => l.status === 'unknown').map((l) => l.fact))];
    const params: Record<string, string | readonly string[]> = required === 'unknown' ? { condition: 'unknown', facts: unknownFacts } : {};
    return extend(base, { status: 'missing' as const, pages: null, problems: [finding('missing', 'error', params)] });
  }

  // "scan0001.pdf was recognised as the CV" comes first: the rest is about that file.
  const problems: Finding[] = extra.filter((f) => f.code === 'matched-by-content');
  if (files.length > 1 && !doc.multiple) problems.push(finding('ambiguous', 'error', { files, ...pageParams(doc) }));

  let pages: number | null = 0;
  for (const file of files) {
    const insp = inspections.get(file);
    if (!insp) continue;
    problems.push(...insp.problems.map((p) => withFile(p, file)));
    pages = pages === null || insp.pages === null ? null : pages + insp.pages;
    if (insp.readable && insp.pages !== null) problems.push(...pageCount(doc, file, insp.pages));
    problems.push(...wrongVariant(doc, file, facts, ctx));
    problems.push(...contentFindings(doc, file, insp));
  }
  problems.push(...extra.filter((f) => f.code !== 'matched-by-content'));
  const textLayer = textLayerOf(files.flatMap((f) => inspections.get(f) ?? []));
  // A document the candidate's situation does not ask for cannot make the dossier
  // incomplete: what is wrong with its file is said, as a warning.
  if (required === false) return extend(base, { status: 'not-required' as const, pages, textLayer, problems: problems.map(asWarning) });
  return extend(base, { status: hasError(problems) ? ('invalid' as const) : ('ok' as const), pages, textLayer, problems });
}

const asWarning = (f: Finding): Finding => (f.severity === 'error' ? { ...f, severity: 'warning' } : f);

function pageCount(doc: DocumentDecl, file: string, actual: number): Finding[] {
  const { exactly, min, max } = doc.pages;
  const bad =
    (exactly !== undefined && actual !== exactly) || (min !== undefined && actual < min) || (max !== undefined && actual > max);
  // A PDF with zero pages is already reported as a broken page tree by the inspection.
  return bad && actual > 0 ? [finding('page-count', 'error', { file, actual, ...pageParams(doc) })] : [];
}

function pageParams(doc: DocumentDecl): Record<string, number> {
  const out: Record<string, number> = {};
  if (doc.pages.exactly !== undefined) out.exactly = doc.pages.exactly;
  if (doc.pages.min !== undefined) out.min = doc.pages.min;
  if (doc.pages.max !== undefined) out.max = doc.pages.max;
  return out;
}

/** F1 sent by an agent, F2 by an external candidate: the variant's `when` must not fail. */
function wrongVariant(doc: DocumentDecl, file: string, facts: Facts, ctx: EvalContext): Finding[] {
  const sent = variantOf(doc, file);
  if (!sent || !doc.variants) return [];
  const variant = doc.variants.find((v) => v.id === sent)!;
  if (evaluateCondition(variant.when, facts, ctx).status !== 'fail') return [];
  const expected = doc.variants.filter((v) => evaluateCondition(v.when, facts, ctx).status === 'pass').map((v) => v.id);
  return [finding('wrong-form', 'error', { file, variant: sent, expected: expected.join(' / ') || '?' })];
}

const triToRequired = (t: 'pass' | 'fail' | 'unknown'): boolean | 'unknown' => (t === 'unknown' ? 'unknown' : t === 'pass');

const withFile = (f: Finding, file: string): Finding => (f.params.file ? f : { ...f, params: extend({ file }, f.params) });
