// A page's content streams read as operators, straight from the bytes, and fed to the same
// walker as pdf.js's operator lists (content/ops.ts): what is painted, where images are
// placed, whether text is shown. What pdf.js's getOperatorList costs is mostly fonts (parsed
// to map glyphs) and images (decoded); whether a page is blank, has text, or shows two
// card-sized pictures needs neither. Colours are turned into pdf.js's "#rrggbb" where they
// are device colours; any other colour paints, so a doubt never makes a page blank.
import { OPS } from '../content/op-codes.js';
import { Keyword, Lexer, Name, Ref, fail, isWhiteByte, type Dict, type PdfValue } from './lexer.js';
import { isStream, type RawPdf, type Stream } from './objects.js';
import { contentOf, contentStreams, type RawPage } from './pages.js';
import { MAX_OPS, type Matrix, type MarkWalker } from '../content/ops.js';

type Space = 'gray' | 'rgb' | 'cmyk' | 'pattern' | 'other';

interface Spaces {
  fill: Space;
  stroke: Space;
}

/** Form XObjects inside form XObjects: deeper is refused. */
const MAX_FORM_DEPTH = 12;
/** Annotation flags (ISO 32000-1, 12.5.3): Hidden, NoView. */
const HIDDEN = 2;
const NO_VIEW = 32;
/** Subtypes pdf.js draws even without an appearance stream. Without one here, pdf.js decides. */
const DRAWN_WITHOUT_APPEARANCE = new Set(['FreeText', 'Line', 'Square', 'Circle', 'Polygon', 'PolyLine', 'Highlight', 'Underline', 'Squiggly', 'StrikeOut', 'Stamp', 'Caret', 'Ink', 'FileAttachment', 'Text']);

const PAINT: Record<string, number> = {
  f: OPS.fill,
  F: OPS.fill,
  'f*': OPS.eoFill,
  S: OPS.stroke,
  s: OPS.closeStroke,
  B: OPS.fillStroke,
  'B*': OPS.eoFillStroke,
  b: OPS.closeFillStroke,
  'b*': OPS.closeEOFillStroke,
};
const PATH = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);

/**
 * Feed `walker` the page's operators, its annotations' appearances included, as pdf.js's
 * operator list would list them. `stop` is asked after each operator: true ends the walk
 * early (a blank-page check needs only the first mark).
 */
export function walkPage(pdf: RawPdf, page: RawPage, walker: MarkWalker, stop: (w: MarkWalker) => boolean = () => false): void {
  const run = new Run(pdf, walker, stop);
  const content = contentOf(pdf, page.dict);
  // Several content streams are one content (split only between tokens, ISO 32000-1 7.8.2):
  // an operator's operands may sit in the stream before it.
  const whole = content.length === 1 ? content[0]! : joinStreams(content);
  if (!run.walk(whole, page.resources, [])) return;
  const annots = pdf.get(page.dict.get('Annots'));
  if (!Array.isArray(annots)) return;
  for (const a of annots) if (!run.annotation(pdf.dictOf(a))) return;
}

/**
 * Encoded bytes of a page's first content stream inflated for `walkPageStart`: about 1.5 KB of
 * operators, where the first text of an ordinary page shows.
 */
const START_INPUT_BYTES = 512;

/**
 * Walk only the start of the page's first content stream, and say whether `stop` was met there.
 * A page's first text decides whether it is blank and has a text layer, and comes early: most
 * of a text page's content need not be inflated nor read. False (and `walker` spoiled: the
 * caller walks the page again with a fresh one) when the start did not decide, could not be
 * inflated on its own, or did not lex: a token cut by the end of the prefix makes the lexer
 * refuse, and the prefix ends at white space, so no operator is read short.
 */
export function walkPageStart(pdf: RawPdf, page: RawPage, walker: MarkWalker, stop: (w: MarkWalker) => boolean): boolean {
  try {
    const first = contentStreams(pdf, page.dict)[0];
    if (!first) return false;
    const prefix = pdf.decodePrefix(first, START_INPUT_BYTES);
    if (!prefix) return false;
    let end = prefix.length;
    while (end > 0 && !isWhiteByte(prefix[end - 1])) end--;
    const run = new Run(pdf, walker, stop);
    return !run.walk(prefix.subarray(0, end), page.resources, []) && stop(walker);
  } catch {
    return false;
  }
}

class Run {
  constructor(
    private readonly pdf: RawPdf,
    private readonly w: MarkWalker,
    private readonly stop: (w: MarkWalker) => boolean,
  ) {}

  private emit(fn: number, args: readonly unknown[]): boolean {
    if (this.w.steps >= MAX_OPS) return false;
    this.w.step(fn, args);
    return !this.stop(this.w);
  }

