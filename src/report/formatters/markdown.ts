// A Markdown summary for $GITHUB_STEP_SUMMARY (or a merge request comment): the counts, the
// dossiers not accepted with their reasons, then each one's details. GitHub refuses a step
// summary over 1 MiB, so the output is cut to fit, dossier by dossier, with a note saying how
// many were left out.
import { UI } from '../../i18n/ui.js';
import { localize, type DossierView, type ProblemView, type Reportable } from '../localize.js';
import { colonOf, hasNotes, shortReasons, stateOf, verdictOf, verdictWord } from './common.js';
import { displayName } from './safe-text.js';
import type { TextOptions } from './text.js';

/** GitHub's limit for one step's summary. */
export const MARKDOWN_MAX_BYTES = 1024 * 1024;
/** Kept free for the truncation notes and the closing lines. */
const RESERVE = 4 * 1024;

const MARK = { accepted: '✅', 'to-verify': '❔', rejected: '❌' } as const;

export function formatMarkdown(report: Reportable, options: TextOptions): string {
  const view = localize(report, options);
  const ui = UI[options.lang];
  const w = ui.formats;
  const s = view.summary;
  const budget = MARKDOWN_MAX_BYTES - RESERVE;
  const out = new Output();

  out.add(`# ${md(view.profile.title)}\n\n${md(ui.asOf(view.asOf))}\n\n`);
  const c = w.counts;
  out.add(`| ${c.dossiers} | ${c.complete} | ${c.eligible} | ${c.accepted} |\n| ---: | ---: | ---: | ---: |\n| ${s.dossiers} | ${s.complete} | ${s.eligible} | ${s.accepted} |\n\n`);
  if (view.problems.length) {
    out.add(`**${md(w.runProblems)}**\n\n`);
    let left = view.problems.length;
    for (const p of view.problems) {
      if (!out.fits(problemItem(p, ''), budget)) break;
      out.add(problemItem(p, ''));
      left--;
    }
    if (left) out.add(`\n> ${md(w.problemsTruncated(left))}\n`);
    out.add('\n');
  }

  const rejected = view.dossiers.filter((d) => !d.accepted);
  out.add(`## ${md(w.notAcceptedTitle)} (${rejected.length})\n\n`);
  let tableLeftOut = 0;
  if (!rejected.length) out.add(`${md(w.allAccepted)}\n\n`);
  else {
    out.add(`| ${w.dossier} | ${w.status} | ${w.reasons} |\n| --- | --- | --- |\n`);
    for (const [i, d] of rejected.entries()) {
      const row = `| ${md(d.path)} | ${MARK[verdictOf(d)]} ${verdictWord(d, options.lang)} | ${shortReasons(d, options.lang).map(md).join(' · ')} |\n`;
      if (!out.fits(row, budget)) {
        tableLeftOut = rejected.length - i;
        break;
      }
      out.add(row);
    }
    out.add('\n');
    if (tableLeftOut) out.add(`> ${md(w.truncated(tableLeftOut))}\n\n`);
  }

  const noted = view.dossiers.filter((d) => !d.accepted || hasNotes(d));
  if (noted.length) {
    out.add(`## ${md(w.details)}\n\n`);
    let detailsLeftOut = 0;
    for (const [i, d] of noted.entries()) {
      // Once the table is cut, details would only eat the space the notes need.
      const block = tableLeftOut ? undefined : details(d, options);
      if (block === undefined || !out.fits(block, budget)) {
        detailsLeftOut = noted.length - i;
        break;
      }
      out.add(block);
    }
    if (detailsLeftOut) out.add(`> ${md(w.detailsTruncated(detailsLeftOut))}\n\n`);
  }
  out.add(`---\n${md(w.generatedBy)}\n`);
  return out.text();
}

function details(d: DossierView, options: TextOptions): string {
  const ui = UI[options.lang];
  const w = ui.formats;
  const colon = colonOf(options.lang);
  const state = stateOf(d, options.lang);
  const lines = [`<details><summary>${MARK[verdictOf(d)]} <b>${html(d.path)}</b> — ${html(verdictWord(d, options.lang))} (${html(state)})</summary>`, ''];

  lines.push(`**${md(ui.documents)}**`, '');
  for (const doc of d.documents) {
    const mark = doc.status === 'ok' ? '✅' : doc.status === 'not-required' ? '➖' : '❌';
    const files = doc.files.length
      ? doc.files.map(md).join(', ') + (doc.pages !== null ? ` (${ui.pagesAbbr(doc.pages)})` : '')
      : md(w.docStatus[doc.status]);
    lines.push(`- ${mark} ${md(doc.label)} — ${files}`);
    for (const p of doc.problems) lines.push(problemItem(p, '  ').trimEnd());
  }
  if (d.rules.length) {
    lines.push('', `**${md(ui.eligibility)}**`, '');
    for (const r of d.rules) {
      const mark = { pass: '✅', fail: r.advisory ? '⚠️' : '❌', unknown: '❔', skipped: '➖' }[r.status];
      const label = r.advisory ? `${md(r.label)} (${md(ui.advisory)})` : md(r.label);
      lines.push(`- ${mark} ${label}${md(colon)}${md(r.message)}`);
      if (r.fix) lines.push(`  - → ${md(r.fix)}`);
    }
  }
  if (d.problems.length) {
    lines.push('', `**${md(ui.problems)}**`, '');
    for (const p of d.problems) lines.push(problemItem(p, '').trimEnd());
  }
  lines.push('', '</details>', '', '');
  return lines.join('\n');
}

function problemItem(p: ProblemView, indent: string): string {
  // A backslash at the end of a line is a hard line break: the fix goes under the problem.
  return `${indent}- ${p.severity === 'error' ? '❌' : '⚠️'} ${md(p.message)}\\\n${indent}  → ${md(p.fix)}\n`;
}

/** Appends chunks and counts UTF-8 bytes as it goes (no quadratic re-measuring). */
class Output {
  private readonly chunks: string[] = [];
  private bytes = 0;
  add(s: string): void {
    this.chunks.push(s);
    this.bytes += Buffer.byteLength(s, 'utf8');
  }
  fits(s: string, budget: number): boolean {
    return this.bytes + Buffer.byteLength(s, 'utf8') <= budget;
  }
  text(): string {
    return this.chunks.join('');
  }
}

/**
 * Inline Markdown text: controls shown escaped (a newline would end a table row), HTML
 * neutralised as entities, and the characters that start emphasis, links, code, math, tables
 * or strikethrough backslash-escaped, so a file name is shown as written and never as markup.
 */
export function md(s: string): string {
  return displayName(s).replace(/[\\`*_{}[\]()#+!|~$<>&]/g, (c) =>
    c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`,
  );
}

/** Text inside raw HTML (a <summary>): Markdown is not interpreted there, only entities are. */
function html(s: string): string {
  return displayName(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
