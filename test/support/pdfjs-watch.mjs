// Loaded with `node --import`: notes in $DOSSIER_WATCH_FILE every module of the packages
// named in $DOSSIER_WATCH_PACKAGES (default pdfjs-dist; a path starting with '/' names a
// folder of the project instead) that any thread of the process resolves, so a test can tell which commands load pdf.js, or the YAML parser.
import { register } from 'node:module';

register('./pdfjs-watch-hooks.mjs', import.meta.url);
