// Vitest global setup: the PDF workers run compiled JavaScript (dist/), so build once before
// the tests, whatever state dist/ was left in.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export default function setup(): void {
  try {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  } catch (err) {
    // tsc still emits on type errors (those are `npm run typecheck`'s business); only a
    // build that produced no worker at all makes the PDF tests meaningless.
    if (!existsSync('dist/pdf/worker.js')) throw err;
    console.warn('test setup: tsc reported errors; running the tests on what it emitted');
  }
  // The bundled profile compiled, and the CLI and workers bundled, as `npm run build` does
  // (src/profile/compiled.ts, scripts/bundle.mjs): the tests run what users run.
  execFileSync(process.execPath, ['dist/profile/write-compiled.js'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { stdio: 'inherit' });
}
