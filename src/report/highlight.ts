// One message, several media: a highlighter decides how emphasis is drawn (ANSI colour, plain
// text, HTML), so formatters never test for colour themselves.
import { Chalk, type ChalkInstance } from 'chalk';

export interface Highlighter {
  ok(s: string): string;
  bad(s: string): string;
  warn(s: string): string;
  dim(s: string): string;
  strong(s: string): string;
}

export const plain: Highlighter = { ok: id, bad: id, warn: id, dim: id, strong: id };

export function ansi(level: 1 | 2 | 3): Highlighter {
  const c: ChalkInstance = new Chalk({ level });
  return { ok: c.green, bad: c.red, warn: c.yellow, dim: c.dim, strong: c.bold };
}

function id(s: string): string {
  return s;
}
