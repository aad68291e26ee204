// Which file is which document: by name only (content-based matching is a separate stage).
// The profile decides everything: keywords per document, and a priority when a name holds
// keywords of several documents ("Attestation d'équivalence du diplôme").
import type { DocumentDecl, Profile } from '../profile/schema.js';
import { containsKeyword, stem, tokenize, tokenizeKeyword } from './names.js';

export interface NameMatch {
  /** Document ids to the file names assigned to them, in name order. */
  readonly byDocument: ReadonlyMap<string, readonly string[]>;
  /** Files no document claims. */
  readonly unmatched: readonly string[];
}

export function documentFor(profile: Profile, fileName: string): DocumentDecl | undefined {
  const tokens = tokenize(stem(fileName));
  let best: DocumentDecl | undefined;
  for (const doc of profile.documents) {
    if (!namedIn(tokens, doc)) continue;
    // Ties go to the first document declared; `profile check` warns about such collisions.
    if (!best || doc.priority > best.priority) best = doc;
  }
  return best;
}

export function matchByName(profile: Profile, fileNames: readonly string[]): NameMatch {
  const byDocument = new Map<string, string[]>(profile.documents.map((d) => [d.id, []]));
  const unmatched: string[] = [];
  for (const name of [...fileNames].sort(compareNames)) {
    const doc = documentFor(profile, name);
    if (doc) byDocument.get(doc.id)!.push(name);
    else unmatched.push(name);
  }
  return { byDocument, unmatched };
}

/** The variant (e.g. F1 or F2) a file name announces, if exactly one. */
export function variantOf(doc: DocumentDecl, fileName: string): string | undefined {
  const tokens = tokenize(stem(fileName));
  const hits = (doc.variants ?? []).filter((v) => namedIn(tokens, v));
  return hits.length === 1 ? hits[0]!.id : undefined;
}

/**
 * Whether a file name's tokens hold one of the names a document (or a variant) goes by. Each
 * declaration's names are tokenized once: every file of every dossier asks, and asking the
 * keyword cache for each name cost a closure a name, about 10 KB a dossier for the collector.
 */
function namedIn(tokens: readonly string[], decl: { readonly names: readonly string[] }): boolean {
  let names = tokenizedNames.get(decl);
  if (!names) tokenizedNames.set(decl, (names = decl.names.map(tokenizeKeyword)));
  for (const name of names) if (containsKeyword(tokens, name)) return true;
  return false;
}
const tokenizedNames = new WeakMap<object, readonly (readonly string[])[]>();

export const compareNames = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
