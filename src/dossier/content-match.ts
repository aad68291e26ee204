// What the content of files says about the dossier, beyond their names: which document a file
// named "scan0001.pdf" is (from its first pages' text and the profile's `contentKeywords`), and
// which files are the same file sent twice (same bytes, or names differing only by case or
// accents). Pure: texts and hashes in, proposals and findings out.
import { finding, type Finding } from '../findings.js';
import type { DocumentDecl, Profile } from '../profile/schema.js';
import { compareNames } from './match.js';
import { containsKeyword, tokenize, tokenizeKeyword } from './names.js';

/** At least this many distinct keywords of a document in the text to fill its slot. */
export const CONFIDENT_KEYWORDS = 2;
/** …and at least this many times as many as the next document has (unless it wins by priority). */
export const CONFIDENT_MARGIN = 2;
/** Text read for matching: enough for a first page or two. */
export const MATCH_TEXT_CHARS = 4000;

export interface ContentProposal {
  readonly document: string;
  /** Distinct keywords of the document found in the text. */
  readonly keywords: readonly string[];
  /** Keywords the runner-up document had. */
  readonly runnerUp: number;
  /** Enough evidence to take the file for this document. */
  readonly confident: boolean;
}

/** The document a text most looks like, by the profile's content keywords; undefined when none is found. */
export function proposeDocument(profile: Profile, text: string): ContentProposal | undefined {
  const tokens = tokenize(text.slice(0, MATCH_TEXT_CHARS * 2));
  if (tokens.length === 0) return undefined;
  const scored = profile.documents
    .map((doc, order) => ({ doc, order, keywords: (doc.contentKeywords ?? []).filter((k) => containsKeyword(tokens, tokenizeKeyword(k))) }))
    .filter((s) => s.keywords.length > 0)
    .sort((a, b) => b.keywords.length - a.keywords.length || b.doc.priority - a.doc.priority || a.order - b.order);
  const best = scored[0];
  if (!best) return undefined;
  const second = scored[1];
  const runnerUp = second?.keywords.length ?? 0;
  const wins = !second || best.keywords.length >= CONFIDENT_MARGIN * runnerUp || best.doc.priority > second.doc.priority;
  return { document: best.doc.id, keywords: best.keywords, runnerUp, confident: best.keywords.length >= CONFIDENT_KEYWORDS && wins };
}

export interface ContentAssignment {
  /** File → document it is taken for. */
  readonly assigned: ReadonlyMap<string, string>;
  /** Findings: matched-by-content (on the document), unexpected-file with a suggestion (dossier). */
  readonly documentProblems: ReadonlyMap<string, readonly Finding[]>;
  readonly dossierProblems: readonly Finding[];
}

/**
 * Decide what unmatched files are. A confident proposal fills the document's slot when no
 * file holds it yet (or the document takes several files), one file per slot, the one with
 * the most keywords; every other file stays unexpected, with the suggestion when there is one.
 */
export function assignByContent(
  profile: Profile,
  byDocument: ReadonlyMap<string, readonly string[]>,
  proposals: ReadonlyMap<string, ContentProposal | undefined>,
  excluded: ReadonlySet<string> = new Set(),
): ContentAssignment {
  const assigned = new Map<string, string>();
  const documentProblems = new Map<string, Finding[]>();
  const dossierProblems: Finding[] = [];
  const docs = new Map<string, DocumentDecl>(profile.documents.map((d) => [d.id, d]));
  const files = [...proposals.keys()].sort(compareNames);
  // Strongest evidence first, so that two scans of one CV give the slot to the clearer one.
  const order = files
    .filter((f) => proposals.get(f)?.confident && !excluded.has(f))
    .sort((a, b) => proposals.get(b)!.keywords.length - proposals.get(a)!.keywords.length || compareNames(a, b));
  for (const file of order) {
    const p = proposals.get(file)!;
    const doc = docs.get(p.document);
    if (!doc) continue;
    const taken = (byDocument.get(doc.id)?.length ?? 0) + [...assigned.values()].filter((d) => d === doc.id).length;
    if (taken > 0 && !doc.multiple) continue;
    assigned.set(file, doc.id);
    const list = documentProblems.get(doc.id) ?? [];
    list.push(finding('matched-by-content', 'warning', { file, keywords: [...p.keywords], example: doc.example ?? defaultName(doc) }));
    documentProblems.set(doc.id, list);
  }
  for (const file of files) {
    if (assigned.has(file)) continue;
    const p = proposals.get(file);
    const doc = p ? docs.get(p.document) : undefined;
    dossierProblems.push(
      finding('unexpected-file', 'warning', doc && !excluded.has(file) ? { file, suggestion: doc.id, example: doc.example ?? defaultName(doc) } : { file }),
    );
  }
  return { assigned, documentProblems, dossierProblems };
}

