// Progress on stderr, only for a person watching: never when stderr is not a terminal, when
// CI is set, or for quiet and machine formats. Nothing here ever touches stdout.
import type { Io } from './io.js';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

const silent: Progress = { update: () => undefined, stop: () => undefined };

export async function startProgress(io: Io, wanted: boolean, total: number, lang: 'fr' | 'en'): Promise<Progress> {
  if (!wanted || io.stderr.isTTY !== true || io.env.CI || total === 0) return silent;
  // A terminal that reports no width (a pseudo-terminal nobody sized, as `script` makes without
  // a terminal of its own): the spinner would count the lines to clear by dividing by it, and
  // clear lines without end (gigabytes of escape codes, seen). No spinner there.
  const columns = (io.stderr as { columns?: unknown }).columns;
  if (typeof columns !== 'number' || !(columns > 0)) return silent;
  const { default: ora } = await import('ora');
  const started = Date.now();
  // Enabled here, not by ora's own look at this process's environment: the decision above is
  // made on the streams and environment the command was given.
  const spinner = ora({ stream: io.stderr as NodeJS.WritableStream, text: `0/${total} dossiers`, discardStdin: false, isEnabled: true }).start();
  return {
    update(done, n) {
      const seconds = (Date.now() - started) / 1000;
      const rate = seconds > 0 ? done / seconds : 0;
      const left = rate > 0 ? Math.ceil((n - done) / rate) : undefined;
      const eta = left === undefined ? '' : lang === 'fr' ? ` · reste ~${fmt(left)}` : ` · ~${fmt(left)} left`;
      spinner.text = `${done}/${n} dossiers · ${rate.toFixed(1)}/s${eta}`;
    },
    stop() {
      spinner.stop();
    },
  };
}

const fmt = (s: number) => (s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`);
