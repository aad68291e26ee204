// What the PDF layer reports about one file. Never the bytes: results stay small so a batch
// of thousands of dossiers keeps only verdicts in memory.
import type { Finding } from '../findings.js';
import type { ContentRequest, ContentResult } from './content/analyse-content.js';

export interface PdfLimits {
  /** Files above this are `too-large`, decided from their size alone. */
  readonly maxSizeBytes: number;
  /** pdf.js parses synchronously: past this the worker is terminated and replaced. */
  readonly fileTimeoutMs: number;
  /** Pages loaded to confirm the stored /Count (default 50). */
  readonly confirmPages?: number;
  /** Also read page 1's content as a renderer would (operators, fonts, images). */
  readonly firstPageContent?: boolean;
  /** Look inside: blank pages, text, ID card layout, form fields (src/pdf/content/); also hash the bytes. */
  readonly content?: ContentRequest;
}

/** Content findings (blank pages, text layer, card layout, form fields, first text) are optional: only what was asked for. */
export interface FileInspection extends ContentResult {
  readonly path: string;
  readonly sizeBytes: number;
  /** `%PDF-` found near the start of the file. */
  readonly pdf: boolean;
  /** Real type from the magic bytes ('pdf', 'jpeg', 'docx'...); null for an empty file. */
  readonly detectedType: string | null;
  /** It opens and the pages it counts load: read whole from its bytes, or opened by pdf.js. */
  readonly readable: boolean;
  /** Who opened it: the raw reader, for a file that reads plainly end to end, or pdf.js (src/pdf/analyse.ts). */
  readonly reader?: 'bytes' | 'pdfjs';
  /** A password is needed to open it. */
  readonly encrypted: boolean;
  /** Pages that actually load; null when unknown. */
  readonly pages: number | null;
  /** SHA-256 of the bytes, hex, when content was asked for and another file of the same task has this size: the same file sent twice. */
  readonly sha256?: string;
  readonly problems: readonly Finding[];
}

/** Never read into memory, whatever the profile says: a hostile or absurd upload. */
export const HARD_CEILING_BYTES = 512 * 1024 * 1024;
export const DEFAULT_CONFIRM_PAGES = 50;

/** What is known of a file no reader opened: not a PDF, not readable, no pages. */
export const NOT_OPENED = { pdf: false, detectedType: null, readable: false, encrypted: false, pages: null } as const;
/** Seconds a file may take, by default (`--file-timeout`), in milliseconds. */
export const DEFAULT_FILE_TIMEOUT_MS = 10_000;
