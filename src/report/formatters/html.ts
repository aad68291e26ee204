// One self-contained HTML page for people: the summary, a table of dossiers that filters by
// status and sorts by column, and each dossier's details. Everything is inline (no network, no
// external file), so the page can be mailed or opened from a USB stick; it prints readably
// (controls hidden, details expanded). Every piece of report data is escaped, and a
// Content-Security-Policy lets only this page's own script and style run: even a name that
// slipped past escaping could not execute.
import { createHash } from 'node:crypto';
import { UI } from '../../i18n/ui.js';
import { localize, type DocumentView, type DossierView, type ProblemView, type Reportable, type RuleView } from '../localize.js';
import { colonOf, hasNotes, shortReasons, stateOf, verdictOf, verdictWord, type Verdict } from './common.js';
import { displayName } from './safe-text.js';
import type { TextOptions } from './text.js';

export const HTML_FILTERS = ['all', 'accepted', 'not-accepted', 'incomplete', 'ineligible', 'undetermined'] as const;
type Filter = (typeof HTML_FILTERS)[number];

const matches: Record<Filter, (d: DossierView) => boolean> = {
  all: () => true,
  accepted: (d) => d.accepted,
  // Every dossier the clerk must answer, whatever the reason (complete and eligible ones held
  // back by an error of their own among them, which no other filter shows).
  'not-accepted': (d) => !d.accepted,
  incomplete: (d) => !d.complete,
  ineligible: (d) => d.eligibility === 'ineligible',
  undetermined: (d) => d.eligibility === 'undetermined',
};

const VERDICT_RANK: Record<Verdict, number> = { rejected: 0, 'to-verify': 1, accepted: 2 };
const ELIGIBILITY_RANK = { ineligible: 0, undetermined: 1, eligible: 2 } as const;

