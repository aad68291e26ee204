// Every word the tool says about a problem lives here, in French and in English. The
// `satisfies Record<ProblemCode, ...>` clauses make a code without a message, or without a
// fix, in either language a compile error: the catalogue can never fall behind the checks.
import type { Finding, Params, ProblemCode } from '../findings.js';
import type { DeclarationTrouble } from './rule-messages.js';

export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** What the formatter knows about where the finding belongs. */
export interface MessageContext {
  /** Label of the document in the reader's language, for document-level findings. */
  readonly document?: string;
  /** The profile's own advice for this document, when it has one. */
  readonly advice?: string;
  /** The profile's advice when the page count is wrong. */
  readonly pagesAdvice?: string;
  /** Label of the fact a finding names (`params.fact`), in the reader's language. */
  readonly fact?: string;
  /** Label of another document of the profile, by id (suggestions, duplicates). */
  readonly documentLabel?: (id: string) => string | undefined;
  /** What the dossier's candidate.yaml could not tell (a document required only in some situations). */
  readonly declaration?: DeclarationTrouble;
}

interface Entry {
  /** What is wrong, in plain words. */
  readonly text: (p: P, ctx: MessageContext) => string;
  /** What to do about it. */
  readonly fix: (p: P, ctx: MessageContext) => string;
}

/** Params as the messages read them: loosely typed, checks decide what they carry. */
type P = Params & Record<string, never>;
const s = (v: unknown): string => (Array.isArray(v) ? v.join(', ') : v === undefined || v === null ? '' : String(v));
/** A number as French writes it (10,5 Mo), anything else as `s` says it. */
const nFr = (v: unknown): string => (typeof v === 'number' ? String(v).replace('.', ',') : s(v));

/** A file that is not a PDF, by its name's extension: an image, an office document, a text. */
const notPdfName = (file: unknown): boolean => /\.(jpe?g|png|gif|heic|heif|webp|tiff?|bmp|docx?|odt|rtf|xlsx?|pptx?|txt)$/i.test(s(file));

/** What an owner password denies, in words (pdf.js's permission names, src/pdf/analyse-pdfjs.ts). */
const DENIED: Record<'fr' | 'en', Record<string, string>> = {
  fr: {
    print: 'impression',
    'print-high-quality': 'impression en haute qualité',
    copy: 'copie',
    'copy-for-accessibility': 'copie pour l’accessibilité',
    'modify-contents': 'modification',
    'modify-annotations': 'annotations',
    'fill-interactive-forms': 'remplissage des champs',
    assemble: 'assemblage des pages',
  },
  en: {
    print: 'printing',
    'print-high-quality': 'high-quality printing',
    copy: 'copying',
    'copy-for-accessibility': 'copying for accessibility',
    'modify-contents': 'changes',
    'modify-annotations': 'annotations',
    'fill-interactive-forms': 'filling in fields',
    assemble: 'assembling pages',
  },
};
const denied = (lang: 'fr' | 'en', v: unknown): string => (Array.isArray(v) ? v.map((d) => DENIED[lang][String(d)] ?? String(d)).join(', ') : '');

