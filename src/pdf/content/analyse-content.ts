// What is inside an open PDF, for the checks that look past the name and the page count:
// blank pages, whether there is a text layer, the layout of an ID card copy, the form's
// fields, the first words for files whose name says nothing. Takes an open pdf.js document
// and returns plain, small data. Each part runs only when asked for, and page by page within
// a time budget, so a heavy scan costs a partial answer, never the file's time limit.
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { countOverlays, readFormFields } from './fields.js';
import { classifyCardLayout, type CardLayout, type CardLayoutSettings } from './layout.js';
import { walkOperatorList, type PageMarks, type Rect } from './ops.js';
import type { RawContent } from '../raw/read-content.js';

export interface ContentRequest {
  /**
   * Look for blank pages: the first and the last page, and when both are blank every page up
   * to `pages`; each page's text first, then the operator list of at most `opListPages` pages
   * that have no text.
   */
  readonly blank?: { readonly pages: number; readonly opListPages: number };
  /** Judge page 1 as the copy of an ID card, with these thresholds. */
  readonly cardLayout?: CardLayoutSettings;
  /** Read the form's fillable fields. */
  readonly fields?: boolean;
  /** Return the text of the first `pages` pages, at most `maxChars` characters. */
  readonly text?: { readonly pages: number; readonly maxChars: number };
  /** Stop starting new pages after this many milliseconds (default: no limit). */
  readonly budgetMs?: number;
}

export interface ContentResult {
  /** Some page looked at carries text (typed, or the OCR layer of a scan). */
  readonly textLayer?: boolean;
  /** Pages (1-based) found blank among those looked at. */
  readonly blankPages?: number[];
  /** Pages looked at for blankness (1-based): a page not listed is neither blank nor known not to be. */
  readonly blankChecked?: number[];
  /** Page 1 as an ID card copy. */
  readonly cni?: CardLayout;
  /** Fillable fields, name → value ('' when empty); absent when the PDF has none. */
  readonly formFields?: Record<string, string>;
  /** Annotations laid over the first pages (typed text, stamps, ink) when every field is empty. */
  readonly formOverlays?: number;
  /** Text of the first pages, whitespace collapsed, capped. */
  readonly text?: string;
  /** The budget ran out before everything asked for was looked at. */
  readonly partial?: boolean;
}

interface PageText {
  readonly text: string;
  readonly hasText: boolean;
}

