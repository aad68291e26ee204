// Where the package's own files are (package.json, samples/, schemas/, dist/): found from this
// module's place by going up to the first folder holding a package.json. A path relative to
// import.meta.url says where one module sits; the build bundles modules into a few files in
// other folders (scripts/bundle.mjs), and the tests run src/, so no module's place can say
// where the package's files are, but the package's root is above all of them.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function rootAbove(dir: string): string {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json'))) return d;
    if (dirname(d) === d) throw new Error(`no package.json above ${dir}`);
  }
}

/** The package's root folder. */
const PACKAGE_ROOT = rootAbove(dirname(fileURLToPath(import.meta.url)));

/** A file or folder of the package, by its path from the root ('dist/pdf/worker.js'). */
export const packagePath = (path: string): string => join(PACKAGE_ROOT, path);