  /** One content stream; false when the walk is over (stopped, or the operator budget spent). */
  walk(data: Uint8Array, resources: Dict | undefined, forms: Dict[], inherited?: Spaces): boolean {
    const lx = new Lexer(data);
    const operands: PdfValue[] = [];
    // A form XObject starts with its caller's graphics state, colour spaces included.
    const spaces: Spaces = inherited ? { ...inherited } : { fill: 'gray', stroke: 'gray' };
    const saved: Spaces[] = [];
    let path = false;
    while (!lx.atEnd()) {
      const t = lx.value(false);
      if (!(t instanceof Keyword)) {
        operands.push(t);
        if (operands.length > 64) fail('too many operands');
        continue;
      }
      const op = t.word;
      const args = operands.splice(0);
      let go = true;
      switch (op) {
        case 'q':
          saved.push({ ...spaces });
          go = this.emit(OPS.save, []);
          break;
        case 'Q':
          Object.assign(spaces, saved.pop() ?? spaces);
          go = this.emit(OPS.restore, []);
          break;
        case 'cm':
          if (isMatrix(args)) go = this.emit(OPS.transform, args);
          break;
        case 'g':
        case 'G':
          go = this.colour(op === 'g', 'gray', args, spaces);
          break;
        case 'rg':
        case 'RG':
          go = this.colour(op === 'rg', 'rgb', args, spaces);
          break;
        case 'k':
        case 'K':
          go = this.colour(op === 'k', 'cmyk', args, spaces);
          break;
        case 'cs':
        case 'CS': {
          // pdf.js emits nothing here: the colour in effect stays as the walker knows it.
          const space = this.space(args[0], resources);
          if (op === 'cs') spaces.fill = space;
          else spaces.stroke = space;
          break;
        }
        case 'sc':
        case 'scn':
        case 'SC':
        case 'SCN': {
          const fill = op === 'sc' || op === 'scn';
          const space = fill ? spaces.fill : spaces.stroke;
          if (space === 'gray' || space === 'rgb' || space === 'cmyk') go = this.colour(fill, space, args, spaces);
          else go = this.emit(fill ? OPS.setFillColorN : OPS.setStrokeColorN, []);
          break;
        }
        case 'gs': {
          const gs = this.resource(resources, 'ExtGState', args[0]);
          const d = this.pdf.dictOf(gs);
          if (!d) break;
          const entries: [string, number][] = [];
          for (const key of ['ca', 'CA']) {
            const v = this.pdf.get(d.get(key));
            if (typeof v === 'number') entries.push([key, v]);
          }
          if (entries.length > 0) go = this.emit(OPS.setGState, [entries]);
          break;
        }
        case 'Tr':
          if (typeof args[0] === 'number') go = this.emit(OPS.setTextRenderingMode, [args[0]]);
          break;
        case 'Tj':
          go = this.emit(OPS.showText, [glyphs(args[0])]);
          break;
        case "'":
          go = this.emit(OPS.nextLineShowText, [glyphs(args[0])]);
          break;
        case '"':
          go = this.emit(OPS.nextLineSetSpacingShowText, [args[0], args[1], glyphs(args[2])]);
          break;
        case 'TJ':
          go = this.emit(OPS.showSpacedText, [Array.isArray(args[0]) ? args[0].flatMap((x) => glyphs(x)) : []]);
          break;
        case 'sh':
          go = this.emit(OPS.shadingFill, []);
          break;
        case 'n':
          path = false;
          break;
        case 'Do':
          go = this.xobject(args[0], resources, forms, spaces);
          break;
        case 'BI':
          go = this.inlineImage(lx);
          break;
        default:
          if (PATH.has(op)) path = true;
          else if (PAINT[op] !== undefined) {
            if (path) go = this.emit(OPS.constructPath, [PAINT[op], [true]]);
            path = false;
          }
      }
      if (!go) return false;
    }
    return true;
  }

  private colour(fill: boolean, space: 'gray' | 'rgb' | 'cmyk', args: PdfValue[], spaces: Spaces): boolean {
    if (fill) spaces.fill = space;
    else spaces.stroke = space;
    const hex = toHex(space, args);
    if (hex === null) return this.emit(fill ? OPS.setFillColorN : OPS.setStrokeColorN, []);
    return this.emit(fill ? OPS.setFillRGBColor : OPS.setStrokeRGBColor, [hex]);
  }

