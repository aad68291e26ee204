// A profile's text in the reader's language: given once for both (a string), or in each.
import type { Lang } from './messages.js';

export const inLang = (text: string | { readonly fr: string; readonly en: string }, lang: Lang): string => (typeof text === 'string' ? text : text[lang]);
