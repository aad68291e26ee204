// Entry point of the built binary (bin/dossier.js imports this file).
import { availableParallelism } from 'node:os';
import { threadsAsked } from './concurrency.js';

// First Ctrl+C: stop the workers and exit 130 without a partial report. Second: leave now.
// Listened to before anything loads: a Ctrl+C while the modules load (a second on a busy
// machine) would otherwise kill the process with no status of its own.
const interrupt = new AbortController();
process.on('SIGINT', () => {
  if (interrupt.signal.aborted) process.exit(130);
  interrupt.abort();
});

// `check` of one dossier waits on its worker starting (a thread, its modules; pdf.js too when
// a file needs it): the worker starts first, and the CLI's modules (imported below, not
// statically) and the profile load meanwhile (README Performance). One worker: a check of
// several dossiers asks for more, and these are closed. `batch` waits on its workers
// starting too, a quarter of a second that its own start-up now covers.
const command = process.argv[2];
const helping = process.argv.some((a) => a === '-h' || a === '--help');
const early = (command === 'check' || command === 'batch') && !helping ? await import('../pdf/pool.js') : undefined;
// `batch`: as many workers as it will ask for, loading the core to check whole dossiers.
if (command === 'batch') early?.startEarly(concurrencyAsked(process.argv.slice(3)) ?? availableParallelism(), true);
else early?.startEarly(1);
const { main } = await import('./main.js');

/** `-j n`, `-jn`, `--concurrency n` or `--concurrency=n` as written, before commander reads it (the command checks it). */
function concurrencyAsked(args: readonly string[]): number | undefined {
  let value: string | undefined;
  args.forEach((a, i) => {
    if (a === '-j' || a === '--concurrency') value = args[i + 1];
    else if (a.startsWith('--concurrency=')) value = a.slice('--concurrency='.length);
    else if (/^-j\d/.test(a)) value = a.slice(2);
  });
  return threadsAsked(value);
}

// The reader of stdout went away (`dossier batch … | head`): stop quietly with 141, the
// status of a Unix tool killed by SIGPIPE, rather than die on an unhandled EPIPE with a stack
// trace. Workers are threads of this process: they end too.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(141);
  throw err;
});

// Interrupted while loading: nothing was done, and nothing is written.
process.exitCode = interrupt.signal.aborted
  ? 130
  : await main(process.argv.slice(2), {
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
      cwd: process.cwd(),
      signal: interrupt.signal,
    });
// A usage error, for one, ends the command before it takes its workers: they must not keep
// the process alive.
await early?.closeEarly();
