// The report for a person at a terminal: one block per dossier, every problem followed by
// what to do about it, then a one-line summary. Emphasis goes through the highlighter, so
// the same function serves colour terminals and pipes.
import { UI } from '../../i18n/ui.js';
import type { Reportable } from '../localize.js';
import type { Highlighter } from '../highlight.js';
import { localize, type DossierView, type FormatOptions, type ProblemView } from '../localize.js';
import { displayName } from './safe-text.js';
import { colonOf, hasNotes, isBlocking, shortReasons, stateOf, verdictOf, verdictWord } from './common.js';
import type { Lang } from '../../i18n/messages.js';

export interface TextOptions extends FormatOptions {
  readonly highlighter: Highlighter;
  /** Only dossiers with something to fix. */
  readonly quiet?: boolean;
  /** One line per dossier and a summary of the most frequent problems (batch use). */
  readonly compact?: boolean;
  /** CSV field separator: ';' is what French-locale Excel expects. */
  readonly csvDelimiter?: ',' | ';';
}

export function formatText(report: Reportable, options: TextOptions): string {
  const view = localize(report, options);
  const ui = UI[options.lang];
  const h = options.highlighter;
  const out: string[] = [];
  out.push(h.strong(`${view.profile.title}`) + h.dim(` — ${ui.asOf(view.asOf)}`), '');
  for (const p of view.problems) out.push(...problemLines(p, '', h));
  // The batch's own problems stand apart from the dossiers, or the summary, that follow.
  if (view.problems.length) out.push('');
  for (const d of view.dossiers) {
    if (options.quiet && d.accepted && !hasNotes(d)) continue;
    if (options.compact) out.push(compactLine(d, options));
    else out.push(...dossierLines(d, options), '');
  }
  if (options.compact && view.dossiers.length) out.push('');
  const s = view.summary;
  out.push(
    `${h.strong(ui.summary)}${colonOf(options.lang)}${[ui.dossiers(s.dossiers), ui.completeCount(s.complete), ui.eligibleCount(s.eligible), ui.acceptedCount(s.accepted)].join(' · ')}`,
  );
  if (options.compact) {
    const top = frequentProblems(view.dossiers, options.lang).slice(0, 8);
    if (top.length) out.push(`${h.strong(ui.frequent)}${colonOf(options.lang).trimEnd()}`, ...top.map(([what, n]) => `  ${String(n).padStart(6)} × ${what}`));
  }
  return out.join('\n') + '\n';
}

/** Status mark and word of a dossier, shared by both layouts (the decision is common.ts's). */
function verdictMark(d: DossierView, options: TextOptions): string {
  const h = options.highlighter;
  const word = verdictWord(d, options.lang);
  return { accepted: h.ok(`✔ ${word}`), 'to-verify': h.warn(`? ${word}`), rejected: h.bad(`✘ ${word}`) }[verdictOf(d)];
}

function compactLine(d: DossierView, options: TextOptions): string {
  const h = options.highlighter;
  const verdict = verdictMark(d, options);
  // Pad on the visible width: colour codes must not shift the columns.
  const ui = UI[options.lang];
  const width = 3 + Math.max(ui.accepted.length, ui.rejected.length, ui.toVerify.length);
  const pad = ' '.repeat(Math.max(1, width - stripAnsi(verdict).length));
  const why = shortReasons(d, options.lang, 'id');
  // Warnings never block, but the clerk should know a dossier has some (a renamed file, a mismatch).
  const warnings = [...d.problems, ...d.documents.flatMap((doc) => doc.problems)].filter((p) => p.severity === 'warning').length;
  if (warnings > 0) why.push(h.warn(UI[options.lang].warnings(warnings)));
  return `${verdict}${pad}${displayName(d.path)}${why.length ? h.dim(' — ') + why.join(h.dim(' · ')) : ''}`;
}

function frequentProblems(dossiers: readonly DossierView[], lang: Lang): [string, number][] {
  const ui = UI[lang];
  const counts = new Map<string, number>();
  const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
  for (const d of dossiers) {
    for (const doc of d.documents) for (const code of new Set(doc.problems.filter((p) => p.severity === 'error').map((p) => p.code))) bump(`${code} (${doc.id})`);
    for (const r of d.rules) if (isBlocking(r)) bump(`${ui.rule} ${r.id}${colonOf(lang)}${r.status}`);
    for (const code of new Set(d.problems.map((p) => p.code))) bump(code);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

function dossierLines(d: DossierView, options: TextOptions): string[] {
  const ui = UI[options.lang];
  const h = options.highlighter;
  const verdict = verdictMark(d, options);
  const detail = stateOf(d, options.lang);
  const lines = [`${verdict}  ${h.strong(displayName(d.path))} ${h.dim(`(${detail})`)}`];

  lines.push(`  ${h.strong(ui.documents)}`);
  for (const doc of d.documents) {
    const mark = doc.status === 'ok' ? h.ok('✔') : doc.status === 'not-required' ? h.dim('–') : h.bad('✘');
    const files = doc.files.length
      ? doc.files.map(displayName).join(', ') +
        (doc.pages !== null ? h.dim(` (${ui.pagesAbbr(doc.pages)})`) : '') +
        (doc.status === 'not-required' ? h.dim(` — ${ui.notRequired}`) : '')
      : doc.status === 'not-required'
        ? h.dim(ui.notRequired)
        : h.bad(ui.missing);
    lines.push(`    ${mark} ${doc.label} ${h.dim('—')} ${files}`);
    for (const p of doc.problems) lines.push(...problemLines(p, '        ', h));
  }

  if (d.rules.length) lines.push(`  ${h.strong(ui.eligibility)}`);
  for (const r of d.rules) {
    const mark = { pass: h.ok('✔'), fail: r.advisory ? h.warn('!') : h.bad('✘'), unknown: h.warn('?'), skipped: h.dim('–') }[r.status];
    const label = r.advisory ? `${r.label} ${h.dim(`(${ui.advisory})`)}` : r.label;
    // A rule's message quotes what candidate.yaml says: as untrusted as a file name.
    const message = displayName(r.message);
    lines.push(`    ${mark} ${label} ${h.dim('—')} ${r.status === 'skipped' ? h.dim(message) : message}`);
    if (r.fix) lines.push(`        ${h.dim('→')} ${displayName(r.fix)}`);
  }

  if (d.problems.length) lines.push(`  ${h.strong(ui.problems)}`);
  for (const p of d.problems) lines.push(...problemLines(p, '    ', h));
  return lines;
}

function problemLines(p: ProblemView, indent: string, h: Highlighter): string[] {
  const mark = p.severity === 'error' ? h.bad('✘') : h.warn('!');
  // The advice names the file too ("Retirez x.pdf du dossier").
  return [`${indent}${mark} ${displayName(p.message)}`, `${indent}  ${h.dim('→')} ${displayName(p.fix)}`];
}
