// Verdicts of thousands of dossiers, kept small. A dossier's result is a tree of small objects
// (documents, findings, rule leaves with their facts): about 15 KB of heap each, which made a
// batch's memory grow by a fifth from 1,000 to 4,000 dossiers. Packed with V8's serializer as
// soon as it is known (in the worker that checked it), it is about 3 KB outside the heap, kept
// in a temporary file for a run of many dossiers (src/report/verdict-store.ts); it is
// unpacked again only when a formatter reads it, one dossier at a time.
//
// What every dossier repeats word for word, the labels and advice of the profile's documents
// and rules (in two languages: half of a serialized result), is left out of the packed bytes
// and put back from the profile when unpacked. Not deflated: that halved the bytes again (to
// under a kilobyte), but zlib's working memory in every worker raised the batch's peak
// resident memory by more than the kilobytes it saved, at 1,000 and at 4,000 dossiers alike
// (measured on the benchmark), and cost ~60 µs a dossier each way.
import { deserialize, serialize } from 'node:v8';
import type { Profile } from '../profile/schema.js';
import type { DocumentResult, DossierResult, RuleResult } from './model.js';

/** Packed results by index: an array of them, or a store (src/report/verdict-store.ts). */
export interface PackedList {
  readonly length: number;
  /** Valid until the next `at` (VerdictStore.at): unpacked at once. */
  at(i: number): Buffer | undefined;
}

/**
 * A list of packed results that reads as an array of results: every index read unpacks a
 * fresh copy (formatters only read), so nothing unpacked stays alive longer than its reader.
 */
export function packedDossiers(packed: PackedList, profile: Profile): readonly DossierResult[] {
  const documents = new Map(profile.documents.map((d) => [d.id, d]));
  const rules = new Map(profile.rules.map((r) => [r.id, r]));
  // The proxy's target is an array of the indices: an array to Array.isArray, with every
  // index present to `in` (map and filter ask), and 8 bytes a dossier.
  const indices = Array.from({ length: packed.length }, (_, i) => i);
  return new Proxy(indices as unknown as DossierResult[], {
    get(target, key, receiver) {
      if (typeof key === 'string' && isIndex(key)) {
        const i = Number(key);
        const bytes = i < packed.length ? packed.at(i) : undefined;
        return bytes === undefined ? undefined : unpack(bytes, documents, rules);
      }
      return Reflect.get(target, key, receiver);
    },
    set: () => false,
  });
}

type Packed = Omit<DossierResult, 'documents' | 'rules'> & {
  readonly documents: readonly (Omit<DocumentResult, 'label' | 'advice' | 'pagesAdvice'> & { readonly pagesAdvice?: true })[];
  readonly rules: readonly Omit<RuleResult, 'label' | 'advice'>[];
};

export function pack(result: DossierResult): Buffer {
  const lean: Packed = {
    ...result,
    // pagesAdvice is said only where the result had it (a dossier that could not be read has none).
    documents: result.documents.map(({ label: _l, advice: _a, pagesAdvice, ...d }) => (pagesAdvice ? { ...d, pagesAdvice: true as const } : d)),
    rules: result.rules.map(({ label: _l, advice: _a, ...r }) => r),
  };
  return serialize(lean);
}

type Decls<T> = ReadonlyMap<string, T>;

/** The result as it was packed, the profile's words put back where they were, in the same order. */
function unpack(bytes: Buffer, documents: Decls<Profile['documents'][number]>, rules: Decls<Profile['rules'][number]>): DossierResult {
  const lean = deserialize(bytes) as Packed;
  return {
    ...lean,
    documents: lean.documents.map(({ id, pagesAdvice, ...d }) => {
      const decl = documents.get(id);
      return { id, label: decl?.label ?? { fr: id, en: id }, advice: decl?.advice, ...(pagesAdvice && decl?.pagesAdvice ? { pagesAdvice: decl.pagesAdvice } : {}), ...d };
    }),
    rules: lean.rules.map((r) => {
      const decl = rules.get(r.id);
      return { ...r, label: decl?.label ?? { fr: r.id, en: r.id }, advice: decl?.advice };
    }),
  };
}

const isIndex = (key: string) => key.length > 0 && key.length < 11 && /^(0|[1-9]\d*)$/.test(key);
