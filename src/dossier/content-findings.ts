// What the content inspection of one file means for the document it stands for: blank pages,
// a document of blank pages only, an ID card copy showing one side, a fillable form left
// empty. Pure: the inspection's data in, findings out. Also what the worker is asked to look
// at for each document, so it reads no more than the checks need.
import { finding, type Finding } from '../findings.js';
import type { ContentRequest, ContentResult } from '../pdf/content/analyse-content.js';
import { DEFAULT_CARD_LAYOUT } from '../pdf/content/layout.js';
import type { DocumentDecl } from '../profile/schema.js';
import { isEmptyForm } from '../facts/form-fields.js';
import { MATCH_TEXT_CHARS } from './content-match.js';

/** Pages whose text is read to find blank ones; operator lists of at most BLANK_OPLIST_PAGES text-less ones. */
export const BLANK_TEXT_PAGES = 20;
export const BLANK_OPLIST_PAGES = 3;
/** Pages of an unmatched file whose text is read to tell what it is. */
export const MATCH_TEXT_PAGES = 2;
/** Share of the per-file time limit the content checks may take; past it they give a partial answer. */
export const CONTENT_BUDGET_SHARE = 0.4;

/** What the worker looks at in a file taken for `doc` (or, with no document, in an unmatched file). */
export function contentRequestFor(doc: DocumentDecl | undefined, fileTimeoutMs: number): ContentRequest {
  const budgetMs = Number.isFinite(fileTimeoutMs) ? Math.max(200, fileTimeoutMs * CONTENT_BUDGET_SHARE) : undefined;
  return {
    blank: { pages: BLANK_TEXT_PAGES, opListPages: BLANK_OPLIST_PAGES },
    ...(doc?.layout ? { cardLayout: { ...DEFAULT_CARD_LAYOUT, ...doc.layout } } : {}),
    ...(doc?.formFields ? { fields: true } : {}),
    ...(doc ? {} : { text: { pages: MATCH_TEXT_PAGES, maxChars: MATCH_TEXT_CHARS } }),
    ...(budgetMs !== undefined ? { budgetMs } : {}),
  };
}

/** Whether a file already inspected for one request lacks what `doc` needs (it was read as unmatched, then taken by content). */
export function needsMore(doc: DocumentDecl): boolean {
  return doc.layout !== undefined || doc.formFields !== undefined;
}

export type ContentInspection = Pick<ContentResult, 'blankPages' | 'cni' | 'formFields' | 'formOverlays'> & {
  readonly readable: boolean;
  readonly pages: number | null;
};

export function contentFindings(doc: DocumentDecl, file: string, insp: ContentInspection): Finding[] {
  if (!insp.readable) return [];
  const out: Finding[] = [];
  const blank = insp.blankPages ?? [];
  if (insp.pages !== null && insp.pages > 0 && blank.length === insp.pages) out.push(finding('blank-document', 'error', { file, pages: insp.pages }));
  else if (blank.length > 0) out.push(finding('blank-page', 'warning', { file, pages: blank.map(String) }));
  // On a copy of several pages, the verso may be on page 2: the page count says what is wrong.
  if (doc.layout && insp.cni?.verdict === 'one-side' && insp.pages === 1 && blank.length === 0)
    out.push(finding('cni-one-side', 'warning', { file, sides: insp.cni.sides, expected: doc.layout.cardSides }));
  if (doc.formFields && isEmptyForm(insp.formFields)) {
    const overlays = insp.formOverlays ?? 0;
    // Text laid over the form by a "fill and sign" tool may be the answers: warn, do not reject.
    out.push(finding('form-empty', overlays > 0 ? 'warning' : 'error', { file, fields: Object.keys(insp.formFields!).length, overlays }));
  }
  return out;
}

/** Whether the files of a document carry a text layer: true when all do, false when one is a scan, null when unknown. */
export function textLayerOf(
  inspections: readonly { readonly textLayer?: boolean | undefined; readonly blankPages?: readonly number[] | undefined; readonly pages: number | null }[],
): boolean | null {
  // A file of blank pages only has no text, but it is no scan either: it says nothing.
  const known = inspections
    .filter((i) => !(i.pages !== null && i.pages > 0 && i.blankPages?.length === i.pages))
    .map((i) => i.textLayer)
    .filter((t): t is boolean => t !== undefined);
  if (known.length === 0) return null;
  return known.every((t) => t);
}