/** What is wrong in candidate.yaml, by `params.reason`; the English `detail` for reasons not listed. */
const DECLARATION_REASONS: Record<Lang, Record<string, (p: P, fact: string) => string>> = {
  fr: {
    unreadable: (p) => `ne peut pas être lu (${s(p.error)})`,
    unparsable: (p) => `ne peut pas être analysé (${s(p.error)})`,
    'not-a-file': () => "n'est pas un fichier ordinaire",
    'too-large': (p) => `fait ${s(p.bytes)} octets ; une déclaration en fait au plus ${s(p.max)}`,
    'too-many-lines': (p) => `a plus de ${s(p.max)} lignes ; une déclaration en a quelques dizaines`,
    'not-utf8': () => "n'est pas en UTF-8 : lu comme Windows-1252 (« ANSI ») ; enregistrez candidate.yaml en UTF-8 pour que les lettres accentuées soient sûres",
    more: (p) => `et ${s(p.count)} autre(s) problème(s) après cette ligne`,
    yaml: (p) => SYNTAX_SAID.fr[s(p.syntax)]?.(p) ?? `erreur de syntaxe YAML (${s(p.detail)})`,
    empty: () => 'la déclaration est vide',
    'not-a-mapping': () => 'des lignes « nom: valeur » sont attendues',
    'unknown-fact': (p) => `information inconnue « ${s(p.fact)} »${p.suggestion ? ` (vouliez-vous dire « ${s(p.suggestion)} » ?)` : ''} ; attendues : ${s(p.expected)}`,
    type: (p, f) => `${f} : valeur attendue : ${VALUE_KINDS.fr[s(p.expected)] ?? `de type ${s(p.expected)}`}`,
    'too-small': (p, f) => `${f} : au moins ${s(p.min)}`,
    'too-big': (p, f) => `${f} : au plus ${s(p.max)}`,
    'one-of': (p, f) => `${f} : une de ces valeurs est attendue : ${s(p.expected)}`,
    pattern: (p, f) => `${f} : la valeur n’a pas la forme attendue${p.example !== undefined ? ` (par exemple : ${s(p.example)})` : ` ${s(p.pattern)}`}`,
    date: (_, f) => `${f} : une date qui existe est attendue, au format AAAA-MM-JJ (par ex. 1990-05-14)`,
    datetime: (_, f) => `${f} : une date et une heure sont attendues, comme 2026-02-20T18:30:00 (décalage facultatif, +01:00)`,
    value: (_, f) => `${f} : valeur non valable`,
  },
  en: {
    unreadable: (p) => `cannot be read (${s(p.error)})`,
    unparsable: (p) => `cannot be parsed (${s(p.error)})`,
    'not-a-file': () => 'is not a regular file',
    'too-large': (p) => `file is ${s(p.bytes)} bytes; a declaration is at most ${s(p.max)}`,
    'too-many-lines': (p) => `has over ${s(p.max)} lines; a declaration has a few dozen`,
    'not-utf8': () => 'not UTF-8 text: read as Windows-1252 ("ANSI"); save candidate.yaml as UTF-8 so that accented letters are sure',
    more: (p) => `and ${s(p.count)} more problem(s) after this line`,
    yaml: (p) => SYNTAX_SAID.en[s(p.syntax)]?.(p) ?? `YAML syntax error (${s(p.detail)})`,
    empty: () => 'the declaration is empty',
    'not-a-mapping': () => 'expected facts as "name: value" lines',
    'unknown-fact': (p) => `unknown fact '${s(p.fact)}'${p.suggestion ? ` (did you mean '${s(p.suggestion)}'?)` : ''}; expected one of: ${s(p.expected)}`,
    type: (p, f) => `${f}: expected ${VALUE_KINDS.en[s(p.expected)] ?? `a value of type ${s(p.expected)}`}`,
    'too-small': (p, f) => `${f}: at least ${s(p.min)}`,
    'too-big': (p, f) => `${f}: at most ${s(p.max)}`,
    'one-of': (p, f) => `${f}: expected one of: ${s(p.expected)}`,
    pattern: (p, f) => `${f}: the value is not in the expected form${p.example !== undefined ? ` (for example: ${s(p.example)})` : ` ${s(p.pattern)}`}`,
    date: (_, f) => `${f}: expected a calendar date YYYY-MM-DD that exists (e.g. 1990-05-14)`,
    datetime: (_, f) => `${f}: expected a date and time like 2026-02-20T18:30:00 (optionally with an offset, +01:00)`,
    value: (_, f) => `${f}: not a valid value`,
  },
};

const VALUE_KINDS: Record<Lang, Record<string, string>> = {
  fr: { number: 'un nombre', int: 'un nombre entier', string: 'un texte', boolean: 'oui ou non (true, false)', array: 'une liste' },
  en: { number: 'a number', int: 'a whole number', string: 'text', boolean: 'yes or no (true, false)', array: 'a list' },
};

function declarationReason(lang: Lang, p: P, ctx: MessageContext): string {
  const say = typeof p.reason === 'string' ? DECLARATION_REASONS[lang][p.reason] : undefined;
  // The fact by its label where the profile gives one; a list item keeps its path (languages.1).
  return say ? say(p, ctx.fact ?? s(p.fact)) : s(p.detail);
}

const TYPE_NAMES: Record<Lang, Record<string, string>> = {
  fr: {
    jpeg: 'une image JPEG',
    png: 'une image PNG',
    gif: 'une image GIF',
    tiff: 'une image TIFF',
    heic: 'une photo HEIC (iPhone)',
    webp: 'une image WebP',
    docx: 'un document Word (.docx)',
    doc: 'un document Word ancien format (.doc)',
    xlsx: 'un classeur Excel (.xlsx)',
    pptx: 'une présentation PowerPoint (.pptx)',
    odt: 'un document OpenDocument (.odt)',
    zip: 'une archive ZIP',
    rtf: 'un document RTF',
    html: 'une page web (HTML)',
    text: 'un fichier texte',
    unknown: "un fichier d'un type inconnu",
  },
  en: {
    jpeg: 'a JPEG image',
    png: 'a PNG image',
    gif: 'a GIF image',
    tiff: 'a TIFF image',
    heic: 'a HEIC photo (iPhone)',
    webp: 'a WebP image',
    docx: 'a Word document (.docx)',
    doc: 'an old-format Word document (.doc)',
    xlsx: 'an Excel workbook (.xlsx)',
    pptx: 'a PowerPoint presentation (.pptx)',
    odt: 'an OpenDocument text (.odt)',
    zip: 'a ZIP archive',
    rtf: 'an RTF document',
    html: 'a web page (HTML)',
    text: 'a text file',
    unknown: 'a file of an unknown type',
  },
};

