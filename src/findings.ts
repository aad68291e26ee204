// A finding is data, never prose: checks return `{ code, severity, params }` and the
// message catalogue (src/i18n) turns it into words in the reader's language. Tests assert
// codes; only the catalogue knows sentences.

export type Severity = 'error' | 'warning';

/** Problems about one document of the dossier. The ids are a public contract (JSON, JUnit). */
export const DOCUMENT_CODES = [
  'missing',
  'not-pdf',
  'empty-file',
  'unreadable',
  'encrypted',
  'restricted',
  'page-count',
  'page-tree',
  'ambiguous',
  'too-large',
  'wrong-form',
  'timeout',
  'unreadable-file',
  'blank-page',
  'blank-document',
  'cni-one-side',
  'form-empty',
  'facts-mismatch',
  'duplicate-file',
  'matched-by-content',
] as const;

/** Problems about the dossier as a whole. */
export const DOSSIER_CODES = [
  'unexpected-file',
  'no-declaration',
  'declaration-invalid',
  'symlink',
  'subfolder',
  'unreadable-folder',
  'check-failed',
  'stray-file',
  'no-dossiers',
] as const;

export type DocumentCode = (typeof DOCUMENT_CODES)[number];
export type DossierCode = (typeof DOSSIER_CODES)[number];
export type ProblemCode = DocumentCode | DossierCode;

export type Params = Record<string, string | number | boolean | null | readonly string[]>;

export interface Finding {
  readonly code: ProblemCode;
  readonly severity: Severity;
  readonly params: Params;
}

export function finding(code: ProblemCode, severity: Severity, params: Params = {}): Finding {
  return { code, severity, params };
}

export const hasError = (findings: readonly Finding[]): boolean =>
  findings.some((f) => f.severity === 'error');
