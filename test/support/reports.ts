// Report models built by hand for the formatter tests. Formatters are pure functions of the
// report model, so they are tested without the PDF layer: the bundled profile gives the real
// documents and rules, the real rule engine judges the facts, and the documents' findings are
// written here, with hostile file names.
import { finding, type Finding, type ProblemCode } from '../../src/findings.js';
import type { Profile } from '../../src/profile/schema.js';
import { summarize, SCHEMA_VERSION, type DocumentResult, type DocumentStatus, type DossierResult, type Report } from '../../src/report/model.js';
import { dossierVerdict } from '../../src/dossier/verdict.js';
import type { Facts } from '../../src/rules/types.js';
import { bundledProfile } from './profile.js';

export const AS_OF = '2026-02-21';

export const GOOD_FACTS: Facts = {
  applicantType: 'external',
  fullName: 'Salma Bennani',
  birthDate: '1990-05-14',
  nationality: 'MA',
  diplomaLevel: 'master',
  diplomaForeign: false,
  experienceYears: 6,
  languages: ['ar', 'fr', 'en'],
};

/** File names a candidate (or an attacker) can send. */
export const HOSTILE = {
  quotes: `CV "final" l'ultime.pdf`,
  newline: 'Diplome\nMaster.pdf',
  formula: `=cmd|' /C calc'!A0.pdf`,
  plus: '+212 CIN.pdf',
  minus: '-CV.pdf',
  at: '@SUM(A1) plan.pdf',
  tab: '\tCIN.pdf',
  cr: '\rCIN.pdf',
  script: '<script>alert("x")</script>.pdf',
  img: '<img src=x onerror=alert(1)>.pdf',
  arabic: 'السيرة الذاتية.pdf',
  long: 'CV ' + 'très-long-nom-de-fichier '.repeat(10) + '.pdf',
  percent: '100% sûr, vraiment: oui.pdf',
  bidi: 'cv\u202efdp.exe',
  ansi: '\u001b[31mrouge.pdf',
  markdown: '*gras* _it_ [lien](http://x) `code` | pipe ~barré~ $x$ # \\ &amp;.pdf',
  xmlIllegal: 'nul\u0000 bell\u0007 ffff\uffff lone\ud800 end.pdf',
} as const;

export interface DocSpec {
  files?: string[];
  pages?: number | null;
  problems?: Finding[];
  status?: DocumentStatus;
}

export interface DossierSpec {
  path: string;
  /** Facts declared; `null` means no candidate.yaml. */
  facts?: Facts | null;
  documents?: Record<string, DocSpec>;
  problems?: Finding[];
}

export function dossierResult(profile: Profile, spec: DossierSpec, asOf = AS_OF): DossierResult {
  const facts = spec.facts === null ? {} : { ...GOOD_FACTS, ...spec.facts };
  const documents: DocumentResult[] = profile.documents.map((decl) => {
    const given = spec.documents?.[decl.id];
    const notRequired = decl.id === 'equivalence' && facts.diplomaForeign !== true && !given;
    const files = given?.files ?? (notRequired ? [] : [`${decl.id}.pdf`]);
    const problems = given?.problems ?? (files.length === 0 && !notRequired ? [finding('missing', 'error')] : []);
    const status: DocumentStatus =
      given?.status ?? (notRequired ? 'not-required' : files.length === 0 ? 'missing' : problems.some((p) => p.severity === 'error') ? 'invalid' : 'ok');
    return {
      id: decl.id,
      label: decl.label,
      advice: decl.advice,
      required: !notRequired,
      status,
      files,
      pages: given?.pages !== undefined ? given.pages : files.length ? files.length : null,
      problems,
    };
  });
  // The core's own verdict: these hand-built reports must conclude as `check` would.
  const problems = [...(spec.problems ?? []), ...(spec.facts === null ? [finding('no-declaration', 'warning', { file: 'candidate.yaml' })] : [])];
  const verdict = dossierVerdict(profile, documents, facts, asOf, problems);
  return { path: spec.path, ...verdict, documents, problems, facts };
}

