// The core API: check dossiers against a profile and return the report model. No terminal,
// no formatting, no process state: the CLI and tests call this directly.
import { finding, type Finding } from './findings.js';
import { matchByName } from './dossier/match.js';
import { scanDossier } from './dossier/scan.js';
import { judgeDocuments } from './dossier/documents.js';
import { readDeclaration } from './facts/load.js';
import type { FileInspection, PdfLimits } from './pdf/types.js';
import type { Inspector } from './pdf/pool.js';
import type { Profile } from './profile/schema.js';
import { eligibilityOf, evaluateRules } from './rules/evaluate.js';
import { SCHEMA_VERSION, summarize, type DossierResult, type Report } from './report/model.js';

export interface CheckSettings {
  readonly profile: Profile;
  /** YYYY-MM-DD: the date at which ages and dates are judged. */
  readonly asOf: string;
  readonly fileTimeoutMs?: number;
  /** Dossiers in flight at once; bounds memory whatever the number of dossiers. */
  readonly dossierConcurrency?: number;
  /** Called after each dossier, in completion order, for progress display. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Stop scheduling dossiers when aborted (Ctrl+C). */
  readonly signal?: AbortSignal;
}

export const DEFAULT_FILE_TIMEOUT_MS = 10_000;

export async function checkDossier(dir: string, settings: CheckSettings, inspector: Inspector): Promise<DossierResult> {
  try {
    return await checkOne(dir, settings, inspector);
  } catch (err) {
    // A bug or an exotic file-system error costs this dossier a finding, never the batch.
    return failedDossier(dir, settings.profile, finding('check-failed', 'error', { error: String((err as Error)?.message ?? err) }));
  }
}

async function checkOne(dir: string, settings: CheckSettings, inspector: Inspector): Promise<DossierResult> {
  const { profile, asOf } = settings;
  const scan = await scanDossier(dir);
  const match = matchByName(profile, scan.files.map((f) => f.name));
  const declarationP = readDeclaration(scan.declaration, profile);

  const inspections = new Map<string, FileInspection>();
  await Promise.all(
    profile.documents.flatMap((doc) =>
      (match.byDocument.get(doc.id) ?? []).map(async (name) => {
        const file = scan.files.find((f) => f.name === name)!;
        const limits: PdfLimits = {
          maxSizeBytes: (doc.maxSizeMB ?? profile.limits.maxSizeMB) * 1024 * 1024,
          fileTimeoutMs: settings.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS,
        };
        inspections.set(name, await inspector.inspect(file.path, limits));
      }),
    ),
  );

  const declaration = await declarationP;
  const facts = declaration.facts;
  const ctx = { asOf, timezone: profile.timezone, facts: profile.facts };
  const documents = judgeDocuments(profile, match.byDocument, inspections, facts, ctx);
  const verdicts = evaluateRules(profile, facts, asOf);
  const rules = verdicts.map((v) => {
    const decl = profile.rules.find((r) => r.id === v.id)!;
    return { ...v, label: decl.label, advice: decl.advice };
  });
  const complete = documents.every((d) => d.status === 'ok' || d.status === 'not-required');
  const eligibility = eligibilityOf(verdicts);
  const problems: Finding[] = [
    ...scan.problems,
    ...declaration.problems,
    ...match.unmatched.map((file) => finding('unexpected-file', 'warning', { file })),
  ];
  return { path: dir, complete, eligibility, accepted: complete && eligibility === 'eligible', documents, rules, problems, facts };
}

function failedDossier(dir: string, profile: Profile, problem: Finding): DossierResult {
  return {
    path: dir,
    complete: false,
    eligibility: 'undetermined',
    accepted: false,
    documents: profile.documents.map((d) => ({
      id: d.id,
      label: d.label,
      advice: d.advice,
      required: true,
      status: 'invalid',
      files: [],
      pages: null,
      problems: [],
    })),
    rules: [],
    problems: [problem],
    facts: {},
  };
}

/** Check many dossiers with a bounded number in flight; results keep the order of `dirs`. */
export async function checkDossiers(
  dirs: readonly string[],
  settings: CheckSettings,
  inspector: Inspector,
  rootProblems: readonly Finding[] = [],
): Promise<Report> {
  const results: DossierResult[] = new Array(dirs.length);
  const limit = Math.max(1, settings.dossierConcurrency ?? 8);
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < dirs.length && !settings.signal?.aborted) {
      const i = next++;
      results[i] = await checkDossier(dirs[i]!, settings, inspector);
      settings.onProgress?.(++done, dirs.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, dirs.length) }, lane));
  return {
    schemaVersion: SCHEMA_VERSION,
    profile: { id: settings.profile.id, title: settings.profile.title },
    asOf: settings.asOf,
    summary: summarize(results),
    dossiers: results,
    problems: rootProblems,
  };
}
