// What the csv, html, junit, markdown and github formats read off the report in the same way:
// a dossier's verdict, its reasons in a few words, the columns of a batch. Kept in one place so
// that every format reaches the same conclusions as the text report and the JSON.
import { UI } from '../../i18n/ui.js';
import type { Lang } from '../../i18n/messages.js';
import type { DossierView, RuleView } from '../localize.js';

/** accepted; complete but eligibility undetermined (to check by hand); rejected. */
export type Verdict = 'accepted' | 'to-verify' | 'rejected';

export function verdictOf(d: DossierView): Verdict {
  // To verify: complete, and a fact is missing. An error of the dossier itself (a value
  // candidate.yaml gives but in a refused form, an unreadable entry) is the candidate's to
  // correct, whichever fact it touched: not accepted, as an error in any other fact.
  return d.accepted ? 'accepted' : d.complete && d.eligibility === 'undetermined' && !hasDossierError(d) ? 'to-verify' : 'rejected';
}

const hasDossierError = (d: DossierView): boolean => d.problems.some((p) => p.severity === 'error');

export function verdictWord(d: DossierView, lang: Lang): string {
  const ui = UI[lang];
  return { accepted: ui.accepted, 'to-verify': ui.toVerify, rejected: ui.rejected }[verdictOf(d)];
}

/**
 * A dossier's state in a few words: complete or not, eligible or not, and, when both hold but
 * an error of the dossier itself (its `candidate.yaml`, its folder) keeps it from being
 * accepted, a pointer to the notes that say which.
 */
export function stateOf(d: DossierView, lang: Lang): string {
  const ui = UI[lang];
  const heldBack = !d.accepted && d.complete && (d.eligibility === 'eligible' || hasDossierError(d));
  return [d.complete ? ui.complete : ui.incomplete, ui[d.eligibility], ...(heldBack ? [ui.seeNotes] : [])].join(', ');
}

/** Label-value separator: French puts a space before the colon. */
export const colonOf = (lang: Lang): string => (lang === 'fr' ? ' : ' : ': ');

/** A rule that stands in the way of acceptance: failed, or unknown for want of a fact. */
export const isBlocking = (r: RuleView): boolean => !r.advisory && (r.status === 'fail' || r.status === 'unknown');

/** Problem codes of a dossier, e.g. `cv:page-count`, `age:fail`, `no-declaration` (errors and warnings). */
export function problemCodes(d: DossierView): string[] {
  const out: string[] = [];
  for (const doc of d.documents) for (const code of unique(doc.problems.map((p) => p.code))) out.push(`${doc.id}:${code}`);
  for (const r of d.rules) if (isBlocking(r)) out.push(`${r.id}:${r.status}`);
  for (const code of unique(d.problems.map((p) => p.code))) out.push(code);
  return out;
}

/**
 * What stands in the way of acceptance, in a few words. `names`: documents and rules by label
 * (for people reading a table) or by id (the text report's one-line-per-dossier layout).
 */
export function shortReasons(d: DossierView, lang: Lang, names: 'label' | 'id' = 'label'): string[] {
  const ui = UI[lang];
  const short = (code: string) => (ui.short as Record<string, string>)[code] ?? code;
  const colon = colonOf(lang);
  const out: string[] = [];
  for (const doc of d.documents) {
    const errors = unique(doc.problems.filter((p) => p.severity === 'error').map((p) => short(p.code)));
    if (errors.length) out.push(`${doc[names]}${colon}${errors.join(', ')}`);
  }
  const failed = d.rules.filter((r) => !r.advisory && r.status === 'fail').map((r) => r[names]);
  const unknown = d.rules.filter((r) => !r.advisory && r.status === 'unknown').map((r) => r[names]);
  if (failed.length) out.push(`${ui.ineligible}${colon}${failed.join(', ')}`);
  if (unknown.length) out.push(`${ui.unknownFacts}${colon}${unknown.join(', ')}`);
  for (const code of unique(d.problems.filter((p) => p.severity === 'error').map((p) => p.code))) out.push(short(code));
  return out;
}

/** Every problem of a dossier with the label of the document it belongs to, if any. */

/** Something worth a reader's attention besides the verdict: any problem, or a rule that did not pass. */
/**
 * Something for the candidate to do: a finding, or a rule not met or not known. An advisory
 * rule not met ("English strongly desired") is said in the report, but asks for nothing.
 */
export const hasNotes = (d: DossierView): boolean =>
  d.problems.length > 0 ||
  d.documents.some((doc) => doc.problems.length > 0) ||
  d.rules.some((r) => !r.advisory && (r.status === 'fail' || r.status === 'unknown'));

export interface Column {
  readonly id: string;
  readonly label: string;
}

/** Documents and rules of a batch as columns: the union of their ids, in the order first met. */
/** Columns in first-seen order; anything with documents and rules by id and label will do. */
export function columnsOf(dossiers: readonly { readonly documents: readonly Column[]; readonly rules: readonly Column[] }[]): { documents: Column[]; rules: Column[] } {
  const documents = new Map<string, Column>();
  const rules = new Map<string, Column>();
  for (const d of dossiers) {
    for (const doc of d.documents) if (!documents.has(doc.id)) documents.set(doc.id, { id: doc.id, label: doc.label });
    for (const r of d.rules) if (!rules.has(r.id)) rules.set(r.id, { id: r.id, label: r.label });
  }
  return { documents: [...documents.values()], rules: [...rules.values()] };
}

export function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
