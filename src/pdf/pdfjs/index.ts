// pdf.js, loaded once and in one place: the API (the legacy build; the modern one needs
// browser APIs Node 20 lacks) and its "worker" half. Every runtime import of pdf.js in src/
// goes through here, so that the built-ins it replaces are put back (./natives.ts) and the
// worker half is already loaded when the first file is opened.
//
// In Node, pdf.js's worker is a fake one in the same thread: the API imports pdf.worker.mjs
// on the first getDocument, inside that file's time limit, unless globalThis.pdfjsWorker
// already holds it. Loading it here moves that cost to the thread's start. (A dynamic import:
// module hooks, such as the tests' watch on what each command loads, see those in workers.)
import { restoreNatives } from './natives.js';
export { getDocument, OPS, PDFWorker, PermissionFlag, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
restoreNatives();
