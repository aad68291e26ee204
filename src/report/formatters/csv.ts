// One row per dossier, for a spreadsheet: verdict, a column per document and per rule, the
// problem codes and the messages. RFC 4180 with CRLF, UTF-8 with a BOM (without it Excel reads
// the file as ANSI and mangles accents and Arabic), and ';' available for French-locale Excel.
import { UI } from '../../i18n/ui.js';
import { dossierLocalizer, type Reportable } from '../localize.js';
import type { Lang } from '../../i18n/messages.js';
import type { Localized } from '../../profile/schema.js';
import { inLang } from '../../i18n/in-lang.js';
import { colonOf, columnsOf, isBlocking, problemCodes, verdictWord } from './common.js';
import { displayName } from './safe-text.js';
import type { TextOptions } from './text.js';

export function formatCsv(report: Reportable, options: TextOptions): string {
  return [...formatCsvChunks(report, options)].join('');
}

/** Row by row: a dossier is put in words only when its row is written. */
export function* formatCsvChunks(report: Reportable, options: TextOptions): Generator<string> {
  const ui = UI[options.lang];
  const w = ui.formats;
  const delimiter = options.csvDelimiter ?? ',';
  const localize = dossierLocalizer(report, options);
  const { documents, rules } = columnsOf(report.dossiers.map((d) => columnsView(d, options.lang)));
  const yesNo = (b: boolean) => (b ? w.yes : w.no);
  const line = (row: string[]) => row.map((cell) => csvCell(visible(cell), delimiter)).join(delimiter) + '\r\n';

  yield '\uFEFF' + line([w.dossier, w.status, w.acceptedCol, w.completeCol, ui.eligibility, ...documents.map((c) => c.label), ...rules.map((c) => c.label), w.codes, w.details]);
  for (const dossier of report.dossiers) {
    const d = localize(dossier);
    const details = [
      ...d.documents.flatMap((doc) => doc.problems.map((p) => p.message)),
      ...d.rules.filter(isBlocking).map((r) => `${r.label}${colonOf(options.lang)}${r.message}`),
      ...d.problems.map((p) => p.message),
    ];
    yield line([
      d.path,
      verdictWord(d, options.lang),
      yesNo(d.accepted),
      yesNo(d.complete),
      ui[d.eligibility],
      ...documents.map((c) => {
        const doc = d.documents.find((x) => x.id === c.id);
        return doc ? w.docStatus[doc.status] : '';
      }),
      ...rules.map((c) => {
        const r = d.rules.find((x) => x.id === c.id);
        return r ? w.ruleStatus[r.status] + (r.advisory && r.status === 'fail' ? ` (${ui.advisory})` : '') : '';
      }),
      problemCodes(d).join(' '),
      details.join('\n'),
    ]);
  }
}

/** A dossier's columns (documents and rules, by id and label), without putting the rest in words. */
function columnsView(d: Reportable['dossiers'][number], lang: Lang) {
  const label = (l: string | Localized) => inLang(l, lang);
  return {
    documents: d.documents.map((doc) => ({ id: doc.id, label: label(doc.label) })),
    rules: d.rules.map((r) => ({ id: r.id, label: label(r.label) })),
  };
}

/**
 * Cells keep names as they are (a newline is fine in a quoted cell), except the invisible
 * characters that would disguise them in a spreadsheet: terminal controls and bidi overrides
 * (`cv\u202efdp.exe` would read "cvexe.pdf") are shown escaped, as in the text report. Tab
 * and CR stay, for the formula guard below to see.
 */
const visible = (s: string): string => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, displayName);

/**
 * A cell as RFC 4180 wants it, made inert for spreadsheets: file names are untrusted, and a
 * cell starting with = + - @, a tab or a carriage return is run as a formula by Excel and
 * LibreOffice (CSV injection), so it gets a leading single quote, which they show as text.
 */
export function csvCell(value: string, delimiter: ',' | ';'): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  // Quote when the cell holds either separator, so that a reader guessing the separator
  // (Excel does) cannot split it.
  return /[",;\r\n]/.test(inert) || inert.includes(delimiter) ? `"${inert.replace(/"/g, '""')}"` : inert;
}