export function formatHtml(report: Reportable, options: TextOptions): string {
  const view = localize(report, options);
  const lang = options.lang;
  const ui = UI[lang];
  const w = ui.formats;
  const s = view.summary;
  const total = view.dossiers.length;

  const cards = (
    [
      [w.counts.dossiers, s.dossiers, ''],
      [w.counts.complete, s.complete, s.complete === total ? 'ok' : 'bad'],
      [w.counts.eligible, s.eligible, s.eligible === total ? 'ok' : 'bad'],
      [w.counts.accepted, s.accepted, s.accepted === total ? 'ok' : 'bad'],
    ] as const
  )
    .map(([label, n, tone]) => `<div class="card ${tone}"><span class="n">${n}</span><span class="l">${esc(label)}</span></div>`)
    .join('');

  const runProblems = view.problems.length
    ? `<section class="run"><h2>${esc(w.runProblems)}</h2>${problemList(view.problems)}</section>`
    : '';

  const filters = HTML_FILTERS.map((f) => {
    const n = view.dossiers.filter(matches[f]).length;
    return (
      `<label class="chip"><input type="radio" name="filter" value="${f}"${f === 'all' ? ' checked' : ''} data-shown="${esc(w.shown(n, total))}">` +
      `<span>${esc(w.filters[f])} <span class="count">${n}</span></span></label>`
    );
  }).join('');

  const columns: [string, 'text' | 'number'][] = [
    [w.dossier, 'text'],
    [w.status, 'number'],
    [w.completeCol, 'number'],
    [ui.eligibility, 'number'],
    [w.reasons, 'number'],
  ];
  const head = columns
    .map(([label, type], i) => `<th scope="col" data-type="${type}" aria-sort="none"><button type="button" data-col="${i}">${esc(label)}<span class="arrow" aria-hidden="true"></span></button></th>`)
    .join('');
  const rows = view.dossiers.map((d, i) => row(d, i, options)).join('\n');
  const details = view.dossiers.map((d, i) => dossierDetails(d, i, options)).join('\n');

  const style = STYLE;
  const script = SCRIPT;
  const csp = [
    "default-src 'none'",
    `style-src '${sha256(style)}'`,
    `script-src '${sha256(script)}'`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="dossier">
<title>${esc(view.profile.title)} — ${esc(ui.asOf(view.asOf))}</title>
<style>${style}</style>
</head>
<body>
<header>
<h1>${esc(view.profile.title)}</h1>
<p class="muted">${esc(ui.asOf(view.asOf))} · ${esc(view.profile.id)}</p>
<div class="cards">${cards}</div>
</header>
<main>
${runProblems}
<section aria-labelledby="list-title">
<h2 id="list-title">${esc(ui.formats.counts.dossiers)}</h2>
<div class="controls" role="group" aria-label="${esc(w.filterLabel)}"><span class="muted">${esc(w.filterLabel)}</span> ${filters}</div>
<p class="controls muted"><output id="shown" aria-live="polite">${esc(w.shown(total, total))}</output> · ${esc(w.sortHint)}</p>
<table id="dossiers">
<thead><tr>${head}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p id="no-match" class="muted" hidden>${esc(w.noMatch)}</p>
</section>
<section aria-labelledby="details-title">
<h2 id="details-title">${esc(w.details)}</h2>
${details}
</section>
</main>
<footer class="muted">${esc(w.generatedBy)} · ${esc(ui.summary)}${esc(colonOf(lang))}${esc(
    [ui.dossiers(s.dossiers), ui.completeCount(s.complete), ui.eligibleCount(s.eligible), ui.acceptedCount(s.accepted)].join(' · '),
  )}</footer>
<script>${script}</script>
</body>
</html>
`;
}

function dataAttributes(d: DossierView): string {
  return `data-accepted="${d.accepted ? 1 : 0}" data-complete="${d.complete ? 1 : 0}" data-eligibility="${d.eligibility}"`;
}

function row(d: DossierView, i: number, options: TextOptions): string {
  const ui = UI[options.lang];
  const verdict = verdictOf(d);
  const reasons = shortReasons(d, options.lang);
  return (
    `<tr ${dataAttributes(d)} data-details="d${i}">` +
    `<td data-v="${esc(d.path)}"><a href="#d${i}"><bdi>${esc(d.path)}</bdi></a></td>` +
    `<td data-v="${VERDICT_RANK[verdict]}">${badge(verdict, verdictWord(d, options.lang))}</td>` +
    `<td class="nw" data-v="${d.complete ? 1 : 0}">${d.complete ? `<span class="ok">✔ ${esc(ui.complete)}</span>` : `<span class="bad">✘ ${esc(ui.incomplete)}</span>`}</td>` +
    `<td class="nw" data-v="${ELIGIBILITY_RANK[d.eligibility]}"><span class="${{ eligible: 'ok', ineligible: 'bad', undetermined: 'warn' }[d.eligibility]}">${esc(ui[d.eligibility])}</span></td>` +
    `<td data-v="${reasons.length}">${reasons.length ? `<ul class="reasons">${reasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>` : '<span class="muted">—</span>'}</td>` +
    `</tr>`
  );
}

function badge(verdict: Verdict, word: string): string {
  const tone = { accepted: 'ok', 'to-verify': 'warn', rejected: 'bad' }[verdict];
  const mark = { accepted: '✔', 'to-verify': '?', rejected: '✘' }[verdict];
  return `<span class="badge ${tone}">${mark} ${esc(word)}</span>`;
}

function dossierDetails(d: DossierView, i: number, options: TextOptions): string {
  const ui = UI[options.lang];
  const w = ui.formats;
  const state = stateOf(d, options.lang);
  // Open by default only where there is something to read.
  const open = !d.accepted || hasNotes(d) ? ' open' : '';
  return `<details class="dossier" id="d${i}" ${dataAttributes(d)}${open}>
<summary>${badge(verdictOf(d), verdictWord(d, options.lang))} <bdi class="path">${esc(d.path)}</bdi> <span class="muted">(${esc(state)})</span></summary>
<h3>${esc(ui.documents)}</h3>
<table class="inner"><thead><tr><th scope="col">${esc(w.document)}</th><th scope="col">${esc(w.status)}</th><th scope="col">${esc(w.files)}</th><th scope="col">${esc(w.pages)}</th><th scope="col">${esc(ui.problems)}</th></tr></thead>
<tbody>${d.documents.map((doc) => documentRow(doc, options)).join('')}</tbody></table>
${d.rules.length ? `<h3>${esc(ui.eligibility)}</h3><table class="inner"><thead><tr><th scope="col">${esc(w.rule)}</th><th scope="col">${esc(w.result)}</th><th scope="col">${esc(w.observed)}</th></tr></thead><tbody>${d.rules.map((r) => ruleRow(r, options)).join('')}</tbody></table>` : ''}
${d.problems.length ? `<h3>${esc(ui.problems)}</h3>${problemList(d.problems)}` : ''}
</details>`;
}

function documentRow(doc: DocumentView, options: TextOptions): string {
  const w = UI[options.lang].formats;
  const tone = doc.status === 'ok' ? 'ok' : doc.status === 'not-required' ? 'muted' : 'bad';
  // Whether the files carry text or are scans without it (older reports do not say).
  const layer = doc.textLayer === true || doc.textLayer === false ? `<div class="muted text-layer">${esc(w.textLayer[String(doc.textLayer) as 'true' | 'false'])}</div>` : '';
  const files = doc.files.length ? `<ul class="files">${doc.files.map((f) => `<li><bdi>${esc(f)}</bdi></li>`).join('')}</ul>${layer}` : '<span class="muted">—</span>';
  return (
    `<tr><th scope="row">${esc(doc.label)} <span class="muted id">${esc(doc.id)}</span></th>` +
    `<td><span class="${tone}">${esc(w.docStatus[doc.status])}</span></td>` +
    `<td>${files}</td>` +
    `<td class="num">${doc.pages ?? '—'}</td>` +
    `<td>${doc.problems.length ? problemList(doc.problems) : ''}</td></tr>`
  );
}

function ruleRow(r: RuleView, options: TextOptions): string {
  const ui = UI[options.lang];
  const tone = { pass: 'ok', fail: r.advisory ? 'warn' : 'bad', unknown: 'warn', skipped: 'muted' }[r.status];
  return (
    `<tr><th scope="row">${esc(r.label)}${r.advisory ? ` <span class="muted">(${esc(ui.advisory)})</span>` : ''} <span class="muted id">${esc(r.id)}</span></th>` +
    `<td><span class="${tone}">${esc(ui.formats.ruleStatus[r.status])}</span></td>` +
    `<td>${esc(r.message)}${r.fix ? `<div class="fix">→ ${esc(r.fix)}</div>` : ''}</td></tr>`
  );
}

function problemList(problems: readonly ProblemView[]): string {
  return `<ul class="problems">${problems
    .map((p) => `<li class="${p.severity === 'error' ? 'bad' : 'warn'}"><span class="msg">${p.severity === 'error' ? '✘' : '!'} ${esc(p.message)} <code>${esc(p.code)}</code></span><div class="fix">→ ${esc(p.fix)}</div></li>`)
    .join('')}</ul>`;
}

/**
 * Report data as HTML text or attribute value: controls and bidi overrides shown escaped (a
 * newline or a right-to-left override must not disguise a file name; Arabic stays Arabic and
 * is isolated with <bdi>), then the five HTML specials as entities.
 */
export function esc(s: string): string {
  return displayName(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const sha256 = (s: string) => `sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}`;

const STYLE = `
:root{color-scheme:light dark;--fg:#1b1f24;--muted:#5b6470;--bg:#fff;--line:#d6dbe1;--soft:#f4f6f8;--ok:#1a7f37;--bad:#c0262d;--warn:#9a6700;--okbg:#dafbe1;--badbg:#ffebe9;--warnbg:#fff8c5}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9aa4af;--bg:#0d1117;--line:#30363d;--soft:#161b22;--ok:#3fb950;--bad:#f85149;--warn:#d29922;--okbg:#12261e;--badbg:#2d1517;--warnbg:#2b230f}}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0 auto;max-width:1200px;padding:1.5rem;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:1.6rem;margin:0 0 .2rem}h2{font-size:1.25rem;margin:2rem 0 .6rem}h3{font-size:1rem;margin:1rem 0 .4rem}
.muted{color:var(--muted)}.ok{color:var(--ok)}.bad{color:var(--bad)}.warn{color:var(--warn)}
.cards{display:flex;flex-wrap:wrap;gap:.75rem;margin:1rem 0}
.card{border:1px solid var(--line);border-radius:10px;padding:.6rem 1rem;min-width:9rem;background:var(--soft)}
.card .n{display:block;font-size:1.8rem;font-weight:700;line-height:1.1}.card .l{color:var(--muted)}
.card.ok .n{color:var(--ok)}.card.bad .n{color:var(--bad)}
.controls{margin:.4rem 0}
.chip{display:inline-flex;align-items:center;gap:.3rem;border:1px solid var(--line);border-radius:999px;padding:.15rem .7rem .15rem .45rem;margin:.15rem .2rem;cursor:pointer;background:var(--soft)}
.chip:has(input:checked){border-color:var(--fg);font-weight:600}
.chip .count{color:var(--muted);font-weight:400}
table{border-collapse:collapse;width:100%}
th,td{text-align:start;vertical-align:top;padding:.4rem .6rem;border-bottom:1px solid var(--line)}
#dossiers{table-layout:fixed}
#dossiers th:nth-child(1){width:30%}#dossiers th:nth-child(2){width:17%}#dossiers th:nth-child(3){width:12%}#dossiers th:nth-child(4){width:14%}
#dossiers thead th{position:sticky;top:0;background:var(--bg);border-bottom:2px solid var(--line)}
#dossiers th button{all:unset;cursor:pointer;font-weight:600}
#dossiers th button:focus-visible{outline:2px solid var(--fg);outline-offset:2px}
th[aria-sort=ascending] .arrow::after{content:" ▲"}th[aria-sort=descending] .arrow::after{content:" ▼"}
#dossiers tbody tr:hover{background:var(--soft)}
a{color:inherit}
bdi{unicode-bidi:isolate;overflow-wrap:anywhere}
.badge{display:inline-block;white-space:nowrap;border-radius:6px;padding:0 .45rem;font-size:.85em;font-weight:600}
.badge.ok{background:var(--okbg)}.badge.bad{background:var(--badbg)}.badge.warn{background:var(--warnbg)}
ul{margin:0;padding-inline-start:1.1rem}ul.reasons,ul.files{padding:0;list-style:none}
ul.problems{list-style:none;padding:0}ul.problems li{margin:.15rem 0}ul.problems .msg{overflow-wrap:anywhere}
.fix{color:var(--fg);opacity:.85;margin-inline-start:1rem}
code{font-size:.85em;color:var(--muted);white-space:nowrap}
.nw{white-space:nowrap}
.id{font-size:.8em;font-weight:400}
.num{text-align:end}
details.dossier{border:1px solid var(--line);border-radius:10px;padding:.5rem 1rem;margin:.6rem 0;break-inside:avoid-page;content-visibility:auto;contain-intrinsic-size:auto 3rem}
details.dossier[open]{contain-intrinsic-size:auto 40rem}
details.dossier>summary{cursor:pointer;font-weight:600}
.path{overflow-wrap:anywhere}
table.inner th[scope=row]{font-weight:600;width:22%}
footer{margin-top:2rem;font-size:.85em}
@media print{
body{max-width:none;padding:0;font-size:11pt;color:#000;background:#fff}
.controls,.arrow{display:none!important}
#dossiers thead th{position:static}
details.dossier{border:none;border-top:1px solid #999;border-radius:0;padding:.4rem 0;content-visibility:visible}
details.dossier>summary{list-style:none}
details.dossier>summary::-webkit-details-marker{display:none}
a{text-decoration:none}
.card{background:none}
}
@media print{details.dossier::details-content{content-visibility:visible;display:block}}
`;

// Filtering shows or hides the table's rows and the matching details; sorting reorders the
// rows by the data-v value of the clicked column. Before printing, every details is opened.
const SCRIPT = `
(function () {
  "use strict";
  var table = document.getElementById("dossiers");
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var shown = document.getElementById("shown");
  var noMatch = document.getElementById("no-match");
  var tests = {
    all: function () { return true; },
    accepted: function (r) { return r.dataset.accepted === "1"; },
    "not-accepted": function (r) { return r.dataset.accepted === "0"; },
    incomplete: function (r) { return r.dataset.complete === "0"; },
    ineligible: function (r) { return r.dataset.eligibility === "ineligible"; },
    undetermined: function (r) { return r.dataset.eligibility === "undetermined"; }
  };
  function applyFilter(input) {
    var test = tests[input.value] || tests.all;
    var n = 0;
    rows.forEach(function (r) {
      var ok = test(r);
      r.hidden = !ok;
      var d = document.getElementById(r.dataset.details);
      if (d) d.hidden = !ok;
      if (ok) n++;
    });
    shown.textContent = input.dataset.shown;
    noMatch.hidden = n !== 0;
  }
  document.querySelectorAll('input[name="filter"]').forEach(function (input) {
    input.addEventListener("change", function () { applyFilter(input); });
  });
  var checked = document.querySelector('input[name="filter"]:checked');
  if (checked) applyFilter(checked);

  var collator = new Intl.Collator(document.documentElement.lang, { numeric: true, sensitivity: "base" });
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  headers.forEach(function (th, col) {
    th.querySelector("button").addEventListener("click", function () {
      var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
      headers.forEach(function (h) { h.setAttribute("aria-sort", "none"); });
      th.setAttribute("aria-sort", dir);
      var numeric = th.dataset.type === "number";
      var sign = dir === "ascending" ? 1 : -1;
      var keyed = rows.map(function (r, i) { return { r: r, i: i, v: r.cells[col].dataset.v || "" }; });
      keyed.sort(function (a, b) {
        var c = numeric ? Number(a.v) - Number(b.v) : collator.compare(a.v, b.v);
        return c !== 0 ? sign * c : a.i - b.i;
      });
      var fragment = document.createDocumentFragment();
      keyed.forEach(function (k) { fragment.appendChild(k.r); });
      tbody.appendChild(fragment);
      rows = keyed.map(function (k) { return k.r; });
    });
  });

  var closed = [];
  window.addEventListener("beforeprint", function () {
    closed = Array.prototype.filter.call(document.querySelectorAll("details"), function (d) { return !d.open; });
    closed.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    closed.forEach(function (d) { d.open = false; });
    closed = [];
  });
})();
`;
