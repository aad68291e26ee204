// Open one PDF with pdf.js and report what a reader would see. Runs inside a worker thread
// (src/pdf/worker.ts) only: pdf.js parses on the calling thread (in Node its "worker" is a
// fake one, in the same thread), and only a worker thread can be terminated when a hostile
// file makes it spin.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
// The legacy build: the modern one needs browser APIs Node 20 lacks. Imported statically so
// the cost is paid while the worker starts, outside the per-file time limit.
import { getDocument, PermissionFlag, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { finding, type Finding } from '../findings.js';

// A file path, not a URL: pdf.js reads standard fonts with fs in Node, and insists on the slash.
const STANDARD_FONTS =
  join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';

export interface PdfAnalysis {
  readonly readable: boolean;
  readonly encrypted: boolean;
  readonly pages: number | null;
  readonly problems: Finding[];
}

// When the last page named by the stored /Count does not exist, pdf.js walks the page tree,
// silently replaces numPages by what it found, and says so only in a warning. That warning
// is the one trace of a /Count lie, so pdf.js runs at WARNINGS level and this thread's
// console.warn is captured (and never printed: results are data, not noise on stderr).
const REPAIRED_COUNT = /checkLastPage - invalid \/Pages tree \/Count: (\S+?)\.?$/;
let repairedCounts: string[] | null = null;
console.warn = (...args: unknown[]) => {
  const count = REPAIRED_COUNT.exec(args.map(String).join(' '))?.[1];
  if (count !== undefined) repairedCounts?.push(count);
};

export async function analysePdf(bytes: Uint8Array, confirmPages: number): Promise<PdfAnalysis> {
  const truncated = !hasEof(bytes);
  const repaired: string[] = (repairedCounts = []);
  const task = getDocument({
    // pdf.js refuses Buffers and copies any view that does not span its whole ArrayBuffer.
    data: bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice(),
    // No code from the file ever runs: no eval (CVE-2024-4367), no scripting, no XFA, no
    // system fonts, no font faces, no network (enableScripting is a viewer option, left unset).
    isEvalSupported: false,
    enableXfa: false,
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    stopAtErrors: false,
    verbosity: VerbosityLevel.WARNINGS,
    standardFontDataUrl: STANDARD_FONTS,
  });
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (err) {
      await task.destroy().catch(() => undefined);
      if ((err as Error)?.name === 'PasswordException')
        return { readable: false, encrypted: true, pages: null, problems: [finding('encrypted', 'error')] };
      return {
        readable: false,
        encrypted: false,
        pages: null,
        problems: [finding('unreadable', 'error', { reason: truncated ? 'truncated' : 'corrupt', detail: short(err) })],
      };
    }
    try {
      return { encrypted: false, ...(await confirm(doc, confirmPages, repaired[0])) };
    } finally {
      await doc.destroy().catch(() => undefined);
    }
  } finally {
    repairedCounts = null;
  }
}

type Doc = Awaited<ReturnType<typeof getDocument>['promise']>;

/** `repaired`: the stored /Count pdf.js found wrong and replaced, if it did. */
async function confirm(doc: Doc, confirmPages: number, repaired: string | undefined) {
  const problems: Finding[] = [];
  const numPages = doc.numPages;
  const declared = repaired === undefined ? numPages : Number.isInteger(Number(repaired)) ? Number(repaired) : '?';
  // numPages is only the stored /Count (or pdf.js's repair of it): load the pages to know.
  const toLoad = Math.min(numPages, Math.max(1, confirmPages));
  let loaded = 0;
  for (let i = 1; i <= toLoad; i++) {
    try {
      await doc.getPage(i);
      loaded++;
    } catch {
      // A page missing in the middle still leaves the others readable: keep counting.
    }
  }
  const pages = loaded < toLoad ? loaded : numPages;
  if (numPages === 0 || loaded < toLoad || repaired !== undefined) problems.push(finding('page-tree', 'error', { declared, loaded: pages }));

  const denied = deniedPermissions(await doc.getPermissions().catch(() => null));
  if (denied.length > 0) problems.push(finding('restricted', 'warning', { denied }));
  return { readable: loaded > 0, pages, problems };
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
