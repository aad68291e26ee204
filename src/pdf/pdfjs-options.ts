// How every document is opened with pdf.js, in one place, free of side effects so that tests
// can open a file exactly as the inspector does. No code from the file ever runs.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { VerbosityLevel } from './pdfjs/index.js';

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
  // Silent: results are data, never noise on stderr. A /Count pdf.js repairs is caught by
  // comparing numPages with the stored /Count (src/pdf/analyse.ts), not from its warning.
  verbosity: VerbosityLevel.ERRORS,
  // The 14 standard fonts (Helvetica, Times...) come from the package's own files, never from
  // the system or the network. Text extraction of the content checks costs ~1.5x more with
  // them (each font program is parsed once per document), but glyph-to-text mapping then
  // follows the real fonts, as issue #2 asks, instead of pdf.js's fallback metrics.
  standardFontDataUrl: STANDARD_FONTS,
} as const;
