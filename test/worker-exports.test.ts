// The modules the pool's workers load export their handlers by name. Node 20 require()s an ES
// module with a default export through a facade, and a worker terminated in the instant that
// facade is made aborts the whole process (an assertion in ModuleWrap::CreateRequiredModuleFacade):
// a batch or a test closing a pool whose workers were still loading. Piscina require()s the
// module it is given, so what it sees is what require() gives here.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const built = (path: string) => fileURLToPath(new URL(`../dist/${path}`, import.meta.url));

describe('worker modules', () => {
  it.each([
    ['pdf/worker.js', 'inspect'],
    ['check-worker.js', 'checkInWorker'],
  ])('%s: require() gives the handler %s by name, and no default export', (path, handler) => {
    const code = `const m = require(${JSON.stringify(built(path))}); console.log(JSON.stringify({ keys: Object.keys(m), handler: typeof m[${JSON.stringify(handler)}] }))`;
    const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const { keys, handler: kind } = JSON.parse(r.stdout) as { keys: string[]; handler: string };
    expect(kind).toBe('function');
    expect(keys).not.toContain('default');
  });
});
