// The report model: one data structure every formatter renders. It holds findings as data
// (codes and params); words are added only by the formatters, in the reader's language.
import type { Finding } from '../findings.js';
import type { Lang } from '../i18n/messages.js';
import type { Localized } from '../profile/schema.js';
import type { Facts, RuleVerdict } from '../rules/types.js';

export const SCHEMA_VERSION = 1;

export type DocumentStatus = 'ok' | 'missing' | 'invalid' | 'not-required';
export type Eligibility = 'eligible' | 'ineligible' | 'undetermined';

export interface DocumentResult {
  readonly id: string;
  readonly label: Localized;
  readonly advice: Localized | undefined;
  /** The profile's advice when the page count is wrong. */
  readonly pagesAdvice?: Localized;
  /** 'unknown' when the requirement depends on a fact the candidate did not declare. */
  readonly required: boolean | 'unknown';
  readonly status: DocumentStatus;
  readonly files: readonly string[];
  readonly pages: number | null;
  /** The files carry a text layer (true), at least one is a scan without text (false), unknown (null). */
  readonly textLayer?: boolean | null;
  readonly problems: readonly Finding[];
}

export interface RuleResult extends RuleVerdict {
  readonly label: Localized;
  readonly advice: Localized | undefined;
}

export interface DossierResult {
  readonly path: string;
  readonly complete: boolean;
  readonly eligibility: Eligibility;
  readonly accepted: boolean;
  readonly documents: readonly DocumentResult[];
  readonly rules: readonly RuleResult[];
  readonly problems: readonly Finding[];
  readonly facts: Facts;
}

export interface Summary {
  readonly dossiers: number;
  readonly complete: number;
  readonly eligible: number;
  readonly accepted: number;
}

export interface Report {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  /** `sha256`: the profile's fingerprint (src/profile/digest.ts); absent from reports made before it was written. */
  readonly profile: { readonly id: string; readonly title: string | Localized; readonly sha256?: string };
  readonly asOf: string;
  readonly summary: Summary;
  readonly dossiers: readonly DossierResult[];
  /** Findings about the run itself (e.g. files lying at the root of a batch). */
  readonly problems: readonly Finding[];
}

/**
 * A report wanted as JSON only (`batch --format json`): each dossier was written as the JSON
 * report writes it, in `json.lang`, by the worker that checked it, and only that was kept. The
 * report's last step, on one thread after every dossier, then only copies bytes
 * (src/report/formatters/json.ts), and no worker packs a model nobody reads.
 */
export interface JsonReport extends Omit<Report, 'dossiers'> {
  readonly dossierCount: number;
  readonly json: PrerenderedJson;
}

export interface PrerenderedJson {
  readonly lang: Lang;
  /** Dossier i as formatJsonDossier writes it, in UTF-8; read it before the next `at` (VerdictStore.at). */
  at(i: number): Buffer;
}

/** Counts of a set of dossiers, from their verdicts alone (model or JSON view alike). */
export function summarize(dossiers: readonly Pick<DossierResult, 'complete' | 'eligibility' | 'accepted'>[]): Summary {
  return {
    dossiers: dossiers.length,
    complete: dossiers.filter((d) => d.complete).length,
    eligible: dossiers.filter((d) => d.eligibility === 'eligible').length,
    accepted: dossiers.filter((d) => d.accepted).length,
  };
}
