// pdf.js ships no types for its worker half; only its presence matters here (./index.ts).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
