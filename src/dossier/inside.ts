// The dossier-wide part of looking inside the documents, between the inspection of files and
// the judgement of documents: the same file sent twice, files whose name says nothing taken
// for a document by their text, and the facts the application form's own fields give. Pure.
import type { Finding } from '../findings.js';
import { factsFromForm, reconcileFacts } from '../facts/form-fields.js';
import type { ContentResult } from '../pdf/content/analyse-content.js';
import type { Profile } from '../profile/schema.js';
import type { Facts } from '../rules/types.js';
import { assignByContent, findDuplicates, proposeDocument, type ContentProposal } from './content-match.js';
import { compareNames } from './match.js';

/** Unmatched files whose text is read to tell what they are; any beyond are only reported. */
export const MAX_UNMATCHED_READ = 10;

type Inspected = Pick<ContentResult, 'text' | 'formFields'> & { readonly sha256?: string | undefined };

export interface Inside {
  /** Files by document: the names' verdict, plus the files taken by their content. */
  readonly byDocument: ReadonlyMap<string, readonly string[]>;
  /** Files taken for a document by their content. */
  readonly assigned: ReadonlyMap<string, string>;
  readonly documentProblems: ReadonlyMap<string, readonly Finding[]>;
  readonly dossierProblems: readonly Finding[];
}

/** Does the profile say what its documents contain (so unmatched files are worth reading)? */
export const readsUnmatched = (profile: Profile): boolean => profile.documents.some((d) => (d.contentKeywords?.length ?? 0) > 0);

export function lookInside(
  profile: Profile,
  byName: ReadonlyMap<string, readonly string[]>,
  unmatched: readonly string[],
  inspections: ReadonlyMap<string, Inspected>,
  allNames: readonly string[],
): Inside {
  const docOf = new Map<string, string>();
  for (const [doc, files] of byName) for (const f of files) docOf.set(f, doc);
  const hashed = [...docOf.keys(), ...unmatched].map((file) => ({ file, sha256: inspections.get(file)?.sha256, document: docOf.get(file) }));
  const dups = findDuplicates(profile, hashed, allNames);

  const proposals = new Map<string, ContentProposal | undefined>();
  for (const file of unmatched) {
    const text = inspections.get(file)?.text;
    proposals.set(file, text ? proposeDocument(profile, text) : undefined);
  }
  const content = assignByContent(profile, byName, proposals, dups.copies);

  const byDocument = new Map<string, string[]>();
  for (const [doc, files] of byName) byDocument.set(doc, [...files]);
  for (const [file, doc] of content.assigned) byDocument.set(doc, [...(byDocument.get(doc) ?? []), file].sort(compareNames));

  return {
    byDocument,
    assigned: content.assigned,
    documentProblems: mergeProblems(content.documentProblems, dups.documentProblems),
    dossierProblems: [...content.dossierProblems, ...dups.dossierProblems],
  };
}

export interface FormFacts {
  readonly facts: Facts;
  /** Facts taken from the form because candidate.yaml lacks them. */
  readonly filled: readonly string[];
  readonly documentProblems: ReadonlyMap<string, readonly Finding[]>;
}

/** The declaration completed (and checked) by the fields of every fillable form the profile maps. */
export function formFacts(
  profile: Profile,
  byDocument: ReadonlyMap<string, readonly string[]>,
  inspections: ReadonlyMap<string, Inspected>,
  declared: Facts,
): FormFacts {
  let facts = declared;
  const filled: string[] = [];
  const documentProblems = new Map<string, Finding[]>();
  for (const doc of profile.documents) {
    if (!doc.formFields) continue;
    // One form is one file: the first one that has fields.
    const file = (byDocument.get(doc.id) ?? []).find((f) => inspections.get(f)?.formFields);
    if (!file) continue;
    const r = reconcileFacts(profile, facts, factsFromForm(profile, doc, inspections.get(file)!.formFields!), file);
    facts = r.facts;
    filled.push(...r.filled);
    if (r.problems.length) documentProblems.set(doc.id, [...r.problems]);
  }
  return { facts, filled, documentProblems };
}

export function mergeProblems(...maps: ReadonlyMap<string, readonly Finding[]>[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const m of maps) for (const [k, v] of m) out.set(k, [...(out.get(k) ?? []), ...v]);
  return out;
}
