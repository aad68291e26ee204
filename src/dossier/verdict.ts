// A dossier's verdict from its judged documents and the candidate's facts: the one place that
// says what "complete", "eligible" and "accepted" mean.
import type { Profile } from '../profile/schema.js';
import { eligibilityOf, evaluateRules } from '../rules/evaluate.js';
import type { Facts } from '../rules/types.js';
import type { DocumentResult, DossierResult } from '../report/model.js';
import { extend } from '../extend.js';
import type { Finding } from '../findings.js';

export type DossierVerdict = Pick<DossierResult, 'rules' | 'complete' | 'eligibility' | 'accepted'>;

/**
 * `problems`: the dossier's own findings (its folder, its `candidate.yaml`). One that is an
 * error leaves the dossier not accepted, complete and eligible or not: a declaration with a
 * key given twice or a date that does not exist says something the rules could not judge
 * ("Toute information erronée entraînera l'annulation du dossier"), and an entry of the
 * folder that could not be read may be a document.
 */
export function dossierVerdict(profile: Profile, documents: readonly DocumentResult[], facts: Facts, asOf: string, problems: readonly Finding[] = []): DossierVerdict {
  const verdicts = evaluateRules(profile, facts, asOf);
  const rules = verdicts.map((v) => {
    const decl = profile.rules.find((r) => r.id === v.id)!;
    return extend(v, { label: decl.label, advice: decl.advice });
  });
  const complete = documents.every((d) => d.status === 'ok' || d.status === 'not-required');
  const eligibility = eligibilityOf(verdicts);
  const sound = !problems.some((p) => p.severity === 'error');
  return { rules, complete, eligibility, accepted: complete && eligibility === 'eligible' && sound };
}
