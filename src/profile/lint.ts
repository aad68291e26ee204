// Checks zod cannot express: ids that must be unique, keywords that can never match or that
// make two documents tie. Errors block the profile; warnings are printed by `profile check`.
import { containsKeyword, tokenize } from '../dossier/names.js';
import { documentFor } from '../dossier/match.js';
import { toInstant } from '../rules/dates.js';
import type { Profile } from './schema.js';

export interface LintIssue {
  readonly path: (string | number)[];
  readonly onKey?: boolean;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

export function lintProfile(profile: Profile): LintIssue[] {
  const issues: LintIssue[] = [];
  duplicates(profile.documents.map((d) => d.id)).forEach((i) =>
    issues.push({ path: ['documents', i, 'id'], message: `duplicate document id '${profile.documents[i]!.id}'`, severity: 'error' }),
  );
  duplicates(profile.rules.map((r) => r.id)).forEach((i) =>
    issues.push({ path: ['rules', i, 'id'], message: `duplicate rule id '${profile.rules[i]!.id}'`, severity: 'error' }),
  );
  profile.documents.forEach((doc, d) => {
    doc.names.forEach((k, n) => {
      if (tokenize(k).length === 0)
        issues.push({
          path: ['documents', d, 'names', n],
          message: `keyword '${k}' is only punctuation or small words (de, d', la...): no file name can match it`,
          severity: 'error',
        });
    });
    const p = doc.pages;
    if (p.exactly !== undefined && (p.min !== undefined || p.max !== undefined))
      issues.push({ path: ['documents', d, 'pages'], message: 'pages: give either exactly, or min and/or max', severity: 'error' });
    if (p.min !== undefined && p.max !== undefined && p.min > p.max)
      issues.push({ path: ['documents', d, 'pages'], message: `pages: min ${p.min} is above max ${p.max}`, severity: 'error' });
  });
  // Two documents of equal priority whose keywords can both match the same name: the tie is
  // broken by declaration order, which is rarely what the author meant.
  profile.documents.forEach((a, i) =>
    profile.documents.slice(i + 1).forEach((b, j) => {
      if (a.priority !== b.priority) return;
      for (const ka of a.names)
        for (const kb of b.names) {
          const ta = tokenize(ka);
          const tb = tokenize(kb);
          if (ta.length && tb.length && (containsKeyword(ta, tb) || containsKeyword(tb, ta))) {
            issues.push({
              path: ['documents', i + 1 + j, 'names'],
              message: `keyword '${kb}' of '${b.id}' and '${ka}' of '${a.id}' match the same file names with equal priority; set a higher priority on the one that should win`,
              severity: 'error',
            });
            return;
          }
        }
    }),
  );
  // A document every one of whose keywords also holds a keyword of a document with a higher
  // priority: any name that matches it goes to the other one, so no file can ever be it.
  profile.documents.forEach((doc, d) => {
    const shadows = doc.names.map((k) =>
      profile.documents.find(
        (other) => other.priority > doc.priority && other.names.some((ko) => containsKeyword(tokenize(k), tokenize(ko))),
      ),
    );
    if (doc.names.length > 0 && shadows.every((o) => o !== undefined))
      issues.push({
        path: ['documents', d, 'names'],
        message: `no file name can ever be '${doc.id}': every name it recognises also matches '${shadows[0]!.id}', which has a higher priority (${shadows[0]!.priority}); give '${doc.id}' a keyword of its own or a higher priority`,
        severity: 'error',
      });
    if (doc.example !== undefined) {
      const got = documentFor(profile, doc.example);
      if (got?.id !== doc.id)
        issues.push({
          path: ['documents', d, 'example'],
          message: got
            ? `example '${doc.example}' would be taken for '${got.id}', not '${doc.id}'`
            : `example '${doc.example}' matches no keyword of '${doc.id}': names are ${doc.names.join(', ')}`,
          severity: 'error',
        });
    }
  });
  // Looking inside documents: form fields must give declared facts, with values those facts take.
  profile.documents.forEach((doc, d) => {
    for (const [fact, decl] of Object.entries(doc.formFields ?? {})) {
      const f = profile.facts[fact];
      if (!f) {
        issues.push({ path: ['documents', d, 'formFields', fact], onKey: true, message: `formFields: '${fact}' is not a fact declared under facts`, severity: 'error' });
        continue;
      }
      const allowed = f.type === 'enum' || f.type === 'ordinal' ? f.values : f.type === 'boolean' ? ['true', 'false'] : undefined;
      for (const value of Object.keys(decl.values ?? {}))
        if (allowed && !allowed.includes(value))
          issues.push({
            path: ['documents', d, 'formFields', fact, 'values', value],
            onKey: true,
            message: `formFields.${fact}.values: '${value}' is not a value of ${fact} (${allowed.join(', ')})`,
            severity: 'error',
          });
    }
    (doc.contentKeywords ?? []).forEach((k, n) => {
      if (tokenize(k).length === 0)
        issues.push({
          path: ['documents', d, 'contentKeywords', n],
          message: `content keyword '${k}' is only punctuation or small words: no text can match it`,
          severity: 'error',
        });
    });
  });
  if (profile.deadline !== undefined && toInstant(profile.deadline, profile.timezone) === null)
    issues.push({
      path: ['deadline'],
      message: `deadline: expected a date and time like 2026-02-21T23:59:59 (no offset: read in ${profile.timezone}), got '${profile.deadline}'`,
      severity: 'error',
    });
  if (profile.tests.length === 0)
    issues.push({
      path: ['rules'],
      onKey: true,
      message: 'the profile has no tests: add a tests: section with the edge cases of its rules, then run dossier profile test',
      severity: 'warning',
    });
  return issues;
}

function duplicates(ids: readonly string[]): number[] {
  const seen = new Set<string>();
  return ids.flatMap((id, i) => (seen.has(id) ? [i] : (seen.add(id), [])));
}
