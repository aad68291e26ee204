// What the CLI needs from the outside world, passed in so tests can run it in-process.
import type { Lang } from '../i18n/messages.js';
import type { Finding } from '../findings.js';
import type { Summary } from '../report/model.js';
import { USAGE, type UsageWords } from '../i18n/usage.js';

export interface Io {
  readonly stdout: { write(s: string | Buffer): unknown; isTTY?: boolean };
  readonly stderr: { write(s: string): unknown; isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** Aborted on Ctrl+C: long commands stop their workers and print no partial report. */
  readonly signal?: AbortSignal;
}

/** Documented exit codes. */
export const EXIT = { ok: 0, problems: 1, usage: 2, interrupted: 130 } as const;

/**
 * A report's exit code: 0 only when every dossier is accepted and the run itself has no error
 * (a batch root it could not list is an error of the report, with no dossier in it: a CI job
 * must not pass on it).
 */
export function exitOf(report: {
  readonly summary: Pick<Summary, 'accepted' | 'dossiers'>;
  // The model's findings, or a merged report's as read from JSON (codes as plain strings).
  readonly problems: readonly Pick<Finding, 'severity'>[];
}): number {
  const runFailed = report.problems.some((p) => p.severity === 'error');
  return report.summary.accepted === report.summary.dossiers && !runFailed ? EXIT.ok : EXIT.problems;
}

/**
 * A usage or configuration mistake: exit 2. Written in the command line's language
 * (src/i18n/usage.ts); a plain string is a sentence already in that language. The message
 * is the English text, for logs and tests that catch the error in-process.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(private readonly words: string | ((w: UsageWords) => string)) {
    super(typeof words === 'string' ? words : words(USAGE.en));
  }

  say(lang: Lang): string {
    return typeof this.words === 'string' ? this.words : this.words(USAGE[lang]);
  }
}

/** The run was interrupted (Ctrl+C): exit 130, nothing on stdout. */
export class Interrupted extends Error {
  override readonly name = 'Interrupted';
}
