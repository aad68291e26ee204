// `dossier check <dir...>`: each folder is one candidate's dossier.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { DEFAULT_FILE_TIMEOUT_MS } from '../pdf/types.js';
import type { Report } from '../report/model.js';
import { FORMATS, type FormatName } from '../report/formatters/names.js';
import { ansi, plain } from '../report/highlight.js';
import type { Profile } from '../profile/schema.js';
import { formatOptions } from '../report/localize.js';
import type { Translate } from '../i18n/help.js';
import { colorLevel } from './color.js';
import { withLeanHeap } from '../lean-heap.js';
import { exitOf, Interrupted, UsageError, type Io } from './io.js';
import { asLang, emit, langOption, outputOption, parseAsOf, profileOption, refuseOutputInside, requireDirectories, requireProfile } from './options.js';

export interface ReportOptions {
  profile: string;
  format: FormatName;
  output?: string;
  asOf?: string;
  lang: string;
  color?: boolean;
  quiet?: boolean;
  content?: boolean;
  fileTimeout?: string;
  csvDelimiter?: ',' | ';';
}

export function addReportOptions(cmd: Command, t: Translate): Command {
  return cmd
    .addOption(profileOption(t))
    .addOption(new Option('-f, --format <format>', t('report format')).choices(FORMATS).default('text'))
    .addOption(outputOption(t))
    .addOption(new Option('--as-of <date>', t('date at which ages and dates are judged, YYYY-MM-DD (default: today)')))
    .addOption(langOption(t))
    .option('--no-color', t('no colour in the text report'))
    .option('-q, --quiet', t('text report: show only dossiers with something to fix'))
    .option('--no-content', t('do not look inside the documents (blank pages, ID card sides, form fields, duplicates): names and page counts only, several times faster'))
    .addOption(new Option('--file-timeout <seconds>', t('time limit to analyse one file')).default(String(DEFAULT_FILE_TIMEOUT_MS / 1000)))
    .addOption(new Option('--csv-delimiter <char>', t("csv report: field separator, ',' or ';' (French Excel)")).argParser(parseCsvDelimiter));
}

export function parseCsvDelimiter(value: string): ',' | ';' {
  const v = value.trim().toLowerCase();
  if (v === ',' || v === 'comma') return ',';
  if (v === ';' || v === 'semicolon') return ';';
  throw new UsageError((w) => w.badCsvDelimiter(value));
}

export function checkCommand(io: Io, setExit: (code: number) => void, t: Translate): Command {
  return addReportOptions(new Command('check'), t)
    .description(t("check candidates' folders: documents present and valid, eligibility"))
    .argument('<dir...>', t('candidate folders (one dossier each)'))
    .action(async (dirs: string[], opts: ReportOptions) => {
      // The workers start loading pdf.js now, while this thread reads the profile and checks
      // the options (for one dossier, that overlap is a quarter of the run); a mistake closes
      // them again.
      const { createInspector } = await import('../pdf/pool.js');
      // One worker per dossier at most: a second would only load pdf.js for nothing.
      const inspector = createInspector({ concurrency: Math.min(availableParallelism(), dirs.length) });
      // Ctrl+C: stop the workers now rather than after the file in hand.
      const onAbort = () => void inspector.close();
      io.signal?.addEventListener('abort', onAbort, { once: true });
      // The main thread's heap kept from growing with the folders, until the report is written.
      const report = await withLeanHeap(async (heap) => {
        let report: Report;
        let profile: Profile;
        let paths: string[];
        try {
          profile = await requireProfile(opts.profile, io);
          const settings = settingsFrom(opts, profile);
          paths = await requireDirectories(dirs, io);
          await refuseOutputInside(opts.output, io, paths);
          // Paths shown as the user wrote them.
          const read = paths.map((p) => resolve(io.cwd, p));
          // The core (matching, declarations, rules) is loaded with the first dossier, while its
          // worker is still starting.
          const { checkDossiers } = await import('../check-many.js');
          const onProgress = (done: number) => heap.done(done);
          report = await checkDossiers(read, { ...settings, profile, onProgress, ...(io.signal ? { signal: io.signal } : {}) }, inspector, [], paths);
        } finally {
          io.signal?.removeEventListener('abort', onAbort);
          await inspector.close();
        }
        // Interrupted (Ctrl+C): no partial report on stdout.
        if (io.signal?.aborted) throw new Interrupted();
        await emit(await render(report, opts, profile, io), opts.output, io, paths, opts.format);
        return report;
      });
      setExit(exitOf(report));
    });
}

export function settingsFrom(opts: ReportOptions, profile: Profile) {
  const seconds = Number(opts.fileTimeout ?? DEFAULT_FILE_TIMEOUT_MS / 1000);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError((w) => w.badSeconds('--file-timeout', String(opts.fileTimeout)));
  return { asOf: parseAsOf(opts.asOf, profile.timezone), fileTimeoutMs: Math.round(seconds * 1000), content: opts.content !== false };
}

/**
 * The report in the format asked for. The formatters are loaded here, not with the CLI: a
 * fifth of its modules, ≈ 18 ms before a batch could hand out its first dossier (measured),
 * and `batch --format json` needs none of them (src/cli/batch.ts).
 */
export async function render(report: Report, opts: ReportOptions & { compact?: boolean }, profile: Profile, io: Io): Promise<Iterable<string>> {
  const { formatReportChunks } = await import('../report/formatters/index.js');
  // Colour only ever goes to a terminal we write to, never into a file.
  const level = opts.output === undefined ? colorLevel({ flag: opts.color, env: io.env, isTTY: io.stdout.isTTY === true }) : 0;
  return formatReportChunks(opts.format, report, {
    ...formatOptions(profile, asLang(opts.lang)),
    highlighter: level === 0 ? plain : ansi(level),
    quiet: opts.quiet === true,
    compact: opts.compact === true,
    ...(opts.csvDelimiter ? { csvDelimiter: opts.csvDelimiter } : {}),
  });
}
