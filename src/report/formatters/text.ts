// The report for a person at a terminal: one block per dossier, every problem followed by
// what to do about it, then a one-line summary. Emphasis goes through the highlighter, so
// the same function serves colour terminals and pipes.
import { UI } from '../../i18n/ui.js';
import type { Report } from '../model.js';
import type { Highlighter } from '../highlight.js';
import { localize, type DossierView, type FormatOptions, type ProblemView } from '../localize.js';
import { displayName } from './safe-text.js';

export interface TextOptions extends FormatOptions {
  readonly highlighter: Highlighter;
  /** Only dossiers with something to fix. */
  readonly quiet?: boolean;
}

export function formatText(report: Report, options: TextOptions): string {
  const view = localize(report, options);
  const ui = UI[options.lang];
  const h = options.highlighter;
  const out: string[] = [];
  out.push(h.strong(`${view.profile.title}`) + h.dim(` — ${ui.asOf(view.asOf)}`), '');
  for (const p of view.problems) out.push(...problemLines(p, '', h));
  for (const d of view.dossiers) {
    if (options.quiet && d.accepted && !hasWarnings(d)) continue;
    out.push(...dossierLines(d, options), '');
  }
  const s = view.summary;
  out.push(
    `${h.strong(ui.summary)} : ${[ui.dossiers(s.dossiers), ui.completeCount(s.complete), ui.eligibleCount(s.eligible), ui.acceptedCount(s.accepted)].join(' · ')}`,
  );
  return out.join('\n') + '\n';
}

const hasWarnings = (d: DossierView) =>
  d.problems.length > 0 || d.documents.some((doc) => doc.problems.length > 0) || d.rules.some((r) => r.status === 'fail' || r.status === 'unknown');

function dossierLines(d: DossierView, options: TextOptions): string[] {
  const ui = UI[options.lang];
  const h = options.highlighter;
  const verdict = d.accepted
    ? h.ok(`✔ ${ui.accepted}`)
    : d.complete && d.eligibility === 'undetermined'
      ? h.warn(`? ${ui.toVerify}`)
      : h.bad(`✘ ${ui.rejected}`);
  const detail = [d.complete ? ui.complete : ui.incomplete, ui[d.eligibility]].join(', ');
  const lines = [`${verdict}  ${h.strong(displayName(d.path))} ${h.dim(`(${detail})`)}`];

  lines.push(`  ${h.strong(ui.documents)}`);
  for (const doc of d.documents) {
    const mark = doc.status === 'ok' ? h.ok('✔') : doc.status === 'not-required' ? h.dim('–') : h.bad('✘');
    const files = doc.files.length
      ? doc.files.map(displayName).join(', ') + (doc.pages !== null ? h.dim(` (${ui.pagesAbbr(doc.pages)})`) : '')
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
    lines.push(`    ${mark} ${label} ${h.dim('—')} ${r.status === 'skipped' ? h.dim(r.message) : r.message}`);
    if (r.fix) lines.push(`        ${h.dim('→')} ${r.fix}`);
  }

  if (d.problems.length) lines.push(`  ${h.strong(ui.problems)}`);
  for (const p of d.problems) lines.push(...problemLines(p, '    ', h));
  return lines;
}

function problemLines(p: ProblemView, indent: string, h: Highlighter): string[] {
  const mark = p.severity === 'error' ? h.bad('✘') : h.warn('!');
  return [`${indent}${mark} ${displayName(p.message)}`, `${indent}  ${h.dim('→')} ${p.fix}`];
}
