// `dossier profile ...`: commands for the people who write profiles. Thin: the work is in
// src/profile (load, tests, show); nothing here loads the PDF layer.
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { AUTHORING } from '../i18n/authoring.js';
import { USAGE } from '../i18n/usage.js';
import { bundledProfileNote, type Translate } from '../i18n/help.js';
import { BUNDLED_PROFILE } from '../profile/bundled.js';
import { SHOW_FORMATS, type ShowFormat } from '../profile/show-formats.js';
import { ansi, plain } from '../report/highlight.js';
import { isCalendarDate } from '../rules/dates.js';
import { colorLevel } from './color.js';
import { EXIT, UsageError, type Io } from './io.js';
import { asLang, emit, langOption, outputOption, requireProfile } from './options.js';

export function profileCommand(io: Io, setExit: (code: number) => void, t: Translate): Command {
  const cmd = new Command('profile').description(t('work with posting profiles: check, test, show'));
  cmd
    .command('check')
    .description(t('validate a profile; print every error as file:line:col'))
    .argument('<file>', t('profile (YAML)'))
    .addOption(langOption(t))
    .action(async (file: string, opts: { lang: string }) => {
      const lang = asLang(opts.lang);
      const u = USAGE[lang];
      const [{ loadProfile }, { formatIssue }] = await Promise.all([import('../profile/load.js'), import('../yaml/located.js')]);
      const loaded = await loadProfile(resolve(io.cwd, file));
      if (!loaded.ok) {
        for (const i of loaded.issues) io.stderr.write(formatIssue({ ...i, file }, u) + '\n');
        io.stderr.write(`${u.errorCount(loaded.issues.length)}\n`);
        setExit(EXIT.usage);
        return;
      }
      for (const w of loaded.warnings) io.stderr.write(`${formatIssue({ ...w, file }, u)} (${u.warning})\n`);
      const p = loaded.profile;
      io.stdout.write(`${AUTHORING[lang].checkOk(file, p.id, { documents: p.documents.length, facts: Object.keys(p.facts).length, rules: p.rules.length, tests: p.tests.length })}\n`);
      setExit(EXIT.ok);
    });

  cmd
    .command('test')
    .description(t("run the profile's own test cases (its tests: section); one line per case"))
    .argument('[files...]', t(`profiles (YAML); default: ${bundledProfileNote}`))
    .addOption(langOption(t))
    .option('--no-color', t('no colour'))
    .addHelpText('after', t('\nExit codes: 0 every case passes · 1 a case fails · 2 a profile is invalid or has no tests.'))
    .action(async (files: string[], opts: { lang: string; color?: boolean }) => {
      const lang = asLang(opts.lang);
      const h = highlighter(io, opts.color);
      let code: number = EXIT.ok;
      const list = files.length ? files : [BUNDLED_PROFILE];
      const [{ loadProfile }, { formatIssue }, { runProfileTests }, { formatTestOutcomes }] = await Promise.all([
        import('../profile/load.js'),
        import('../yaml/located.js'),
        import('../profile/tests.js'),
        import('../profile/test-report.js'),
      ]);
      for (const [n, file] of list.entries()) {
        const loaded = await loadProfile(resolve(io.cwd, file));
        if (!loaded.ok) {
          const u = USAGE[lang];
          for (const i of loaded.issues) io.stderr.write(formatIssue({ ...i, file }, u) + '\n');
          io.stderr.write(`${u.profileErrors(loaded.issues.length, file)}\n`);
          code = EXIT.usage;
          continue;
        }
        if (loaded.profile.tests.length === 0) {
          io.stderr.write(`${AUTHORING[lang].noTests(file)}\n`);
          code = EXIT.usage;
          continue;
        }
        const outcomes = runProfileTests(loaded.profile);
        if (n > 0) io.stdout.write('\n');
        io.stdout.write(formatTestOutcomes(loaded.profile, outcomes, lang, h));
        if (outcomes.some((o) => !o.passed) && code === EXIT.ok) code = EXIT.problems;
      }
      setExit(code);
    });

  cmd
    .command('show')
    .description(t("the posting's checklist in plain words: documents, conditions, names recognised"))
    .argument('[file]', t(`profile (YAML); default: ${bundledProfileNote}`))
    .addOption(langOption(t))
    .addOption(new Option('-f, --format <format>', t('text, or markdown to publish next to the posting')).choices(SHOW_FORMATS).default('text'))
    .option('--as-of <date>', t('date at which ages are judged, YYYY-MM-DD (default: "on the day of the check")'))
    .addOption(outputOption(t))
    .option('--no-color', t('no colour'))
    .action(async (file: string | undefined, opts: { lang: string; format: ShowFormat; asOf?: string; output?: string; color?: boolean }) => {
      const profile = await requireProfile(file ?? BUNDLED_PROFILE, io);
      if (opts.asOf !== undefined && !isCalendarDate(opts.asOf))
        throw new UsageError((w) => w.badDate('--as-of', opts.asOf!));
      const lang = asLang(opts.lang);
      const { checklist, formatChecklistMarkdown, formatChecklistText } = await import('../profile/show.js');
      const list = checklist(profile, { lang, ...(opts.asOf ? { asOf: opts.asOf } : {}) });
      const text =
        opts.format === 'markdown'
          ? formatChecklistMarkdown(list, lang)
          : formatChecklistText(list, lang, opts.output === undefined ? highlighter(io, opts.color) : plain);
      await emit(text, opts.output, io, [], opts.format);
      setExit(EXIT.ok);
    });
  return cmd;
}

function highlighter(io: Io, flag: boolean | undefined) {
  const level = colorLevel({ flag, env: io.env, isTTY: io.stdout.isTTY === true });
  return level === 0 ? plain : ansi(level);
}
