// Entry point of the built binary (bin/dossier.js imports this file).
import { main } from './main.js';

// First Ctrl+C: stop the workers and exit 130 without a partial report. Second: leave now.
const interrupt = new AbortController();
process.on('SIGINT', () => {
  if (interrupt.signal.aborted) process.exit(130);
  interrupt.abort();
});

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: interrupt.signal,
});
