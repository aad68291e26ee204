// The whole CLI as a function of its arguments and streams: it returns the exit code and
// never calls process.exit, so tests run it in-process and output is never cut short.
import { readFileSync } from 'node:fs';
import { packagePath } from '../package-root.js';
import { Argument, Command, CommanderError, Help, Option } from 'commander';
import { checkCommand } from './check.js';
import { inspectCommand } from './inspect.js';
import { profileCommand } from './profile.js';
import { initCommand } from './init.js';
import { batchCommand } from './batch.js';
import { mergeCommand } from './merge.js';
import { EXIT, Interrupted, UsageError, type Io } from './io.js';
import { USAGE, usageLang, type UsageWords } from '../i18n/usage.js';
import { helpExtras, helpTitle, translator, type Translate } from '../i18n/help.js';
import type { Lang } from '../i18n/messages.js';

const VERSION = (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let code: number = EXIT.ok;
  const setExit = (c: number) => {
    code = c;
  };
  const lang = usageLang(argv);
  const w = USAGE[lang];
  const program = buildProgram(io, setExit, lang);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are successes; commander already printed the message otherwise.
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || (err.code === 'commander.help' && err.exitCode === 0)) return EXIT.ok;
      if (err.code === 'commander.executeSubCommandAsync') return EXIT.ok;
      io.stderr.write(`dossier: ${commanderError(err, w)}\n${w.helpHint(commandOf(program, argv))}\n`);
      return EXIT.usage;
    }
    if (err instanceof Interrupted) {
      io.stderr.write(`dossier: ${w.interrupted}\n`);
      return EXIT.interrupted;
    }
    if (err instanceof UsageError) {
      io.stderr.write(`dossier: ${err.say(lang)}\n`);
      return EXIT.usage;
    }
    io.stderr.write(`dossier: ${w.unexpected(String((err as Error)?.stack ?? err))}\n`);
    return EXIT.usage;
  }
}

/**
 * Every command, with its --help in `lang` (src/i18n/help.ts: descriptions, commander's titles
 * and the "(default: …)" it adds). `t` is the translator (tests pass one that records what it
 * is asked).
 */
export function buildProgram(io: Io, setExit: (code: number) => void, lang: Lang, t: Translate = translator(lang)): Command {
  // commander's own error lines are English: they are silenced here and said again, in the
  // command line's language, from the error's code (main, above).
  const output = { writeOut: (s: string) => io.stdout.write(s), writeErr: (s: string) => io.stderr.write(s), outputError: () => undefined };
  const helpConfig = {
    styleTitle: (title: string) => helpTitle(lang, title),
    optionDescription(this: Help, option: Option) {
      return helpExtras(lang, Help.prototype.optionDescription.call(this, option));
    },
    argumentDescription(this: Help, argument: Argument) {
      return helpExtras(lang, Help.prototype.argumentDescription.call(this, argument));
    },
  };
  const program = new Command('dossier')
    .description(t("Validate job applicants' dossiers against a posting's profile"))
    .version(VERSION, '-V, --version', t('output the version number'));
  for (const cmd of [checkCommand, batchCommand, mergeCommand, inspectCommand, profileCommand, initCommand]) program.addCommand(cmd(io, setExit, t));
  // No command may exit the process, each prints through our streams, and all speak alike.
  const configure = (c: Command) => {
    c.exitOverride().configureOutput(output).configureHelp(helpConfig).helpOption('-h, --help', t('display help for command'));
    if (c.commands.length > 0) c.helpCommand('help [command]', t('display help for command'));
    c.commands.forEach(configure);
  };
  configure(program);
  return program;
}

/**
 * A commander error in the command line's language, rebuilt from its code and the names its
 * English message quotes; a message of a shape not known here is shown as commander wrote it.
 */
export function commanderError(err: CommanderError, w: UsageWords): string {
  const m = err.message.replace(/^error: /, '');
  const quoted = [...m.matchAll(/'([^']*)'/g)].map((x) => x[1]!);
  const suggestion = /\(Did you mean (?:one of )?(.+)\?\)/.exec(m)?.[1];
  switch (err.code) {
    case 'commander.unknownOption':
      if (quoted[0] !== undefined) return w.unknownOption(quoted[0], suggestion);
      break;
    case 'commander.unknownCommand':
      if (quoted[0] !== undefined) return w.unknownCommand(quoted[0], suggestion);
      break;
    case 'commander.missingArgument':
      if (quoted[0] !== undefined) return w.missingArgument(quoted[0]);
      break;
    case 'commander.optionMissingArgument':
      if (quoted[0] !== undefined) return w.optionNeedsValue(quoted[0]);
      break;
    case 'commander.invalidArgument': {
      const choices = /Allowed choices are (.+)\.$/.exec(m)?.[1];
      if (quoted.length >= 2 && choices) return w.invalidChoice(quoted[0]!, quoted[1]!, choices);
      break;
    }
    case 'commander.excessArguments': {
      const counts = /Expected (\d+) arguments? but got (\d+)/.exec(m);
      if (counts) return w.tooManyArguments(quoted[0] ?? 'dossier', counts[1]!, counts[2]!);
      break;
    }
  }
  return m.replace(/\n/g, ' ');
}

/** "dossier check" when the mistake is in a known subcommand's arguments, else "dossier". */
function commandOf(program: Command, argv: readonly string[]): string {
  const names: string[] = ['dossier'];
  let cmd: Command | undefined = program;
  for (const a of argv) {
    const sub: Command | undefined = cmd?.commands.find((c) => c.name() === a);
    if (!sub) break;
    names.push(a);
    cmd = sub;
  }
  return names.join(' ');
}