/** A file's type, from its first bytes (src/pdf/sniff.ts), in words: "un document Word (.docx)". */
export const typeName = (type: string, lang: Lang): string => TYPE_NAMES[lang][type] ?? TYPE_NAMES[lang].unknown!;

const cap = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);
/**
 * A French document label inside a sentence ("votre copie de la CNI"); an acronym ("CV
 * actualisé") as written. English keeps its capitals for proper adjectives ("English test
 * certificate"): there the label is quoted as written.
 */
const inSentence = (t: string): string => (/^\p{Lu}\p{Ll}/u.test(t) ? t.charAt(0).toLowerCase() + t.slice(1) : t);
const items = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : [s(v)]);
/** A YAML slip in candidate.yaml said in plain words (params.syntax, src/yaml/located.ts). */
const SYNTAX_SAID: Record<'fr' | 'en', Record<string, (p: P) => string>> = {
  fr: {
    'unclosed-quote': () => 'un guillemet ouvert ici n’est jamais fermé',
    'unclosed-list': () => 'une liste ouverte ici par « [ » n’est jamais fermée par « ] »',
    'unclosed-map': () => 'un groupe ouvert ici par « { » n’est jamais fermé par « } »',
    'duplicate-key': (p) => `${p.key ? `« ${s(p.key)} »` : 'cette ligne'} figure deux fois`,
  },
  en: {
    'unclosed-quote': () => 'a quote opened here is never closed',
    'unclosed-list': () => 'a list opened here with "[" is never closed with "]"',
    'unclosed-map': () => 'a group opened here with "{" is never closed with "}"',
    'duplicate-key': (p) => `${p.key ? `'${s(p.key)}'` : 'this line'} is given twice`,
  },
};
/** What to do about a YAML slip in candidate.yaml (params.syntax, src/yaml/located.ts). */
const SYNTAX_FIXES: Record<'fr' | 'en', Record<string, string>> = {
  fr: {
    'unclosed-quote': 'Fermez le guillemet à la fin de la valeur, sur la même ligne (ou retirez-le).',
    'unclosed-list': 'Fermez la liste par « ] » sur la même ligne, par exemple : languages: [ar, fr, en]',
    'unclosed-map': 'Fermez le groupe par « } » sur la même ligne, ou retirez « { » : chaque information s’écrit sur sa ligne « nom: valeur ».',
    'duplicate-key': 'Gardez une seule de ces lignes, avec la bonne valeur.',
  },
  en: {
    'unclosed-quote': 'Close the quote at the end of the value, on the same line (or remove it).',
    'unclosed-list': 'Close the list with "]" on the same line, for example: languages: [ar, fr, en]',
    'unclosed-map': 'Close the group with "}" on the same line, or remove the "{": each fact goes on its own "name: value" line.',
    'duplicate-key': 'Keep one of these lines, with the right value.',
  },
};

/**
 * Why candidate.yaml does not say whether a document is required: the file could not be read,
 * the value it gives was refused, or it does not give one yet.
 */
function situationUnsaid(lang: 'fr' | 'en', p: P, c: MessageContext): string {
  const fr = lang === 'fr';
  if (c.declaration?.unread) return fr ? 'candidate.yaml, qui indique votre situation, n’a pas pu être lu (voir les remarques) : corrigez-le' : 'candidate.yaml, which states your situation, could not be read (see the notes): correct it';
  const refused = items(p.facts).filter((f) => c.declaration?.refused.has(f));
  if (refused.length) return fr ? `la valeur que candidate.yaml donne pour votre situation${named(refused)} est refusée (voir les remarques) : corrigez-la` : `the value candidate.yaml gives for your situation${named(refused)} was refused (see the notes): correct it`;
  return fr ? `candidate.yaml ne dit pas encore la vôtre${named(p.facts)} : renseignez-la` : `candidate.yaml does not say yours yet${named(p.facts)}: fill it in`;
}

/** The document a duplicate's original was taken for (duplicate-file), by its label where known. */
const originalLabel = (p: P, c: MessageContext): string => c.documentLabel?.(s(p.originalDocument)) ?? s(p.originalDocument);

/** ` (a, b)` for a non-empty list, nothing otherwise. */
const named = (v: unknown): string => (Array.isArray(v) && v.length > 0 ? ` (${v.map(String).join(', ')})` : '');
const frList = (v: unknown): string => {
  const a = items(v);
  return a.length > 1 ? `${a.slice(0, -1).join(', ')} et ${a[a.length - 1]}` : (a[0] ?? '');
};
const enList = (v: unknown): string => {
  const a = items(v);
  return a.length > 1 ? `${a.slice(0, -1).join(', ')} and ${a[a.length - 1]}` : (a[0] ?? '');
};

const isImage = (t: unknown) => ['jpeg', 'png', 'gif', 'tiff', 'heic', 'webp'].includes(String(t));

