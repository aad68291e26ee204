// Words for eligibility verdicts: what was observed and what the rule asks, in French and in
// English. The `satisfies Record<Operator, Record<RuleLang, …>>` clause makes an operator added
// to the schema without a sentence in both languages a compile error.
import type { Operator } from '../profile/schema.js';
import type { Leaf, RuleVerdict } from '../rules/types.js';

export type RuleLang = 'fr' | 'en';

/**
 * What candidate.yaml could not tell, from its findings: the facts it gives in a refused form,
 * or nothing at all when the file could not be read (a YAML slip, too large...). A fact left
 * unknown for either reason is said so, not "not provided": giving it again would not help.
 */
export interface DeclarationTrouble {
  readonly refused: ReadonlySet<string>;
  readonly unread: boolean;
}

interface Words {
  /** Label-value separator: French puts a space before « : » and « ; ». */
  readonly colon: string;
  readonly semi: string;
  readonly yes: string;
  readonly no: string;
  readonly none: string;
  readonly notProvided: string;
  /** A fact candidate.yaml gives, but in a form that was refused (its finding says why). */
  readonly invalid: string;
  /** candidate.yaml could not be read at all (its finding says why). */
  readonly unread: string;
  readonly unusable: (value: string) => string;
  readonly number: (n: number) => string;
  /** Between the explanations of two leaves. */
  readonly between: string;
  readonly doesNotApply: string;
  readonly mayApply: string;
}

const WORDS = {
  fr: {
    colon: ' : ',
    semi: ' ; ',
    yes: 'oui',
    no: 'non',
    none: 'aucune',
    // Said of any fact, whatever its gender (« date de naissance », « années d'expérience »).
    notProvided: 'à renseigner',
    invalid: 'valeur refusée dans candidate.yaml (voir les remarques)',
    unread: 'candidate.yaml n’a pas pu être lu (voir les remarques)',
    unusable: (v) => `valeur inexploitable « ${v} »`,
    number: (n) => String(n).replace('.', ','),
    between: ' — ',
    doesNotApply: "ne s'applique pas",
    mayApply: "impossible de savoir si la règle s'applique",
  },
  en: {
    colon: ': ',
    semi: '; ',
    yes: 'yes',
    no: 'no',
    none: 'none',
    notProvided: 'not provided',
    invalid: 'value refused in candidate.yaml (see the notes)',
    unread: 'candidate.yaml could not be read (see the notes)',
    unusable: (v) => `unusable value "${v}"`,
    number: (n) => String(n),
    between: ' — ',
    doesNotApply: 'does not apply',
    mayApply: 'cannot tell whether the rule applies',
  },
} satisfies Record<RuleLang, Words>;

/** What a sentence is made of, already formatted in the reader's language. */
interface Parts {
  readonly leaf: Leaf;
  /** "Label : " (or "fact : ") before the observed value. */
  readonly subject: string;
  readonly observed: string;
  readonly threshold: string;
  /** Whether min/max compare ranks of an ordinal scale rather than numbers. */
  readonly ordinal: boolean;
  readonly age: number | undefined;
  readonly at: string;
  /** A value not given, in words: not provided, or why candidate.yaml could not tell it. */
  readonly absent: string;
}

type Sentence = (p: Parts) => string;

