// The report in words: the report model with every finding and verdict rendered in one
// language. This is exactly the JSON contract; every other formatter reads it too, so all
// formats say the same thing.
import type { Finding } from '../findings.js';
import { render, type Lang, type MessageContext } from '../i18n/messages.js';
import { explainVerdict, unknownRuleFix, type DeclarationTrouble } from '../i18n/rule-messages.js';
import type { Localized, Profile } from '../profile/schema.js';
import { inLang } from '../i18n/in-lang.js';
import type { DossierResult, Report } from './model.js';
import type { DossierView, ProblemView, ReportView } from './schema.js';
import { extend } from '../extend.js';
import { declarationUnread } from '../facts/unread.js';

export interface FormatOptions {
  readonly lang: Lang;
  /** Label of a fact, for rule explanations ("date de naissance"). */
  readonly factLabel?: (fact: string) => Localized | undefined;
}

/** The options for reporting on dossiers checked against `profile`, in `lang`. */
export const formatOptions = (profile: Profile, lang: Lang): FormatOptions => ({ lang, factLabel: (fact) => profile.facts[fact]?.label });

export type { DocumentView, DossierView, ProblemView, ReportView, RuleView } from './schema.js';

/** A report to format: the model, or a report already in words (e.g. merged from JSON shards). */
export type Reportable = Report | ReportView;

/** What a formatter writes before and after the dossiers, of a report in either form. */
type Head = Omit<Report, 'dossiers'> | Omit<ReportView, 'dossiers'>;
/** Already in words: only a report in words has a language. */
const isView = (r: Head): r is Omit<ReportView, 'dossiers'> => 'lang' in r;

export function localize(input: Reportable, options: FormatOptions): ReportView {
  // Already in words (merged shards): messages cannot be re-rendered, so they are kept as is.
  if (isView(input)) return input;
  const dossier = dossierLocalizer(input, options);
  return { ...localizeHead(input, options), dossiers: input.dossiers.map(dossier) };
}

/** Everything but the dossiers, in words: what a formatter writes before and after them. */
export function localizeHead(input: Head, options: FormatOptions): Omit<ReportView, 'dossiers'> {
  if (isView(input)) {
    const { dossiers: _dossiers, ...head } = input as Partial<ReportView> & Omit<ReportView, 'dossiers'>;
    return head;
  }
  const problem = problemRenderer(options.lang);
  return {
    schemaVersion: input.schemaVersion,
    lang: options.lang,
    profile: { id: input.profile.id, title: inLang(input.profile.title, options.lang), ...(input.profile.sha256 ? { sha256: input.profile.sha256 } : {}) },
    asOf: input.asOf,
    summary: input.summary,
    problems: input.problems.map((f) => problem(f)),
  };
}

/**
 * What candidate.yaml could not tell, from its findings: facts given in a refused form (a list
 * item counts for its list: languages.1), or the whole file, when it could not be read (a key
 * given twice leaves the rest of it read; a warning, such as "ANSI" text, does not stop it).
 */
function declarationTrouble(problems: readonly Finding[]): DeclarationTrouble | undefined {
  let refused: Set<string> | undefined;
  let unread = false;
  for (const p of problems) {
    if (p.code !== 'declaration-invalid') continue;
    if (typeof p.params.fact === 'string') (refused ??= new Set()).add(p.params.fact.split('.')[0]!);
    else unread ||= declarationUnread(p);
  }
  return refused || unread ? { refused: refused ?? new Set(), unread } : undefined;
}

const problemRenderer =
  (lang: Lang) =>
  (f: Finding, ctx: MessageContext = {}): ProblemView => {
    const { message, fix } = render(f, lang, ctx);
    return { code: f.code, severity: f.severity, message, fix, params: f.params as ProblemView['params'] };
  };

/**
 * One dossier in words at a time: a formatter that writes as it goes keeps only the model in
 * memory, never a second, worded copy of thousands of dossiers.
 */
export function dossierLocalizer(input: Reportable, options: FormatOptions): (d: Reportable['dossiers'][number]) => DossierView {
  if (isView(input)) return (d) => d as DossierView;
  const view = dossierView(options);
  return (dossier) => view(dossier as DossierResult);
}

/** One dossier of the model in words (where it was checked, or as the report is written). */
export function dossierView(options: FormatOptions): (d: DossierResult) => DossierView {
  const { lang } = options;
  const problem = problemRenderer(lang);
  return (d) => {
    // A finding may name a fact (facts-mismatch) or another document of its dossier
    // (suggestions, duplicates). Every dossier lists the profile's documents: its own
    // suffice, and the other dossiers (packed, src/report/packed.ts) stay packed.
    // A fact by its label; an item of a list by its list's label and its rank (languages.0: « langues (élément 1) »).
    const factInWords = (fact: string): { fact?: string } => {
      const [base, item] = fact.split('.');
      const label = options.factLabel?.(base!)?.[lang];
      if (!label) return {};
      if (item === undefined) return { fact: label };
      return /^\d+$/.test(item) ? { fact: `${label} (${lang === 'fr' ? 'élément' : 'item'} ${Number(item) + 1})` } : {};
    };
    const trouble = declarationTrouble(d.problems);
    const context = (f: Finding): MessageContext => ({
      documentLabel: (id) => d.documents.find((doc) => doc.id === id)?.label[lang],
      ...(trouble ? { declaration: trouble } : {}),
      ...(typeof f.params.fact === 'string' ? factInWords(f.params.fact) : {}),
    });
    // The profile's advice for a rule not met or unknown; else, for one unknown for want of a
    // fact, which fact to give, check or correct.
    const fixOf = (r: DossierResult['rules'][number]): { fix?: string } => {
      const fix = r.advice && (r.status === 'fail' || r.status === 'unknown') ? r.advice[lang] : unknownRuleFix(r, lang, trouble);
      return fix ? { fix } : {};
    };
    return {
      path: d.path,
      complete: d.complete,
      eligibility: d.eligibility,
      accepted: d.accepted,
      documents: d.documents.map((doc) => ({
        id: doc.id,
        label: doc.label[lang],
        status: doc.status,
        files: [...doc.files],
        pages: doc.pages,
        textLayer: doc.textLayer ?? null,
        problems: doc.problems.map((f) => problem(f, extend(context(f), { document: doc.label[lang], advice: doc.advice?.[lang], pagesAdvice: doc.pagesAdvice?.[lang] }))),
      })),
      rules: d.rules.map((r) => ({
        id: r.id,
        label: r.label[lang],
        status: r.status,
        advisory: r.advisory,
        message: explainVerdict(r, lang, (fact) => options.factLabel?.(fact)?.[lang], trouble),
        ...fixOf(r),
      })),
      problems: d.problems.map((f) => problem(f, context(f))),
    };
  };
}
