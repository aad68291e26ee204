#!/usr/bin/env node
// The build's last step: the CLI and the two worker modules bundled, each into one file with
// the modules it loads at start, in place of tsc's output of those three files in dist/; what
// they load later (the formatters, the YAML parser, pdf.js's path) stays a separate file,
// loaded when asked for. Node 20 has no compile cache, and its ES module loader paid for
// every module of the ~40 a command loads at start and the ~50 each worker does (resolving,
// reading, compiling, linking): bundled, a worker's modules load in ≈ 18 ms instead of ≈ 44,
// on the critical path of every `check` and `batch` (README Performance).
//
// Left outside the bundle, imported as they are:
// - pdfjs-dist, and dist/pdf/pdfjs/index.js, which loads it: that module puts back the built-ins
//   pdf.js replaces, and must run before pdf.js does (src/pdf/pdfjs/natives.ts), which a bundle
//   would not keep (it hoists an external import above the bundled code);
// - piscina, which starts its workers from a file of its own, next to itself;
// - yaml and zod, loaded only for what needs them (a declaration that is not flat, a profile
//   other than the bundled one): as packages, what loads them stays visible to the tests that
//   watch it (test/cli.test.ts), and no start-up loads them to gain from a bundle.
//
// Every path to the package's own files goes through src/package-root.ts, so a module's
// code works from whichever file of the bundle it lands in.
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');

/** The entry points, by their path under dist/, where the bundled file replaces tsc's. */
const ENTRIES = ['cli/run', 'check-worker', 'pdf/worker'];

const outside = (id) => /^(pdfjs-dist|piscina|yaml|zod)(\/|$)/.test(id) || id.endsWith('/dist/pdf/pdfjs/index.js');

await rm(join(DIST, 'chunks'), { recursive: true, force: true });
await build({
  cwd: ROOT,
  input: Object.fromEntries(ENTRIES.map((e) => [e, join(DIST, `${e}.js`)])),
  platform: 'node',
  external: outside,
  makeAbsoluteExternalsRelative: true,
  logLevel: 'warn',
  output: { dir: DIST, format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
});
