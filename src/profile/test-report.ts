// The outcome of a profile's tests in words: one line per case, and under a failing case what
// was expected, what came out, and why (the same explanation the report gives a candidate).
import { AUTHORING } from '../i18n/authoring.js';
import type { Lang } from '../i18n/messages.js';
import { explainVerdict } from '../i18n/rule-messages.js';
import type { Highlighter } from '../report/highlight.js';
import type { Profile } from './schema.js';
import type { CaseOutcome } from './tests.js';

export function formatTestOutcomes(profile: Profile, outcomes: readonly CaseOutcome[], lang: Lang, h: Highlighter): string {
  const w = AUTHORING[lang];
  const label = (fact: string) => profile.facts[fact]?.label?.[lang];
  const out: string[] = [h.strong(w.testHeader(profile.id, outcomes.length))];
  for (const o of outcomes) {
    out.push(o.passed ? `${h.ok('✔')} ${o.name}` : `${h.bad('✘')} ${o.name} ${h.dim(`(asOf ${o.asOf})`)}`);
    for (const m of o.mismatches) {
      const line =
        m.kind === 'rule'
          ? `${w.ruleMismatch(m.id, m.expected, m.actual)} — ${explainVerdict(m.verdict, lang, label)}`
          : m.kind === 'eligibility'
            ? w.eligibilityMismatch(m.expected, m.actual)
            : w.documentMismatch(m.id, m.expected, m.actual);
      out.push(`    ${line}`);
    }
  }
  const failed = outcomes.filter((o) => !o.passed).length;
  out.push('', failed ? h.bad(w.testSummary(outcomes.length, failed)) : h.ok(w.testSummary(outcomes.length, failed)));
  return out.join('\n') + '\n';
}
