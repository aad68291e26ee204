// Does one page show both sides of an ID card? Judged from where images are placed, never from
// their pixels: two card-shaped areas (or one image whose proportions hold two cards) pass; a
// single card-shaped image is one side. Anything the geometry cannot decide (a full-page scan
// of an A4 sheet, a page of text only, an odd collage) is "unknown", and unknown never warns.
import type { PlacedArea, Rect } from './ops.js';

export interface CardLayoutSettings {
  /** Sides of the card the page must show (2: recto and verso). */
  readonly cardSides: number;
  /** Long side over short side of one card: ID-1 (ISO/IEC 7810) is 85.60 × 53.98 mm, 1.586. */
  readonly cardRatio: number;
  /** Relative tolerance on a ratio: 0.1 accepts ±10 %. */
  readonly ratioTolerance: number;
  /** Images smaller than this fraction of the page (logos, stamps, photos of a face) are ignored. */
  readonly minAreaFraction: number;
  /** An image covering at least this fraction of a paper-sized page is a full-page scan: undecidable. */
  readonly fullPageFraction: number;
}

export const DEFAULT_CARD_LAYOUT: CardLayoutSettings = {
  cardSides: 2,
  cardRatio: 1.586,
  ratioTolerance: 0.1,
  minAreaFraction: 0.02,
  fullPageFraction: 0.8,
};

export type CardVerdict = 'both-sides' | 'one-side' | 'unknown';

export interface CardLayout {
  readonly verdict: CardVerdict;
  /** Card sides counted on the page. */
  readonly sides: number;
  /** Significant image areas considered (after merging bands and dropping small ones). */
  readonly areas: number;
  /** Why the verdict is unknown: no-image, full-page-scan, unclassified. */
  readonly reason?: 'no-image' | 'full-page-scan' | 'unclassified';
}

/** Paper formats in points (short side, long side): a page of one of these was printed or scanned, not cut to an image. */
const PAPER: readonly (readonly [number, number])[] = [
  [595.28, 841.89], // A4
  [419.53, 595.28], // A5
  [841.89, 1190.55], // A3
  [612, 792], // Letter
  [612, 1008], // Legal
  [498.9, 708.66], // B5 (ISO)
];

export function isPaperSized(page: Rect, slack = 0.03): boolean {
  const w = page.x1 - page.x0;
  const h = page.y1 - page.y0;
  const [s, l] = w < h ? [w, h] : [h, w];
  return PAPER.some(([ps, pl]) => Math.abs(s - ps) <= ps * slack && Math.abs(l - pl) <= pl * slack);
}

const areaOf = (r: Rect) => Math.max(0, r.x1 - r.x0) * Math.max(0, r.y1 - r.y0);
const near = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol;

function clip(r: Rect, page: Rect): Rect {
  return { x0: Math.max(r.x0, page.x0), y0: Math.max(r.y0, page.y0), x1: Math.min(r.x1, page.x1), y1: Math.min(r.y1, page.y1) };
}

/**
 * Scanners and PDF writers often cut one picture into bands (strips stacked edge to edge).
 * Join rectangles that share a whole edge into the picture they make.
 */
export function mergeBands(rects: readonly Rect[], tol = 1.5): Rect[] {
  const out = rects.map((r) => ({ ...r }));
  let merged = true;
  while (merged) {
    merged = false;
    outer: for (let i = 0; i < out.length; i++) {
      for (let j = i + 1; j < out.length; j++) {
        const a = out[i]!;
        const b = out[j]!;
        const sameColumn = near(a.x0, b.x0, tol) && near(a.x1, b.x1, tol) && (near(a.y1, b.y0, tol) || near(b.y1, a.y0, tol));
        const sameRow = near(a.y0, b.y0, tol) && near(a.y1, b.y1, tol) && (near(a.x1, b.x0, tol) || near(b.x1, a.x0, tol));
        if (sameColumn || sameRow) {
          out[i] = { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
          out.splice(j, 1);
          merged = true;
          break outer;
        }
      }
    }
  }
  return out;
}

/** How many card sides a rectangle's proportions hold: 1, 2 (two cards stacked or side by side) or 0. */
export function sidesByShape(r: Rect, s: CardLayoutSettings): 0 | 1 | 2 {
  const w = r.x1 - r.x0;
  const h = r.y1 - r.y0;
  if (w <= 0 || h <= 0) return 0;
  const ratio = Math.max(w, h) / Math.min(w, h);
  const fits = (target: number) => Math.abs(ratio - target) <= target * s.ratioTolerance;
  if (fits(s.cardRatio)) return 1;
  // Two cards one above the other (long side 2 × short side of a card), or side by side.
  if (fits((2 * 1) / s.cardRatio) || fits(2 * s.cardRatio)) return 2;
  return 0;
}

export function classifyCardLayout(areasIn: readonly PlacedArea[], page: Rect, s: CardLayoutSettings = DEFAULT_CARD_LAYOUT): CardLayout {
  const pageArea = areaOf(page);
  if (pageArea <= 0) return { verdict: 'unknown', sides: 0, areas: 0, reason: 'no-image' };
  // The same picture painted twice is one side shown twice, not recto and verso.
  const seen = new Set<string>();
  const distinct: Rect[] = [];
  for (const a of areasIn) {
    const r = clip(a, page);
    if (areaOf(r) <= 0) continue;
    if (a.ref !== undefined && a.kind === 'image') {
      if (seen.has(a.ref)) continue;
      seen.add(a.ref);
    }
    distinct.push(r);
  }
  const big = mergeBands(distinct).filter((r) => areaOf(r) >= s.minAreaFraction * pageArea);
  if (big.length === 0) return { verdict: 'unknown', sides: 0, areas: 0, reason: 'no-image' };
  // A scan of a whole sheet of paper: both cards may well be on it, the layout cannot say.
  if (isPaperSized(page) && big.some((r) => areaOf(r) >= s.fullPageFraction * pageArea))
    return { verdict: 'unknown', sides: 0, areas: big.length, reason: 'full-page-scan' };
  let sides = 0;
  let other = 0;
  for (const r of big) {
    const n = sidesByShape(r, s);
    sides += n;
    if (n === 0) other++;
  }
  if (sides >= s.cardSides) return { verdict: 'both-sides', sides, areas: big.length };
  if (sides > 0 && other === 0) return { verdict: 'one-side', sides, areas: big.length };
  return { verdict: 'unknown', sides, areas: big.length, reason: 'unclassified' };
}