/** A file name that the profile recognises as this document: its first keyword, as a title. */
function defaultName(doc: DocumentDecl): string {
  const k = doc.names[0] ?? doc.id;
  return `${k.length <= 3 ? k.toUpperCase() : k.charAt(0).toUpperCase() + k.slice(1)}.pdf`;
}

// ---------------------------------------------------------------------------------------------
// Duplicates

export interface HashedFile {
  readonly file: string;
  readonly sha256: string | undefined;
  /** The document the file was taken for; undefined when it matches none. */
  readonly document: string | undefined;
}

export interface Duplicates {
  /** duplicate-file errors, by the document of the later copy. */
  readonly documentProblems: ReadonlyMap<string, readonly Finding[]>;
  /** duplicate-file findings about files no document takes, and about near-identical names. */
  readonly dossierProblems: readonly Finding[];
  /** Unmatched files that are copies of another file (never proposed by content). */
  readonly copies: ReadonlySet<string>;
}

/**
 * The same bytes sent twice: the later copy (in the profile's document order, then by name)
 * is a `duplicate-file` error on its document, naming the first (a warning when both copies
 * were taken for the same document, one that takes several files). A copy no document takes is
 * a warning about the dossier. Names that differ only by case or accents are reported too:
 * on most computers they would overwrite each other.
 */
export function findDuplicates(profile: Profile, files: readonly HashedFile[], allNames: readonly string[]): Duplicates {
  const rank = new Map(profile.documents.map((d, i) => [d.id, i]));
  const sorted = [...files].sort(
    (a, b) => (rank.get(a.document ?? '') ?? Infinity) - (rank.get(b.document ?? '') ?? Infinity) || compareNames(a.file, b.file),
  );
  const first = new Map<string, HashedFile>();
  const documentProblems = new Map<string, Finding[]>();
  const dossierProblems: Finding[] = [];
  const copies = new Set<string>();
  for (const f of sorted) {
    if (!f.sha256) continue;
    const original = first.get(f.sha256);
    if (!original) {
      first.set(f.sha256, f);
      continue;
    }
    const params = { file: f.file, original: original.file, ...(original.document ? { originalDocument: original.document } : {}), by: 'content' };
    if (f.document) {
      const list = documentProblems.get(f.document) ?? [];
      // Twice the same diploma among several: redundant, not wrong. For two documents, one is missing.
      list.push(finding('duplicate-file', original.document === f.document ? 'warning' : 'error', params));
      documentProblems.set(f.document, list);
    } else {
      copies.add(f.file);
      dossierProblems.push(finding('duplicate-file', 'warning', params));
    }
  }
  const byFold = new Map<string, string[]>();
  for (const name of [...allNames].sort(compareNames)) {
    const key = foldCaseAccents(name);
    byFold.set(key, [...(byFold.get(key) ?? []), name]);
  }
  for (const names of byFold.values())
    if (names.length > 1) dossierProblems.push(finding('duplicate-file', 'warning', { file: names[1]!, original: names[0]!, files: names, by: 'name' }));
  return { documentProblems, dossierProblems, copies };
}

/** A name with case and accents folded away, everything else kept: "CV.pdf" ≡ "cv.PDF", "Diplôme.pdf" ≡ "Diplome.pdf". */
export const foldCaseAccents = (name: string): string => name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().normalize('NFC');
