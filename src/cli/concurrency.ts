// `batch -j <n>` read from its text: by the command, and by the entry point (src/cli/run.ts),
// which starts the workers before the command line is parsed and must guess as many. Its own
// module, so that the entry point loads nothing else to read it.

/** Worker threads asked for, when `text` is a whole number from 1 to MAX_THREADS; else undefined. */
export function threadsAsked(text: string | undefined): number | undefined {
  const n = Number(text);
  return text !== undefined && Number.isInteger(n) && n >= 1 && n <= MAX_THREADS ? n : undefined;
}

const MAX_THREADS = 256;
