// The candidate's declaration is validated against the facts the profile declares: another
// posting with other facts needs a new profile, not new code.
import { z } from 'zod';
import type { FactDecl, Profile } from '../profile/schema.js';
import { isCalendarDate, toInstant } from '../rules/dates.js';

export function factValueSchema(decl: FactDecl, timezone: string): z.ZodType {
  const described = <T extends z.ZodType>(s: T): T => (decl.label ? s.describe(decl.label.en) : s);
  switch (decl.type) {
    case 'string':
      return described(decl.pattern ? z.string().regex(new RegExp(decl.pattern), `must match ${decl.pattern}`) : z.string().min(1));
    case 'enum':
    case 'ordinal':
      return described(z.enum(decl.values as [string, ...string[]]));
    case 'boolean':
      return described(z.boolean());
    case 'integer':
    case 'number': {
      let s = decl.type === 'integer' ? z.number().int() : z.number();
      if (decl.min !== undefined) s = s.min(decl.min);
      if (decl.max !== undefined) s = s.max(decl.max);
      return described(s);
    }
    case 'date':
      return described(
        z.string().refine(isCalendarDate, { message: 'expected a calendar date YYYY-MM-DD that exists (e.g. 1990-05-14)' }),
      );
    case 'datetime':
      return described(
        z.string().refine((s) => toInstant(s, timezone) !== null, {
          message: 'expected a date and time like 2026-02-20T18:30:00 (optionally with an offset, +01:00)',
        }),
      );
    case 'list':
      return described(z.array(decl.pattern ? z.string().regex(new RegExp(decl.pattern), `must match ${decl.pattern}`) : z.string()));
  }
}

/** zod schema of candidate.yaml for a profile: every fact optional, no unknown keys. */
export function candidateSchema(profile: Profile) {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, decl] of Object.entries(profile.facts)) shape[name] = factValueSchema(decl, profile.timezone).optional();
  return z.strictObject(shape).describe(`Candidate declaration for ${profile.title}`);
}
