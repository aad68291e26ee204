// Many dossiers at once, for `batch` and `check` of several folders: a bounded number in
// flight, results in the order given, each kept packed. Where the workers hold the profile
// (Inspector.dossiers), a dossier is checked whole in one of them and this thread only keeps
// its verdict; the core (src/check.ts: matching, declarations, rules) is loaded here only for
// a dossier checked on this thread, which spared the batch a fifth of a second of module
// loading before its first dossier (measured on the benchmark, when the core still loaded the
// YAML parser and the schemas).
import type { Finding } from './findings.js';
import type { CheckSettings } from './check.js';
import type { Inspector } from './pdf/pool.js';
import { DEFAULT_FILE_TIMEOUT_MS } from './pdf/types.js';
import { SCHEMA_VERSION, summarize, type DossierResult, type JsonReport, type Report } from './report/model.js';
import { pack, packedDossiers } from './report/packed.js';
import { shownPath } from './fs-text.js';
import { profileDigest } from './profile/digest.js';
import { verdictStore } from './report/verdict-store.js';
import { extend } from './extend.js';
import type { DossierAnswer } from './check-worker.js';
import type { Lang } from './i18n/messages.js';

/**
 * Check many dossiers with a bounded number in flight; results keep the order of `dirs`, and
 * each is kept packed (src/report/packed.ts), in a temporary file when they are many
 * (src/report/verdict-store.ts): memory does not grow with the number of dossiers.
 * `shown`: the path each dossier is reported under (default: the path read).
 */
export async function checkDossiers(
  dirs: readonly (string | Buffer)[],
  settings: CheckSettings,
  inspector: Inspector,
  rootProblems: readonly Finding[] = [],
  shown: readonly string[] = dirs.map(shownPath),
): Promise<Report> {
  const packed = verdictStore(dirs.length, { avoid: plainPaths(dirs) });
  const run = await checkEach(dirs, settings, inspector, shown, {
    has: (i) => packed.has(i),
    answered: (i, answer) => packed.put(i, 'packed' in answer ? answer.packed : mismatch()),
    checkedHere: (i, d) => packed.put(i, pack(d)),
  });
  const { finished, all } = run;
  return {
    ...reportHead(settings, run.summary, rootProblems),
    dossiers: packedDossiers(all ? packed : { length: finished.length, at: (k) => packed.at(finished[k]!) }, settings.profile),
  };
}

/**
 * The same, for a report wanted as JSON in `jsonLang` only: each dossier is written as that
 * report writes it where it is checked (in the workers, in parallel), and only those bytes are
 * kept, in the same kind of store. No model is packed: nobody would read it.
 */
export async function checkDossiersToJson(
  dirs: readonly (string | Buffer)[],
  settings: CheckSettings & { readonly jsonLang: Lang },
  inspector: Inspector,
  rootProblems: readonly Finding[] = [],
  shown: readonly string[] = dirs.map(shownPath),
): Promise<JsonReport> {
  const lang = settings.jsonLang;
  const written = verdictStore(dirs.length, { avoid: plainPaths(dirs) });
  let writeHere: ((d: DossierResult) => string) | undefined;
  const run = await checkEach(dirs, settings, inspector, shown, {
    jsonLang: lang,
    has: (i) => written.has(i),
    answered: (i, answer) => written.put(i, 'json' in answer ? answer.json : mismatch()),
    // Checked here (no worker holds the profile, or its worker died on a file): written here.
    checkedHere: async (i, d) => {
      writeHere ??= (await import('./report/formatters/json.js')).formatJsonDossier(settings.profile, lang);
      written.put(i, Buffer.from(writeHere(d), 'utf8'));
    },
  });
  const { finished, all } = run;
  return {
    ...reportHead(settings, run.summary, rootProblems),
    dossierCount: finished.length,
    json: { lang, at: (k) => written.at(all ? k : finished[k]!)! },
  };
}

/** Where each dossier's verdict goes: as the worker answered it, or checked on this thread. */
interface Keeper {
  /** The workers answer with the dossier as the JSON report in this language writes it, not packed. */
  readonly jsonLang?: Lang;
  has(i: number): boolean;
  answered(i: number, answer: DossierAnswer): void;
  checkedHere(i: number, d: DossierResult): void | Promise<void>;
}

