// A batch's JSON report is written a dossier at a time by the workers that check them
// (JsonReport, src/check-many.ts), or on the main thread for a dossier checked there: either
// way, byte for byte what the JSON formatter writes from the model.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDossiers, checkDossiersToJson } from '../src/check.js';
import type { Lang } from '../src/i18n/messages.js';
import { createInspector } from '../src/pdf/pool.js';
import { formatJson, formatJsonReportChunks } from '../src/report/formatters/json.js';
import { formatOptions } from '../src/report/localize.js';
import type { JsonReport } from '../src/report/model.js';
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

const written = (report: JsonReport, lang: Lang) =>
  Buffer.concat([...formatJsonReportChunks(report, formatOptions(profile, lang))].map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p))).toString('utf8');

describe('the JSON report written where the dossiers are checked', () => {
  it.each([
    ['fr', 'the workers'],
    ['en', 'the workers'],
    ['fr', 'this thread'],
  ] as const)('%s, written by %s: the same bytes as from the model', async (lang: Lang, where) => {
    const inspector = where === 'the workers' ? workers : filesOnly;
    const report = await checkDossiersToJson(samples, { profile, asOf: '2026-02-21', jsonLang: lang }, inspector);
    expect([report.json.lang, report.dossierCount]).toEqual([lang, samples.length]);
    const model = await checkDossiers(samples, { profile, asOf: '2026-02-21' }, inspector);
    const text = written(report, lang);
    expect(text).toBe(formatJson(model, formatOptions(profile, lang)));
    expect(JSON.parse(text).dossiers).toHaveLength(samples.length);
  });

  it('a worker asked for JSON answers with it, and packs no model nobody would read', async () => {
    const [answer] = await workers.dossiers!.check({ dossiers: [{ dir: samples[0]!, shown: 'x' }], asOf: '2026-02-21', fileTimeoutMs: 10_000, content: true, jsonLang: 'en' });
    expect(answer && 'json' in answer && !('packed' in answer)).toBe(true);
    expect(JSON.parse(Buffer.from((answer as { json: Uint8Array }).json).toString('utf8')).path).toBe('x');
  });

  it('only in the language it was written in', async () => {
    const report = await checkDossiersToJson(samples.slice(0, 1), { profile, asOf: '2026-02-21', jsonLang: 'fr' }, workers);
    expect(() => written(report, 'en')).toThrow(/written in fr/);
  });
});
