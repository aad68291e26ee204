// A profile's conditions in plain words, for `profile show` and `dossier init`: what a rule
// asks ("Avoir moins de 45 ans au 2026-02-21") and when a document is required, in French and
// in English. Like rule-messages.ts, the `satisfies Record<Operator, …>` clause makes an
// operator without a phrase in both languages a compile error.
import type { Condition, FactCondition, FactDecl, Operator } from '../profile/schema.js';
import { toInstant, wallTime } from '../rules/dates.js';
import { operatorsOf, own } from '../rules/validate.js';
import type { Lang } from './messages.js';

export interface ConditionContext {
  readonly facts: Readonly<Record<string, FactDecl>>;
  readonly timezone: string;
  /** Reference date of ages, YYYY-MM-DD; without it, "on the day of the check". */
  readonly asOf?: string;
}

interface Phrase {
  /** "Label : requirement", or a sentence of its own (ages). */
  readonly subject: string;
  readonly value: string;
  readonly threshold: unknown;
  readonly decl: FactDecl | undefined;
  readonly ctx: ConditionContext;
}

const WORDS = {
  fr: {
    colon: ' : ',
    yes: 'oui',
    no: 'non',
    and: ' et ',
    or: ' ou ',
    not: (s: string) => `ne pas remplir la condition : ${s}`,
    lastOr: ' ou ',
    number: (n: number) => String(n).replace('.', ','),
    onDate: (d: string | undefined) => (d ? `au ${d}` : 'à la date de la vérification'),
  },
  en: {
    colon: ': ',
    yes: 'yes',
    no: 'no',
    and: ' and ',
    or: ' or ',
    not: (s: string) => `not: ${s}`,
    lastOr: ' or ',
    number: (n: number) => String(n),
    onDate: (d: string | undefined) => (d ? `on ${d}` : 'on the day of the check'),
  },
} satisfies Record<Lang, unknown>;

type Say = (p: Phrase) => string;

const PHRASES = {
  equals: { fr: (p) => `${p.subject}${p.value}`, en: (p) => `${p.subject}${p.value}` },
  notEquals: { fr: (p) => `${p.subject}autre que ${p.value}`, en: (p) => `${p.subject}other than ${p.value}` },
  in: { fr: (p) => `${p.subject}${p.value}`, en: (p) => `${p.subject}${p.value}` },
  min: {
    fr: (p) => `${p.subject}${p.decl?.type === 'ordinal' ? `${p.value} ou plus` : `au moins ${p.value}`}`,
    en: (p) => `${p.subject}${p.decl?.type === 'ordinal' ? `${p.value} or higher` : `at least ${p.value}`}`,
  },
  max: {
    fr: (p) => `${p.subject}${p.decl?.type === 'ordinal' ? `${p.value} ou moins` : `au plus ${p.value}`}`,
    en: (p) => `${p.subject}${p.decl?.type === 'ordinal' ? `${p.value} or lower` : `at most ${p.value}`}`,
  },
  above: { fr: (p) => `${p.subject}plus de ${p.value}`, en: (p) => `${p.subject}more than ${p.value}` },
  below: { fr: (p) => `${p.subject}moins de ${p.value}`, en: (p) => `${p.subject}less than ${p.value}` },
  contains: { fr: (p) => `${p.subject}comprend ${p.value}`, en: (p) => `${p.subject}includes ${p.value}` },
  present: {
    fr: (p) => `${p.subject}${p.threshold ? 'renseigné' : 'non renseigné'}`,
    en: (p) => `${p.subject}${p.threshold ? 'provided' : 'not provided'}`,
  },
  ageBelow: {
    fr: (p) => `avoir moins de ${p.value} ans ${WORDS.fr.onDate(p.ctx.asOf)}`,
    en: (p) => `be under ${p.value} ${WORDS.en.onDate(p.ctx.asOf)}`,
  },
  ageAtLeast: {
    fr: (p) => `avoir au moins ${p.value} ans ${WORDS.fr.onDate(p.ctx.asOf)}`,
    en: (p) => `be at least ${p.value} ${WORDS.en.onDate(p.ctx.asOf)}`,
  },
  notAfter: { fr: (p) => `${p.subject}au plus tard le ${p.value}`, en: (p) => `${p.subject}no later than ${p.value}` },
  notBefore: { fr: (p) => `${p.subject}au plus tôt le ${p.value}`, en: (p) => `${p.subject}no earlier than ${p.value}` },
} satisfies Record<Operator, Record<Lang, Say>>;

/**
 * The name of a fact for a sentence: its label without a trailing explanation in brackets
 * ("Échelle (agents OFPPT)" → "Échelle"), or the fact's own name when it has no label.
 */
export function factName(name: string, decl: FactDecl | undefined, lang: Lang): string {
  const label = decl?.label?.[lang];
  if (!label) return name;
  const short = label.replace(/\s*\([^()]*\)\s*$/, '').trim();
  return short || label;
}

function formatValue(v: unknown, lang: Lang): string {
  const w = WORDS[lang];
  if (typeof v === 'boolean') return v ? w.yes : w.no;
  if (typeof v === 'number') return w.number(v);
  if (Array.isArray(v)) {
    const items = v.map((x) => formatValue(x, lang));
    return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')}${w.lastOr}${items.at(-1)}`;
  }
  return String(v);
}

/** A date-time threshold as wall time in the profile's zone, the way the posting states it. */
function formatInstant(s: string, ctx: ConditionContext): string {
  const t = toInstant(s, ctx.timezone);
  if (t === null) return s;
  const wall = wallTime(t, ctx.timezone).replace('T', ' ');
  return `${wall.endsWith(':00') ? wall.slice(0, 16) : wall} (${ctx.timezone})`;
}

function leafWords(c: FactCondition, lang: Lang, ctx: ConditionContext): string {
  const op = operatorsOf(c)[0];
  if (op === undefined) return c.fact;
  const decl = own(ctx.facts, c.fact);
  const threshold = c[op];
  const value =
    decl?.type === 'datetime' && (op === 'notAfter' || op === 'notBefore' || op === 'equals' || op === 'notEquals') && typeof threshold === 'string'
      ? formatInstant(threshold, ctx)
      : formatValue(threshold, lang);
  const subject = `${factName(c.fact, decl, lang)}${WORDS[lang].colon}`;
  return PHRASES[op][lang]({ subject, value, threshold, decl, ctx });
}

/** A condition in words; nested groups are bracketed so "a or (b and c)" reads unambiguously. */
export function conditionWords(c: Condition, lang: Lang, ctx: ConditionContext): string {
  const w = WORDS[lang];
  const nested = (s: Condition) => {
    const words = conditionWords(s, lang, ctx);
    return 'fact' in s ? words : `(${words})`;
  };
  if ('all' in c) return c.all.map(nested).join(w.and);
  if ('any' in c) return c.any.map(nested).join(w.or);
  if ('not' in c) return w.not(conditionWords(c.not, lang, ctx));
  return leafWords(c, lang, ctx);
}

/** The same, as a sentence: capital first letter, final full stop. */
export function conditionSentence(c: Condition, lang: Lang, ctx: ConditionContext): string {
  const words = conditionWords(c, lang, ctx);
  return `${words.charAt(0).toLocaleUpperCase(lang)}${words.slice(1)}.`;
}
