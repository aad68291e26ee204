// `dossier profile show`: a posting's checklist in plain words, for HR to review what the
// profile really asks and to publish next to the posting (--format markdown). One model in
// the reader's language, two pure renderers.
import { AUTHORING } from '../i18n/authoring.js';
import { conditionSentence, conditionWords, factName, type ConditionContext } from '../i18n/conditions.js';
import type { Lang } from '../i18n/messages.js';
import type { Highlighter } from '../report/highlight.js';
import { toInstant, wallTime } from '../rules/dates.js';
import { exampleNames } from './examples.js';
import type { Profile } from './schema.js';
import { inLang } from '../i18n/in-lang.js';

export { SHOW_FORMATS, type ShowFormat } from './show-formats.js';

interface Line {
  readonly key: string;
  readonly value: string;
}

interface Item {
  readonly title: string;
  /** The title is an identifier (a fact name): code in Markdown. */
  readonly code?: boolean;
  /** Shown next to the title (e.g. "advisory"). */
  readonly note?: string;
  readonly lines: readonly Line[];
  /** A sentence of its own under the title (a rule's condition). */
  readonly sentence?: string;
}

interface Section {
  readonly title: string;
  readonly intro: string;
  readonly items: readonly Item[];
}

export interface Checklist {
  readonly title: string;
  readonly meta: readonly Line[];
  readonly sections: readonly Section[];
}

export interface ShowOptions {
  readonly lang: Lang;
  /** Reference date of ages; without it, ages are judged "on the day of the check". */
  readonly asOf?: string;
}

export function checklist(profile: Profile, options: ShowOptions): Checklist {
  const { lang } = options;
  const w = AUTHORING[lang];
  const ctx: ConditionContext = { facts: profile.facts, timezone: profile.timezone, ...(options.asOf ? { asOf: options.asOf } : {}) };
  const meta: Line[] = [{ key: w.profile, value: profile.id }];
  if (profile.deadline !== undefined) {
    const t = toInstant(profile.deadline, profile.timezone);
    const wall = t === null ? profile.deadline : wallTime(t, profile.timezone).replace('T', ' ');
    meta.push({ key: w.deadline, value: `${wall} (${profile.timezone})` });
  }
  if (profile.source !== undefined) meta.push({ key: w.source, value: profile.source });

  const documents: Item[] = profile.documents.map((doc) => {
    const lines: Line[] = [
      { key: w.required, value: doc.requiredWhen ? `${w.onlyIf} ${conditionWords(doc.requiredWhen, lang, ctx)}` : w.always },
    ];
    for (const v of doc.variants ?? []) lines.push({ key: w.variant(v.id), value: conditionWords(v.when, lang, ctx) });
    lines.push({ key: w.file, value: w.fileWords(w.pagesWords(doc.pages), w.mb(doc.maxSizeMB ?? profile.limits.maxSizeMB)) });
    if (doc.multiple) lines.push({ key: w.multiple, value: '' });
    lines.push({ key: w.names, value: w.list(doc.names) });
    const examples = exampleNames(profile, doc);
    if (examples.length) lines.push({ key: w.examples, value: w.list(examples.map((e) => w.quote(e.file))) });
    if (doc.advice) lines.push({ key: w.advice, value: doc.advice[lang] });
    return { title: doc.label[lang], lines };
  });

  const rules: Item[] = profile.rules.map((rule) => ({
    title: rule.label[lang],
    ...(rule.advisory ? { note: w.advisory } : {}),
    lines: rule.when ? [{ key: w.appliesIf, value: conditionWords(rule.when, lang, ctx) }] : [],
    sentence: conditionSentence(rule.check, lang, ctx),
  }));

  const facts: Item[] = Object.entries(profile.facts).map(([name, decl]) => {
    const what =
      decl.type === 'enum' ? w.oneOf(decl.values) : decl.type === 'ordinal' ? w.scaleOf(decl.values) : (w.factType[decl.type] ?? decl.type);
    return { title: name, code: true, lines: [{ key: decl.label ? decl.label[lang] : factName(name, decl, lang), value: what }] };
  });

  const maxMB = w.mb(profile.limits.maxSizeMB);
  return {
    title: inLang(profile.title, lang),
    meta,
    sections: [
      { title: w.documentsTitle(documents.length), intro: w.documentsIntro(maxMB), items: documents },
      { title: w.rulesTitle(rules.length), intro: rules.length ? w.rulesIntro : w.noRules, items: rules },
      { title: w.factsTitle(facts.length), intro: w.factsIntro, items: facts },
    ],
  };
}

