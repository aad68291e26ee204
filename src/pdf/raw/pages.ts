// The pages of a well-formed PDF in order, with what they inherit from the page tree
// (resources, media and crop boxes). Bounded, and strict: a loop, a missing kid or a tree
// whose leaves disagree with its /Count is RawUnsupported, and pdf.js has the last word.
import { Name, fail, type Dict, type PdfValue } from './lexer.js';
import { isStream, type RawPdf, type Stream } from './objects.js';
import type { Rect } from '../content/ops.js';

export interface RawPage {
  readonly dict: Dict;
  readonly resources: Dict | undefined;
  /** The visible area, as pdf.js's page.view: the crop box within the media box. */
  readonly view: Rect;
}

/** Page tree nodes visited at most: more pages than any dossier document has. */
const MAX_NODES = 20_000;

export function pageList(pdf: RawPdf): RawPage[] {
  const root = pdf.dictOf(pdf.trailer.get('Root'));
  const top = root && pdf.dictOf(root.get('Pages'));
  if (!top) return fail('no page tree');
  const pages: RawPage[] = [];
  const seen = new Set<Dict>();
  interface Inherited {
    readonly resources: Dict | undefined;
    readonly media: PdfValue | Stream | undefined;
    readonly crop: PdfValue | Stream | undefined;
  }
  const visit = (node: Dict, inherited: Inherited, depth: number) => {
    if (seen.has(node) || seen.size >= MAX_NODES || depth > 64) fail('page tree loops or is too large');
    seen.add(node);
    const here: Inherited = {
      resources: pdf.dictOf(node.get('Resources')) ?? inherited.resources,
      media: node.has('MediaBox') ? pdf.get(node.get('MediaBox')) : inherited.media,
      crop: node.has('CropBox') ? pdf.get(node.get('CropBox')) : inherited.crop,
    };
    const type = node.get('Type');
    const kids = pdf.get(node.get('Kids'));
    if (type instanceof Name && type.name === 'Page') {
      pages.push({ dict: node, resources: here.resources, view: viewOf(pdf, here.media, here.crop) });
      return;
    }
    if (!Array.isArray(kids)) return fail('page tree node without kids');
    for (const kid of kids) {
      const d = pdf.dictOf(kid);
      if (!d) fail('page tree kid is not a dictionary');
      visit(d!, here, depth + 1);
    }
  };
  visit(top, { resources: undefined, media: undefined, crop: undefined }, 0);
  const count = top.get('Count');
  if (typeof count === 'number' && count !== pages.length) fail('page tree /Count disagrees with its pages');
  return pages;
}

const LETTER: Rect = { x0: 0, y0: 0, x1: 612, y1: 792 };

function rectOf(pdf: RawPdf, v: PdfValue | Stream | undefined): Rect | null {
  if (!Array.isArray(v) || v.length !== 4) return null;
  const n = v.map((x) => pdf.get(x));
  if (!n.every((x) => typeof x === 'number' && Number.isFinite(x))) return null;
  const [a, b, c, d] = n as number[];
  const r = { x0: Math.min(a!, c!), y0: Math.min(b!, d!), x1: Math.max(a!, c!), y1: Math.max(b!, d!) };
  return r.x1 > r.x0 && r.y1 > r.y0 ? r : null;
}

/** pdf.js's rule: the crop box where it overlaps the media box, else the media box (default Letter). */
function viewOf(pdf: RawPdf, media: PdfValue | Stream | undefined, crop: PdfValue | Stream | undefined): Rect {
  const m = rectOf(pdf, media) ?? LETTER;
  const c = rectOf(pdf, crop);
  if (!c) return m;
  const r = { x0: Math.max(m.x0, c.x0), y0: Math.max(m.y0, c.y0), x1: Math.min(m.x1, c.x1), y1: Math.min(m.y1, c.y1) };
  return r.x1 > r.x0 && r.y1 > r.y0 ? r : m;
}

/** The page's content streams in order, as stored (an array of streams is one content). */
export function contentStreams(pdf: RawPdf, page: Dict): Stream[] {
  // One array literal, filled by one loop: with an empty literal, a one-element one and two
  // maps, the arrays of pages with and without content differed in kind, and the optimized
  // page walk gave up (and was compiled again) at the first page that had none.
  const c = pdf.get(page.get('Contents'));
  const out: Stream[] = [];
  if (c === undefined || c === null) return out;
  const parts = Array.isArray(c) ? c : [c];
  for (const part of parts) {
    const s = pdf.get(part);
    out.push(isStream(s) ? s : fail('content is not a stream'));
  }
  return out;
}

/** The page's content: its streams' decoded data in order. */
export function contentOf(pdf: RawPdf, page: Dict): Uint8Array[] {
  return contentStreams(pdf, page).map((s) => pdf.decode(s));
}

export type { Stream };
