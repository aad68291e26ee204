// The stable machine contract (schemaVersion 1). Fields are only ever added, never renamed.
import type { Reportable } from '../localize.js';
import { localize, type FormatOptions } from '../localize.js';

export function formatJson(report: Reportable, options: FormatOptions): string {
  return JSON.stringify(localize(report, options), null, 2) + '\n';
}
