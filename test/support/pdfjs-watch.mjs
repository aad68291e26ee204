// Loaded with `node --import`: notes in $DOSSIER_WATCH_FILE every module of pdfjs-dist that
// any thread of the process resolves, so a test can tell which commands load pdf.js.
import { register } from 'node:module';

register('./pdfjs-watch-hooks.mjs', import.meta.url);
