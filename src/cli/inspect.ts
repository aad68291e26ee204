// `dossier inspect <file...>`: what the tool knows about each file as a PDF.
import { realpath, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { render as renderFinding, typeName } from '../i18n/messages.js';
import type { FileInspection } from '../pdf/types.js';
import { ansi, plain } from '../report/highlight.js';
import { displayName } from '../report/formatters/safe-text.js';
import { colorLevel } from './color.js';
import { EXIT, UsageError, type Io } from './io.js';
import { asLang, emit, langOption, outputOption } from './options.js';
import { DEFAULT_FILE_TIMEOUT_MS } from '../pdf/types.js';
import type { Translate } from '../i18n/help.js';

interface InspectOptions {
  format: 'text' | 'json';
  output?: string;
  lang: string;
  color?: boolean;
  maxSize: string;
  fileTimeout: string;
}

export function inspectCommand(io: Io, setExit: (code: number) => void, t: Translate): Command {
  return new Command('inspect')
    .description(t('show what the tool reads in each file: type, PDF validity, pages, encryption'))
    .argument('<file...>', t('files to inspect'))
    .addOption(new Option('-f, --format <format>', t('output format')).choices(['text', 'json']).default('text'))
    .addOption(outputOption(t))
    .addOption(langOption(t))
    .option('--no-color', t('no colour'))
    .option('--max-size <MB>', t('size limit of one file, in MB'), '10')
    .option('--file-timeout <seconds>', t('time limit to analyse one file'), String(DEFAULT_FILE_TIMEOUT_MS / 1000))
    .action(async (files: string[], opts: InspectOptions) => {
      const maxMB = Number(opts.maxSize);
      const seconds = Number(opts.fileTimeout);
      if (!(maxMB > 0)) throw new UsageError((w) => w.badMegabytes('--max-size', String(opts.maxSize)));
      if (!(seconds > 0)) throw new UsageError((w) => w.badSeconds('--file-timeout', String(opts.fileTimeout)));
      for (const f of files) {
        const st = await stat(resolve(io.cwd, f)).catch(() => undefined);
        if (!st) throw new UsageError((w) => w.noSuchFile(f));
        if (!st.isFile()) throw new UsageError((w) => w.notAFile(f));
      }
      // The report must never replace a file it describes (`inspect cv.pdf -o cv.pdf`).
      if (opts.output !== undefined) {
        const target = await realpath(resolve(io.cwd, opts.output)).catch(() => resolve(io.cwd, opts.output!));
        for (const f of files)
          if ((await realpath(resolve(io.cwd, f))) === target)
            throw new UsageError((w) => w.outputIsInput(opts.output!));
      }
      const { createInspector } = await import('../pdf/pool.js');
      const inspector = createInspector();
      let results: FileInspection[];
      try {
        const limits = { maxSizeBytes: maxMB * 1024 * 1024, fileTimeoutMs: Math.round(seconds * 1000) };
        results = await Promise.all(files.map((f) => inspector.inspect(resolve(io.cwd, f), limits).then((r) => ({ ...r, path: f }))));
      } finally {
        await inspector.close();
      }
      const lang = asLang(opts.lang);
      const text =
        opts.format === 'json'
          ? JSON.stringify(
              {
                schemaVersion: 1,
                files: results.map((r) => ({
                  path: r.path,
                  pdf: r.pdf,
                  readable: r.readable,
                  encrypted: r.encrypted,
                  pages: r.pages,
                  sizeBytes: r.sizeBytes,
                  detectedType: r.detectedType,
                  ...(r.reader ? { reader: r.reader } : {}),
                  problems: r.problems.map((p) => {
                    const { message, fix } = renderFinding(withFile(p, r.path), lang);
                    return { code: p.code, severity: p.severity, message, fix, params: p.params };
                  }),
                })),
              },
              null,
              2,
            ) + '\n'
          : textReport(results, lang, opts, io);
      await emit(text, opts.output, io, [], opts.format);
      setExit(results.every(sound) ? EXIT.ok : EXIT.problems);
    });
}

function textReport(results: FileInspection[], lang: 'fr' | 'en', opts: InspectOptions, io: Io): string {
  const level = opts.output === undefined ? colorLevel({ flag: opts.color, env: io.env, isTTY: io.stdout.isTTY === true }) : 0;
  const h = level === 0 ? plain : ansi(level);
  const lines: string[] = [];
  for (const r of results) {
    const size = formatSize(r.sizeBytes, lang);
    const ok = sound(r);
    const facts = r.pdf
      ? [`PDF`, r.pages !== null ? `${r.pages} page${r.pages === 1 ? '' : 's'}` : null, size, r.encrypted ? (lang === 'fr' ? 'chiffré' : 'encrypted') : null]
      : [r.detectedType ? typeName(r.detectedType, lang) : lang === 'fr' ? 'vide' : 'empty', size];
    lines.push(`${ok ? h.ok('✔') : h.bad('✘')} ${h.strong(displayName(r.path))} ${h.dim('—')} ${facts.filter(Boolean).join(', ')}`);
    for (const p of r.problems) {
      const { message, fix } = renderFinding(withFile(p, basename(r.path)), lang);
      // The advice names the file too: escaped as the message is.
      lines.push(`    ${p.severity === 'error' ? h.bad('✘') : h.warn('!')} ${displayName(message)}`, `      ${h.dim('→')} ${displayName(fix)}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** A readable PDF with no error (a lying page tree is readable but not sound). */
const sound = (r: FileInspection) => r.pdf && r.readable && !r.problems.some((p) => p.severity === 'error');

const withFile = <T extends { params: Record<string, unknown> }>(f: T, file: string): T =>
  f.params.file ? f : { ...f, params: { file, ...f.params } };

function formatSize(bytes: number, lang: 'fr' | 'en'): string {
  const units = lang === 'fr' ? ['o', 'Ko', 'Mo', 'Go'] : ['B', 'KB', 'MB', 'GB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  const n = u === 0 ? String(v) : v.toFixed(1);
  return `${lang === 'fr' ? n.replace('.', ',') : n} ${units[u]}`;
}
