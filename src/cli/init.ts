// `dossier init <dir>`: a candidate's first step. Writes a commented candidate.yaml for the
// profile into the folder the candidate names (never over an existing one), then lists the
// documents to put next to it with file names the tool recognises.
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { AUTHORING } from '../i18n/authoring.js';
import type { Translate } from '../i18n/help.js';
import { BUNDLED_PROFILE } from '../profile/bundled.js';
import { EXIT, UsageError, type Io } from './io.js';
import { asLang, langOption, profileOption, requireProfile } from './options.js';

export function initCommand(io: Io, setExit: (code: number) => void, t: Translate): Command {
  return new Command('init')
    .description(t("start a candidate's folder: write a commented candidate.yaml and list the documents to add"))
    .argument('<dir>', t("the candidate's folder (created if needed)"))
    .addOption(profileOption(t))
    .addOption(langOption(t))
    .addHelpText('after', t('\nExit codes: 0 written · 2 candidate.yaml already exists, or another usage error.'))
    .action(async (dir: string, opts: { profile: string; lang: string }) => {
      const lang = asLang(opts.lang);
      const w = AUTHORING[lang];
      const [{ candidateSchemaRef, candidateTemplate }, { documentsToProvide }] = await Promise.all([import('../facts/template.js'), import('../profile/show.js')]);
      const profile = await requireProfile(opts.profile, io);
      const target = resolve(io.cwd, dir);
      const st = await stat(target).catch(() => undefined);
      if (st && !st.isDirectory()) throw new UsageError(w.notAFolder(dir));
      try {
        await mkdir(target, { recursive: true });
      } catch (err) {
        throw new UsageError((u) => u.cannotCreate(dir, String((err as NodeJS.ErrnoException).code ?? err)));
      }
      const file = join(dir, 'candidate.yaml');
      const text = candidateTemplate(profile, { lang, schemaRef: await candidateSchemaRef(profile, target) });
      try {
        // 'wx': fails if the file exists, even if it appeared a moment ago.
        await writeFile(join(target, 'candidate.yaml'), text, { flag: 'wx' });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        throw new UsageError(code === 'EEXIST' ? w.exists(file) : (u) => u.cannotWriteFile(file, String(code ?? err)));
      }
      const check = ['dossier check', quote(dir)];
      if (resolve(io.cwd, opts.profile) !== BUNDLED_PROFILE) check.push('--profile', quote(opts.profile));
      if (lang !== 'fr') check.push('--lang', lang);
      io.stdout.write(
        [w.created(file), '', w.putDocuments(dir), ...documentsToProvide(profile, lang).map((l) => `  • ${l}`), '', w.thenCheck, `  ${check.join(' ')}`, ''].join(
          '\n',
        ),
      );
      setExit(EXIT.ok);
    });
}

/** Quote a path for a POSIX shell only when it needs it. */
const quote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
