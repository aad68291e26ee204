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
import { SCHEMA_VERSION, summarize, type DossierResult, type Report } from './report/model.js';
import { pack, packedDossiers } from './report/packed.js';
import { shownPath } from './fs-text.js';
import { leanHeap } from './lean-heap.js';
import { verdictStore } from './report/verdict-store.js';
import { extend } from './extend.js';

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
  const avoid = dirs.filter((d): d is string => typeof d === 'string');
  const packed = verdictStore(dirs.length, { avoid });
  // For a JSON report: each dossier as that report writes it, where it was checked.
  const { jsonLang } = settings;
  const written = jsonLang ? { lang: jsonLang, store: verdictStore(dirs.length, { avoid }) } : undefined;
  let writeHere: ((d: DossierResult) => string) | undefined;
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
    ...(jsonLang ? { jsonLang } : {}),
  };
  const lane = async () => {
    while (next < dirs.length && !settings.signal?.aborted) {
      const i = next++;
      const path = shown[i] ?? shownPath(dirs[i]!);
      const there = runner ? await runner.check(extend(task, { dir: dirs[i]!, shown: path })) : undefined;
      let here: DossierResult | undefined;
      if (there && 'packed' in there) {
        packed.put(i, there.packed);
        if (written && there.json !== undefined) written.store.put(i, Buffer.from(there.json, 'utf8'));
        verdicts[i] = { complete: there.complete, eligibility: there.eligibility, accepted: there.accepted };
      } else {
        const { checkDossier } = await import('./check.js');
        here = { ...(await checkDossier(dirs[i]!, settings, there?.retry ?? inspector)), path };
        packed.put(i, pack(here));
        verdicts[i] = { complete: here.complete, eligibility: here.eligibility, accepted: here.accepted };
      }
      // Checked here (no worker holds the profile, or its worker died on a file): written here.
      if (written && !written.store.has(i)) {
        writeHere ??= (await import('./report/formatters/json.js')).formatJsonDossier(settings.profile, written.lang);
        const d = here ?? packedDossiers({ length: 1, at: () => packed.at(i) }, settings.profile)[0]!;
        written.store.put(i, Buffer.from(writeHere(d), 'utf8'));
      }
      settings.onProgress?.(++done, dirs.length);
      heap.done(done);
    }
  };
  const heap = leanHeap();
  try {
    await Promise.all(Array.from({ length: Math.min(limit, dirs.length) }, lane));
  } finally {
    heap.end();
  }
  // Interrupted: the dossiers never started are left out.
  const finished = verdicts.flatMap((_, i) => (packed.has(i) ? [i] : []));
  const all = finished.length === dirs.length;
  return {
    schemaVersion: SCHEMA_VERSION,
    profile: { id: settings.profile.id, title: settings.profile.title },
    asOf: settings.asOf,
    summary: summarize(finished.map((i) => verdicts[i]!)),
    dossiers: packedDossiers(all ? packed : { length: finished.length, at: (k) => packed.at(finished[k]!) }, settings.profile),
    problems: rootProblems,
    ...(written ? { json: { lang: written.lang, at: (k: number) => written.store.at(all ? k : finished[k]!)!.toString('utf8') } } : {}),
  };
}
