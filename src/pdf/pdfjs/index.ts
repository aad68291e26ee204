// pdf.js, loaded once and in one place: the API (the legacy build; the modern one needs
// browser APIs Node 20 lacks) and its "worker" half. Every runtime import of pdf.js in src/
// goes through here, so that the built-ins it replaces are put back (./natives.ts) and the
// worker half is loaded before the first file is opened.
//
// In Node, pdf.js's worker is a fake one in the same thread: the API imports pdf.worker.mjs
// on the first getDocument, inside that file's time limit, unless globalThis.pdfjsWorker
// already holds it. `pdfjsReady` loads it first (a dynamic import: module hooks, such as the
// tests' watch on what each command loads, see those in workers).
//
// No top-level await here: a module graph with one is evaluated by V8's asynchronous path,
// and a worker thread ended during that evaluation once aborted a whole test process (V8's
// "Check failed: (location_) != nullptr" in SourceTextModule::ExecuteAsyncModule, seen twice
// in full test runs). A plain module graph takes the synchronous path.
import { restoreNatives } from './natives.js';
export { getDocument, OPS, PDFWorker, PermissionFlag, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

// The API half's core-js has run by now (imports are evaluated first).
restoreNatives();

let ready: Promise<void> | undefined;

/** pdf.js's worker half, loaded once per thread, the natives put back after it too. */
export function pdfjsReady(): Promise<void> {
  ready ??= import('pdfjs-dist/legacy/build/pdf.worker.mjs').then((worker) => {
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    restoreNatives();
  });
  return ready;
}
