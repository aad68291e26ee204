// The content checks that need no fonts and no pixels (blank pages, text layer, the ID card's
// layout), answered from the file's bytes alone: no text extraction, no image decoding, and
// every page up to the limit looked at, not only the first and the last (a page whose stored
// content is over a kilobyte without being inflated: it is not blank). Null when the file
// is not plain enough to read this way (encrypted, damaged, exotic filters...): pdf.js then
// answers, as before, at its price.
import { classifyCardLayout } from '../content/layout.js';
import { markWalker, type MarkWalker, type PageMarks } from '../content/ops.js';
import type { ContentRequest, ContentResult } from '../content/analyse-content.js';
import { walkPage, walkPageStart } from './content.js';
import { Lexer } from './lexer.js';
import { RawPdf } from './objects.js';
import { contentStreams, pageList, type RawPage } from './pages.js';
import type { Hole, InflatedOnOpen } from '../inflation.js';

/** Blank pages, text layer and card layout, as read from the bytes: it holds only if pdf.js counts as many pages as `RawReading.pages`. */
export type RawContent = Pick<ContentResult, 'blankPages' | 'blankChecked' | 'textLayer' | 'cni' | 'partial'>;

export interface RawReading {
  /**
   * Pages found by walking the page tree, every node read and every leaf a /Page, as many as
   * its /Count: the file opens, and this is what pdf.js would count. Undefined when the bytes
   * cannot tell (encrypted, damaged, a /Count that lies, anything not plain).
   */
  readonly pages?: number;
  /** The catalog names an interactive form (/AcroForm): its fields are pdf.js's to read. */
  readonly acroForm?: boolean;
  /**
   * The root page tree's /Count as stored. pdf.js reports it as numPages, or, when the last
   * page it names does not exist, silently replaces it by the pages it finds: comparing the
   * two is how a lying /Count is caught (pdf.js says so only in a warning, and runs silent).
   */
  readonly declaredPages?: number;
  /** What the request asks of blank pages, text layer and card layout; null when the bytes cannot tell. */
  readonly content: RawContent | null;
  /**
   * The streams pdf.js may inflate when it opens the file without drawing it (numPages, pages,
   * permissions): the cross-reference streams and the object streams they name. Undefined when
   * the cross-reference could not be read plainly: then any stream may be (src/pdf/inflation.ts).
   */
  readonly inflatedOnOpen?: InflatedOnOpen;
}

/** What the bytes tell before pdf.js takes them. Never throws. `hole`: bytes not read (src/pdf/sparse.ts). */
export function readRaw(bytes: Uint8Array, request?: ContentRequest, hole?: Hole): RawReading {
  let pdf: RawPdf;
  try {
    pdf = new RawPdf(bytes, hole);
  } catch {
    const declaredPages = scanRootCount(bytes);
    return declaredPages !== undefined ? { declaredPages, content: null } : { content: null };
  }
  let declaredPages: number | undefined;
  let root: ReturnType<RawPdf['dictOf']>;
  const inflatedOnOpen = { objectStreams: pdf.objectStreamNumbers, xrefDicts: pdf.xrefStreamDicts };
  try {
    root = pdf.dictOf(pdf.trailer.get('Root'));
    const count = pdf.get(pdf.dictOf(root?.get('Pages'))?.get('Count'));
    if (typeof count === 'number') declaredPages = count;
  } catch {
    // No catalog or page tree to read: pdf.js will say what it makes of the file.
  }
  let content: RawContent | null = null;
  let pages: number | undefined;
  let acroForm = false;
  try {
    const list = pageList(pdf);
    pages = list.length;
    acroForm = root?.has('AcroForm') === true;
    if (request) content = read(pdf, list, request);
  } catch {
    // RawUnsupported, as designed; anything else (a stack overflow on a hostile nesting, a
    // bug) must not cost the file its verdict either: pdf.js answers instead.
  }
  // Built key by key, in this order: a literal of conditional spreads is slow (src/extend.ts).
  const reading: { -readonly [K in keyof RawReading]: RawReading[K] } = declaredPages !== undefined ? { declaredPages, content } : { content };
  if (pages !== undefined) {
    reading.pages = pages;
    reading.acroForm = acroForm;
  }
  reading.inflatedOnOpen = inflatedOnOpen;
  return reading;
}

/**
 * The root page tree's /Count in a file whose cross-reference table cannot be read, found as
 * pdf.js finds it when it rebuilds the table: the last dictionary of /Type /Pages without a
 * /Parent. Undefined when there is none in plain text (a page tree in an object stream).
 */
