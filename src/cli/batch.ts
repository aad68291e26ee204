// `dossier batch <root>`: every sub-folder of <root> is a dossier. Built for thousands of
// folders: work streams through the worker pool, only verdicts are kept, output order is
// stable, progress goes to stderr for a person watching, Ctrl+C stops cleanly.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { stat } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { inShard, listDossiers, parseShard } from '../dossier/root.js';
import type { JsonReport, Report } from '../report/model.js';
import { formatJsonReportChunks } from '../report/formatters/json.js';
import { formatOptions } from '../report/localize.js';
import { addReportOptions, render, settingsFrom, type ReportOptions } from './check.js';
import { exitOf, Interrupted, UsageError, type Io } from './io.js';
import { asLang, emit, refuseOutputInside, requireProfile } from './options.js';
import { startProgress } from './progress.js';
import { threadsAsked } from './concurrency.js';
import { withLeanHeap } from '../lean-heap.js';
import type { Translate } from '../i18n/help.js';

interface BatchOptions extends ReportOptions {
  concurrency?: string;
  shard?: string;
}

export function batchCommand(io: Io, setExit: (code: number) => void, t: Translate): Command {
  return addReportOptions(new Command('batch'), t)
    .description(t('check every sub-folder of <root> as one dossier (HR exports)'))
    .argument('<root>', t('folder whose sub-folders are the dossiers'))
    .addOption(new Option('-j, --concurrency <n>', t('PDF worker threads')).default(String(availableParallelism()), t('available cores')))
    .addOption(new Option('--shard <k/n>', t('check only the k-th of n deterministic shares of the dossiers')))
    .action(async (root: string, opts: BatchOptions) => {
      const profile = await requireProfile(opts.profile, io);
      const settings = settingsFrom(opts, profile);
      const concurrency = threadsAsked(opts.concurrency ?? String(availableParallelism()));
      if (concurrency === undefined) throw new UsageError((w) => w.badConcurrency(String(opts.concurrency)));
      const shard = opts.shard === undefined ? undefined : parseShard(opts.shard);
      if (opts.shard !== undefined && !shard) throw new UsageError((w) => w.badShard(String(opts.shard)));
      const st = await stat(resolve(io.cwd, root)).catch(() => undefined);
      if (!st) throw new UsageError((w) => w.noSuchFolder(root, 'root'));
      if (!st.isDirectory()) throw new UsageError((w) => w.notAFolder(root, 'root'));

      await refuseOutputInside(opts.output, io, [root]);
      // The main thread's heap kept from growing with the dossiers, from their listing until
      // the report is written: listing 4,000 folders doubled its young generation, which then
      // stayed so (peak RSS 5 MB higher than for 1,000, README Performance).
      const report = await withLeanHeap(async (heap) => {
        // Report paths as the user wrote them, relative to <root>'s spelling ("/" stays "/").
        const base = root.replace(/\/+$/, '');
        const listing = await listDossiers(resolve(io.cwd, root), base || '/');
        const chosen = shard ? listing.dirs.filter((d) => inShard(d.name, shard.k, shard.n)) : listing.dirs;
        const dirs = chosen.map((d) => `${base}/${d.name}`);

        const progress = await startProgress(io, opts.format === 'text' && !opts.quiet, dirs.length, asLang(opts.lang));
        const { createInspector } = await import('../pdf/pool.js');
        // The workers hold the profile and check whole dossiers (src/check-worker.ts).
        const inspector = createInspector({ concurrency, profile });
        const onAbort = () => void inspector.close();
        io.signal?.addEventListener('abort', onAbort, { once: true });
        let report: Report | JsonReport;
        try {
          const many = await import('../check-many.js');
          const paths = chosen.map((d) => (typeof d.path === 'string' ? resolve(io.cwd, d.path) : d.path));
          const batchSettings = {
            ...settings,
            profile,
            dossierConcurrency: concurrency * 4,
            onProgress: (done: number, total: number) => {
              progress.update(done, total);
              heap.done(done);
            },
            ...(io.signal ? { signal: io.signal } : {}),
          };
          // A JSON report's dossiers are written by the workers, in parallel, as they are
          // checked: after the last one, only copying them is left (README Performance).
          report =
            opts.format === 'json'
              ? await many.checkDossiersToJson(paths, { ...batchSettings, jsonLang: asLang(opts.lang) }, inspector, listing.problems, dirs)
              : await many.checkDossiers(paths, batchSettings, inspector, listing.problems, dirs);
        } catch (err) {
          await inspector.close();
          throw err;
        } finally {
          progress.stop();
          io.signal?.removeEventListener('abort', onAbort);
        }
        // The workers are done: they end while the report is written (a few tens of ms).
        const closing = inspector.close();
        try {
          // Interrupted: no partial report on stdout.
          if (io.signal?.aborted) throw new Interrupted();
          // Never inside <root>: not in a dossier of another shard, nor beside the dossiers, where
          // the next run would take a new folder for a dossier.
          const text = 'json' in report ? formatJsonReportChunks(report, formatOptions(profile, asLang(opts.lang))) : await render(report, { ...opts, compact: true }, profile, io);
          await emit(text, opts.output, io, [root], opts.format);
        } finally {
          await closing;
        }
        return report;
      });
      setExit(exitOf(report));
    });
}
