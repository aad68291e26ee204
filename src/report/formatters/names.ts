// The formats' names alone: what the command line offers, without loading any formatter (the
// CLI loads the one asked for when it writes the report, src/cli/check.ts).
export const FORMATS = ['text', 'json', 'csv', 'html', 'junit', 'markdown', 'github'] as const;
export type FormatName = (typeof FORMATS)[number];
