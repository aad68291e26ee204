// The stable machine contract (schemaVersion 1). Fields are only ever added, never renamed.
// Written a dossier at a time, byte for byte what JSON.stringify(report, null, 2) gives: a
// batch of 10,000 dossiers never holds a second, worded copy of itself, nor one huge string.
import type { Reportable } from '../localize.js';
import { dossierLocalizer, localizeHead, type FormatOptions } from '../localize.js';

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
  const localize = dossierLocalizer(report, options);
  for (let i = 0; i < dossiers.length; i++)
    yield (i === 0 ? '\n    ' : ',\n    ') + JSON.stringify(localize(dossiers[i]!), null, 2).replace(/\n/g, '\n    ');
  yield '\n  ]\n}\n';
}

export function formatJson(report: Reportable, options: FormatOptions): string {
  return [...formatJsonChunks(report, options)].join('');
}
