// Open one PDF with pdf.js and report what a reader would see: for the files the bytes alone
// cannot vouch for (src/pdf/analyse.ts decides). Runs inside a worker thread (src/pdf/worker.ts)
// only: pdf.js parses on the calling thread (in Node its "worker" is a fake one, in the same
// thread), and only a worker thread can be terminated when a hostile file makes it spin.
// Loaded by a worker the first time it needs it: a worker whose files all read plainly never
// pays for compiling pdf.js.
import { getDocument, pdfjsReady, PDFWorker, PermissionFlag } from './pdfjs/index.js';
import { finding, type Finding } from '../findings.js';
import { findInflationBomb } from './inflation.js';
import { PDFJS_OPTIONS } from './pdfjs-options.js';
import { analyseContent } from './content/analyse-content.js';
import type { RawReading } from './raw/read-content.js';
import { bombFound, type AnalyseOptions, type PdfAnalysis } from './analyse.js';
import { tellingMemory } from './memory.js';

/** Resolves once pdf.js's worker half is loaded: the caller waits for it outside a file's time (src/pdf/worker.ts). */
export const ready = pdfjsReady;

// One pdf.js "worker" for every file of this thread (in Node it is a message handler in the
// same thread): a new one per document cost ~12 % of a file's CPU (measured in-process). pdf.js
// keeps documents apart by id; one that was destroyed is replaced.
let pdfWorker: PDFWorker | null = null;
const sharedWorker = (): PDFWorker => {
  if (!pdfWorker || pdfWorker.destroyed) pdfWorker = new PDFWorker({ verbosity: PDFJS_OPTIONS.verbosity });
  return pdfWorker;
};

/**
 * `raw`: what the bytes told before pdf.js takes them (it detaches them): the stored page
 * count, and blank pages, text layer and card layout where the file reads plainly enough.
 */
export async function analyseWithPdfjs(bytes: Uint8Array, raw: RawReading, options: AnalyseOptions): Promise<PdfAnalysis> {
  // Before pdf.js sees the file: a stream that would inflate beyond reason (see inflation.ts).
  // Images are passed over when pdf.js will only open the file, never draw it: the pages are
  // read from the bytes (or not at all), neither the form's fields nor page 1's drawing is
  // asked for, and the raw reader knows which streams opening inflates.
  const onlyOpened = !options.firstPageContent && !options.content?.fields && (!options.content || raw.content !== null);
  const onOpen = onlyOpened ? raw.inflatedOnOpen : undefined;
  const bomb = await findInflationBomb(bytes, onOpen ? { onOpen } : {});
  if (bomb) return { ...bombFound(bomb), reader: 'pdfjs' };
  await pdfjsReady();
  // What pdf.js decodes past the bomb check is told to the pool's watchdog (src/pdf/memory.ts).
  return tellingMemory(() => read(bytes, raw, options, onOpen));
}

