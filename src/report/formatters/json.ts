// The stable machine contract (schemaVersion 1). Fields are only ever added, never renamed.
import type { Report } from '../model.js';
import { localize, type FormatOptions } from '../localize.js';

export function formatJson(report: Report, options: FormatOptions): string {
  return JSON.stringify(localize(report, options), null, 2) + '\n';
}
