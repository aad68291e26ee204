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
    if (!doc.names.some((k) => containsKeyword(tokens, tokenizeKeyword(k)))) continue;
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
  const hits = (doc.variants ?? []).filter((v) => v.names.some((k) => containsKeyword(tokens, tokenizeKeyword(k))));
  return hits.length === 1 ? hits[0]!.id : undefined;
}

export const compareNames = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
