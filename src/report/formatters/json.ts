// The stable machine contract (schemaVersion 1). Fields are only ever added, never renamed.
// Written a dossier at a time, byte for byte what JSON.stringify(report, null, 2) gives: a
// batch of 10,000 dossiers never holds a second, worded copy of itself, nor one huge string.
import type { Reportable } from '../localize.js';
import { dossierLocalizer, dossierView, formatOptions, localizeHead, type FormatOptions } from '../localize.js';
import type { Lang } from '../../i18n/messages.js';
import type { Profile } from '../../profile/schema.js';
import type { DossierResult, JsonReport } from '../model.js';

export function* formatJsonChunks(report: Reportable, options: FormatOptions): Generator<string> {
  const dossiers = report.dossiers;
  const localize = dossierLocalizer(report, options);
  yield* jsonPieces(report, options, dossiers.length, (i, separator) => [separator + nested(localize(dossiers[i]!))]);
}

/**
 * A report whose dossiers were written where they were checked (JsonReport): their bytes
 * copied as they are, between the head's words, never decoded and encoded again. In the
 * language they were written in, the only one they exist in.
 */
export function* formatJsonReportChunks(report: JsonReport, options: FormatOptions): Generator<string | Buffer> {
  if (options.lang !== report.json.lang) throw new Error(`the dossiers were written in ${report.json.lang}, not ${options.lang}`);
  yield* jsonPieces(report, options, report.dossierCount, (i, separator) => [separator, report.json.at(i)]);
}

/** The report as JSON.stringify(report, null, 2) writes it, with `dossier(i, separator)`'s pieces for dossier i (one piece a dossier where it can). */
function* jsonPieces<T>(
  report: Parameters<typeof localizeHead>[0],
  options: FormatOptions,
  count: number,
  dossier: (i: number, separator: string) => readonly T[],
): Generator<string | T> {
  const head = JSON.stringify({ ...localizeHead(report, options), dossiers: [] }, null, 2);
  // "dossiers" is the last key: the head ends with `"dossiers": []\n}`.
  if (count === 0) {
    yield head + '\n';
    return;
  }
  yield head.slice(0, head.lastIndexOf('[]')) + '[';
  for (let i = 0; i < count; i++) yield* dossier(i, i === 0 ? '\n    ' : ',\n    ');
  yield '\n  ]\n}\n';
}

/** One dossier checked against `profile` as formatJsonChunks writes it in `lang`, for a worker to write where it checked it. */
export function formatJsonDossier(profile: Profile, lang: Lang): (d: DossierResult) => string {
  const view = dossierView(formatOptions(profile, lang));
  return (d) => nested(view(d));
}

// A dossier as JSON.stringify(·, null, 2) writes it two levels down, inside "dossiers": [...]:
// stringified inside such a wrapper, which is then cut off, rather than stringified alone and
// every line indented again by a regular expression (a second copy of every dossier's text,
// a third of what writing the report allocated).
const OPEN = '{\n  "d": [\n    ';
const CLOSE = '\n  ]\n}';
const nested = (value: unknown): string => {
  const text = JSON.stringify({ d: [value] }, null, 2);
  return text.slice(OPEN.length, text.length - CLOSE.length);
};

export function formatJson(report: Reportable, options: FormatOptions): string {
  return [...formatJsonChunks(report, options)].join('');
}
