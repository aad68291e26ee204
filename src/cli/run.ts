// Entry point of the built binary (bin/dossier.js imports this file).

// `check` of one dossier waits on its worker starting (a thread, its modules; pdf.js too when
// a file needs it): the worker starts first, and the CLI's modules (imported below, not
// statically) and the profile load meanwhile (README Performance). One worker: a check of
// several dossiers asks for more, and these are closed.
const early = process.argv[2] === 'check' && !process.argv.some((a) => a === '-h' || a === '--help') ? await import('../pdf/pool.js') : undefined;
early?.startEarly(1);
const { main } = await import('./main.js');

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
// A usage error, for one, ends the command before it takes its workers: they must not keep
// the process alive.
await early?.closeEarly();