function scanRootCount(bytes: Uint8Array): number | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let found: number | undefined;
  let at = 0;
  // Bounded: at most 1,000 candidates, each read within 16 KB, whatever a hostile file holds.
  for (let seen = 0; seen < 1_000; seen++) {
    const k = buf.indexOf('/Pages', at, 'latin1');
    if (k < 0) break;
    at = k + 6;
    if (!/\/Type\s*$/.test(buf.toString('latin1', Math.max(0, k - 16), k))) continue;
    const obj = buf.lastIndexOf('obj', k, 'latin1');
    if (obj < 0 || k - obj > 4096) continue;
    try {
      const dict = new Lexer(buf, obj + 3, Math.min(buf.length, k + 16 * 1024)).value(true);
      const count = dict instanceof Map ? dict.get('Count') : undefined;
      if (dict instanceof Map && !dict.has('Parent') && typeof count === 'number') found = count;
    } catch {
      // Not a dictionary that reads plainly: not this one.
    }
  }
  return found;
}

/** What `request` asks of blank pages, text layer and card layout, with the pages counted; null when the bytes cannot tell. */
export function readContentRaw(bytes: Uint8Array, request: ContentRequest): (RawContent & { readonly pages: number }) | null {
  const r = readRaw(bytes, request);
  return r.content && r.pages !== undefined ? { pages: r.pages, ...r.content } : null;
}

/**
 * A page whose content streams hold more than this, as stored (compressed), paints something:
 * it is looked at for blankness without being inflated nor read. A blank page's content is a
 * few dozen bytes at most (nothing, a white rectangle, a clip), where a page of a typed CV is
 * one or two kilobytes compressed; reading every page of the benchmark's CVs was a third of
 * the content checks' cost. What this lets through: a page whose kilobyte of content paints
 * only in white, which no producer writes.
 */
const NOT_BLANK_STORED_BYTES = 1024;

/** The stored size of a page's content streams. */
const storedContentBytes = (pdf: RawPdf, page: RawPage): number => contentStreams(pdf, page.dict).reduce((n, s) => n + s.raw.length, 0);

function read(pdf: RawPdf, pages: readonly RawPage[], request: ContentRequest): RawContent {
  const out: { -readonly [K in keyof RawContent]: RawContent[K] } = {};
  if (pages.length === 0) return out;
  const marks = new Map<number, PageMarks>();
  const walk = (n: number, full: boolean) => {
    const known = marks.get(n);
    if (known) return known;
    // Whether a page is blank, and whether it has text, is known at its first visible text:
    // usually found in the first bytes of its content, which are then all that is inflated.
    const decided = (x: MarkWalker) => x.ink && x.hasText;
    let w = markWalker();
    if (full || !walkPageStart(pdf, pages[n - 1]!, w, decided)) {
      w = markWalker();
      walkPage(pdf, pages[n - 1]!, w, full ? undefined : decided);
    }
    const m = w.result();
    marks.set(n, m);
    return m;
  };
  if (request.cardLayout) out.cni = classifyCardLayout(walk(1, true).areas, pages[0]!.view, request.cardLayout);
  const limit = Math.min(pages.length, Math.max(1, request.blank?.pages ?? 1));
  const wanted = request.blank ? [...new Set([...Array.from({ length: limit }, (_, i) => i + 1), pages.length])] : [1];
  // Page by page within the content checks' budget: past it, the pages not looked at are
  // said to be so (never called blank), as with pdf.js.
  const deadline = request.budgetMs !== undefined ? performance.now() + request.budgetMs : Infinity;
  const overBudget = () => performance.now() > deadline && (out.partial = true);
  const looked: number[] = [];
  for (const n of wanted) {
    if (overBudget()) break;
    // Page 1 is always read: it says whether the document has a text layer.
    if (n === 1 || storedContentBytes(pdf, pages[n - 1]!) <= NOT_BLANK_STORED_BYTES) walk(n, false);
    looked.push(n);
  }
  // No text on the pages read: the pages passed over are read too, up to the first with text,
  // so that the text layer is said of the same pages as before they were passed over.
  const passedOver = looked.filter((n) => !marks.has(n));
  if (![...marks.values()].some((m) => m.hasText)) for (const n of passedOver) if (overBudget() || walk(n, false).hasText) break;
  if (request.blank) {
    out.blankChecked = looked;
    out.blankPages = looked.filter((n) => marks.get(n)?.ink === false);
  }
  if (marks.size > 0) out.textLayer = [...marks.values()].some((m) => m.hasText);
  return out;
}