async function read(bytes: Uint8Array, raw: RawReading, options: AnalyseOptions, onOpen: RawReading['inflatedOnOpen']): Promise<PdfAnalysis> {
  const truncated = !hasEof(bytes);
  const task = getDocument({
    ...PDFJS_OPTIONS,
    worker: sharedWorker(),
    // pdf.js refuses Buffers and copies any view that does not span its whole ArrayBuffer.
    data: bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice(),
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    if ((err as Error)?.name === 'PasswordException') return { readable: false, encrypted: true, pages: null, problems: [finding('encrypted', 'error')], reader: 'pdfjs' };
    return unreadable({ reason: truncated ? 'truncated' : 'corrupt', detail: short(err) });
  }
  try {
    // When the last page the stored /Count names does not exist, pdf.js silently replaces
    // numPages by the pages it finds: a /Count other than numPages is that repair.
    const repaired = raw.declaredPages !== undefined && raw.declaredPages !== doc.numPages ? raw.declaredPages : undefined;
    const counted = await confirm(doc, options.confirmPages, repaired);
    const problems = [...counted.problems, ...restrictions(await doc.getPermissions().catch(() => null))];
    if (options.firstPageContent && counted.readable) problems.push(...(await firstPageContent(doc)));
    // Content checks (src/pdf/content/) take the open document here, pages confirmed. A
    // failure inside them costs their answer, never the file's verdict.
    const agrees = raw.content !== null && raw.pages === doc.numPages && counted.pages === doc.numPages && repaired === undefined;
    // When the bytes and pdf.js disagree about the pages (a page tree that lies: the finding is
    // above), the raw reading cannot be trusted, and pdf.js may not draw what was not checked
    // for bombs: the content checks then have nothing to say.
    const drawable = agrees || !onOpen;
    const content =
      options.content && counted.readable && drawable ? await analyseContent(doc, options.content, agrees ? raw.content : null).catch(() => ({})) : {};
    return { ...content, readable: counted.readable, encrypted: false, pages: counted.pages, problems, reader: 'pdfjs' };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

const unreadable = (params: Record<string, string | number>): PdfAnalysis => ({
  readable: false,
  encrypted: false,
  pages: null,
  problems: [finding('unreadable', 'error', params)],
  reader: 'pdfjs',
});

type Doc = Awaited<ReturnType<typeof getDocument>['promise']>;

/**
 * Pages you can trust: pdf.js's numPages is the stored /Count (or its repair of it), so the
 * first `confirmPages` pages and the last one are loaded to know. `repaired`: the stored
 * /Count pdf.js found wrong and replaced, if it did (read from the bytes, src/pdf/raw/).
 */
async function confirm(doc: Doc, confirmPages: number, repaired: number | undefined) {
  const numPages = doc.numPages;
  // A negative or fractional /Count says nothing: no page can be asked for.
  const count = Number.isSafeInteger(numPages) && numPages > 0 ? numPages : 0;
  const declared = repaired !== undefined ? (Number.isInteger(repaired) ? repaired : '?') : Number.isFinite(numPages) ? numPages : '?';
  const toLoad = Math.min(count, Math.max(1, confirmPages));
  let loaded = 0;
  for (let i = 1; i <= toLoad; i++) if (await loads(doc, i)) loaded++;
  // A page missing in the middle still leaves the others readable: keep counting. Past the
  // pages confirmed, the last one must load too, or the count is a lie.
  const lastMissing = count > toLoad && !(await loads(doc, count));
  const pages = loaded < toLoad || lastMissing ? loaded : count;
  const problems: Finding[] = [];
  if (count === 0 || pages < count || repaired !== undefined) problems.push(finding('page-tree', 'error', { declared, loaded: pages }));
  return { readable: loaded > 0, pages, problems };
}

async function loads(doc: Doc, page: number): Promise<boolean> {
  try {
    await doc.getPage(page);
    return true;
  } catch {
    return false;
  }
}

/** Owner-password restrictions, as a warning naming what is denied. */
function restrictions(granted: number[] | null): Finding[] {
  const denied = deniedPermissions(granted);
  return denied.length > 0 ? [finding('restricted', 'warning', { denied })] : [];
}

/**
 * Page 1 read as a renderer reads it: content stream, fonts, images. With eval off, a font
 * program or matrix is data, never code, even here.
 */
async function firstPageContent(doc: Doc): Promise<Finding[]> {
  try {
    await (await doc.getPage(1)).getOperatorList();
    return [];
  } catch (err) {
    return [finding('unreadable', 'error', { reason: 'corrupt', detail: short(err) })];
  }
}

/** Owner-password restrictions: the permissions an encrypted file withholds (null: none set). */
function deniedPermissions(granted: number[] | null): string[] {
  if (!granted) return [];
  return Object.entries(PermissionFlag)
    .filter(([, flag]) => !granted.includes(flag))
    .map(([name]) => name.toLowerCase().replaceAll('_', '-'));
}

/** A complete PDF ends with %%EOF (give or take trailing whitespace or junk). */
function hasEof(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(Math.max(0, bytes.length - 1024));
  return tail.includes('%%EOF', 0, 'latin1');
}

const short = (err: unknown) => String((err as Error)?.message ?? err).slice(0, 200);
