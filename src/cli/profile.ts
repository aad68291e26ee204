// `dossier profile ...`: commands for the people who write profiles.
import { resolve } from 'node:path';
import { Command } from 'commander';
import { loadProfile } from '../profile/load.js';
import { formatIssue } from '../yaml/located.js';
import { EXIT, type Io } from './io.js';

export function profileCommand(io: Io, setExit: (code: number) => void): Command {
  const cmd = new Command('profile').description('work with posting profiles');
  cmd
    .command('check')
    .description('validate a profile; print every error as file:line:col')
    .argument('<file>', 'profile (YAML)')
    .action(async (file: string) => {
      const loaded = await loadProfile(resolve(io.cwd, file));
      if (!loaded.ok) {
        for (const i of loaded.issues) io.stderr.write(formatIssue({ ...i, file }) + '\n');
        io.stderr.write(`${loaded.issues.length} error(s)\n`);
        setExit(EXIT.usage);
        return;
      }
      for (const w of loaded.warnings) io.stderr.write(`${formatIssue({ ...w, file })} (warning)\n`);
      const p = loaded.profile;
      io.stdout.write(`${file}: ok — ${p.id}: ${p.documents.length} documents, ${Object.keys(p.facts).length} facts, ${p.rules.length} rules\n`);
      setExit(EXIT.ok);
    });
  return cmd;
}
