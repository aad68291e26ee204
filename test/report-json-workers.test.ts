// A batch's JSON report is written a dossier at a time by the workers that check them
// (Report.json, src/check-many.ts), or on the main thread for a dossier checked there: either
// way, byte for byte what the JSON formatter writes from the model.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDossiers } from '../src/check.js';
import type { Lang } from '../src/i18n/messages.js';
import { createInspector } from '../src/pdf/pool.js';
import { formatJson } from '../src/report/formatters/json.js';
import { formatOptions } from '../src/report/localize.js';
import { bundledProfile } from './support/profile.js';

const profile = await bundledProfile();
const root = join(import.meta.dirname, '..', 'samples', 'dossiers');
const samples = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => join(root, d.name))
  .sort();
// Whole dossiers in the workers, and files only (the dossiers checked on this thread).
const workers = createInspector({ concurrency: 2, profile });
const filesOnly = createInspector({ concurrency: 2 });
afterAll(async () => {
  await workers.close();
  await filesOnly.close();
});

describe('the JSON report written where the dossiers are checked', () => {
  it.each([
    ['fr', 'the workers'],
    ['en', 'the workers'],
    ['fr', 'this thread'],
  ] as const)('%s, written by %s: the same bytes as from the model', async (lang: Lang, where) => {
    const report = await checkDossiers(samples, { profile, asOf: '2026-02-21', jsonLang: lang }, where === 'the workers' ? workers : filesOnly);
    expect(report.json?.lang).toBe(lang);
    const written = formatJson(report, formatOptions(profile, lang));
    const { json: _, ...model } = report;
    expect(written).toBe(formatJson(model, formatOptions(profile, lang)));
    expect(JSON.parse(written).dossiers).toHaveLength(samples.length);
  });

  it('in another language than the one asked: put in words from the model', async () => {
    const report = await checkDossiers(samples.slice(0, 2), { profile, asOf: '2026-02-21', jsonLang: 'fr' }, workers);
    const { json: _, ...model } = report;
    expect(formatJson(report, formatOptions(profile, 'en'))).toBe(formatJson(model, formatOptions(profile, 'en')));
  });
});
