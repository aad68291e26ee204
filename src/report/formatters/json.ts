// The stable machine contract (schemaVersion 1). Fields are only ever added, never renamed.
// Written a dossier at a time, byte for byte what JSON.stringify(report, null, 2) gives: a
// batch of 10,000 dossiers never holds a second, worded copy of itself, nor one huge string.
import type { Reportable } from '../localize.js';
import { dossierLocalizer, dossierView, formatOptions, localizeHead, type FormatOptions } from '../localize.js';
import type { Lang } from '../../i18n/messages.js';
import type { Profile } from '../../profile/schema.js';
import type { DossierResult } from '../model.js';

export function* formatJsonChunks(report: Reportable, options: FormatOptions): Generator<string> {
  const head = JSON.stringify({ ...localizeHead(report, options), dossiers: [] }, null, 2);
  // "dossiers" is the last key: the head ends with `"dossiers": []\n}`.
  const open = head.slice(0, head.lastIndexOf('[]'));
  const dossiers = report.dossiers;
  if (dossiers.length === 0) {
    yield head + '\n';
    return;
  }
  yield open + '[';
  // Written where they were checked, in these words: copied. Else put in words here.
  const ready = 'json' in report && report.json?.lang === options.lang ? report.json : undefined;
  const localize = ready ? undefined : dossierLocalizer(report, options);
  for (let i = 0; i < dossiers.length; i++) yield (i === 0 ? '\n    ' : ',\n    ') + (ready ? ready.at(i) : nested(localize!(dossiers[i]!)));
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