export function buildReport(profile: Profile, specs: readonly DossierSpec[], runProblems: Finding[] = []): Report {
  const dossiers = specs.map((s) => dossierResult(profile, s));
  return { schemaVersion: SCHEMA_VERSION, profile: { id: profile.id, title: profile.title }, asOf: AS_OF, summary: summarize(dossiers), dossiers, problems: runProblems };
}

const err = (code: ProblemCode, params: Record<string, string | number | readonly string[]> = {}) => finding(code, 'error', params);
const warn = (code: ProblemCode, params: Record<string, string | number | readonly string[]> = {}) => finding(code, 'warning', params);

/** A batch with one dossier of each kind, and hostile names everywhere. */
export async function sampleReport(): Promise<{ profile: Profile; report: Report }> {
  const profile = await bundledProfile();
  const specs: DossierSpec[] = [
    { path: 'candidats/01-salma', documents: { cv: { files: [HOSTILE.arabic], pages: 3 } } },
    {
      path: 'candidats/=HYPERLINK("http://evil")',
      documents: {
        cv: { files: [HOSTILE.quotes], pages: 25, problems: [err('page-count', { file: HOSTILE.quotes, actual: 25, min: 1, max: 20 })] },
        diploma: { files: [HOSTILE.newline], pages: 1 },
        cni: { files: [HOSTILE.formula], pages: 1, problems: [err('not-pdf', { file: HOSTILE.formula, type: 'jpeg' })] },
      },
    },
    {
      path: 'candidats/<img src=x onerror=alert(1)>',
      facts: { birthDate: '1970-01-01', languages: ['ar', 'fr'] },
      documents: { 'action-plan': { files: [HOSTILE.script], pages: 2, problems: [warn('restricted', { file: HOSTILE.script })] } },
      problems: [warn('unexpected-file', { file: HOSTILE.img }), warn('unexpected-file', { file: HOSTILE.markdown })],
    },
    {
      path: 'candidats/سلمى بناني',
      facts: null,
      problems: [warn('unexpected-file', { file: HOSTILE.bidi })],
    },
    {
      path: 'candidats/a,b:c%d\nligne',
      documents: {
        form: { files: [], problems: [err('missing')] },
        cni: { files: [HOSTILE.tab, HOSTILE.cr], problems: [err('ambiguous', { files: [HOSTILE.tab, HOSTILE.cr], exactly: 1 })] },
        cv: { files: [HOSTILE.percent], pages: null, problems: [err('encrypted', { file: HOSTILE.percent })] },
      },
    },
    {
      path: 'candidats/' + 'x'.repeat(210),
      documents: {
        cv: { files: [HOSTILE.long], pages: 2 },
        diploma: { files: [HOSTILE.plus, HOSTILE.minus], pages: 2 },
        'action-plan': { files: [HOSTILE.at], pages: 1, problems: [err('empty-file', { file: HOSTILE.at })] },
      },
    },
    {
      path: 'candidats/\u001b[2Jescape',
      documents: { cv: { files: [HOSTILE.ansi, HOSTILE.xmlIllegal], pages: 2, problems: [err('ambiguous', { files: [HOSTILE.ansi, HOSTILE.xmlIllegal] })] } },
      problems: [err('declaration-invalid', { file: 'candidate.yaml', line: 3, col: 14, detail: 'birthDate: expected YYYY-MM-DD, got "14/05/1990"' })],
    },
    { path: 'candidats/08-agent', facts: { applicantType: 'agent', agentScale: 16, agentYearsInCategoryC: 2, financeBackground: true } },
    // Paths a spreadsheet would take for formulas.
    ...['=HYPERLINK("http://evil","clic")', '+33 dossier', '-dossier', '@dossier', '\tdossier', '\rdossier'].map((path) => ({ path, documents: { cv: { files: [], problems: [err('missing')] } } })),
  ];
  return { profile, report: buildReport(profile, specs, [warn('unexpected-file', { file: 'lisez-moi, svp.txt' })]) };
}
