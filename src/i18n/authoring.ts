// Words of the commands around profiles and onboarding (`profile show`, `profile test`,
// `init`), in French and in English. `satisfies Record<Lang, …>` with one shared interface
// makes a phrase missing in either language a compile error.
import type { Lang } from './messages.js';

export interface AuthoringWords {
  // profile show
  readonly profile: string;
  readonly deadline: string;
  readonly source: string;
  readonly documentsTitle: (n: number) => string;
  readonly documentsIntro: (maxMB: string) => string;
  readonly required: string;
  readonly always: string;
  readonly onlyIf: string;
  readonly variant: (id: string) => string;
  readonly file: string;
  /** "PDF, 1 to 20 pages, at most 10 MB". */
  readonly fileWords: (pages: string, mb: string) => string;
  readonly pagesWords: (p: { exactly?: number; min?: number; max?: number }) => string;
  readonly multiple: string;
  readonly names: string;
  readonly examples: string;
  readonly advice: string;
  readonly rulesTitle: (n: number) => string;
  readonly rulesIntro: string;
  readonly appliesIf: string;
  readonly advisory: string;
  readonly noRules: string;
  readonly factsTitle: (n: number) => string;
  readonly factsIntro: string;
  readonly factType: Record<string, string>;
  /** An enum's values, a scale's levels from lowest to highest. */
  readonly oneOf: (values: readonly string[]) => string;
  readonly scaleOf: (values: readonly string[]) => string;
  readonly mb: (n: number) => string;
  readonly quote: (s: string) => string;
  readonly list: (items: readonly string[]) => string;
  readonly colon: string;

  // profile test
  readonly testHeader: (id: string, n: number) => string;
  readonly noTests: (file: string) => string;
  // profile check
  readonly checkOk: (file: string, id: string, n: { documents: number; facts: number; rules: number; tests: number }) => string;
  readonly ruleMismatch: (id: string, expected: string, actual: string) => string;
  readonly eligibilityMismatch: (expected: string, actual: string) => string;
  readonly documentMismatch: (id: string, expected: string, actual: string) => string;
  readonly testSummary: (total: number, failed: number) => string;

  // init
  readonly templateHeader: (title: string, id: string) => string[];
  readonly templateHowTo: string[];
  readonly templateNoSchema: (id: string) => string;
  readonly templateType: (type: string) => string;
  readonly templateValues: (values: readonly string[]) => string;
  readonly templateScale: (values: readonly string[]) => string;
  readonly templateRange: (min: number | undefined, max: number | undefined) => string;
  readonly templateExample: (example: string) => string;
  readonly templateFormat: Record<string, string>;
  readonly created: (file: string) => string;
  readonly exists: (file: string) => string;
  readonly notAFolder: (dir: string) => string;
  readonly putDocuments: (dir: string) => string;
  readonly forExample: string;
  readonly onlyIfShort: string;
  readonly thenCheck: string;
}

const frTypes: Record<string, string> = {
  string: 'texte',
  enum: 'une valeur parmi une liste',
  ordinal: 'un niveau sur une échelle',
  boolean: 'oui ou non',
  integer: 'nombre entier',
  number: 'nombre',
  date: 'date',
  datetime: 'date et heure',
  list: 'liste',
};
const enTypes: Record<string, string> = {
  string: 'text',
  enum: 'one value out of a list',
  ordinal: 'a level on a scale',
  boolean: 'yes or no',
  integer: 'whole number',
  number: 'number',
  date: 'date',
  datetime: 'date and time',
  list: 'list',
};

