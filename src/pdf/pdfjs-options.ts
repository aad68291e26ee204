// How every document is opened with pdf.js, in one place, free of side effects so that tests
// can open a file exactly as the inspector does. No code from the file ever runs.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';

// A file path, not a URL: pdf.js reads standard fonts with fs in Node, and insists on the slash.
const STANDARD_FONTS =
  join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';

export const PDFJS_OPTIONS = {
  // No eval (CVE-2024-4367: a font matrix turned into code), no scripting, no XFA, no system
  // fonts, no font faces, no network (enableScripting is a viewer option, left unset).
  isEvalSupported: false,
  enableXfa: false,
  useSystemFonts: false,
  disableFontFace: true,
  useWorkerFetch: false,
  isOffscreenCanvasSupported: false,
  isImageDecoderSupported: false,
  stopAtErrors: false,
  // Images larger than this many pixels are not decoded (a 600 dpi A4 scan is 35 million).
  maxImageSize: 64 * 1024 * 1024,
  verbosity: VerbosityLevel.WARNINGS,
  // No standard font programs: the 14 standard fonts (Helvetica, Times...) are read from their
  // encodings and built-in metrics, which is all text extraction needs. Loading and sanitising
  // a LiberationSans/Foxit file per font per document cost ~4 ms each and tripled the cost of
  // the content checks (src/pdf/content/), for glyph outlines nothing here ever draws. Fonts
  // embedded in a file are still parsed.
} as const;

/** Where pdf.js's standard font programs are, for code that renders (none does today). */
export const STANDARD_FONT_DATA_URL = STANDARD_FONTS;