const pagesExpected = (p: P, lang: Lang): string => {
  if (p.exactly !== undefined) return lang === 'fr' ? `exactement ${s(p.exactly)}` : `exactly ${s(p.exactly)}`;
  if (p.min !== undefined && p.max !== undefined) return lang === 'fr' ? `entre ${s(p.min)} et ${s(p.max)}` : `between ${s(p.min)} and ${s(p.max)}`;
  if (p.max !== undefined) return lang === 'fr' ? `au plus ${s(p.max)}` : `at most ${s(p.max)}`;
  return lang === 'fr' ? `au moins ${s(p.min)}` : `at least ${s(p.min)}`;
};

const fr = {
  missing: {
    text: (_p, c) => `${c.document ?? 'Document'} : aucun fichier trouvé`,
    fix: (p, c) =>
      (p.condition === 'unknown' ? `Ce document n’est exigé que dans certaines situations, et ${situationUnsaid('fr', p, c)}. S’il est exigé : ` : '') +
      (c.advice ?? 'Ajoutez ce document au dossier, en PDF, avec un nom de fichier qui dit ce qu’il contient.'),
  },
  'not-pdf': {
    text: (p) => `${s(p.file)} n'est pas un PDF : c'est ${typeName(s(p.type), 'fr')}`,
    fix: (p) =>
      isImage(p.type)
        ? `Numérisez le document en PDF (ou exportez la photo en PDF) à la place de ${s(p.file)}.`
        : `Convertissez ${s(p.file)} en PDF (Fichier > Enregistrer sous > PDF) et remplacez-le.`,
  },
  'empty-file': {
    text: (p) => `${s(p.file)} est vide (0 octet)`,
    fix: () => 'Le fichier a sans doute été mal copié ou mal téléchargé : enregistrez-le de nouveau.',
  },
  unreadable: {
    text: (p) =>
      p.reason === 'truncated'
        ? `${s(p.file)} est incomplet (le fichier est coupé avant sa fin)`
        : p.reason === 'crash'
          ? `${s(p.file)} ne peut pas être lu : sa structure fait échouer la lecture`
          : p.reason === 'bomb'
            ? `${s(p.file)} se décompresse en plus de ${s(p.limitMB)} Mo : c'est anormal pour un document (« bombe de décompression »), il n'est pas ouvert`
            : p.reason === 'memory'
              ? `${s(p.file)} demande plus de ${s(p.limitMB)} Mo de mémoire pour être lu : c'est anormal pour un document, sa lecture a été arrêtée`
              : `${s(p.file)} est endommagé et ne s'ouvre pas comme un PDF`,
    fix: (p) =>
      p.reason === 'truncated'
        ? 'Le transfert a probablement été interrompu : copiez ou téléchargez le fichier de nouveau.'
        : 'Ouvrez le document d’origine et enregistrez-le de nouveau en PDF.',
  },
  encrypted: {
    text: (p) => `${s(p.file)} est protégé par un mot de passe`,
    fix: () => 'Enregistrez une copie du PDF sans mot de passe : le jury doit pouvoir l’ouvrir.',
  },
  restricted: {
    text: (p) => `${s(p.file)} porte des restrictions${denied('fr', p.denied) ? ` (interdit : ${denied('fr', p.denied)})` : ''}`,
    fix: () => 'Il s’ouvre, mais mieux vaut l’enregistrer sans restrictions.',
  },
  'page-count': {
    text: (p) => `${s(p.file)} a ${s(p.actual)} page${Number(p.actual) > 1 ? 's' : ''} ; attendu : ${pagesExpected(p, 'fr')}`,
    fix: (p, c) =>
      c.pagesAdvice ??
      (p.exactly === 1
        ? 'Réunissez le contenu sur une seule page, puis enregistrez-la en PDF.'
        : p.max !== undefined && Number(p.actual) > Number(p.max)
          ? 'Raccourcissez le document.'
          : 'Vérifiez que c’est le bon document et qu’il est complet.'),
  },
  'page-tree': {
    text: (p) => `${s(p.file)} annonce ${s(p.declared)} page(s) mais ${s(p.loaded)} seulement s'ouvrent`,
    fix: () => 'Le PDF est mal construit : ouvrez-le et enregistrez-le de nouveau (ou « Imprimer en PDF »).',
  },
  ambiguous: {
    text: (p, c) => `${c.document ?? 'Ce document'} : plusieurs fichiers se disputent la place (${s(p.files)})`,
    fix: (p, c) =>
      p.exactly === 1
        ? (c.pagesAdvice ?? 'Réunissez-les en un seul PDF d’une page.')
        : 'Gardez un seul fichier pour ce document, ou réunissez-les en un seul PDF.',
  },
  'too-large': {
    text: (p) => `${s(p.file)} pèse ${nFr(p.sizeMB)} Mo ; limite : ${nFr(p.limitMB)} Mo`,
    fix: () => 'Numérisez en 150 ou 200 ppp, en niveaux de gris, ou compressez le PDF.',
  },
  'wrong-form': {
    text: (p) => `${s(p.file)} est le formulaire ${s(p.variant)}, alors que votre situation demande le formulaire ${s(p.expected)}`,
    fix: (p) => `Remplissez et joignez le formulaire ${s(p.expected)} à la place.`,
  },
  timeout: {
    text: (p) => `${s(p.file)} n'a pas pu être analysé en ${nFr(p.seconds)} s`,
    fix: () => 'Le fichier est anormalement complexe : ouvrez-le et enregistrez-le de nouveau en PDF.',
  },
  'unreadable-file': {
    text: (p) => `${s(p.file)} ne peut pas être lu sur le disque (${s(p.error)})`,
    // ECHANGED: its size changed while it was being read (src/pdf/worker.ts).
    fix: (p) => (p.error === 'ECHANGED' ? 'Le fichier a changé pendant la vérification : relancez-la quand il ne change plus.' : 'Vérifiez les droits d’accès au fichier.'),
  },
  'blank-page': {
    text: (p) =>
      items(p.pages).length > 1
        ? `${s(p.file)} : les pages ${frList(p.pages)} sont blanches`
        : `${s(p.file)} : la page ${s(p.pages)} est blanche`,
    fix: () => 'Retirez les pages blanches, ou vérifiez qu’il ne manque pas un contenu qui aurait dû y figurer (page mal numérisée).',
  },
  'blank-document': {
    text: (p) => `${s(p.file)} ne contient ${Number(p.pages) > 1 ? `que des pages blanches (${s(p.pages)})` : 'qu’une page blanche'}`,
    fix: () => 'Vous avez sans doute joint un modèle vide ou le mauvais fichier : ouvrez le document rempli, enregistrez-le de nouveau en PDF et vérifiez-le avant de l’envoyer.',
  },
  'cni-one-side': {
    text: (p) => `${s(p.file)} : seul un côté de la carte semble présent sur la page`,
    fix: () => 'Fusionnez le recto et le verso sur une seule page (l’un sous l’autre ou côte à côte), puis enregistrez-la en PDF.',
  },
  'form-empty': {
    text: (p) =>
      `${s(p.file)} est un formulaire à remplir dont ${Number(p.fields) > 1 ? `les ${s(p.fields)} champs sont tous vides` : 'le champ est vide'}` +
      (Number(p.overlays) > 0 ? ' ; du texte semble ajouté par-dessus (outil « Remplir et signer »), il n’est pas lu' : ''),
    fix: () => 'Ouvrez le formulaire dans un lecteur PDF, tapez vos réponses dans ses champs, puis enregistrez-le (sans l’imprimer ni l’aplatir).',
  },
  'facts-mismatch': {
    text: (p, c) =>
      `${cap(c.fact ?? s(p.fact))} : candidate.yaml indique ${s(p.declared)}, mais le formulaire ${s(p.file)} (champ ${s(p.field)}) indique ${s(p.form)}`,
    fix: () => 'Corrigez l’un ou l’autre pour qu’ils concordent. Toute information erronée entraînera l’annulation du dossier.',
  },
  'duplicate-file': {
    text: (p, c) =>
      p.by === 'name'
        ? `${frList(p.files)} ne diffèrent que par les majuscules ou les accents`
        : `${s(p.file)} est une copie exacte de ${s(p.original)}${p.originalDocument ? ` (${originalLabel(p, c)})` : ''}`,
    fix: (p, c) =>
      p.by === 'name'
        ? 'Gardez un seul de ces fichiers, ou renommez l’autre selon son contenu : sur la plupart des ordinateurs, l’un écraserait l’autre.'
        : c.document && p.originalDocument
          ? `L’un des deux fichiers n’est pas le bon : ouvrez-les, puis remplacez ${s(p.file)} par votre ${inSentence(c.document)}, ou ${s(p.original)} par votre ${inSentence(originalLabel(p, c))}.`
          : c.document
            ? `Remplacez ${s(p.file)} par le bon document : ${c.document}.`
            : `Retirez ${s(p.file)} du dossier, ou remplacez-le par le document prévu.`,
  },
  'matched-by-content': {
    text: (p, c) =>
      `${s(p.file)} a été reconnu à son contenu comme ${c.document ? `« ${c.document} »` : 'une pièce demandée'}` +
      (Array.isArray(p.keywords) ? ` (${items(p.keywords).map((k) => `« ${k} »`).join(', ')})` : ''),
    fix: (p) => `Renommez ${s(p.file)} en ${s(p.example)} pour que son nom dise ce qu’il est.`,
  },
  'stray-file': {
    text: (p) => `${s(p.file)} est à la racine du lot : il n'appartient à aucun dossier`,
    fix: () => 'Placez chaque fichier dans le dossier du candidat concerné.',
  },
  'no-dossiers': {
    text: (p) => `${s(p.file)} ne contient aucun dossier de candidat (aucun sous-dossier${p.hidden ? ' hormis des dossiers cachés, dont le nom commence par un point, qui ne sont pas examinés' : ''}) : rien n'a été vérifié`,
    fix: (p) =>
      p.candidateFiles
        ? `Ce dossier semble être celui d'un seul candidat : vérifiez-le avec « dossier check ${s(p.file)} ».`
        : 'Indiquez le dossier qui contient un sous-dossier par candidat.',
  },
  'unexpected-file': {
    text: (p, c) =>
      `${s(p.file)} ne correspond à aucune pièce demandée` +
      (p.suggestion ? ` ; son contenu évoque : ${c.documentLabel?.(s(p.suggestion)) ?? s(p.suggestion)}` : ''),
    fix: (p) =>
      p.suggestion
        ? `Si c’est bien cette pièce, renommez ${s(p.file)} en ${s(p.example)} ; sinon, retirez-le du dossier.`
        : notPdfName(p.file)
          ? 'Si c’est une pièce demandée, enregistrez-la en PDF et nommez-la selon son contenu (par exemple « CV.pdf ») ; sinon, retirez-la du dossier.'
          : 'Renommez-le selon son contenu (par exemple « CV.pdf », « CIN.pdf »), ou retirez-le du dossier.',
  },
  'no-declaration': {
    text: (p) => `Pas de fichier candidate.yaml${p.found ? ` (mais ${s(p.found)})` : ''} : l’éligibilité ne peut pas être vérifiée`,
    fix: (p) =>
      p.found
        ? `Renommez ${s(p.found)} en candidate.yaml, exactement (l’extension .txt est parfois cachée par Windows).`
        : 'Créez-le avec « dossier init <dossier> » et remplissez-le.',
  },
  'declaration-invalid': {
    text: (p, c) => `${s(p.file)}:${s(p.line)}:${s(p.col)} ${declarationReason('fr', p, c)}`,
    fix: (p) =>
      p.suggestion
        ? `Remplacez « ${s(p.fact)} » par « ${s(p.suggestion)} » dans candidate.yaml.`
        : p.reason === 'empty'
          ? 'Écrivez-y vos informations, une ligne « nom: valeur » chacune ; ou supprimez ce fichier vide et créez-le avec « dossier init <dossier> ».'
          : (SYNTAX_FIXES.fr[s(p.syntax)] ?? 'Corrigez cette ligne de candidate.yaml.'),
  },
  symlink: {
    text: (p) => `${s(p.file)} est un lien symbolique : il n'est pas suivi`,
    fix: () => 'Copiez le vrai fichier dans le dossier à la place du lien.',
  },
  subfolder: {
    text: (p) => `${s(p.file)} est un sous-dossier : son contenu n'est pas examiné`,
    fix: (p) =>
      p.dossier
        ? 'Il contient un candidate.yaml : c’est sans doute le dossier d’un candidat. Pour vérifier un lot de dossiers, donnez leur dossier parent à « dossier batch ».'
        : 'Placez les pièces directement dans le dossier du candidat.',
  },
  'unreadable-folder': {
    text: (p) => (p.file ? `${s(p.file)} ne peut pas être lu (${s(p.error)})` : `Le dossier ne peut pas être lu (${s(p.error)})`),
    fix: () => 'Vérifiez le chemin et les droits d’accès.',
  },
  'check-failed': {
    text: (p) => `Le dossier n'a pas pu être vérifié jusqu'au bout (${s(p.error)})`,
    fix: () => 'Signalez ce cas à l’équipe qui maintient l’outil, avec le dossier en question.',
  },
} satisfies Record<ProblemCode, Entry>;