  private space(v: PdfValue | undefined, resources: Dict | undefined, depth = 0): Space {
    if (depth > 4) return 'other';
    if (v instanceof Name) {
      switch (v.name) {
        case 'DeviceGray':
        case 'G':
        case 'CalGray':
          return 'gray';
        case 'DeviceRGB':
        case 'RGB':
        case 'CalRGB':
          return 'rgb';
        case 'DeviceCMYK':
        case 'CMYK':
          return 'cmyk';
        case 'Pattern':
          return 'pattern';
      }
      const named = this.resource(resources, 'ColorSpace', v);
      return named === undefined ? 'other' : this.space(this.pdf.get(named) as PdfValue, resources, depth + 1);
    }
    if (Array.isArray(v) && v[0] instanceof Name) {
      const family = v[0].name;
      if (family === 'ICCBased') {
        const n = this.pdf.dictOf(v[1])?.get('N');
        return n === 1 ? 'gray' : n === 3 ? 'rgb' : n === 4 ? 'cmyk' : 'other';
      }
      if (family === 'Pattern') return 'pattern';
      if (family === 'CalGray') return 'gray';
      if (family === 'CalRGB') return 'rgb';
    }
    return 'other';
  }

  private resource(resources: Dict | undefined, kind: string, name: PdfValue | undefined): PdfValue | Stream | undefined {
    if (!(name instanceof Name) || !resources) return undefined;
    return this.pdf.dictOf(resources.get(kind))?.get(name.name);
  }

  private xobject(name: PdfValue | undefined, resources: Dict | undefined, forms: Dict[], spaces: Spaces): boolean {
    const ref = this.resource(resources, 'XObject', name);
    const x = this.pdf.get(ref);
    if (!isStream(x)) return true; // pdf.js skips a missing XObject too
    const subtype = this.pdf.get(x.dict.get('Subtype'));
    if (!(subtype instanceof Name)) return true;
    if (subtype.name === 'Image') {
      const width = this.pdf.get(x.dict.get('Width'));
      const height = this.pdf.get(x.dict.get('Height'));
      const id = ref instanceof Ref ? ref.toString() : undefined;
      if (this.pdf.get(x.dict.get('ImageMask')) === true) return this.emit(OPS.paintImageMaskXObject, [{ data: id, width, height }]);
      return this.emit(OPS.paintImageXObject, [id, width, height]);
    }
    if (subtype.name !== 'Form') return true;
    if (forms.includes(x.dict) || forms.length >= MAX_FORM_DEPTH) fail('form XObjects nest too deep or loop');
    const matrix = numbers(this.pdf.get(x.dict.get('Matrix')), 6);
    const bbox = numbers(this.pdf.get(x.dict.get('BBox')), 4);
    if (!this.emit(OPS.paintFormXObjectBegin, [matrix, bbox])) return false;
    const inner = this.pdf.dictOf(x.dict.get('Resources')) ?? resources;
    if (!this.walk(this.pdf.decode(x), inner, [...forms, x.dict], spaces)) return false;
    return this.emit(OPS.paintFormXObjectEnd, []);
  }

  /** BI <dict> ID <data> EI: the picture's size is read, its data skipped. */
  private inlineImage(lx: Lexer): boolean {
    const dict = new Map<string, PdfValue>();
    for (;;) {
      const k = lx.value(false);
      if (k instanceof Keyword && k.word === 'ID') break;
      if (!(k instanceof Name)) return fail('bad inline image');
      dict.set(k.name, lx.value(false));
    }
    // One white-space byte after ID, then the data, then EI (ISO 32000-1, 8.9.7); /L, when
    // given (PDF 2.0), is the data's length.
    const start = lx.pos + 1;
    const length = dict.get('L') ?? dict.get('Length');
    let end = typeof length === 'number' && length >= 0 ? start + length : findEI(lx.bytes, start, lx.end);
    if (end < 0) return fail('inline image without EI');
    while (isWhiteByte(lx.bytes[end])) end++;
    if (lx.bytes[end] !== 0x45 || lx.bytes[end + 1] !== 0x49) return fail('inline image length does not land on EI');
    lx.pos = end + 2;
    const width = dict.get('W') ?? dict.get('Width');
    const height = dict.get('H') ?? dict.get('Height');
    if ((dict.get('IM') ?? dict.get('ImageMask')) === true) return this.emit(OPS.paintImageMaskXObject, [{ width, height }]);
    return this.emit(OPS.paintInlineImageXObject, [{ width, height }]);
  }

