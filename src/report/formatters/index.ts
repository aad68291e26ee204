// Formats, by name. Each formatter is a pure function: report in, text out.
import type { Reportable } from '../localize.js';
import type { TextOptions } from './text.js';
import { formatText } from './text.js';
import { formatJson } from './json.js';

export const FORMATS = ['text', 'json'] as const;
export type FormatName = (typeof FORMATS)[number];

const REGISTRY: Record<FormatName, (report: Reportable, options: TextOptions) => string> = {
  text: formatText,
  json: formatJson,
};

export function formatReport(name: FormatName, report: Reportable, options: TextOptions): string {
  return REGISTRY[name](report, options);
}