async function pageText(page: PDFPageProxy): Promise<PageText> {
  // Unnormalised: keyword matching folds ligatures and accents itself (NFKD), for less work here.
  const content = await page.getTextContent({ disableNormalization: true });
  const parts: string[] = [];
  let length = 0;
  for (const item of content.items) {
    if (!('str' in item)) continue;
    parts.push(item.str, item.hasEOL ? '\n' : ' ');
    length += item.str.length;
    if (length > 20_000) break;
  }
  const text = parts.join('').replace(/[ \t]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
  return { text, hasText: /\S/.test(text) };
}

async function pageMarks(page: PDFPageProxy): Promise<PageMarks> {
  return walkOperatorList(await page.getOperatorList());
}

const pageRect = (page: PDFPageProxy): Rect => {
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
  return { x0: Math.min(x0, x1), y0: Math.min(y0, y1), x1: Math.max(x0, x1), y1: Math.max(y0, y1) };
};

/**
 * `raw`: what the file's bytes already told (src/pdf/raw/), for a document whose page count it
 * shares with pdf.js: blank pages, text layer and card layout are then taken from it, and only
 * text and form fields are asked of pdf.js.
 */
/** `load(n)`, kept in `cache` so that each page's answer is computed once. */
function once<T>(cache: Map<number, T>, load: (n: number) => Promise<T>): (n: number) => Promise<T> {
  return async (n) => {
    const known = cache.get(n);
    if (known !== undefined) return known;
    const value = await load(n);
    cache.set(n, value);
    return value;
  };
}

export async function analyseContent(doc: PDFDocumentProxy, request: ContentRequest, raw?: RawContent | null): Promise<ContentResult> {
  const started = performance.now();
  const overBudget = () => request.budgetMs !== undefined && performance.now() - started > request.budgetMs;
  const numPages = doc.numPages;
  const out: {
    -readonly [K in keyof ContentResult]: ContentResult[K];
  } = {};
  let partial = false;

  // Each page is loaded, and its text and marks read, once at most.
  const pages = new Map<number, PDFPageProxy>();
  const texts = new Map<number, PageText>();
  const marks = new Map<number, PageMarks>();
  const getPage = once(pages, (n) => doc.getPage(n));
  const textOf = once(texts, async (n) => pageText(await getPage(n)));
  const marksOf = once(marks, async (n) => pageMarks(await getPage(n)));
  // A page pdf.js cannot parse is not blank and says nothing: skip it, keep the others.
  const attempt = async <T>(f: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await f();
    } catch {
      return undefined;
    }
  };

  if (numPages === 0) return out;
  if (raw) Object.assign(out, raw);

  // The ID card: page 1's operator list, always (the one page that needs it).
  if (request.cardLayout && !raw) {
    const settings = request.cardLayout;
    const m = await attempt(() => marksOf(1));
    if (m) out.cni = classifyCardLayout(m.areas, pageRect(await getPage(1)), settings);
  }

  if (request.blank && !raw) {
    // The first and the last page: an empty template, a scanner's empty sheet at the end, the
    // page a word processor adds after a table. Only when both are blank is every page up
    // to `pages` looked at (blank pages cost little: no fonts to load). Middle pages of a
    // document whose ends have content are not looked at: the price of reading fonts.
    const limit = Math.min(numPages, Math.max(1, request.blank.pages));
    let opLists = 0;
    const blank: number[] = [];
    const checked: number[] = [];
    // undefined: could not tell (budget, error); true/false otherwise.
    let opListBudget = request.blank.opListPages;
    const isBlank = async (n: number): Promise<boolean | undefined> => {
      if (overBudget()) {
        partial = true;
        return undefined;
      }
      // A page whose operator list is already read (the ID card's page 1) needs no text pass.
      const known = marks.get(n);
      if (known) return !known.ink && !known.hasText;
      const t = await attempt(() => textOf(n));
      if (!t) return undefined;
      if (t.hasText) return false;
      // No text: only the operator list tells a blank page from a scan or a drawing.
      if (!marks.has(n)) {
        if (opLists >= opListBudget) return undefined;
        opLists++;
      }
      const m = await attempt(() => marksOf(n));
      return m ? !m.ink : undefined;
    };
    const look = async (n: number) => {
      const b = await isBlank(n);
      if (b === undefined) return false;
      checked.push(n);
      if (b) blank.push(n);
      return true;
    };
    const ends = numPages > 1 ? [1, numPages] : [1];
    for (const n of ends) await look(n);
    if (ends.every((n) => blank.includes(n))) {
      // Both ends blank: likely a blank document. Look at every page, stopping at the first
      // one with content (a scan's image costs one operator list, not twenty).
      opListBudget = opLists + limit;
      for (let n = 2; n < Math.min(numPages, limit + 1); n++) if (!(await look(n)) || !blank.includes(n)) break;
    }
    out.blankPages = blank.sort((a, b) => a - b);
    out.blankChecked = checked.sort((a, b) => a - b);
  }

  if (request.text) {
    const limit = Math.min(numPages, Math.max(1, request.text.pages));
    const parts: string[] = [];
    let length = 0;
    for (let n = 1; n <= limit && length < request.text.maxChars; n++) {
      if (overBudget()) {
        partial = true;
        break;
      }
      const t = await attempt(() => textOf(n));
      if (!t) continue;
      parts.push(t.text);
      length += t.text.length + 1;
    }
    out.text = parts.join('\n').slice(0, request.text.maxChars);
  }

  // Whether the document has a text layer: from the pages already read, else page 1.
  if (!raw && texts.size === 0 && marks.size === 0 && !overBudget()) await attempt(() => textOf(1));
  if (!raw && texts.size + marks.size > 0) out.textLayer = [...texts.values(), ...marks.values()].some((t) => t.hasText);

  if (request.fields) {
    const fields = await attempt(() => readFormFields(doc));
    if (fields) {
      out.formFields = fields;
      if (Object.values(fields).every((v) => v === '')) out.formOverlays = (await attempt(() => countOverlays(doc, 2))) ?? 0;
    }
  }

  if (partial) out.partial = true;
  return out;
}
