// The engine's vocabulary. A verdict carries every leaf it looked at, with the value observed
// and the threshold, so reports can say *why* without re-evaluating anything.
import type { FactDecl, Operator } from '../profile/schema.js';

/** Dates are 'YYYY-MM-DD', datetimes ISO strings; both validated when facts are read. */
export type FactValue = string | number | boolean | readonly string[];
/** An absent (or undefined) fact is unknown, never false or zero. */
export type Facts = Readonly<Record<string, FactValue | undefined>>;

export type Tri = 'pass' | 'fail' | 'unknown';
export type RuleStatus = Tri | 'skipped';

export interface Leaf {
  fact: string;
  op: Operator;
  threshold: string | number | boolean | readonly (string | number)[];
  /** The declared value as given; null when the fact is absent. */
  observed: FactValue | null;
  derived?: {
    /** Whole years reached on `at` (ageBelow, ageAtLeast). */
    age?: number;
    /**
     * ageBelow/ageAtLeast: the reference date (YYYY-MM-DD). Datetime facts: the observed
     * instant as wall time in `timezone`, 'YYYY-MM-DDTHH:MM:SS[.mmm]'.
     */
    at?: string;
    /** Datetime facts: the zone `at` and `limit` are read in (the profile's). */
    timezone?: string;
    /** Datetime facts compared with notAfter/notBefore: the threshold as wall time in `timezone`. */
    limit?: string;
  };
  status: Tri;
  /**
   * Whether this leaf decides the outcome of its condition (e.g. the failing branch of an
   * `all`, the passing branch of an `any`). Every leaf is reported; only decisive ones are
   * worth explaining.
   */
  decisive?: boolean;
}

export interface RuleVerdict {
  id: string;
  advisory: boolean;
  status: RuleStatus;
  /** Every leaf of `check`, or of `when` when the rule is skipped. */
  leaves: Leaf[];
  /** Present when the rule has a `when`: its outcome and leaves (why it applies, or may). */
  when?: { status: Tri; leaves: Leaf[] };
}

export interface EvalContext {
  /** Reference date of age conditions, YYYY-MM-DD. */
  asOf: string;
  /** IANA zone of instants written without an offset. */
  timezone: string;
  /** The profile's fact declarations: their types give comparisons their meaning. */
  facts: Record<string, FactDecl>;
}
