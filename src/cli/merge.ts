// `dossier merge <report.json...>`: one report from the shards of a batch (`--shard k/n`).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { FORMATS, type FormatName } from '../report/formatters/names.js';
import { ansi, plain } from '../report/highlight.js';
import { parseCsvDelimiter } from './check.js';
import { colorLevel } from './color.js';
import { exitOf, UsageError, type Io } from './io.js';
import { emit, outputOption } from './options.js';
import { LANGS } from '../i18n/messages.js';
import type { Translate } from '../i18n/help.js';

interface MergeOptions {
  format: FormatName;
  output?: string;
  color?: boolean;
  quiet?: boolean;
  csvDelimiter?: ',' | ';';
}

export function mergeCommand(io: Io, setExit: (code: number) => void, t: Translate): Command {
  return new Command('merge')
    .description(t('combine JSON reports of shards (batch --shard k/n --format json) into one report'))
    .argument('<report...>', t('JSON reports made with the same profile, --as-of and --lang'))
    .addOption(new Option('-f, --format <format>', t('report format')).choices(FORMATS).default('text'))
    .addOption(outputOption(t))
    .option('--no-color', t('no colour in the text report'))
    .option('-q, --quiet', t('text report: show only dossiers with something to fix'))
    .addOption(new Option('--lang <lang>', t('language of error messages (fr, en); the report keeps the language it was made in')).choices(LANGS).default('fr'))
    .addOption(new Option('--csv-delimiter <char>', t("csv report: field separator, ',' or ';' (French Excel)")).argParser(parseCsvDelimiter))
    .action(async (files: string[], opts: MergeOptions) => {
      const inputs = [];
      for (const file of files) {
        let json: unknown;
        try {
          json = JSON.parse(await readFile(resolve(io.cwd, file), 'utf8'));
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          throw new UsageError((w) => (code ? w.reportUnreadable(file, code) : w.notJson(file, (err as Error).message)));
        }
        inputs.push({ file, json });
      }
      const { mergeReports } = await import('../report/merge.js');
      const merged = mergeReports(inputs);
      if (!merged.ok) {
        const refusal = merged.error;
        throw new UsageError((w) => w.mergeRefused(refusal));
      }
      const level = opts.output === undefined ? colorLevel({ flag: opts.color, env: io.env, isTTY: io.stdout.isTTY === true }) : 0;
      const { formatReportChunks } = await import('../report/formatters/index.js');
      const text = formatReportChunks(opts.format, merged.report, {
        lang: merged.report.lang,
        highlighter: level === 0 ? plain : ansi(level),
        quiet: opts.quiet === true,
        compact: true,
        ...(opts.csvDelimiter ? { csvDelimiter: opts.csvDelimiter } : {}),
      });
      await emit(text, opts.output, io, [], opts.format);
      setExit(exitOf(merged.report));
    });
}
