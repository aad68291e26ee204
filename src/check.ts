// The core API: check dossiers against a profile and return the report model. No terminal,
// no formatting, no process state: the CLI and tests call this directly.
import { finding, type Finding } from './findings.js';
import { matchByName } from './dossier/match.js';
import { isMisnamedDeclaration, scanDossier } from './dossier/scan.js';
import { judgeDocuments } from './dossier/documents.js';
import { contentRequestFor, needsMore } from './dossier/content-findings.js';
import { formFacts, lookInside, MAX_UNMATCHED_READ, mergeProblems, readsUnmatched } from './dossier/inside.js';
import { readDeclaration } from './facts/load.js';
import { DEFAULT_FILE_TIMEOUT_MS, type FileInspection, type PdfLimits } from './pdf/types.js';
import type { Inspector } from './pdf/pool.js';
import type { DocumentDecl, Profile } from './profile/schema.js';
import { dossierVerdict } from './dossier/verdict.js';
import type { DossierResult } from './report/model.js';
import { errorCode, shownPath } from './fs-text.js';
import { extend } from './extend.js';

export { checkDossiers, checkDossiersToJson } from './check-many.js';

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
  /**
   * Look inside the documents (blank pages, ID card layout, form fields, duplicates, files
   * named after nothing). Default true; off, a file costs little more than opening it.
   */
  readonly content?: boolean;
}

export { DEFAULT_FILE_TIMEOUT_MS } from './pdf/types.js';

export async function checkDossier(dir: string | Buffer, settings: CheckSettings, inspector: Inspector): Promise<DossierResult> {
  try {
    return await checkOne(dir, settings, inspector);
  } catch (err) {
    // A bug or an exotic file-system error costs this dossier a finding, never the batch.
    return failedDossier(dir, settings.profile, finding('check-failed', 'error', { error: errorCode(err) }));
  }
}

async function checkOne(dir: string | Buffer, settings: CheckSettings, inspector: Inspector): Promise<DossierResult> {
  const { profile, asOf } = settings;
  const listed = await scanDossier(dir);
  // No candidate.yaml, but a file one slip away (candidate.yaml.txt): not a document to match,
  // and named where the declaration is said missing.
  const misnamed = listed.declaration === undefined ? listed.files.find((f) => isMisnamedDeclaration(f.name)) : undefined;
  const scan = misnamed ? extend(listed, { files: listed.files.filter((f) => f !== misnamed) }) : listed;
  const match = matchByName(profile, scan.files.map((f) => f.name));

  const inspections = new Map<string, FileInspection>();
  const fileTimeoutMs = settings.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS;
  const lookInsideFiles = settings.content !== false;
  // Each file is read for what its document's checks need (content: src/dossier/content-findings.ts);
  // a file no name claims, for its first pages' text.
  const limitsFor = (doc: DocumentDecl | undefined): PdfLimits => ({
    maxSizeBytes: (doc?.maxSizeMB ?? profile.limits.maxSizeMB) * 1024 * 1024,
    fileTimeoutMs,
    ...(lookInsideFiles ? { content: contentRequestFor(doc, fileTimeoutMs) } : {}),
  });
  const pathOf = new Map(scan.files.map((f) => [f.name, f.path]));
  // The dossier's files go to one worker as one task, read one after the other.
  const inspect = async (items: readonly (readonly [string, DocumentDecl | undefined])[]) => {
    if (items.length === 0) return;
    const found = await inspector.inspectAll(items.map(([name, doc]) => ({ path: pathOf.get(name)!, limits: limitsFor(doc) })));
    items.forEach(([name], i) => inspections.set(name, found[i]!));
  };
  const unmatchedRead = lookInsideFiles && readsUnmatched(profile) ? match.unmatched.slice(0, MAX_UNMATCHED_READ) : [];
  const inspected = inspect([
    ...profile.documents.flatMap((doc) => (match.byDocument.get(doc.id) ?? []).map((name) => [name, doc] as const)),
    ...unmatchedRead.map((name) => [name, undefined] as const),
  ]);
  // Read while the worker reads the PDFs: the files are already on their way.
  const declared = await readDeclaration(scan.declaration, profile);
  const declaration = misnamed
    ? extend(declared, { problems: declared.problems.map((p) => (p.code === 'no-declaration' ? finding('no-declaration', 'warning', { ...p.params, found: misnamed.name }) : p)) })
    : declared;
  await inspected;
  // Duplicates, and files taken for a document by their text; those read as unmatched are read
  // again when their document needs more (the ID card's layout, the form's fields).
  const inside = lookInside(profile, match.byDocument, match.unmatched, inspections, scan.files.map((f) => f.name));
  const docById = new Map(profile.documents.map((d) => [d.id, d]));
  await inspect([...inside.assigned].filter(([, id]) => lookInsideFiles && needsMore(docById.get(id)!)).map(([name, id]) => [name, docById.get(id)] as const));

  // The application form's own fields complete candidate.yaml, and are compared with it.
  const fromForm = formFacts(profile, inside.byDocument, inspections, declaration.facts);
  const facts = fromForm.facts;
  const ctx = { asOf, timezone: profile.timezone, facts: profile.facts };
  const extra = mergeProblems(inside.documentProblems, fromForm.documentProblems);
  const documents = judgeDocuments(profile, inside.byDocument, inspections, facts, ctx, extra);
  const problems: Finding[] = [
    ...scan.problems,
    ...declaration.problems,
    ...inside.dossierProblems,
  ];
  const verdict = dossierVerdict(profile, documents, facts, asOf, problems);
  return { path: shownPath(dir), ...verdict, documents, problems, facts };
}

function failedDossier(dir: string | Buffer, profile: Profile, problem: Finding): DossierResult {
  return {
    path: shownPath(dir),
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
