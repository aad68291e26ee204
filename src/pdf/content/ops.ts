// Walk a page's operator list (pdf.js `page.getOperatorList()`) the way a renderer would, but
// without drawing: track the current transformation matrix through save/restore, transform,
// form XObjects and annotations, and note (1) whether anything visible is painted and (2) the
// placed rectangle of every image. Pure: it reads numbers, never pixels, so a page costs
// what pdf.js's parse costs and nothing more.
import { OPS } from './op-codes.js';

/** A 2-D affine matrix [a b c d e f], as PDF and canvas write it. */
export type Matrix = readonly [number, number, number, number, number, number];

/** An axis-aligned rectangle in the page's user space (points), x0 ≤ x1, y0 ≤ y1. */
export interface Rect {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface PlacedArea extends Rect {
  /** image: an image XObject; inline: an inline image; mask: a stencil mask; form: a form XObject drawn with paths (no image inside). */
  readonly kind: 'image' | 'inline' | 'mask' | 'form';
  /** The image's object id when it has one: the same picture painted twice shares it. */
  readonly ref?: string | undefined;
}

export interface PageMarks {
  /** Something visible is painted: text glyphs, an image, a path or shading that is not white or transparent. */
  readonly ink: boolean;
  /** What was painted, for the record: counts by kind. */
  readonly counts: { readonly text: number; readonly images: number; readonly paths: number; readonly whiteFills: number };
  /** Text is shown, visible or not (an OCR layer is invisible text): the page has a text layer. */
  readonly hasText: boolean;
  /** Placed rectangles of images (and image-like form XObjects), in painting order. */
  readonly areas: readonly PlacedArea[];
}

export interface OperatorList {
  readonly fnArray: ArrayLike<number>;
  readonly argsArray: ArrayLike<unknown>;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 · m2: m2 applied first, then m1 (canvas `transform`, pdf.js `Util.transform`). */
export function multiply(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}

/** Bounding box of the rectangle [x0,y0]-[x1,y1] once mapped by `m`. */
export function transformRect(m: Matrix, x0: number, y0: number, x1: number, y1: number): Rect {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [x, y] of [
    [x0, y0],
    [x1, y0],
    [x0, y1],
    [x1, y1],
  ] as const) {
    xs.push(m[0] * x + m[2] * y + m[4]);
    ys.push(m[1] * x + m[3] * y + m[5]);
  }
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

const asMatrix = (v: unknown): Matrix | null => {
  if (!v || typeof v !== 'object' || !('length' in v) || (v as ArrayLike<unknown>).length < 6) return null;
  const a = Array.from(v as ArrayLike<unknown>).slice(0, 6);
  return a.every((n) => typeof n === 'number' && Number.isFinite(n)) ? (a as unknown as Matrix) : null;
};

/** "#rrggbb" at or above this in every channel reads as paper white. */
const WHITE_LEVEL = 250;
function isWhite(hex: unknown): boolean {
  if (typeof hex !== 'string' || !/^#[0-9a-f]{6}$/i.test(hex)) return false;
  return [1, 3, 5].every((i) => parseInt(hex.slice(i, i + 2), 16) >= WHITE_LEVEL);
}

interface GState {
  ctm: Matrix;
  /** What a fill paints: 'ink', 'white', or 'none' (transparent). */
  fill: 'ink' | 'white' | 'none';
  stroke: 'ink' | 'white' | 'none';
  fillAlpha: number;
  strokeAlpha: number;
  textMode: number;
}

interface FormFrame {
  readonly depth: number;
  readonly bbox: Rect | null;
  images: number;
  drawn: number;
}

const FILL_OPS = new Set<number>([OPS.fill, OPS.eoFill]);
const STROKE_OPS = new Set<number>([OPS.stroke, OPS.closeStroke]);
const FILL_STROKE_OPS = new Set<number>([OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const TEXT_OPS = new Set<number>([OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText]);

/** Stop walking past this many operators: a hostile page cannot make the walk itself costly. */
export const MAX_OPS = 200_000;
/** Keep at most this many areas. */
const MAX_AREAS = 500;

/** A page's operators, fed one at a time: by pdf.js's operator list, or by the raw reader (src/pdf/raw/). */
export interface MarkWalker {
  /** One operator, with its arguments as pdf.js's operator list gives them. */
  step(fn: number, args: readonly unknown[]): void;
  /** Something visible is painted already. */
  readonly ink: boolean;
  /** Text is shown already. */
  readonly hasText: boolean;
  /** Operators taken so far. */
  readonly steps: number;
  result(): PageMarks;
}

export function walkOperatorList(list: OperatorList): PageMarks {
  const { fnArray, argsArray } = list;
  const walker = markWalker();
  const n = Math.min(fnArray.length, MAX_OPS);
  for (let i = 0; i < n; i++) walker.step(fnArray[i]!, (argsArray[i] ?? []) as unknown[]);
  return walker.result();
}

export function markWalker(): MarkWalker {
  let st: GState = { ctm: IDENTITY, fill: 'ink', stroke: 'ink', fillAlpha: 1, strokeAlpha: 1, textMode: 0 };
  const stack: GState[] = [];
  const annotationStacks: GState[][] = [];
  const forms: FormFrame[] = [];
  const areas: PlacedArea[] = [];
  const counts = { text: 0, images: 0, paths: 0, whiteFills: 0 };
  const walked = { ink: false, hasText: false, steps: 0 };

  const mark = () => {
    walked.ink = true;
    for (const f of forms) f.drawn++;
  };
  // Every area has the same keys, in the same order (absent ones undefined): spreading image
  // details of four shapes into a rectangle made V8 build objects it kept past the page.
  const place = (m: Matrix, kind: PlacedArea['kind'], ref: string | undefined) => {
    counts.images++;
    walked.ink = true;
    for (const f of forms) f.images++;
    if (areas.length < MAX_AREAS) areas.push(placedArea(transformRect(m, 0, 0, 1, 1), kind, ref));
  };
  const fillPaints = () => st.fill === 'ink' && st.fillAlpha > 0;
  const strokePaints = () => st.stroke === 'ink' && st.strokeAlpha > 0;

  const step = (fn: number, args: readonly unknown[]) => {
    walked.steps++;
  switch (fn) {
    case OPS.save:
      stack.push({ ...st });
      break;
    case OPS.restore:
      st = stack.pop() ?? st;
      break;
    case OPS.transform: {
      const m = asMatrix(args);
      if (m) st = { ...st, ctm: multiply(st.ctm, m) };
      break;
    }
    case OPS.paintFormXObjectBegin: {
      stack.push({ ...st });
      const m = asMatrix(args[0]);
      if (m) st = { ...st, ctm: multiply(st.ctm, m) };
      const b = args[1] as ArrayLike<number> | null | undefined;
      const bbox = b && b.length >= 4 ? transformRect(st.ctm, b[0]!, b[1]!, b[2]!, b[3]!) : null;
      forms.push({ depth: stack.length, bbox, images: 0, drawn: 0 });
      break;
    }
    case OPS.paintFormXObjectEnd: {
      const frame = forms.pop();
      st = stack.pop() ?? st;
      // A form XObject drawn with paths and no image inside it (a vector picture of a card
      // pasted from an office suite) counts as an image-like area of its own.
      if (frame && frame.bbox && frame.images === 0 && frame.drawn > 0 && areas.length < MAX_AREAS)
        areas.push(placedArea(frame.bbox, 'form', undefined));
      break;
    }
    case OPS.beginAnnotation: {
      annotationStacks.push([...stack, { ...st }]);
      const t = asMatrix(args[2]) ?? IDENTITY;
      const m = asMatrix(args[3]) ?? IDENTITY;
      st = { ctm: multiply(t, m), fill: 'ink', stroke: 'ink', fillAlpha: 1, strokeAlpha: 1, textMode: 0 };
      break;
    }
    case OPS.endAnnotation: {
      const saved = annotationStacks.pop();
      if (saved) {
        st = saved.pop()!;
        stack.length = 0;
        stack.push(...saved);
      }
      break;
    }
    case OPS.setFillRGBColor:
      st = { ...st, fill: isWhite(args[0]) ? 'white' : 'ink' };
      break;
    case OPS.setStrokeRGBColor:
      st = { ...st, stroke: isWhite(args[0]) ? 'white' : 'ink' };
      break;
    case OPS.setFillTransparent:
      st = { ...st, fill: 'none' };
      break;
    case OPS.setStrokeTransparent:
      st = { ...st, stroke: 'none' };
      break;
    // Patterns and shadings: their colours are not known without rendering; they paint.
    case OPS.setFillColorN:
      st = { ...st, fill: 'ink' };
      break;
    case OPS.setStrokeColorN:
      st = { ...st, stroke: 'ink' };
      break;
    case OPS.setGState: {
      for (const entry of (Array.isArray(args[0]) ? args[0] : []) as unknown[]) {
        if (!Array.isArray(entry)) continue;
        const [key, value] = entry as [unknown, unknown];
        if (key === 'ca' && typeof value === 'number') st = { ...st, fillAlpha: value };
        if (key === 'CA' && typeof value === 'number') st = { ...st, strokeAlpha: value };
      }
      break;
    }
    case OPS.setTextRenderingMode:
      st = { ...st, textMode: typeof args[0] === 'number' ? args[0] : 0 };
      break;
    case OPS.constructPath: {
      const op = args[0];
      const data = (args[1] as unknown[] | undefined)?.[0];
      if (data === null || data === undefined) break;
      if (typeof op !== 'number') break;
      let painted = false;
      if (FILL_OPS.has(op)) {
        if (fillPaints()) painted = true;
        else if (st.fill === 'white') counts.whiteFills++;
      } else if (STROKE_OPS.has(op)) painted = strokePaints();
      else if (FILL_STROKE_OPS.has(op)) {
        painted = fillPaints() || strokePaints();
        if (!painted && st.fill === 'white') counts.whiteFills++;
      }
      if (painted) {
        counts.paths++;
        mark();
      }
      break;
    }
    case OPS.rawFillPath:
      if (fillPaints()) {
        counts.paths++;
        mark();
      }
      break;
    case OPS.shadingFill:
      counts.paths++;
      mark();
      break;
    case OPS.showText:
    case OPS.showSpacedText:
    case OPS.nextLineShowText:
    case OPS.nextLineSetSpacingShowText: {
      const glyphs = (TEXT_OPS.has(fn) ? args[fn === OPS.nextLineSetSpacingShowText ? 2 : 0] : null) as unknown[] | null;
      const visible = Array.isArray(glyphs) && glyphs.some((g) => g && typeof g === 'object' && (g as { isSpace?: boolean }).isSpace === false);
      if (visible) walked.hasText = true;
      // Mode 3 is invisible text (the OCR layer over a scan); 7 only clips.
      if (st.textMode === 3 || st.textMode === 7) break;
      const paints = st.textMode === 1 || st.textMode === 5 ? strokePaints() : fillPaints();
      if (visible && paints) {
        counts.text++;
        mark();
      }
      break;
    }
    case OPS.paintImageXObject:
      place(st.ctm, 'image', imageRef(args[0]));
      break;
    case OPS.paintInlineImageXObject:
      place(st.ctm, 'inline', undefined);
      break;
    case OPS.paintImageMaskXObject: {
      const img = args[0] as { data?: unknown } | undefined;
      if (fillPaints()) place(st.ctm, 'mask', imageRef(img?.data));
      break;
    }
    case OPS.paintSolidColorImageMask:
      if (fillPaints()) mark();
      break;
    case OPS.paintImageXObjectRepeat: {
      // [objId, scaleX, scaleY, positions]
      const [ref, sx, sy, positions] = args as [unknown, number, number, ArrayLike<number>];
      for (let k = 0; positions && k + 1 < positions.length; k += 2)
        place(multiply(st.ctm, [sx, 0, 0, sy, positions[k]!, positions[k + 1]!]), 'image', imageRef(ref));
      break;
    }
    case OPS.paintImageMaskXObjectRepeat: {
      // [img, a, b, c, d, positions]
      const [img, a, b, c, d, positions] = args as [{ data?: unknown }, number, number, number, number, ArrayLike<number>];
      if (!fillPaints()) break;
      for (let k = 0; positions && k + 1 < positions.length; k += 2)
        place(multiply(st.ctm, [a, b, c, d, positions[k]!, positions[k + 1]!]), 'mask', imageRef(img?.data));
      break;
    }
    case OPS.paintImageMaskXObjectGroup: {
      if (!fillPaints()) break;
      for (const img of (args[0] ?? []) as { transform?: unknown }[]) {
        const m = asMatrix(img.transform);
        if (m) place(multiply(st.ctm, m), 'mask', undefined);
      }
      break;
    }
    case OPS.paintInlineImageXObjectGroup: {
      for (const entry of (args[1] ?? []) as { transform?: unknown }[]) {
        const m = asMatrix(entry.transform);
        if (m) place(multiply(st.ctm, m), 'inline', undefined);
      }
      break;
    }
    default:
      break;
  }
  };
  // A page whose walk was cut at MAX_OPS was not looked at whole: what it paints after is not
  // known, and a page not looked at is never called blank (100,000 empty `q Q` before the text
  // made a typed CV "blank").
  return new Walker(walked, step, () => ({ ink: walked.ink || walked.steps >= MAX_OPS, counts, areas, hasText: walked.hasText }));
}

/**
 * What markWalker returns: a class, its getters on the prototype. An object literal with
 * getters made new getter functions for every walker, so V8 gave each walker accessor pairs
 * and a hidden class of its own, made in the old generation: ≈ 0.7 KB a page walked, freed
 * only by a full collection, and most of what made a worker's heap grow with the number of
 * dossiers (README Performance).
 */
class Walker implements MarkWalker {
  constructor(
    private readonly walked: { readonly ink: boolean; readonly hasText: boolean; readonly steps: number },
    readonly step: MarkWalker['step'],
    readonly result: MarkWalker['result'],
  ) {}
  get ink(): boolean {
    return this.walked.ink;
  }
  get hasText(): boolean {
    return this.walked.hasText;
  }
  get steps(): number {
    return this.walked.steps;
  }
}

/** An image's object id, when the operands carry one (an inline image has none). */
const imageRef = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

const placedArea = (r: Rect, kind: PlacedArea['kind'], ref: string | undefined): PlacedArea => ({ x0: r.x0, y0: r.y0, x1: r.x1, y1: r.y1, kind, ref });
