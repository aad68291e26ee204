// One PDF, judged from its bytes when they are plain, by pdf.js otherwise. Runs inside a
// worker thread (src/pdf/worker.ts) only.
//
// Why not pdf.js for every file: opening a file with pdf.js costs more than everything else a
// plain file needs together (measured, README Performance), and what a dossier asks of a file
// is whether it opens, how many pages it has, and what its pages paint, all of which the raw
// reader (src/pdf/raw/) answers from the bytes. It is strict where pdf.js is lenient: it
// repairs nothing, decrypts nothing, and gives up on anything unusual (a broken or lying
// cross-reference table, a /Length that does not land on endstream, a filter other than
// Flate, a page tree whose leaves are not as many as its /Count, a loop...). So a file it
// reads end to end is one pdf.js opens with the same pages (test/raw-verdict.test.ts checks
// this against pdf.js on every kind of file the tests make, and on fuzzed ones), and every
// other file goes to pdf.js, which says what a viewer would make of it.
import { finding, type Finding } from '../findings.js';
import type { ContentRequest, ContentResult } from './content/analyse-content.js';
import { findInflationBomb, findInflationBombAround, HOLE_READ, type Hole, type InflationExcess } from './inflation.js';
import { readRaw, type RawReading } from './raw/read-content.js';
import { extend } from '../extend.js';

export interface PdfAnalysis extends ContentResult {
  readonly readable: boolean;
  readonly encrypted: boolean;
  readonly pages: number | null;
  readonly problems: Finding[];
  /** Who answered: the raw reader ('bytes') or pdf.js. */
  readonly reader: 'bytes' | 'pdfjs';
}

export interface AnalyseOptions {
  /** Pages loaded to confirm the page count (the last one is always tried as well). */
  readonly confirmPages: number;
  /** Also read page 1's content as a renderer would: its operators, fonts and images. */
  readonly firstPageContent?: boolean;
  /** Look inside (src/pdf/content/): only what is asked for, within its own time budget. */
  readonly content?: ContentRequest;
}

export type PdfjsPath = typeof import('./analyse-pdfjs.js');

/** A file read by its ends (src/pdf/sparse.ts): the bytes not read, and how to read them into place. */
export interface Unread {
  readonly hole: Hole;
  readHole(): void;
}

/**
 * `loadPdfjs`: how to get the pdf.js path when the bytes do not suffice (the worker pauses the
 * file's clock while a thread loads pdf.js for the first time). `unread`: bytes not read yet.
 */
export async function analysePdf(
  bytes: Uint8Array,
  options: AnalyseOptions,
  loadPdfjs: () => Promise<PdfjsPath> = () => import('./analyse-pdfjs.js'),
  unread?: Unread,
): Promise<PdfAnalysis> {
  // The raw reader inflates at most 16 MB a stream and never an image, so a bomb costs it
  // nothing: it gives up, and pdf.js's path checks for bombs before pdf.js sees the file.
  const raw = readRaw(bytes, options.content, unread?.hole);
  const plain = fromBytes(raw, options);
  if (unread) {
    // Read plainly around the hole, and the bomb check answered without it: that stands.
    if (plain && raw.inflatedOnOpen) {
      const bomb = await findInflationBombAround(bytes, { onOpen: raw.inflatedOnOpen, hole: unread.hole });
      if (bomb !== HOLE_READ) return bomb ? bombFound(bomb) : plain;
    }
    unread.readHole();
    // Read plainly, but the bomb check needs the hole: the raw reading stands (it read no byte
    // of the hole), the check below runs on the whole file. Not read plainly (pdf.js to open
    // it, a raw reader that gave up, perhaps on the hole's filler): judged again, whole.
    if (!plain) return analysePdf(bytes, options, loadPdfjs);
  }
  if (!plain) return (await loadPdfjs()).analyseWithPdfjs(bytes, raw, options);
  // Read plainly is not harmless: a page the raw reader did not look at (past the 20th, or
  // with no content checks) may inflate to gigabytes in the viewer that shows it. The same
  // check as for a file pdf.js only opens: every stream but the images nobody draws. Its
  // cross-reference holds (the raw reader read it), so no reader repairs it: stream data is
  // where the /Length says, and is passed over there (src/pdf/inflation.ts).
  const bomb = await findInflationBomb(bytes, raw.inflatedOnOpen ? { onOpen: raw.inflatedOnOpen, followLengths: true } : {});
  return bomb ? bombFound(bomb) : plain;
}

export const bombFound = (bomb: InflationExcess): PdfAnalysis => ({
  readable: false,
  encrypted: false,
  pages: null,
  problems: [finding('unreadable', 'error', { reason: 'bomb', limitMB: bomb.limitBytes / 2 ** 20, offset: bomb.offset })],
  reader: 'bytes',
});

/** The verdict of a file that reads plainly end to end, or null when pdf.js must answer. */
export function fromBytes(raw: RawReading, options: AnalyseOptions): PdfAnalysis | null {
  const request = options.content;
  // No page tree read whole, or a /Count pdf.js would report otherwise: pdf.js decides.
  if (raw.pages === undefined || raw.pages === 0 || raw.declaredPages !== raw.pages) return null;
  // What only pdf.js reads: page 1 drawn with its fonts and images, the text of the pages
  // (fonts map glyphs to characters), a form's fields.
  if (options.firstPageContent || request?.text || (request?.fields && raw.acroForm)) return null;
  if (request && raw.content === null) return null;
  return extend(raw.content ?? {}, { readable: true, encrypted: false, pages: raw.pages, problems: [], reader: 'bytes' as const });
}