const LEAF_SENTENCES = {
  equals: {
    fr: (p) => `${p.subject}${p.observed} ; exigé : ${p.threshold}`,
    en: (p) => `${p.subject}${p.observed}; required: ${p.threshold}`,
  },
  notEquals: {
    fr: (p) => `${p.subject}${p.observed} ; exigé : autre que ${p.threshold}`,
    en: (p) => `${p.subject}${p.observed}; required: other than ${p.threshold}`,
  },
  in: {
    fr: (p) => `${p.subject}${p.observed} ; exigé : l'une des valeurs ${p.threshold}`,
    en: (p) => `${p.subject}${p.observed}; required: one of ${p.threshold}`,
  },
  min: {
    fr: (p) => `${p.subject}${p.observed} ; exigé : ${p.ordinal ? `${p.threshold} ou plus` : `au moins ${p.threshold}`}`,
    en: (p) => `${p.subject}${p.observed}; required: ${p.ordinal ? `${p.threshold} or higher` : `at least ${p.threshold}`}`,
  },
  max: {
    fr: (p) => `${p.subject}${p.observed} ; exigé : ${p.ordinal ? `${p.threshold} ou moins` : `au plus ${p.threshold}`}`,
    en: (p) => `${p.subject}${p.observed}; required: ${p.ordinal ? `${p.threshold} or lower` : `at most ${p.threshold}`}`,
  },
  above: {
    fr: (p) => `${p.subject}${p.observed} ; exigé : plus de ${p.threshold}`,
    en: (p) => `${p.subject}${p.observed}; required: more than ${p.threshold}`,
  },
  below: {
    fr: (p) => `${p.subject}${p.observed} ; exigé : moins de ${p.threshold}`,
    en: (p) => `${p.subject}${p.observed}; required: less than ${p.threshold}`,
  },
  contains: {
    fr: (p) => `${p.subject}${p.observed} ; exigé : ${p.threshold}`,
    en: (p) => `${p.subject}${p.observed}; required: ${p.threshold}`,
  },
  present: {
    fr: (p) => `${p.subject}${p.leaf.observed === null ? p.absent : p.observed} ; exigé : ${p.leaf.threshold ? 'renseigné' : 'non renseigné'}`,
    en: (p) => `${p.subject}${p.leaf.observed === null ? p.absent : p.observed}; required: ${p.leaf.threshold ? 'provided' : 'not provided'}`,
  },
  ageBelow: {
    fr: (p) => `${ansFr(p)} ; limite : moins de ${p.threshold}`,
    en: (p) => `${yearsEn(p)}; limit: under ${p.threshold}`,
  },
  ageAtLeast: {
    fr: (p) => `${ansFr(p)} ; exigé : au moins ${p.threshold}`,
    en: (p) => `${yearsEn(p)}; required: at least ${p.threshold}`,
  },
  notAfter: {
    fr: (p) => `${p.subject}${p.observed} ; limite : ${p.threshold}`,
    en: (p) => `${p.subject}${p.observed}; limit: ${p.threshold}`,
  },
  notBefore: {
    fr: (p) => `${p.subject}${p.observed} ; au plus tôt : ${p.threshold}`,
    en: (p) => `${p.subject}${p.observed}; earliest: ${p.threshold}`,
  },
} satisfies Record<Operator, Record<RuleLang, Sentence>>;

// The age is the point; the birth date only stands in when no age was derived.
function ansFr(p: Parts): string {
  if (p.age === undefined) return `${p.subject}${p.observed}`;
  return `${WORDS.fr.number(p.age)} ${Math.abs(p.age) < 2 ? 'an' : 'ans'} au ${p.at}`;
}
function yearsEn(p: Parts): string {
  if (p.age === undefined) return `${p.subject}${p.observed}`;
  return `${p.age} ${p.age === 1 ? 'year' : 'years'} old on ${p.at}`;
}

function formatValue(v: unknown, w: Words): string {
  if (v === null || v === undefined) return w.notProvided;
  if (typeof v === 'boolean') return v ? w.yes : w.no;
  if (typeof v === 'number') return w.number(v);
  if (Array.isArray(v)) return v.length === 0 ? w.none : v.map((x) => formatValue(x, w)).join(', ');
  return String(v);
}

/**
 * Two wall times at minute precision, the way people read a deadline, unless that would make
 * distinct instants look equal (23:59:30 against a 23:59:00 limit): then to the second.
 */
function wallPair(at: string, limit: string): [string, string] {
  const minute = (s: string) => s.slice(0, 16).replace('T', ' ');
  const full = (s: string) => s.replace('T', ' ');
  return minute(at) === minute(limit) && at !== limit ? [full(at), full(limit)] : [minute(at), minute(limit)];
}

