// JUnit XML for CI viewers (GitLab, Jenkins, GitHub test reporters). One <testsuite> per
// dossier, one <testcase> per document, per rule and for the folder itself, passing cases
// included, so a viewer shows what was checked and not only what failed.
//
// Mapping, decided once for every viewer:
//   document ok                    → passed (warnings such as `restricted` in <system-out>)
//   document missing / invalid     → <failure type="<first error code>">
//   document not-required          → <skipped>
//   blocking rule fail             → <failure type="fail">
//   blocking rule unknown          → <failure type="unknown">: undetermined eligibility blocks
//                                    acceptance, so a CI run must not show it green
//   advisory rule fail / unknown   → passed, with a <system-out> note (it never blocks)
//   rule skipped (does not apply)  → <skipped>
//   the folder (`dossier` case)    → <failure> on a dossier-level error (unreadable folder,
//                                    invalid candidate.yaml…), warnings in <system-out>
// Test-case names are `document:<id>`, `rule:<id>` and `dossier`: unique within a suite.
import { UI } from '../../i18n/ui.js';
import { localize, type DocumentView, type DossierView, type ProblemView, type Reportable, type RuleView } from '../localize.js';
import { colonOf } from './common.js';
import { displayName } from './safe-text.js';
import type { TextOptions } from './text.js';

interface Case {
  readonly name: string;
  readonly failure?: { readonly type: string; readonly message: string; readonly body: string };
  readonly skipped?: string;
  readonly out?: string;
}

interface Suite {
  readonly name: string;
  readonly properties: readonly [string, string][];
  readonly cases: readonly Case[];
}

export function formatJunit(report: Reportable, options: TextOptions): string {
  const view = localize(report, options);
  const suites: Suite[] = view.dossiers.map((d) => dossierSuite(d, options));
  if (view.problems.length) {
    const c = problemsCase('report', view.problems, options);
    suites.push({ name: 'report', properties: [], cases: [{ ...c, name: 'report:problems' }] });
  }
  const names = uniqueNames(suites.map((s) => s.name));

  const count = (cases: readonly Case[]) => ({
    tests: cases.length,
    failures: cases.filter((c) => c.failure).length,
    skipped: cases.filter((c) => c.skipped !== undefined).length,
  });
  const all = count(suites.flatMap((s) => s.cases));
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name=${attr(view.profile.title)} tests="${all.tests}" failures="${all.failures}" errors="0" skipped="${all.skipped}" time="0">`,
  ];
  suites.forEach((s, i) => {
    const name = names[i]!;
    const n = count(s.cases);
    out.push(`  <testsuite name=${attr(name)} tests="${n.tests}" failures="${n.failures}" errors="0" skipped="${n.skipped}" time="0">`);
    if (s.properties.length) {
      out.push('    <properties>');
      for (const [k, v] of s.properties) out.push(`      <property name=${attr(k)} value=${attr(v)}/>`);
      out.push('    </properties>');
    }
    for (const c of s.cases) out.push(...caseXml(c, name));
    out.push('  </testsuite>');
  });
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}

function dossierSuite(d: DossierView, options: TextOptions): Suite {
  const cases: Case[] = [];
  for (const doc of d.documents) cases.push(documentCase(doc, options));
  for (const r of d.rules) cases.push(ruleCase(r, options));
  cases.push(problemsCase('dossier', d.problems, options));
  const names = uniqueNames(cases.map((c) => c.name));
  return {
    name: d.path,
    properties: [
      ['accepted', String(d.accepted)],
      ['complete', String(d.complete)],
      ['eligibility', d.eligibility],
    ],
    cases: cases.map((c, i) => ({ ...c, name: names[i]! })),
  };
}

function documentCase(doc: DocumentView, options: TextOptions): Case {
  const ui = UI[options.lang];
  const name = `document:${doc.id}`;
  const label = `${v(doc.label)}${colonOf(options.lang)}`;
  const files = doc.files.length
    ? `${label}${doc.files.map(v).join(', ')}${doc.pages !== null ? ` (${ui.pagesAbbr(doc.pages)})` : ''}`
    : `${label}${ui.formats.docStatus[doc.status]}`;
  if (doc.status === 'not-required') return { name, skipped: `${label}${ui.notRequired}` };
  const lines = [files, ...doc.problems.map(problemText)];
  if (doc.status === 'ok') return { name, out: lines.join('\n') };
  const errors = doc.problems.filter((p) => p.severity === 'error');
  const first = errors[0];
  return {
    name,
    failure: {
      type: first?.code ?? doc.status,
      message: errors.length ? errors.map((p) => v(p.message)).join(' ; ') : files,
      body: lines.join('\n'),
    },
  };
}

function ruleCase(r: RuleView, options: TextOptions): Case {
  const ui = UI[options.lang];
  const name = `rule:${r.id}`;
  const text = [`${v(r.label)}${colonOf(options.lang)}${v(r.message)}`, ...(r.fix ? [`→ ${v(r.fix)}`] : [])].join('\n');
  if (r.status === 'skipped') return { name, skipped: v(r.message) };
  if (r.status === 'pass') return { name, out: text };
  if (r.advisory) return { name, out: `${ui.formats.advisoryNote}\n${text}` };
  return { name, failure: { type: r.status, message: v(r.message), body: text } };
}

/** The folder's own findings (or the run's): an error fails the case, warnings are notes. */
function problemsCase(name: string, problems: readonly ProblemView[], options: TextOptions): Case {
  const errors = problems.filter((p) => p.severity === 'error');
  const body = problems.map(problemText).join('\n');
  if (!errors.length) return problems.length ? { name, out: body } : { name, out: UI[options.lang].formats.nothingToReport };
  return { name, failure: { type: errors[0]!.code, message: errors.map((p) => v(p.message)).join(' ; '), body } };
}

const problemText = (p: ProblemView): string => `[${p.severity}] ${p.code}: ${v(p.message)}\n  → ${v(p.fix)}`;

/**
 * Report data (file names, messages) with controls shown escaped: a newline in a file name
 * must not pass for a line break of the report. Idempotent, so applied to every piece.
 */
const v = displayName;

function caseXml(c: Case, classname: string): string[] {
  const open = `    <testcase name=${attr(c.name)} classname=${attr(classname)} time="0"`;
  const inner: string[] = [];
  if (c.failure) inner.push(`      <failure message=${attr(c.failure.message)} type=${attr(c.failure.type)}>${text(c.failure.body)}</failure>`);
  if (c.skipped !== undefined) inner.push(`      <skipped message=${attr(c.skipped)}/>`);
  if (c.out !== undefined) inner.push(`      <system-out>${text(c.out)}</system-out>`);
  return inner.length ? [`${open}>`, ...inner, '    </testcase>'] : [`${open}/>`];
}

/** Distinct names, in order: a repeated one gets ` #2`, ` #3`… */
function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((n) => {
    let candidate = n;
    for (let i = 2; seen.has(candidate); i++) candidate = `${n} #${i}`;
    seen.add(candidate);
    return candidate;
  });
}

// Characters XML 1.0 forbids outright. Controls are first shown escaped (\x01) by
// displayName, so what remains here is noncharacters and unpaired surrogates: dropped.
const ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Element content: pieces were made visible by `v`, the line breaks are the report's own. */
function text(s: string): string {
  return s
    .replace(/[\u0000-\u0009\u000b-\u001f]/g, (c) => displayName(c))
    .replace(ILLEGAL, '')
    .replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}

/** A quoted attribute value: one line, escaped, quotes included. */
function attr(s: string): string {
  const v = displayName(s)
    .replace(ILLEGAL, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
  return `"${v}"`;
}
