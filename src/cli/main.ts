// The whole CLI as a function of its arguments and streams: it returns the exit code and
// never calls process.exit, so tests run it in-process and output is never cut short.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { checkCommand } from './check.js';
import { inspectCommand } from './inspect.js';
import { profileCommand } from './profile.js';
import { initCommand } from './init.js';
import { batchCommand } from './batch.js';
import { mergeCommand } from './merge.js';
import { EXIT, Interrupted, UsageError, type Io } from './io.js';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let code: number = EXIT.ok;
  const setExit = (c: number) => {
    code = c;
  };
  const program = new Command('dossier')
    .description("Validate job applicants' dossiers against a posting's profile")
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(dossier --help lists commands and options)')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride();
  for (const cmd of [checkCommand(io, setExit), batchCommand(io, setExit), mergeCommand(io, setExit), inspectCommand(io, setExit), profileCommand(io, setExit), initCommand(io, setExit)]) program.addCommand(cmd);
  // Subcommands must not exit either, and must print through our streams.
  const configure = (c: Command) => {
    c.exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
    c.commands.forEach(configure);
  };
  program.commands.forEach(configure);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are successes; commander already printed the message otherwise.
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || (err.code === 'commander.help' && err.exitCode === 0)) return EXIT.ok;
      if (err.code === 'commander.executeSubCommandAsync') return EXIT.ok;
      return EXIT.usage;
    }
    if (err instanceof Interrupted) {
      io.stderr.write('dossier: interrupted\n');
      return EXIT.interrupted;
    }
    if (err instanceof UsageError) {
      io.stderr.write(`dossier: ${err.message}\n`);
      return EXIT.usage;
    }
    io.stderr.write(`dossier: unexpected error: ${(err as Error)?.stack ?? err}\n`);
    return EXIT.usage;
  }
}