const en = {
  missing: {
    text: (_p, c) => `${c.document ?? 'Document'}: no file found`,
    fix: (p, c) =>
      (p.condition === 'unknown' ? `This document is required only in some situations, and ${situationUnsaid('en', p, c)}. If it is required: ` : '') +
      (c.advice ?? 'Add this document to the folder, as PDF, with a file name that says what it is.'),
  },
  'not-pdf': {
    text: (p) => `${s(p.file)} is not a PDF: it is ${typeName(s(p.type), 'en')}`,
    fix: (p) =>
      isImage(p.type)
        ? `Scan the document to PDF (or export the photo as PDF) instead of ${s(p.file)}.`
        : `Convert ${s(p.file)} to PDF (File > Save as > PDF) and replace it.`,
  },
  'empty-file': {
    text: (p) => `${s(p.file)} is empty (0 bytes)`,
    fix: () => 'The file was probably copied or downloaded badly: save it again.',
  },
  unreadable: {
    text: (p) =>
      p.reason === 'truncated'
        ? `${s(p.file)} is incomplete (the file is cut short)`
        : p.reason === 'crash'
          ? `${s(p.file)} cannot be read: its structure makes the reader fail`
          : p.reason === 'bomb'
            ? `${s(p.file)} inflates to more than ${s(p.limitMB)} MB: abnormal for a document (a "decompression bomb"); it is not opened`
            : p.reason === 'memory'
              ? `${s(p.file)} takes more than ${s(p.limitMB)} MB of memory to read: abnormal for a document; reading it was stopped`
              : `${s(p.file)} is damaged and does not open as a PDF`,
    fix: (p) =>
      p.reason === 'truncated'
        ? 'The transfer was probably interrupted: copy or download the file again.'
        : 'Open the original document and save it as PDF again.',
  },
  encrypted: {
    text: (p) => `${s(p.file)} is password-protected`,
    fix: () => 'Save a copy of the PDF without a password: the panel must be able to open it.',
  },
  restricted: {
    text: (p) => `${s(p.file)} carries restrictions${denied('en', p.denied) ? ` (forbidden: ${denied('en', p.denied)})` : ''}`,
    fix: () => 'It opens, but it is safer to save it without restrictions.',
  },
  'page-count': {
    text: (p) => `${s(p.file)} has ${s(p.actual)} page${Number(p.actual) === 1 ? '' : 's'}; expected: ${pagesExpected(p, 'en')}`,
    fix: (p, c) =>
      c.pagesAdvice ??
      (p.exactly === 1
        ? 'Put the content on a single page, then save it as PDF.'
        : p.max !== undefined && Number(p.actual) > Number(p.max)
          ? 'Shorten the document.'
          : 'Check that it is the right document and that it is complete.'),
  },
  'page-tree': {
    text: (p) => `${s(p.file)} announces ${s(p.declared)} page(s) but only ${s(p.loaded)} open`,
    fix: () => 'The PDF is badly built: open it and save it again (or "Print to PDF").',
  },
  ambiguous: {
    text: (p, c) => `${c.document ?? 'This document'}: several files compete for it (${s(p.files)})`,
    fix: (p, c) =>
      p.exactly === 1
        ? (c.pagesAdvice ?? 'Combine them into one single-page PDF.')
        : 'Keep a single file for this document, or combine them into one PDF.',
  },
  'too-large': {
    text: (p) => `${s(p.file)} weighs ${s(p.sizeMB)} MB; limit: ${s(p.limitMB)} MB`,
    fix: () => 'Scan at 150 or 200 dpi in greyscale, or compress the PDF.',
  },
  'wrong-form': {
    text: (p) => `${s(p.file)} is form ${s(p.variant)}, but your situation calls for form ${s(p.expected)}`,
    fix: (p) => `Fill in and attach form ${s(p.expected)} instead.`,
  },
  timeout: {
    text: (p) => `${s(p.file)} could not be analysed within ${s(p.seconds)} s`,
    fix: () => 'The file is abnormally complex: open it and save it as PDF again.',
  },
  'unreadable-file': {
    text: (p) => `${s(p.file)} cannot be read from disk (${s(p.error)})`,
    fix: (p) => (p.error === 'ECHANGED' ? 'The file changed while it was being checked: run the check again once it no longer changes.' : 'Check the file permissions.'),
  },
  'blank-page': {
    text: (p) =>
      items(p.pages).length > 1
        ? `${s(p.file)}: pages ${enList(p.pages)} are blank`
        : `${s(p.file)}: page ${s(p.pages)} is blank`,
    fix: () => 'Remove the blank pages, or check that no content is missing from them (a page badly scanned).',
  },
  'blank-document': {
    text: (p) => `${s(p.file)} holds nothing but ${Number(p.pages) > 1 ? `blank pages (${s(p.pages)})` : 'a blank page'}`,
    fix: () => 'You probably attached an empty template or the wrong file: open the completed document, save it as PDF again and check it before sending it.',
  },
  'cni-one-side': {
    text: (p) => `${s(p.file)}: only one side of the card seems to be on the page`,
    fix: () => 'Put the front and the back on a single page (one above the other, or side by side), then save it as PDF.',
  },
  'form-empty': {
    text: (p) =>
      `${s(p.file)} is a fillable form whose ${Number(p.fields) > 1 ? `${s(p.fields)} fields are all empty` : 'field is empty'}` +
      (Number(p.overlays) > 0 ? '; text seems to be laid over it (a "Fill & Sign" tool), which is not read' : ''),
    fix: () => 'Open the form in a PDF reader, type your answers into its fields, then save it (without printing or flattening it).',
  },
  'facts-mismatch': {
    text: (p, c) => `${cap(c.fact ?? s(p.fact))}: candidate.yaml says ${s(p.declared)}, but the form ${s(p.file)} (field ${s(p.field)}) says ${s(p.form)}`,
    fix: () => 'Correct one or the other so that they agree. Any false information will cancel the application.',
  },
  'duplicate-file': {
    text: (p, c) =>
      p.by === 'name'
        ? `${enList(p.files)} differ only by capitals or accents`
        : `${s(p.file)} is an exact copy of ${s(p.original)}${p.originalDocument ? ` (${originalLabel(p, c)})` : ''}`,
    fix: (p, c) =>
      p.by === 'name'
        ? 'Keep only one of these files, or rename the other after its content: on most computers one would overwrite the other.'
        : c.document && p.originalDocument
          ? `One of the two files is not the right one: open them, then replace ${s(p.file)} with your "${c.document}", or ${s(p.original)} with your "${originalLabel(p, c)}".`
          : c.document
            ? `Replace ${s(p.file)} with the right document: ${c.document}.`
            : `Remove ${s(p.file)} from the folder, or replace it with the intended document.`,
  },
  'matched-by-content': {
    text: (p, c) =>
      `${s(p.file)} was recognised by its content as ${c.document ? `"${c.document}"` : 'a required document'}` +
      (Array.isArray(p.keywords) ? ` (${items(p.keywords).map((k) => `"${k}"`).join(', ')})` : ''),
    fix: (p) => `Rename ${s(p.file)} to ${s(p.example)} so that its name says what it is.`,
  },
  'stray-file': {
    text: (p) => `${s(p.file)} lies at the root of the batch: it belongs to no dossier`,
    fix: () => 'Put every file in the folder of the candidate it belongs to.',
  },
  'no-dossiers': {
    text: (p) => `${s(p.file)} holds no candidate's dossier (no sub-folder${p.hidden ? ' but hidden ones, whose names start with a dot, which are not examined' : ''}): nothing was checked`,
    fix: (p) =>
      p.candidateFiles
        ? `This folder looks like one candidate's dossier: check it with "dossier check ${s(p.file)}".`
        : 'Give the folder that holds one sub-folder per candidate.',
  },
  'unexpected-file': {
    text: (p, c) =>
      `${s(p.file)} matches none of the required documents` +
      (p.suggestion ? `; its content suggests: ${c.documentLabel?.(s(p.suggestion)) ?? s(p.suggestion)}` : ''),
    fix: (p) =>
      p.suggestion
        ? `If that is what it is, rename ${s(p.file)} to ${s(p.example)}; otherwise remove it from the folder.`
        : notPdfName(p.file)
          ? 'If it is a document asked for, save it as PDF and name it after its content (for instance "CV.pdf"); otherwise remove it from the folder.'
          : 'Rename it after its content (for instance "CV.pdf", "CIN.pdf"), or remove it from the folder.',
  },
  'no-declaration': {
    text: (p) => `No candidate.yaml file${p.found ? ` (but ${s(p.found)})` : ''}: eligibility cannot be checked`,
    fix: (p) =>
      p.found
        ? `Rename ${s(p.found)} to candidate.yaml, exactly (Windows sometimes hides a .txt extension).`
        : 'Create it with "dossier init <folder>" and fill it in.',
  },
  'declaration-invalid': {
    text: (p, c) => `${s(p.file)}:${s(p.line)}:${s(p.col)} ${declarationReason('en', p, c)}`,
    fix: (p) =>
      p.suggestion
        ? `Replace '${s(p.fact)}' with '${s(p.suggestion)}' in candidate.yaml.`
        : p.reason === 'empty'
          ? 'Write your facts in it, one "name: value" line each; or delete this empty file and create it with "dossier init <folder>".'
          : (SYNTAX_FIXES.en[s(p.syntax)] ?? 'Fix this line of candidate.yaml.'),
  },
  symlink: {
    text: (p) => `${s(p.file)} is a symbolic link: it is not followed`,
    fix: () => 'Copy the real file into the folder instead of the link.',
  },
  subfolder: {
    text: (p) => `${s(p.file)} is a sub-folder: its content is not examined`,
    fix: (p) =>
      p.dossier
        ? 'It holds a candidate.yaml: probably a candidate\'s dossier. To check a batch of dossiers, give their parent folder to "dossier batch".'
        : 'Put the documents directly in the candidate folder.',
  },
  'unreadable-folder': {
    text: (p) => (p.file ? `${s(p.file)} cannot be read (${s(p.error)})` : `The folder cannot be read (${s(p.error)})`),
    fix: () => 'Check the path and the permissions.',
  },
  'check-failed': {
    text: (p) => `The dossier could not be fully checked (${s(p.error)})`,
    fix: () => 'Report this case to the team maintaining the tool, with the dossier concerned.',
  },
} satisfies Record<ProblemCode, Entry>;

const CATALOGUE: Record<Lang, Record<ProblemCode, Entry>> = { fr, en };

export interface Rendered {
  readonly message: string;
  readonly fix: string;
}

export function render(f: Finding, lang: Lang, ctx: MessageContext = {}): Rendered {
  const entry = CATALOGUE[lang][f.code];
  const p = f.params as P;
  return { message: entry.text(p, ctx), fix: entry.fix(p, ctx) };
}
