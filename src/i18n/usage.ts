// Usage and configuration mistakes (exit 2), in French and in English: a bad option, a path
// that is not there, a profile that cannot be read, reports that cannot be merged. Each names
// the option or the file and says what to write instead. Option names, file names and codes
// stay as typed; only the sentences around them change language.
import { join } from 'node:path';
// The bundled profile where it is installed: a path that opens wherever the user stands.
import { BUNDLED_PROFILE } from '../profile/bundled.js';
import { LANGS, type Lang } from './messages.js';

/** Why a profile file could not be read at all (src/profile/load.ts). */
export type ProfileReadReason = 'no-such-file' | 'is-folder' | 'not-regular' | 'too-large' | 'empty' | 'not-a-mapping' | 'unreadable';

/** Why shard reports cannot be merged (src/report/merge.ts). */
export type MergeRefusal =
  | { readonly reason: 'none' }
  | { readonly reason: 'schema-version'; readonly file: string; readonly version: string }
  | { readonly reason: 'not-a-report'; readonly file: string; readonly detail: string }
  | { readonly reason: 'differs'; readonly file: string; readonly setting: string; readonly value: string; readonly firstFile: string; readonly firstValue: string };

export interface UsageWords {
  /** What a folder argument is for: one candidate's folder, or the folder holding them. */
  readonly noSuchFolder: (path: string, kind: 'dossier' | 'root') => string;
  readonly notAFolder: (path: string, kind: 'dossier' | 'root') => string;
  readonly noSuchFile: (path: string) => string;
  readonly notAFile: (path: string) => string;
  readonly cannotCreate: (path: string, error: string) => string;
  readonly badDate: (option: string, value: string) => string;
  readonly badSeconds: (option: string, value: string) => string;
  readonly badMegabytes: (option: string, value: string) => string;
  readonly badConcurrency: (value: string) => string;
  readonly badShard: (value: string) => string;
  readonly badCsvDelimiter: (value: string) => string;
  readonly outputInsideDossier: (output: string, dir: string) => string;
  readonly outputIsInput: (output: string) => string;
  /** `extension`: of the report's format, for the file name suggested when output is a folder. */
  readonly cannotWrite: (output: string, error: string, extension: string) => string;
  readonly cannotWriteFile: (file: string, error: string) => string;
  readonly profileUnreadable: (reason: ProfileReadReason, p: { bytes?: number; max?: number; error?: string }) => string;
  /** After a profile's errors, when a command needed it. */
  readonly profileErrors: (n: number, file: string) => string;
  /** `profile check`'s last line. */
  readonly errorCount: (n: number) => string;
  readonly warning: string;
  readonly reportUnreadable: (file: string, error: string) => string;
  readonly notJson: (file: string, detail: string) => string;
  readonly mergeRefused: (r: MergeRefusal) => string;
  // Mistakes on the command line itself, as commander finds them.
  readonly unknownOption: (flag: string, suggestion?: string) => string;
  readonly unknownCommand: (name: string, suggestion?: string) => string;
  readonly missingArgument: (name: string) => string;
  readonly optionNeedsValue: (flag: string) => string;
  readonly invalidChoice: (flag: string, value: string, choices: string) => string;
  readonly tooManyArguments: (command: string, expected: string, got: string) => string;
  readonly helpHint: (command: string) => string;
  readonly interrupted: string;
  readonly unexpected: (detail: string) => string;
}

const q = {
  fr: (s: string) => `« ${s} »`,
  en: (s: string) => `'${s}'`,
};

