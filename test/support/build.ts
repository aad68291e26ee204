// Vitest global setup: the PDF workers run compiled JavaScript (dist/), so build once before
// the tests, whatever state dist/ was left in.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
