// Formats, by name. Each formatter is a pure function: report in, text out.
import type { Reportable } from '../localize.js';
import type { TextOptions } from './text.js';
import { formatText } from './text.js';
import { formatJson, formatJsonChunks } from './json.js';
import { formatCsv, formatCsvChunks } from './csv.js';
import { formatHtml } from './html.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatGithub } from './github.js';

import type { FormatName } from './names.js';
export { FORMATS, type FormatName } from './names.js';

const REGISTRY: Record<FormatName, (report: Reportable, options: TextOptions) => string> = {
  text: formatText,
  json: formatJson,
  csv: formatCsv,
  html: formatHtml,
  junit: formatJunit,
  markdown: formatMarkdown,
  github: formatGithub,
};

export function formatReport(name: FormatName, report: Reportable, options: TextOptions): string {
  return REGISTRY[name](report, options);
}

/**
 * The report as pieces to write one after the other: JSON and CSV a dossier at a time (the
 * formats of large exports), the others whole.
 */
export function formatReportChunks(name: FormatName, report: Reportable, options: TextOptions): Iterable<string> {
  if (name === 'json') return formatJsonChunks(report, options);
  if (name === 'csv') return formatCsvChunks(report, options);
  return [formatReport(name, report, options)];
}