/** Every dossier checked, each kept by `keep`; the indices finished (all, unless interrupted). */
async function checkEach(
  dirs: readonly (string | Buffer)[],
  settings: CheckSettings,
  inspector: Inspector,
  shown: readonly string[],
  keep: Keeper,
): Promise<{ finished: number[]; all: boolean; summary: Report['summary'] }> {
  const verdicts: Pick<DossierResult, 'complete' | 'eligibility' | 'accepted'>[] = new Array(dirs.length);
  const limit = Math.max(1, settings.dossierConcurrency ?? 8);
  let next = 0;
  let done = 0;
  // Whole dossiers in the workers when they hold this very profile; else here, their files
  // in the workers. A dossier whose worker died or ran out of time on a file is checked here.
  const runner = inspector.dossiers?.profile === settings.profile ? inspector.dossiers : undefined;
  const task = {
    asOf: settings.asOf,
    fileTimeoutMs: settings.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS,
    content: settings.content !== false,
    ...(keep.jsonLang ? { jsonLang: keep.jsonLang } : {}),
  };
  // Whole dossiers in the workers go a few to a task once there are enough to keep every
  // lane busy (groupSize); one at a time here.
  const size = runner ? groupSize(dirs.length, limit) : 1;
  const path = (i: number) => shown[i] ?? shownPath(dirs[i]!);
  const lane = async () => {
    while (next < dirs.length && !settings.signal?.aborted) {
      const first = next;
      next = Math.min(dirs.length, first + size);
      const group = Array.from({ length: next - first }, (_, k) => first + k);
      const there = runner ? await runner.check(extend(task, { dossiers: group.map((i) => ({ dir: dirs[i]!, shown: path(i) })) })) : [];
      for (const [k, i] of group.entries()) {
        const answer = there[k];
        let verdict: Pick<DossierResult, 'complete' | 'eligibility' | 'accepted'>;
        if (answer && !('retry' in answer)) {
          keep.answered(i, answer);
          verdict = answer;
        } else {
          // Interrupted: a dossier its worker did not answer is left out, as one never started.
          if (settings.signal?.aborted) continue;
          const { checkDossier } = await import('./check.js');
          const here = { ...(await checkDossier(dirs[i]!, settings, answer?.retry ?? inspector)), path: path(i) };
          await keep.checkedHere(i, here);
          verdict = here;
        }
        verdicts[i] = { complete: verdict.complete, eligibility: verdict.eligibility, accepted: verdict.accepted };
        settings.onProgress?.(++done, dirs.length);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, dirs.length) }, lane));
  // Interrupted: the dossiers never started are left out.
  const finished = verdicts.flatMap((_, i) => (keep.has(i) ? [i] : []));
  return { finished, all: finished.length === dirs.length, summary: summarize(finished.map((i) => verdicts[i]!)) };
}

/**
 * Dossiers per task for the workers: up to GROUP_MAX, and fewer when there are not enough to
 * give every lane four tasks, so that a few dossiers still spread over every worker. One
 * dossier a task cost the main thread about 0.2 ms each in piscina's and this module's
 * bookkeeping, and woke it once per dossier, taking a core from a worker each time: on the
 * benchmark's 1,000 dossiers, eight a task took 9 % less CPU and 8 % less wall time (ten
 * alternate pairs of runs, all ten with less CPU); four a task, 5 %.
 */
function groupSize(dossiers: number, lanes: number): number {
  return Math.max(1, Math.min(GROUP_MAX, Math.floor(dossiers / (lanes * 4))));
}
const GROUP_MAX = 8;

const reportHead = (settings: CheckSettings, summary: Report['summary'], problems: readonly Finding[]): Omit<Report, 'dossiers'> => ({
  schemaVersion: SCHEMA_VERSION,
  profile: { id: settings.profile.id, title: settings.profile.title, sha256: profileDigest(settings.profile) },
  asOf: settings.asOf,
  summary,
  problems,
});

const plainPaths = (dirs: readonly (string | Buffer)[]) => dirs.filter((d): d is string => typeof d === 'string');

/** A worker answered in the other form than the task asked: a bug, said as one. */
const mismatch = (): never => {
  throw new Error('a worker answered a dossier in another form than asked (packed verdict or JSON)');
};
