// Candidates name files the way they speak: "Diplôme_MASTER.PDF", "C.V Salma.pdf",
// "Plan d'action.pdf", "proposition-plan-action.pdf". Names and keywords are both reduced to
// tokens ignoring case, accents, separators, camelCase and small linking words, so that a
// profile keyword like "plan action" matches all of them.
import { rememberedUpTo } from '../remembered.js';

const STOPWORDS = new Set(['d', 'de', 'du', 'des', 'l', 'la', 'le', 'les', 'et', 'a', 'au', 'aux', 'en', 'of', 'the', 'and', 'my', 'mon', 'ma', 'mes']);

/** Tokens of a file name (extension removed) or of a profile keyword. */
export function tokenize(text: string): string[] {
  // Most names are ASCII ("CV.pdf", "Plan d'action.pdf"): Unicode normalization changes none
  // of it, it has no combining marks, and its letters and digits are [A-Za-z0-9]. The same
  // steps on those terms, without the normalizations and Unicode classes that cost a few
  // microseconds a name (test/names.test.ts holds the two paths to the same tokens).
  const spaced = ASCII.test(text)
    ? text
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
    : unicodeSpaced(text);
  return spaced.split(' ').filter((t) => t.length > 0 && !STOPWORDS.has(t));
}

const ASCII = /^[\x00-\x7f]*$/;

function unicodeSpaced(text: string): string {
  return text
    .normalize('NFC')
    // "monCV", "DiplomeMaster": a lower-to-upper change is a word boundary.
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    // Lower-casing can itself produce combining marks (İ → i̇), so accents go after it.
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ');
}

// A profile's keywords are few and the same for every file of every dossier: each is
// tokenized once (NFKD and three Unicode regexes cost about a tenth of a batch's main thread).
const keywordTokens = rememberedUpTo<readonly string[]>(4096);

/** tokenize(), remembered: for a profile's keywords and values, not for file names. */
export const tokenizeKeyword = (keyword: string): readonly string[] => keywordTokens(keyword, () => tokenize(keyword));

export function stem(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}

export function extension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/** True when the keyword's tokens appear, in order and side by side, among the name's tokens. */
export function containsKeyword(nameTokens: readonly string[], keywordTokens: readonly string[]): boolean {
  if (keywordTokens.length === 0 || keywordTokens.length > nameTokens.length) return false;
  outer: for (let i = 0; i + keywordTokens.length <= nameTokens.length; i++) {
    for (let j = 0; j < keywordTokens.length; j++) if (nameTokens[i + j] !== keywordTokens[j]) continue outer;
    return true;
  }
  return false;
}

