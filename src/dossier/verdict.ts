// A dossier's verdict from its judged documents and the candidate's facts: the one place that
// says what "complete", "eligible" and "accepted" mean.
import type { Profile } from '../profile/schema.js';
import { eligibilityOf, evaluateRules } from '../rules/evaluate.js';
import type { Facts } from '../rules/types.js';
import type { DocumentResult, DossierResult } from '../report/model.js';
import { extend } from '../extend.js';

export type DossierVerdict = Pick<DossierResult, 'rules' | 'complete' | 'eligibility' | 'accepted'>;

export function dossierVerdict(profile: Profile, documents: readonly DocumentResult[], facts: Facts, asOf: string): DossierVerdict {
  const verdicts = evaluateRules(profile, facts, asOf);
  const rules = verdicts.map((v) => {
    const decl = profile.rules.find((r) => r.id === v.id)!;
    return extend(v, { label: decl.label, advice: decl.advice });
  });
  const complete = documents.every((d) => d.status === 'ok' || d.status === 'not-required');
  const eligibility = eligibilityOf(verdicts);
  return { rules, complete, eligibility, accepted: complete && eligibility === 'eligible' };
}