const lineText = (l: Line, colon: string) => (l.value ? `${l.key}${colon}${l.value}` : l.key);

export function formatChecklistText(c: Checklist, lang: Lang, h: Highlighter): string {
  const w = AUTHORING[lang];
  const out: string[] = [h.strong(c.title), ...c.meta.map((l) => h.dim(lineText(l, w.colon)))];
  for (const s of c.sections) {
    out.push('', h.strong(s.title), ...wrap(s.intro, 92, ''), '');
    s.items.forEach((item, i) => {
      const n = `${i + 1}. `;
      const indent = ' '.repeat(n.length);
      out.push(`${n}${h.strong(item.title)}${item.note ? h.dim(` — ${item.note}`) : ''}`);
      for (const l of item.lines) out.push(...wrap(lineText(l, w.colon), 92, indent, `${indent}  `));
      if (item.sentence) out.push(...wrap(item.sentence, 92, indent, `${indent}  `));
    });
  }
  return out.join('\n') + '\n';
}

export function formatChecklistMarkdown(c: Checklist, lang: Lang): string {
  const w = AUTHORING[lang];
  const out: string[] = [`# ${md(c.title)}`, '', c.meta.map((l) => `**${md(l.key)}**${w.colon}${md(l.value)}`).join('  \n')];
  for (const s of c.sections) {
    out.push('', `## ${md(s.title)}`, '', md(s.intro), '');
    s.items.forEach((item, i) => {
      const n = `${i + 1}. `;
      // A nested list must be indented by the width of its parent's marker ("10. " is 4).
      const sub = `${' '.repeat(n.length)}- `;
      const title = item.code ? `\`${item.title}\`` : `**${md(item.title)}**`;
      out.push(`${n}${title}${item.note ? ` — *${md(item.note)}*` : ''}`);
      for (const l of item.lines) out.push(`${sub}${l.value ? `${md(l.key)}${w.colon}${md(l.value)}` : md(l.key)}`);
      if (item.sentence) out.push(`${sub}${md(item.sentence)}`);
    });
  }
  return out.join('\n') + '\n';
}

/** Markdown-escape text from the profile: a label must never turn into a link or markup. */
export function md(s: string): string {
  return s.replace(/[\\`*_[\]<>|#~!]/g, '\\$&').replace(/\r?\n/g, ' ');
}

/** Word-wrap for the terminal, with a hanging indent; a single long word (a URL) is never cut. */
export function wrap(text: string, width: number, indent: string, hang = indent): string[] {
  const lines: string[] = [];
  let line = '';
  const prefix = () => (lines.length ? hang : indent);
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && prefix().length + line.length + 1 + word.length > width) {
      lines.push(prefix() + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(prefix() + line);
  return lines;
}

/**
 * The documents to put in a candidate's folder, one line each with a file name the tool
 * recognises: what `dossier init` prints after writing the template.
 */
export function documentsToProvide(profile: Profile, lang: Lang): string[] {
  const w = AUTHORING[lang];
  const ctx: ConditionContext = { facts: profile.facts, timezone: profile.timezone };
  return profile.documents.map((doc) => {
    const parts = [doc.label[lang]];
    if (doc.requiredWhen) parts[0] += `, ${w.onlyIfShort} ${conditionWords(doc.requiredWhen, lang, ctx)}`;
    const p = doc.pages;
    if (!(p.exactly === undefined && p.max === undefined && (p.min ?? 1) === 1)) parts.push(w.pagesWords(p));
    const examples = exampleNames(profile, doc).map((e) => w.quote(e.file) + (e.variant ? ` (${e.variant})` : ''));
    if (examples.length) parts.push(`${w.forExample} ${w.list(examples)}`);
    return parts.join(' — ');
  });
}