const fr: UsageWords = {
  noSuchFolder: (p, kind) =>
    `${p} : dossier introuvable ; indiquez ${kind === 'root' ? 'le dossier qui contient les dossiers des candidats' : "le chemin du dossier d'un candidat"}`,
  notAFolder: (p, kind) =>
    kind === 'root'
      ? `${p} : ce n'est pas un dossier ; indiquez le dossier qui contient les dossiers des candidats`
      : `${p} : ce n'est pas un dossier ; chaque argument est le dossier d'un candidat (pour des fichiers, utilisez 'dossier inspect')`,
  noSuchFile: (p) => `${p} : fichier introuvable`,
  notAFile: (p) => `${p} : ce n'est pas un fichier (pour le dossier d'un candidat, utilisez 'dossier check')`,
  cannotCreate: (p, e) => `${p} : impossible de créer ce dossier (${e})`,
  badDate: (o, v) => `${o} : ${q.fr(v)} n'est pas une date ; format attendu AAAA-MM-JJ, par exemple ${o} 2026-02-21`,
  badSeconds: (o, v) => `${o} : ${q.fr(v)} n'est pas un nombre de secondes positif, par exemple ${o} 10`,
  badMegabytes: (o, v) => `${o} : ${q.fr(v)} n'est pas un nombre de Mo positif, par exemple ${o} 10`,
  badConcurrency: (v) => `--concurrency : ${q.fr(v)} n'est pas un nombre entier entre 1 et 256, par exemple --concurrency 2`,
  badShard: (v) => `--shard : ${q.fr(v)} doit s'écrire k/n avec 1 ≤ k ≤ n, par exemple --shard 2/4`,
  badCsvDelimiter: (v) => `--csv-delimiter : ${q.fr(v)} n'est pas pris en charge ; utilisez ',' ou ';' (--csv-delimiter ';' pour Excel en français)`,
  outputInsideDossier: (o, d) =>
    `--output : ${o} est dans le dossier vérifié ${d} ; l'outil n'écrit jamais dans un dossier de candidat. Choisissez un chemin en dehors.`,
  outputIsInput: (o) => `--output : ${o} est l'un des fichiers inspectés ; l'outil n'écrase jamais ce qu'il lit. Choisissez un autre chemin.`,
  cannotWrite: (o, e, x) => `--output : impossible d'écrire ${o} (${e})${e === 'EISDIR' ? ` : c’est un dossier ; indiquez un nom de fichier, par exemple ${join(o, `rapport.${x}`)}` : ''}`,
  cannotWriteFile: (f, e) => `${f} : impossible d'écrire ce fichier (${e})`,
  profileUnreadable: (reason, p) =>
    ({
      'no-such-file': 'impossible de lire le profil : fichier introuvable',
      'is-folder': "impossible de lire le profil : c'est un dossier ; indiquez un fichier .yaml",
      'not-regular': "impossible de lire le profil : ce n'est pas un fichier ordinaire",
      'too-large': `le profil fait ${p.bytes} octets ; au plus ${p.max} sont lus`,
      empty: `le profil est vide ; partez d’une copie de ${BUNDLED_PROFILE}`,
      'not-a-mapping':
        `un profil est une suite de clés (id:, title:, documents:, facts:, rules:…) ; partez d’une copie de ${BUNDLED_PROFILE}`,
      unreadable: `impossible de lire le profil (${p.error})`,
    })[reason],
  profileErrors: (n, f) => `${n} erreur${n > 1 ? 's' : ''} dans le profil ; corrigez-${n > 1 ? 'les' : 'la'}, puis vérifiez-le avec : dossier profile check ${f}`,
  errorCount: (n) => `${n} erreur${n > 1 ? 's' : ''}`,
  warning: 'avertissement',
  reportUnreadable: (f, e) => `${f} : impossible de lire ce rapport (${e === 'ENOENT' ? 'fichier introuvable' : e})`,
  notJson: (f, d) => `${f} : ce n'est pas du JSON (${d}) ; donnez les rapports écrits par batch --format json`,
  mergeRefused: (r) => {
    switch (r.reason) {
      case 'none':
        return 'aucun rapport à fusionner';
      case 'schema-version':
        return `${r.file} : schemaVersion ${r.version} ; cette version de dossier ne fusionne que schemaVersion 1`;
      case 'not-a-report':
        return `${r.file} : ce n'est pas un rapport JSON de dossier (${r.detail})`;
      case 'differs':
        return `${r.file} : ${r.setting === 'profile' ? 'profil' : r.setting} ${r.value} diffère de ${r.firstValue} dans ${r.firstFile} ; les rapports doivent venir des mêmes réglages`;
    }
  },
  unknownOption: (f, s) => `option inconnue ${q.fr(f)}${s ? ` (vouliez-vous dire ${s} ?)` : ''}`,
  unknownCommand: (n, s) => `commande inconnue ${q.fr(n)}${s ? ` (vouliez-vous dire ${s} ?)` : ''}`,
  missingArgument: (n) => `argument obligatoire manquant : <${n}>`,
  optionNeedsValue: (f) => `l'option ${q.fr(f)} attend une valeur`,
  invalidChoice: (f, v, c) => `${q.fr(f)} : ${q.fr(v)} n'est pas une valeur possible ; valeurs possibles : ${c}`,
  tooManyArguments: (c, e, g) => `trop d'arguments pour ${q.fr(c)} : ${e} attendu${Number(e) > 1 ? 's' : ''}, ${g} reçu${Number(g) > 1 ? 's' : ''}`,
  helpHint: (c) => `(${c} --help liste les commandes et les options)`,
  interrupted: 'interrompu',
  unexpected: (d) => `erreur inattendue : ${d}`,
};