export const AUTHORING = {
  fr: {
    profile: 'Profil',
    deadline: 'Date limite',
    source: 'Source',
    documentsTitle: (n) => `Pièces à fournir (${n})`,
    documentsIntro: (mb) =>
      `Chaque pièce est un fichier PDF d'au moins une page et de ${mb} au plus, placé dans le dossier du candidat. Le nom du fichier dit ce qu'il contient : il est reconnu sans tenir compte des majuscules, des accents, des séparateurs ni des petits mots (de, d', la…).`,
    required: 'Exigée',
    always: 'toujours',
    onlyIf: 'seulement si',
    variant: (id) => `Version ${id} si`,
    file: 'Fichier',
    fileWords: (pages, mb) => `PDF, ${pages}, ${mb} au plus`,
    pagesWords: (p) =>
      p.exactly !== undefined
        ? `exactement ${p.exactly} page${p.exactly > 1 ? 's' : ''}`
        : p.min !== undefined && p.max !== undefined
          ? `de ${p.min} à ${p.max} pages`
          : p.max !== undefined
            ? `au plus ${p.max} page${p.max > 1 ? 's' : ''}`
            : `au moins ${p.min ?? 1} page${(p.min ?? 1) > 1 ? 's' : ''}`,
    multiple: 'Plusieurs fichiers acceptés',
    names: 'Noms reconnus',
    examples: 'Exemples',
    advice: 'Conseil',
    rulesTitle: (n) => `Conditions d'éligibilité (${n})`,
    rulesIntro:
      "Vérifiées d'après les déclarations du candidat (candidate.yaml). Une condition non renseignée n'est jamais devinée : l'éligibilité reste alors indéterminée.",
    appliesIf: "S'applique seulement si",
    advisory: 'indicative : ne rend jamais un dossier non recevable',
    noRules: "Aucune condition d'éligibilité.",
    factsTitle: (n) => `Déclarations du candidat (${n})`,
    factsIntro: 'Ce que le candidat indique dans candidate.yaml (créé par « dossier init »).',
    factType: frTypes,
    oneOf: (v) => `l'une des valeurs ${v.join(', ')}`,
    scaleOf: (v) => `un niveau parmi ${v.join(' < ')}`,
    mb: (n) => `${String(n).replace('.', ',')} Mo`,
    quote: (s) => `« ${s} »`,
    list: (items) => items.join(', '),
    colon: ' : ',

    testHeader: (id, n) => `${id} : ${n} cas`,
    noTests: (file) => `${file} : aucun cas de test ; ajoutez une section tests: au profil`,
    checkOk: (file, id, n) =>
      `${file} : valide — ${id} : ${n.documents} pièce${n.documents > 1 ? 's' : ''}, ${n.facts} information${n.facts > 1 ? 's' : ''}, ${n.rules} règle${n.rules > 1 ? 's' : ''}, ${n.tests} test${n.tests > 1 ? 's' : ''}`,
    ruleMismatch: (id, e, a) => `règle ${id} : attendu ${e}, obtenu ${a}`,
    eligibilityMismatch: (e, a) => `éligibilité : attendu ${e}, obtenu ${a}`,
    documentMismatch: (id, e, a) => `pièce ${id} : attendu ${e}, obtenu ${a}`,
    testSummary: (total, failed) =>
      failed === 0
        ? `${total} cas, tous réussis`
        : `${total} cas : ${total - failed} réussi${total - failed > 1 ? 's' : ''}, ${failed} en échec`,

    templateHeader: (title, id) => [`Déclaration du candidat : ${title}`, `(profil ${id})`],
    templateHowTo: [
      'Remplissez chaque ligne après les deux-points. Une ligne laissée vide reste « non renseignée » :',
      "l'outil ne devine jamais, et l'éligibilité sera indéterminée si la condition en dépend.",
      'Les lignes qui commencent par # sont des explications : laissez-les ou supprimez-les.',
      'Vérifiez ensuite le dossier avec : dossier check <ce dossier>',
    ],
    templateNoSchema: (id) => `(aucun schéma JSON publié pour le profil ${id} : pas de complétion dans l'éditeur)`,
    templateType: (t) => `type : ${frTypes[t] ?? t}`,
    templateValues: (v) => `valeurs possibles : ${v.join(' | ')}`,
    templateScale: (v) => `niveaux, du plus bas au plus haut : ${v.join(' < ')}`,
    templateRange: (min, max) =>
      min !== undefined && max !== undefined ? `entre ${min} et ${max}` : min !== undefined ? `au moins ${min}` : `au plus ${max}`,
    templateExample: (e) => `exemple : ${e}`,
    templateFormat: {
      date: 'format AAAA-MM-JJ',
      datetime: 'format AAAA-MM-JJTHH:MM:SS, heure locale du poste',
      list: 'entre crochets, séparés par des virgules',
      boolean: 'true (oui) ou false (non)',
    },
    created: (file) => `Créé : ${file}`,
    exists: (file) =>
      `${file} existe déjà : il n'est jamais écrasé. Modifiez-le, ou supprimez-le vous-même pour repartir d'un modèle vierge.`,
    notAFolder: (dir) => `${dir} existe et n'est pas un dossier : choisissez un autre chemin`,
    putDocuments: (dir) => `Remplissez candidate.yaml, puis placez dans ${dir} ces pièces, chacune en PDF :`,
    forExample: 'par exemple',
    onlyIfShort: 'seulement si',
    thenCheck: 'Puis vérifiez le dossier :',
  },
  en: {
    profile: 'Profile',
    deadline: 'Deadline',
    source: 'Source',
    documentsTitle: (n) => `Documents to provide (${n})`,
    documentsIntro: (mb) =>
      `Each document is a PDF file of at least one page and at most ${mb}, in the candidate's folder. The file name says what it holds: it is recognised ignoring case, accents, separators and small words (de, d', la…).`,
    required: 'Required',
    always: 'always',
    onlyIf: 'only if',
    variant: (id) => `Version ${id} if`,
    file: 'File',
    fileWords: (pages, mb) => `PDF, ${pages}, at most ${mb}`,
    pagesWords: (p) =>
      p.exactly !== undefined
        ? `exactly ${p.exactly} page${p.exactly === 1 ? '' : 's'}`
        : p.min !== undefined && p.max !== undefined
          ? `${p.min} to ${p.max} pages`
          : p.max !== undefined
            ? `at most ${p.max} page${p.max === 1 ? '' : 's'}`
            : `at least ${p.min ?? 1} page${(p.min ?? 1) === 1 ? '' : 's'}`,
    multiple: 'Several files accepted',
    names: 'Names recognised',
    examples: 'Examples',
    advice: 'Advice',
    rulesTitle: (n) => `Eligibility conditions (${n})`,
    rulesIntro:
      "Checked against the candidate's declarations (candidate.yaml). A condition left unstated is never guessed: eligibility then stays undetermined.",
    appliesIf: 'Applies only if',
    advisory: 'advisory: never makes a dossier unacceptable',
    noRules: 'No eligibility condition.',
    factsTitle: (n) => `Candidate's declarations (${n})`,
    factsIntro: 'What the candidate states in candidate.yaml (created by "dossier init").',
    factType: enTypes,
    oneOf: (v) => `one of ${v.join(', ')}`,
    scaleOf: (v) => `a level among ${v.join(' < ')}`,
    mb: (n) => `${n} MB`,
    quote: (s) => `"${s}"`,
    list: (items) => items.join(', '),
    colon: ': ',

    testHeader: (id, n) => `${id}: ${n} case${n === 1 ? '' : 's'}`,
    noTests: (file) => `${file}: no test cases; add a tests: section to the profile`,
    checkOk: (file, id, n) => `${file}: ok — ${id}: ${n.documents} documents, ${n.facts} facts, ${n.rules} rules, ${n.tests} tests`,
    ruleMismatch: (id, e, a) => `rule ${id}: expected ${e}, got ${a}`,
    eligibilityMismatch: (e, a) => `eligibility: expected ${e}, got ${a}`,
    documentMismatch: (id, e, a) => `document ${id}: expected ${e}, got ${a}`,
    testSummary: (total, failed) =>
      failed === 0 ? `${total} case${total === 1 ? '' : 's'}, all passed` : `${total} cases: ${total - failed} passed, ${failed} failed`,

    templateHeader: (title, id) => [`Candidate declaration: ${title}`, `(profile ${id})`],
    templateHowTo: [
      'Fill in each line after the colon. A line left empty stays "not provided":',
      'the tool never guesses, and eligibility is undetermined if a condition depends on it.',
      'Lines starting with # are explanations: keep them or delete them.',
      'Then check the folder with: dossier check <this folder>',
    ],
    templateNoSchema: (id) => `(no JSON Schema is published for profile ${id}: no completion in the editor)`,
    templateType: (t) => `type: ${enTypes[t] ?? t}`,
    templateValues: (v) => `allowed values: ${v.join(' | ')}`,
    templateScale: (v) => `levels, lowest to highest: ${v.join(' < ')}`,
    templateRange: (min, max) =>
      min !== undefined && max !== undefined ? `between ${min} and ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`,
    templateExample: (e) => `example: ${e}`,
    templateFormat: {
      date: 'format YYYY-MM-DD',
      datetime: "format YYYY-MM-DDTHH:MM:SS, the posting's local time",
      list: 'in square brackets, separated by commas',
      boolean: 'true (yes) or false (no)',
    },
    created: (file) => `Created: ${file}`,
    exists: (file) => `${file} already exists: it is never overwritten. Edit it, or delete it yourself to start from a blank template.`,
    notAFolder: (dir) => `${dir} exists and is not a folder: choose another path`,
    putDocuments: (dir) => `Fill in candidate.yaml, then put these documents in ${dir}, each as PDF:`,
    forExample: 'for example',
    onlyIfShort: 'only if',
    thenCheck: 'Then check the folder:',
  },
} satisfies Record<Lang, AuthoringWords>;