/** One leaf in plain words: the value observed and what the condition asks of it. */
export function explainLeaf(leaf: Leaf, lang: RuleLang, factLabel?: string, trouble?: DeclarationTrouble): string {
  const w: Words = WORDS[lang];
  const subject = `${factLabel ?? leaf.fact}${w.colon}`;
  // Not given because candidate.yaml could not be read, or refused the value: said so, rather
  // than "not provided", whatever the condition (a `present` one decides on it).
  const why = trouble?.unread ? w.unread : trouble?.refused.has(leaf.fact) ? w.invalid : undefined;
  const absent = why ?? w.notProvided;
  if (leaf.status === 'unknown' && leaf.op !== 'present') {
    if (leaf.observed === null && why) return `${subject}${why}`;
    if (leaf.observed === null) return `${factLabel ? subject : ''}${w.notProvided} (${leaf.fact})`;
    return `${subject}${w.unusable(formatValue(leaf.observed, w))}`;
  }
  let observed = formatValue(leaf.observed, w);
  let threshold = formatValue(leaf.threshold, w);
  const d = leaf.derived;
  if (d?.at !== undefined && d.limit !== undefined && d.timezone !== undefined) {
    const [at, limit] = wallPair(d.at, d.limit);
    observed = `${at} (${d.timezone})`;
    threshold = limit;
  }
  const parts: Parts = {
    leaf,
    subject,
    observed,
    threshold,
    ordinal: typeof leaf.threshold === 'string',
    age: d?.age,
    at: d?.at ?? '',
    absent,
  };
  return LEAF_SENTENCES[leaf.op][lang](parts);
}

// Leaves built without the `decisive` mark (by hand, or by older code) all count.
function relevant(leaves: readonly Leaf[]): readonly Leaf[] {
  const decisive = leaves.filter((l) => l.decisive !== false);
  return decisive.length > 0 ? decisive : leaves;
}

/** Why a rule got its status: the leaves that decided it, explained and joined. */
/**
 * What to do about a rule left unknown, when the profile gives no advice of its own: the facts
 * that would decide it, to give, to check, or to correct in candidate.yaml. Undefined when
 * nothing is unknown for want of a fact.
 */
export function unknownRuleFix(v: RuleVerdict, lang: RuleLang, trouble?: DeclarationTrouble): string | undefined {
  if (v.status !== 'unknown') return undefined;
  const leaves = [...v.leaves, ...(v.when?.leaves ?? [])].filter((l) => l.status === 'unknown');
  const facts = (pick: (l: Leaf) => boolean) => [...new Set(leaves.filter(pick).map((l) => l.fact))];
  const wrong = facts((l) => l.observed === null && trouble?.refused.has(l.fact) === true);
  const odd = facts((l) => l.observed !== null);
  const absent = facts((l) => l.observed === null && trouble?.refused.has(l.fact) !== true);
  const fr = lang === 'fr';
  if (absent.length && trouble?.unread)
    return fr ? 'Corrigez candidate.yaml (voir les remarques) : tant qu’il ne peut pas être lu, aucune information n’est connue.' : 'Correct candidate.yaml (see the notes): until it can be read, no fact is known.';
  if (wrong.length) return fr ? `Corrigez ${wrong.join(', ')} dans candidate.yaml (voir les remarques).` : `Correct ${wrong.join(', ')} in candidate.yaml (see the notes).`;
  if (odd.length) return fr ? `Vérifiez ${odd.join(', ')} dans candidate.yaml : la valeur donnée ne permet pas de juger.` : `Check ${odd.join(', ')} in candidate.yaml: the value given cannot be judged.`;
  if (absent.length) return fr ? `Indiquez ${absent.join(', ')} dans candidate.yaml.` : `Give ${absent.join(', ')} in candidate.yaml.`;
  return undefined;
}

/** `trouble`: what candidate.yaml could not tell, said so rather than "not provided". */
export function explainVerdict(v: RuleVerdict, lang: RuleLang, labels: (fact: string) => string | undefined, trouble?: DeclarationTrouble): string {
  const w: Words = WORDS[lang];
  const explain = (leaves: readonly Leaf[]) =>
    relevant(leaves)
      .map((l) => explainLeaf(l, lang, labels(l.fact), trouble))
      .join(w.between);
  if (v.status === 'skipped') return `${w.doesNotApply}${w.colon}${explain(v.when?.leaves ?? v.leaves)}`;
  if (v.status === 'unknown' && v.when?.status === 'unknown') return `${w.mayApply}${w.colon}${explain(v.when.leaves)}`;
  return explain(v.leaves);
}
