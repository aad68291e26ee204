// Colour is decided once, here, and handed to everything that prints. chalk alone ignores
// NO_COLOR, so the decision is ours: --no-color, then NO_COLOR (any non-empty value), then
// FORCE_COLOR, then whether the stream is a terminal.
export type ColorLevel = 0 | 1 | 2 | 3;

export function colorLevel(opts: { flag: boolean | undefined; env: NodeJS.ProcessEnv; isTTY: boolean }): ColorLevel {
  if (opts.flag === false) return 0;
  if (opts.env.NO_COLOR) return 0;
  const force = opts.env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2') return 2;
    if (force === '3') return 3;
    return 1;
  }
  if (!opts.isTTY || opts.env.TERM === 'dumb') return 0;
  return opts.env.COLORTERM === 'truecolor' ? 3 : 1;
}
