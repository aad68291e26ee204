// What the CLI needs from the outside world, passed in so tests can run it in-process.
export interface Io {
  readonly stdout: { write(s: string): unknown; isTTY?: boolean };
  readonly stderr: { write(s: string): unknown; isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** Aborted on Ctrl+C: long commands stop their workers and print no partial report. */
  readonly signal?: AbortSignal;
}

/** Documented exit codes. */
export const EXIT = { ok: 0, problems: 1, usage: 2, interrupted: 130 } as const;

/** A usage or configuration mistake: printed as is on stderr, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The run was interrupted (Ctrl+C): exit 130, nothing on stdout. */
export class Interrupted extends Error {
  override readonly name = 'Interrupted';
}
