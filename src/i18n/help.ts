// The words of `--help`, in the command line's language. The commands are written with their
// English descriptions inline, each passed through a Translate function (gettext's way: the
// English text is the key); this catalogue holds the French. A test walks every command,
// option and argument in French and fails on any description left without a translation.
import type { Lang } from './messages.js';

export type Translate = (english: string) => string;

const BUNDLED = 'the bundled OFPPT profile';

export const HELP_FR: Readonly<Record<string, string>> = {
  // the program, and commander's own options
  "Validate job applicants' dossiers against a posting's profile": "Vérifier les dossiers de candidature au regard du profil d'une offre d'emploi",
  'display help for command': "afficher l'aide de la commande",
  'output the version number': 'afficher le numéro de version',
  // options shared by several commands
  'language of messages (fr, en)': 'langue des messages (fr, en)',
  'write the report to this file instead of stdout': 'écrire le rapport dans ce fichier plutôt que sur la sortie standard',
  'profile of the posting (YAML)': "profil de l'offre (YAML)",
  [BUNDLED]: 'le profil OFPPT fourni',
  'report format': 'format du rapport',
  'date at which ages and dates are judged, YYYY-MM-DD (default: today)': "date à laquelle les âges et les dates sont jugés, AAAA-MM-JJ (par défaut : aujourd'hui)",
  'no colour in the text report': 'pas de couleur dans le rapport texte',
  'no colour': 'pas de couleur',
  'text report: show only dossiers with something to fix': 'rapport texte : seulement les dossiers où il y a quelque chose à corriger',
  'do not look inside the documents (blank pages, ID card sides, form fields, duplicates): names and page counts only, several times faster':
    "ne pas regarder dans les documents (pages blanches, faces de la carte d'identité, champs du formulaire, doublons) : noms et nombres de pages seulement, plusieurs fois plus rapide",
  'time limit to analyse one file': "temps maximal d'analyse d'un fichier",
  "csv report: field separator, ',' or ';' (French Excel)": "rapport csv : séparateur de champs, ',' ou ';' (Excel en français)",
  // check
  "check candidates' folders: documents present and valid, eligibility": 'vérifier des dossiers de candidats : pièces présentes et valides, éligibilité',
  'candidate folders (one dossier each)': 'dossiers des candidats (un dossier chacun)',
  // batch
  'check every sub-folder of <root> as one dossier (HR exports)': 'vérifier chaque sous-dossier de <root> comme un dossier de candidature (exports RH)',
  'folder whose sub-folders are the dossiers': 'dossier dont les sous-dossiers sont les dossiers de candidature',
  'PDF worker threads': "fils d'exécution qui lisent les PDF",
  'available cores': 'cœurs disponibles',
  'check only the k-th of n deterministic shares of the dossiers': 'ne vérifier que la k-ième de n parts fixes des dossiers',
  // merge
  'combine JSON reports of shards (batch --shard k/n --format json) into one report': 'réunir les rapports JSON de plusieurs parts (batch --shard k/n --format json) en un seul rapport',
  'JSON reports made with the same profile, --as-of and --lang': 'rapports JSON faits avec le même profil, le même --as-of et la même --lang',
  'language of error messages (fr, en); the report keeps the language it was made in':
    "langue des messages d'erreur (fr, en) ; le rapport garde la langue dans laquelle il a été fait",
  // inspect
  'show what the tool reads in each file: type, PDF validity, pages, encryption': "montrer ce que l'outil lit dans chaque fichier : type, validité PDF, pages, chiffrement",
  'files to inspect': 'fichiers à inspecter',
  'output format': 'format de sortie',
  'size limit of one file, in MB': "taille maximale d'un fichier, en Mo",
  // init
  "start a candidate's folder: write a commented candidate.yaml and list the documents to add":
    "préparer le dossier d'un candidat : écrire un candidate.yaml commenté et lister les pièces à ajouter",
  "the candidate's folder (created if needed)": 'le dossier du candidat (créé au besoin)',
  '\nExit codes: 0 written · 2 candidate.yaml already exists, or another usage error.':
    "\nCodes de sortie : 0 écrit · 2 candidate.yaml existe déjà, ou autre erreur d'utilisation.",
  // profile
  'work with posting profiles: check, test, show': "travailler sur les profils d'offres : vérifier, tester, montrer",
  'validate a profile; print every error as file:line:col': 'valider un profil ; chaque erreur sous la forme fichier:ligne:colonne',
  'profile (YAML)': 'profil (YAML)',
  "run the profile's own test cases (its tests: section); one line per case": 'exécuter les cas de test du profil (sa section tests:) ; une ligne par cas',
  [`profiles (YAML); default: ${BUNDLED}`]: 'profils (YAML) ; par défaut : le profil OFPPT fourni',
  [`profile (YAML); default: ${BUNDLED}`]: 'profil (YAML) ; par défaut : le profil OFPPT fourni',
  '\nExit codes: 0 every case passes · 1 a case fails · 2 a profile is invalid or has no tests.':
    '\nCodes de sortie : 0 tous les cas passent · 1 un cas échoue · 2 un profil est invalide ou sans cas de test.',
  "the posting's checklist in plain words: documents, conditions, names recognised": "la liste de l'offre en mots simples : pièces, conditions, noms reconnus",
  'text, or markdown to publish next to the posting': "text, ou markdown pour la publier à côté de l'offre",
  'date at which ages are judged, YYYY-MM-DD (default: "on the day of the check")': 'date à laquelle les âges sont jugés, AAAA-MM-JJ (par défaut : « le jour de la vérification »)',
};

/** The titles commander prints, and the words it adds after a description. */
const FR_TITLES: Readonly<Record<string, string>> = {
  'Usage:': 'Utilisation :',
  'Options:': 'Options :',
  'Commands:': 'Commandes :',
  'Arguments:': 'Arguments :',
  'Global Options:': 'Options globales :',
};

export const bundledProfileNote = BUNDLED;

export function translator(lang: Lang): Translate {
  return lang === 'fr' ? (english) => HELP_FR[english] ?? english : (english) => english;
}

/** commander's section titles in the language of the help. */
export const helpTitle = (lang: Lang, title: string): string => (lang === 'fr' ? (FR_TITLES[title] ?? title) : title);

/** The "(choices: …, default: …)" commander appends to a description, in the language of the help. */
export function helpExtras(lang: Lang, description: string): string {
  if (lang !== 'fr') return description;
  return description.replace(/\((choices|default): (.*)\)$/, (_all, _first: string, rest: string) =>
    `(${_first === 'choices' ? 'valeurs' : 'par défaut'} : ${rest.replace(/, default: /, ' ; par défaut : ')})`,
  );
}
