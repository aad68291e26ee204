// Combine shard reports (JSON, schemaVersion 1) into one. Reports judged against different
// profiles (another id, or the same id edited: profile.sha256), dates, languages or schema
// versions cannot be combined honestly, so they are refused.
import { summarize } from './model.js';
import { reportSchema, type ReportView } from './schema.js';
import type { MergeRefusal } from '../i18n/usage.js';

export type MergeResult = { ok: true; report: ReportView } | { ok: false; error: MergeRefusal };

const fingerprint = (r: ReportView) => `${r.profile.id} (sha256 ${r.profile.sha256?.slice(0, 12) ?? '?'})`;

export function mergeReports(inputs: readonly { file: string; json: unknown }[]): MergeResult {
  const reports: { file: string; report: ReportView }[] = [];
  for (const { file, json } of inputs) {
    const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
    if (version !== 1) return { ok: false, error: { reason: 'schema-version', file, version: String(JSON.stringify(version)) } };
    const parsed = reportSchema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0]!;
      return { ok: false, error: { reason: 'not-a-report', file, detail: `${first.path.join('.') || 'root'}: ${first.message}` } };
    }
    reports.push({ file, report: parsed.data });
  }
  const [first, ...rest] = reports;
  if (!first) return { ok: false, error: { reason: 'none' } };
  for (const { file, report } of rest) {
    const differs = (setting: string, firstValue: string, value: string) => ({ ok: false as const, error: { reason: 'differs' as const, file, setting, value, firstFile: first.file, firstValue } });
    if (report.profile.id !== first.report.profile.id) return differs('profile', first.report.profile.id, report.profile.id);
    // The same id, edited between shards (a report from before the fingerprint has none, and
    // is taken for another profile: nothing says it is the same).
    if (report.profile.sha256 !== first.report.profile.sha256) return differs('profile', fingerprint(first.report), fingerprint(report));
    if (report.asOf !== first.report.asOf) return differs('--as-of', first.report.asOf, report.asOf);
    if (report.lang !== first.report.lang) return differs('--lang', first.report.lang, report.lang);
  }
  // A dossier already given by an earlier report (the same shard passed twice) is taken once.
  // Within one report two dossiers may show the same path (a folder name that is not UTF-8,
  // shown as Windows-1252, beside its UTF-8 twin): both are kept, as the batch reported them.
  const earlier = new Set<string>();
  const dossiers = reports
    .flatMap(({ report }) => {
      const kept = report.dossiers.filter((d) => !earlier.has(d.path));
      for (const d of report.dossiers) earlier.add(d.path);
      return kept;
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const problemKeys = new Set<string>();
  const problems = reports
    .flatMap((r) => r.report.problems)
    .filter((p) => {
      const k = JSON.stringify([p.code, p.params]);
      return problemKeys.has(k) ? false : (problemKeys.add(k), true);
    });
  return {
    ok: true,
    report: {
      ...first.report,
      summary: summarize(dossiers),
      dossiers,
      problems,
    },
  };
}
