// Whole dossiers checked inside a worker thread of the pool (src/pdf/pool.ts, Inspector.dossiers),
// a few per task: the same core as on the main thread (src/check.ts), with each dossier's files
// inspected right here, one after the other, under the pool's clock. What goes back for each
// is the verdict packed (src/report/packed.ts), or, for a report wanted as JSON only, the
// dossier as that report writes it, and the three answers the summary counts: a few
// kilobytes, where the files' inspections and the declaration used to cross to the main
// thread and be judged there. A file that runs out of time or kills this thread is the pool's
// to handle: the clock tells it which dossier and which file it was; the main thread checks
// that dossier itself without reading the file again, and the task's others are checked again
// in the workers.
import { workerData } from 'node:worker_threads';
import { checkDossier } from './check.js';
import { shownPath } from './fs-text.js';
import { fsPath } from './fs-read.js';
import { clock, inspect } from './pdf/worker.js';
import { dossierStarted } from './pdf/clock.js';
import { inspectTask } from './pdf/task.js';
import { pack } from './report/packed.js';
import { inspectorOf, type Inspector } from './pdf/inspector.js';
import type { Lang } from './i18n/messages.js';
import type { Profile } from './profile/schema.js';
import type { DossierResult } from './report/model.js';

/** One dossier of a task. */
export interface DossierRef {
  /** A string, or the folder name's bytes when it is not UTF-8 (they arrive as a Uint8Array). */
  readonly dir: string | Uint8Array;
  /** The path the report shows for it. */
  readonly shown: string;
}

/**
 * Dossiers checked one after the other in one task: one message each way for the lot
 * (src/check-many.ts says how many). Per dossier, the pool's messages and the main thread's
 * waking up cost more than its matching and rules.
 */
export interface DossierTask {
  readonly dossiers: readonly DossierRef[];
  /** This task's place in the pool's shared clock (src/pdf/clock.ts). */
  readonly slot: number;
  readonly asOf: string;
  readonly fileTimeoutMs: number;
  readonly content: boolean;
  /** Answer with each dossier as the JSON report in this language writes it, instead of the packed result. */
  readonly jsonLang?: Lang;
}

export type DossierAnswer = Pick<DossierResult, 'complete' | 'eligibility' | 'accepted'> &
  (
    | {
        /** The whole result, packed (src/report/packed.ts). */
        readonly packed: Uint8Array;
      }
    | {
        /** The dossier as the JSON report writes it, in UTF-8 (DossierTask.jsonLang). */
        readonly json: Uint8Array;
      }
  );

const data = workerData as { profile?: Profile; profileBox?: SharedArrayBuffer } | null;
let given = data?.profile;

/** The profile, given when this worker started, or written since into its box (src/pdf/pool.ts). */
function profileOf(): Profile {
  if (given) return given;
  const length = data?.profileBox ? Atomics.load(new Int32Array(data.profileBox, 0, 1), 0) : 0;
  if (length === 0) throw new Error('this worker was given no profile');
  given = JSON.parse(Buffer.from(data!.profileBox!, 4, length).toString('utf8')) as Profile;
  return given;
}

/**
 * The task's dossiers, answered in its order. The clock says which dossier is being checked,
 * so that when a file kills this thread or runs out of time the pool knows whose file it was,
 * and has the task's other dossiers checked again (src/pdf/pool.ts).
 */
export async function checkInWorker(task: DossierTask): Promise<DossierAnswer[]> {
  const profile = profileOf();
  const answers: DossierAnswer[] = [];
  for (const [k, dossier] of task.dossiers.entries()) {
    if (clock) dossierStarted(clock, task.slot, k);
    answers.push(await checkOne(task, dossier, profile));
  }
  return answers;
}

async function checkOne(task: DossierTask, dossier: DossierRef, profile: Profile): Promise<DossierAnswer> {
  // The dossier's files are numbered across its inspections, as the pool's clock reads them.
  let next = 0;
  const inspectAll: Inspector['inspectAll'] = async (files) => {
    const first = next;
    next += files.length;
    const found = await inspect({ files: files.map((f) => inspectTask(f.path, f.limits)), slot: task.slot, first });
    return found.map((r, i) => ({ path: shownPath(files[i]!.path), ...r }));
  };
  const here = inspectorOf(inspectAll, async () => undefined);
  const result = await checkDossier(fsPath(dossier.dir), { profile, asOf: task.asOf, fileTimeoutMs: task.fileTimeoutMs, content: task.content }, here);
  const shown = { ...result, path: dossier.shown };
  const { complete, eligibility, accepted } = result;
  if (task.jsonLang) return { json: utf8.encode((await jsonWriter(task.jsonLang, profile))(shown)), complete, eligibility, accepted };
  return { packed: pack(shown), complete, eligibility, accepted };
}

// Bytes of their own (not a slice of a shared pool, which would travel whole).
const utf8 = new TextEncoder();

// The JSON formatter and the messages are loaded with the first dossier that asks for them,
// not with the worker: a `check`, or a batch in another format, never needs them here.
let writer: { readonly lang: Lang; readonly profile: Profile; readonly write: (d: DossierResult) => string } | undefined;
async function jsonWriter(lang: Lang, profile: Profile): Promise<(d: DossierResult) => string> {
  if (writer?.lang !== lang || writer.profile !== profile) {
    const { formatJsonDossier } = await import('./report/formatters/json.js');
    writer = { lang, profile, write: formatJsonDossier(profile, lang) };
  }
  return writer.write;
}