  /** One annotation's normal appearance, placed as pdf.js places it; false when the walk is over. */
  annotation(annot: Dict | undefined): boolean {
    if (!annot) return true;
    const flags = this.pdf.get(annot.get('F'));
    if (typeof flags === 'number' && (flags & (HIDDEN | NO_VIEW)) !== 0) return true;
    const subtype = this.pdf.get(annot.get('Subtype'));
    let ap = this.pdf.get(this.pdf.dictOf(annot.get('AP'))?.get('N'));
    if (ap instanceof Map) {
      const state = this.pdf.get(annot.get('AS'));
      ap = state instanceof Name ? this.pdf.get(ap.get(state.name)) : undefined;
    }
    if (!isStream(ap)) {
      if (subtype instanceof Name && DRAWN_WITHOUT_APPEARANCE.has(subtype.name)) fail('annotation drawn without an appearance stream');
      return true;
    }
    const rect = numbers(this.pdf.get(annot.get('Rect')), 4);
    const bbox = numbers(this.pdf.get(ap.dict.get('BBox')), 4);
    if (!rect || !bbox) return true;
    const matrix = numbers(this.pdf.get(ap.dict.get('Matrix')), 6) ?? [1, 0, 0, 1, 0, 0];
    if (!this.emit(OPS.beginAnnotation, ['', rect, annotationTransform(rect, bbox, matrix as unknown as Matrix), matrix])) return false;
    const resources = this.pdf.dictOf(ap.dict.get('Resources'));
    if (!this.walk(this.pdf.decode(ap), resources, [ap.dict])) return false;
    return this.emit(OPS.endAnnotation, []);
  }
}

/** Glyphs as the walker reads them: pdf.js marks a one-byte code 0x20 as a space, nothing else. */
function glyphs(v: PdfValue | undefined): { isSpace: boolean }[] {
  if (!(v instanceof Uint8Array)) return [];
  return v.some((c) => c !== 0x20) ? [{ isSpace: false }] : v.length > 0 ? [{ isSpace: true }] : [];
}

const isMatrix = (args: PdfValue[]): args is number[] => args.length === 6 && args.every((n) => typeof n === 'number');

function numbers(v: PdfValue | Stream | undefined, n: number): number[] | null {
  if (!Array.isArray(v) || v.length !== n || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) return null;
  return v as number[];
}

const byte = (x: number) => Math.max(0, Math.min(255, Math.round(x * 255)));
const hex2 = (x: number) => byte(x).toString(16).padStart(2, '0');

/** A device colour as pdf.js's "#rrggbb", or null when the operands are not numbers. */
function toHex(space: 'gray' | 'rgb' | 'cmyk', args: PdfValue[]): string | null {
  const want = space === 'gray' ? 1 : space === 'rgb' ? 3 : 4;
  const n = args.slice(-want);
  if (n.length !== want || !n.every((x) => typeof x === 'number')) return null;
  const v = n as number[];
  if (space === 'gray') return `#${hex2(v[0]!).repeat(3)}`;
  if (space === 'rgb') return `#${v.map(hex2).join('')}`;
  // Naive CMYK to RGB: exact at paper white (all zero), which is all the walker asks.
  const [c, m, y, k] = v as [number, number, number, number];
  return `#${[c, m, y].map((x) => hex2((1 - x) * (1 - k))).join('')}`;
}

/** pdf.js's placement of an appearance: its box, mapped by its matrix, stretched onto the annotation's rectangle. */
function annotationTransform(rect: number[], bbox: number[], m: Matrix): number[] {
  const xs = [0, 2].flatMap((i) => [0, 2].map((j) => [m[0] * bbox[i]! + m[2] * bbox[j + 1]! + m[4], m[1] * bbox[i]! + m[3] * bbox[j + 1]! + m[5]] as const));
  const minX = Math.min(...xs.map((p) => p[0]));
  const maxX = Math.max(...xs.map((p) => p[0]));
  const minY = Math.min(...xs.map((p) => p[1]));
  const maxY = Math.max(...xs.map((p) => p[1]));
  const [r0, r1, r2, r3] = rect as [number, number, number, number];
  const sx = maxX - minX === 0 ? 1 : (r2 - r0) / (maxX - minX);
  const sy = maxY - minY === 0 ? 1 : (r3 - r1) / (maxY - minY);
  return [sx, 0, 0, sy, r0 - minX * sx, r1 - minY * sy];
}

/** Where inline image data ends: the first "EI" between white space (or at the end). */
function findEI(b: Uint8Array, from: number, end: number): number {
  for (let i = from; i + 1 < end; i++) {
    if (b[i] === 0x45 && b[i + 1] === 0x49 && isWhiteByte(b[i - 1]) && (i + 2 >= end || isWhiteByte(b[i + 2]))) return i;
  }
  return -1;
}

function joinStreams(parts: Uint8Array[]): Uint8Array {
  // A space between parts: an operator never continues from one stream into the next word.
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
    out[at++] = 0x0a;
  }
  return out;
}