const en: UsageWords = {
  noSuchFolder: (p, kind) =>
    `${p}: no such folder; give ${kind === 'root' ? "the folder that holds the candidates' folders" : "the path of a candidate's folder"}`,
  notAFolder: (p, kind) =>
    kind === 'root'
      ? `${p}: not a folder; give the folder that holds the candidates' folders`
      : `${p}: not a folder; each argument is one candidate's folder (use 'dossier inspect' for files)`,
  noSuchFile: (p) => `${p}: no such file`,
  notAFile: (p) => `${p}: not a file (use 'dossier check' for a candidate's folder)`,
  cannotCreate: (p, e) => `${p}: cannot create this folder (${e})`,
  badDate: (o, v) => `${o}: ${q.en(v)} is not a date; expected YYYY-MM-DD, e.g. ${o} 2026-02-21`,
  badSeconds: (o, v) => `${o}: ${q.en(v)} is not a positive number of seconds, e.g. ${o} 10`,
  badMegabytes: (o, v) => `${o}: ${q.en(v)} is not a positive number of MB, e.g. ${o} 10`,
  badConcurrency: (v) => `--concurrency: ${q.en(v)} is not a whole number between 1 and 256, e.g. --concurrency 2`,
  badShard: (v) => `--shard: ${q.en(v)} should be k/n with 1 ≤ k ≤ n, e.g. --shard 2/4`,
  badCsvDelimiter: (v) => `--csv-delimiter: ${q.en(v)} is not supported; use ',' or ';' (e.g. --csv-delimiter ';' for French Excel)`,
  outputInsideDossier: (o, d) => `--output: ${o} is inside the checked folder ${d}; the tool never writes into a dossier. Choose a path outside it.`,
  outputIsInput: (o) => `--output: ${o} is one of the inspected files; the tool never overwrites what it reads. Choose another path.`,
  cannotWrite: (o, e, x) => `--output: cannot write ${o} (${e})${e === 'EISDIR' ? `: it is a folder; give a file name, for example ${join(o, `report.${x}`)}` : ''}`,
  cannotWriteFile: (f, e) => `${f}: cannot write this file (${e})`,
  profileUnreadable: (reason, p) =>
    ({
      'no-such-file': 'cannot read the profile: no such file',
      'is-folder': 'cannot read the profile: is a folder, expected a .yaml file',
      'not-regular': 'cannot read the profile: not a regular file',
      'too-large': `the profile is ${p.bytes} bytes; at most ${p.max} are read`,
      empty: `the profile is empty; start from a copy of ${BUNDLED_PROFILE}`,
      'not-a-mapping': `a profile is a set of keys (id:, title:, documents:, facts:, rules:…); start from a copy of ${BUNDLED_PROFILE}`,
      unreadable: `cannot read the profile (${p.error})`,
    })[reason],
  profileErrors: (n, f) => `${n} error(s) in the profile; fix them, then check again with: dossier profile check ${f}`,
  errorCount: (n) => `${n} error(s)`,
  warning: 'warning',
  reportUnreadable: (f, e) => `${f}: cannot read this report (${e === 'ENOENT' ? 'no such file' : e})`,
  notJson: (f, d) => `${f}: not JSON (${d}); give the reports written by batch --format json`,
  mergeRefused: (r) => {
    switch (r.reason) {
      case 'none':
        return 'no report to merge';
      case 'schema-version':
        return `${r.file}: schemaVersion ${r.version}; this version of dossier merges schemaVersion 1 only`;
      case 'not-a-report':
        return `${r.file}: not a dossier JSON report (${r.detail})`;
      case 'differs':
        return `${r.file}: ${r.setting} ${r.value} differs from ${r.firstFile}'s ${r.firstValue}; reports must come from the same run settings`;
    }
  },
  unknownOption: (f, s) => `unknown option ${q.en(f)}${s ? ` (did you mean ${s}?)` : ''}`,
  unknownCommand: (n, s) => `unknown command ${q.en(n)}${s ? ` (did you mean ${s}?)` : ''}`,
  missingArgument: (n) => `missing required argument <${n}>`,
  optionNeedsValue: (f) => `option ${q.en(f)} needs a value`,
  invalidChoice: (f, v, c) => `${q.en(f)}: ${q.en(v)} is not allowed; allowed: ${c}`,
  tooManyArguments: (c, e, g) => `too many arguments for ${q.en(c)}: expected ${e}, got ${g}`,
  helpHint: (c) => `(${c} --help lists commands and options)`,
  interrupted: 'interrupted',
  unexpected: (d) => `unexpected error: ${d}`,
};

export const USAGE = { fr, en } satisfies Record<Lang, UsageWords>;

/**
 * The language usage errors are written in: the command line's --lang when it names one the
 * tool speaks (read from the raw arguments, since the mistake may be that they do not parse),
 * French otherwise.
 */
export function usageLang(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if ((LANGS as readonly string[]).includes(value ?? '')) return value as Lang;
  }
  return 'fr';
}
