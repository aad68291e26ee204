// File names a candidate can copy: the profile's own `example` when it gives one, otherwise
// one built from its keywords. Every name offered is run through the real matcher first, so
// the tool never suggests a name it would not recognise (or would give to another document).
import { documentFor, variantOf } from '../dossier/match.js';
import { tokenize } from '../dossier/names.js';
import type { DocumentDecl, Profile } from './schema.js';

export interface ExampleName {
  readonly file: string;
  /** The variant (e.g. F1) this name announces, for documents with variants. */
  readonly variant?: string;
}

/** "cv" → "CV", "plan action" → "Plan action": short single words read as acronyms. */
function pretty(keyword: string): string {
  const k = keyword.trim();
  if (/^[\p{L}\p{N}]{1,4}$/u.test(k) && tokenize(k).length === 1) return k.toUpperCase();
  return k.charAt(0).toUpperCase() + k.slice(1);
}

const recognised = (profile: Profile, doc: DocumentDecl, file: string, variant?: string) =>
  documentFor(profile, file)?.id === doc.id && (variant === undefined ? variantOf(doc, file) === undefined : variantOf(doc, file) === variant);

export function exampleNames(profile: Profile, doc: DocumentDecl): ExampleName[] {
  const variants = doc.variants ?? [];
  if (variants.length === 0) {
    const candidates = [...(doc.example ? [doc.example] : []), ...doc.names.map((k) => `${pretty(k)}.pdf`)];
    const file = candidates.find((f) => recognised(profile, doc, f));
    return file ? [{ file }] : [];
  }
  // One name per variant: the document's word followed by the variant's ("Formulaire F1.pdf").
  const variantWords = new Set(variants.flatMap((v) => v.names.map((k) => tokenize(k).join(' '))));
  const base = doc.example?.replace(/\.pdf$/i, '') ?? doc.names.map(pretty).find((k) => !variantWords.has(tokenize(k).join(' ')));
  return variants.flatMap((v) => {
    const candidates = v.names.flatMap((k) => [...(base ? [`${base} ${pretty(k)}.pdf`] : []), `${pretty(k)}.pdf`]);
    const file = candidates.find((f) => recognised(profile, doc, f, v.id));
    return file ? [{ file, variant: v.id }] : [];
  });
}
