// Real PDFs for the content checks, written by real PDF writers: pdf-lib (as office-style
// software would: text, images, vector drawings, fillable forms) and img2pdf (as a scanner
// pipeline does: one picture, one page the size of the picture). Opened with pdf.js exactly as
// the inspector opens them.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { PDFDocument, StandardFonts, degrees, rgb, type PDFImage, type PDFPage } from 'pdf-lib';
import { getDocument, VerbosityLevel, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

export const A4: [number, number] = [595.28, 841.89];

/** Open bytes the way src/pdf/analyse.ts does (no eval, no fonts, no XFA). Destroy after use. */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  return getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    enableXfa: false,
    useSystemFonts: false,
    disableFontFace: true,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    verbosity: VerbosityLevel.ERRORS,
  }).promise;
}

/** An RGB PNG filled by `pixel(x, y)`. */
export function png(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Uint8Array {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      raw[row + 1 + x * 3] = r;
      raw[row + 2 + x * 3] = g;
      raw[row + 3 + x * 3] = b;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', zlib.deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

/** A card-like picture: a tinted rounded rectangle with a photo box and some "text" bars. */
export function cardPng(width = 428, height = 270, tint: [number, number, number] = [206, 228, 222]): Uint8Array {
  return png(width, height, (x, y) => {
    if (x > width * 0.05 && x < width * 0.3 && y > height * 0.25 && y < height * 0.8) return [150, 152, 158];
    if (x > width * 0.35 && x < width * 0.9 && y % 24 < 6 && y > height * 0.3) return [40, 40, 45];
    return tint;
  });
}

/** Two cards on one picture, stacked (what a phone photo of recto and verso looks like). */
export function twoCardsPng(width = 428, cardHeight = 270, gap = 20): Uint8Array {
  const height = cardHeight * 2 + gap;
  return png(width, height, (x, y) => {
    if (y >= cardHeight && y < cardHeight + gap) return [255, 255, 255];
    const inCard = y < cardHeight ? y : y - cardHeight - gap;
    if (x > width * 0.05 && x < width * 0.3 && inCard > cardHeight * 0.25 && inCard < cardHeight * 0.8) return [150, 152, 158];
    return y < cardHeight ? [206, 228, 222] : [214, 226, 232];
  });
}

/** A grey page-sized "scan" of a sheet (noise-free, so it stays small). */
export function sheetPng(width = 248, height = 351): Uint8Array {
  return png(width, height, (x, y) => ((x + y) % 17 === 0 ? [90, 90, 90] : [236, 236, 232]));
}

type Build = (doc: PDFDocument) => Promise<void>;

export async function pdfWith(build: Build): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  await build(doc);
  return doc.save({ useObjectStreams: false });
}

/** Pages as described: 'text' (a paragraph), 'blank' (nothing), 'white' (a white rectangle over the page, as word processors paint), 'scan' (one page-sized image). */
export async function pagesPdf(kinds: readonly ('text' | 'blank' | 'white' | 'scan')[], text = 'Curriculum Vitae'): Promise<Uint8Array> {
  return pdfWith(async (doc) => {
    const font = await doc.embedFont(StandardFonts.Helvetica);
    let sheet: PDFImage | undefined;
    for (const kind of kinds) {
      const page = doc.addPage(A4);
      if (kind === 'text') page.drawText(text, { x: 60, y: 760, size: 14, font });
      if (kind === 'white') {
        page.drawRectangle({ x: 0, y: 0, width: A4[0], height: A4[1], color: rgb(1, 1, 1) });
        page.drawRectangle({ x: 50, y: 50, width: 200, height: 100, color: rgb(1, 1, 1), borderColor: rgb(1, 1, 1), borderWidth: 1 });
      }
      if (kind === 'scan') {
        sheet ??= await doc.embedPng(sheetPng());
        page.drawImage(sheet, { x: 0, y: 0, width: A4[0], height: A4[1] });
      }
    }
  });
}

const CARD: [number, number] = [340, 214];

/**
 * An ID card copy on A4 as office software lays it out: a title in text, then the card
 * picture(s): recto and verso, one card, the recto twice ('same'), one picture of both cards,
 * the verso turned a quarter turn, two vector drawings (form XObjects), a full-sheet scan.
 */
export async function cniPdf(
  layout: 'two' | 'one' | 'same' | 'stacked-image' | 'rotated-two' | 'vector-two' | 'sheet',
  title = "Copie de la carte nationale d'identite",
): Promise<Uint8Array> {
  return pdfWith(async (doc) => {
    const font = await doc.embedFont(StandardFonts.HelveticaBold);
    const page = doc.addPage(A4);
    page.drawText(title, { x: 60, y: 790, size: 14, font });
    const x = (A4[0] - CARD[0]) / 2;
    const top = A4[1] - 90 - CARD[1];
    const shadow = (p: PDFPage, y: number) => p.drawRectangle({ x: x + 3, y: y - 3, width: CARD[0], height: CARD[1], color: rgb(0.88, 0.88, 0.88) });
    if (layout === 'sheet') {
      page.drawImage(await doc.embedPng(sheetPng()), { x: 0, y: 0, width: A4[0], height: A4[1] });
      return;
    }
    if (layout === 'stacked-image') {
      const img = await doc.embedPng(twoCardsPng());
      page.drawImage(img, { x, y: top - CARD[1] - 16, width: CARD[0], height: 2 * CARD[1] + 16 });
      return;
    }
    if (layout === 'vector-two') {
      // Each side is a small vector drawing wrapped in a form XObject (an embedded page), as
      // a picture pasted from a drawing program comes out of an office suite.
      const art = await PDFDocument.create();
      const p = art.addPage(CARD);
      p.drawRectangle({ x: 0, y: 0, width: CARD[0], height: CARD[1], color: rgb(0.8, 0.9, 0.87) });
      p.drawRectangle({ x: 20, y: 40, width: 90, height: 120, color: rgb(0.6, 0.6, 0.62) });
      const [embedded] = await doc.embedPdf(await art.save());
      page.drawPage(embedded!, { x, y: top });
      page.drawPage(embedded!, { x, y: top - CARD[1] - 40 });
      return;
    }
    const recto = await doc.embedPng(cardPng());
    const verso = await doc.embedPng(cardPng(428, 270, [214, 226, 232]));
    shadow(page, top);
    page.drawImage(recto, { x, y: top, width: CARD[0], height: CARD[1] });
    if (layout === 'one') return;
    const second = layout === 'same' ? recto : verso;
    if (layout === 'rotated-two') {
      // The verso turned a quarter turn below the recto: its bounding box is a portrait card.
      page.drawImage(second, { x: 60 + CARD[1], y: 80, width: CARD[0], height: CARD[1], rotate: degrees(90) });
      return;
    }
    shadow(page, top - CARD[1] - 40);
    page.drawImage(second, { x, y: top - CARD[1] - 40, width: CARD[0], height: CARD[1] });
  });
}

export const hasImg2pdf = spawnSync('img2pdf', ['--version']).status === 0;

/** A picture turned into a PDF by img2pdf, the way scanner software and "print to PDF" of a photo do. */
export function img2pdf(picture: Uint8Array, options: string[] = []): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-img2pdf-'));
  try {
    const input = join(dir, 'scan.png');
    const output = join(dir, 'scan.pdf');
    writeFileSync(input, picture);
    execFileSync('img2pdf', [...options, '-o', output, input], { stdio: 'pipe' });
    return new Uint8Array(readFileSync(output));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same, without img2pdf: pdf-lib makes a page exactly the size of the picture. */
export async function pictureAsPage(picture: Uint8Array, dpi = 150): Promise<Uint8Array> {
  return pdfWith(async (doc) => {
    const img = await doc.embedPng(picture);
    const w = (img.width * 72) / dpi;
    const h = (img.height * 72) / dpi;
    doc.addPage([w, h]).drawImage(img, { x: 0, y: 0, width: w, height: h });
  });
}

export interface FormValues {
  readonly nom?: string;
  readonly prenom?: string;
  readonly date_naissance?: string;
  readonly nationalite?: string;
  readonly diplome?: string;
  readonly agent?: boolean;
}

/** A fillable F1 form made with pdf-lib's form API, filled with `values` (none: an empty form). */
export async function fillableForm(values: FormValues = {}, names: Partial<Record<keyof FormValues, string>> = {}): Promise<Uint8Array> {
  return pdfWith(async (doc) => {
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage(A4);
    page.drawText('Formulaire de candidature F1', { x: 60, y: 780, size: 16, font });
    const form = doc.getForm();
    let y = 720;
    for (const key of ['nom', 'prenom', 'date_naissance', 'nationalite', 'diplome'] as const) {
      page.drawText(key, { x: 60, y: y + 5, size: 10, font });
      const field = form.createTextField(names[key] ?? key);
      const v = values[key];
      if (v !== undefined) field.setText(v);
      field.addToPage(page, { x: 200, y, width: 300, height: 20, font });
      y -= 40;
    }
    const agent = form.createCheckBox(names.agent ?? 'agent_ofppt');
    agent.addToPage(page, { x: 200, y, width: 12, height: 12 });
    if (values.agent) agent.check();
  });
}
