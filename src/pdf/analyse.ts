// Open one PDF with pdf.js and report what a reader would see. Runs inside a worker thread
// (src/pdf/worker.ts): pdf.js parses on the calling thread, and only a worker can be
// terminated when a hostile file makes it spin.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { finding, type Finding } from '../findings.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

// The legacy build: the modern one needs browser APIs Node 20 lacks.
const loadPdfJs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

const STANDARD_FONTS =
  join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';

export interface PdfAnalysis {
  readonly readable: boolean;
  readonly encrypted: boolean;
  readonly pages: number | null;
  readonly problems: Finding[];
}

export async function analysePdf(bytes: Uint8Array, confirmPages: number): Promise<PdfAnalysis> {
  const { getDocument } = await loadPdfJs();
  const truncated = !hasEof(bytes);
  const task = getDocument({
    // pdf.js takes ownership of (and may detach) the buffer it is given.
    data: bytes,
    // No code from the file ever runs: no eval (CVE-2024-4367), no scripting, no system
    // fonts, no font faces, no network.
    isEvalSupported: false,
    enableXfa: false,
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    stopAtErrors: false,
    verbosity: 0,
    standardFontDataUrl: STANDARD_FONTS,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    const name = (err as Error)?.name;
    if (name === 'PasswordException') return { readable: false, encrypted: true, pages: null, problems: [finding('encrypted', 'error')] };
    return {
      readable: false,
      encrypted: false,
      pages: null,
      problems: [finding('unreadable', 'error', { reason: truncated ? 'truncated' : 'corrupt', detail: short(err) })],
    };
  }
  try {
    const problems: Finding[] = [];
    const declared = doc.numPages;
    // numPages is only the stored /Count: load the pages to make sure they exist.
    let loaded = 0;
    const toLoad = Math.min(declared, confirmPages);
    for (let i = 1; i <= toLoad; i++) {
      try {
        await doc.getPage(i);
        loaded++;
      } catch {
        break;
      }
    }
    const pages = loaded < toLoad || declared === 0 ? loaded : declared;
    if (declared === 0 || loaded < toLoad) problems.push(finding('page-tree', 'error', { declared, loaded }));
    const permissions = await doc.getPermissions().catch(() => null);
    if (permissions) problems.push(finding('restricted', 'warning'));
    return { readable: loaded > 0, encrypted: false, pages, problems };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/** A complete PDF ends with %%EOF (give or take trailing whitespace or junk). */
function hasEof(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
  return tail.includes('%%EOF');
}

const short = (err: unknown) => String((err as Error)?.message ?? err).slice(0, 200);
