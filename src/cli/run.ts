// Entry point of the built binary (bin/dossier.js imports this file).
import { main } from './main.js';

// First Ctrl+C: stop the workers and exit 130 without a partial report. Second: leave now.
const interrupt = new AbortController();
process.on('SIGINT', () => {
  if (interrupt.signal.aborted) process.exit(130);
  interrupt.abort();
});

// The reader of stdout went away (`dossier batch … | head`): stop quietly with 141, the
// status of a Unix tool killed by SIGPIPE, rather than die on an unhandled EPIPE with a stack
// trace. Workers are threads of this process: they end too.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(141);
  throw err;
});

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: interrupt.signal,
});
