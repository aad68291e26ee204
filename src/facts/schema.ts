// The candidate's declaration is validated against the facts the profile declares: another
// posting with other facts needs a new profile, not new code.
import { z } from 'zod';
import type { FactDecl, Profile } from '../profile/schema.js';
import { isCalendarDate, toInstant } from '../rules/dates.js';
import { perDeclaration, SPOKEN_BOOLEAN_PATTERN } from './accept.js';
import { inLang } from '../i18n/in-lang.js';

export const factValueSchema: (decl: FactDecl, timezone: string) => z.ZodType = perDeclaration(buildFactValueSchema);

function buildFactValueSchema(decl: FactDecl, timezone: string): z.ZodType {
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
        // The pattern is for editors (JSON Schema); the refinement is what decides.
        z
          .string()
          .refine(isCalendarDate, { message: 'expected a calendar date YYYY-MM-DD that exists (e.g. 1990-05-14)', params: { reason: 'date' } })
          .meta({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
      );
    case 'datetime':
      return described(
        z
          .string()
          .refine((s) => toInstant(s, timezone) !== null, {
            message: 'expected a date and time like 2026-02-20T18:30:00 (optionally with an offset, +01:00)',
            params: { reason: 'datetime' },
          })
          .meta({ pattern: '^\\d{4}-\\d{2}-\\d{2}([Tt ]\\d{2}:\\d{2}(:\\d{2}([.,]\\d{1,9})?)?([Zz]|[+-]\\d{2}:?\\d{2})?)?$' }),
      );
    case 'list':
      return described(z.array(decl.pattern ? z.string().regex(new RegExp(decl.pattern), `must match ${decl.pattern}`) : z.string()));
  }
}

/**
 * zod schema of candidate.yaml for a profile: every fact optional, no unknown keys. A fact left
 * blank (`birthDate:`) is null, which the loader reads as unknown: the schema allows it too, so
 * an editor does not flag the lines of a fresh template.
 */
export function candidateSchema(profile: Profile) {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, decl] of Object.entries(profile.facts)) {
    const meta: Record<string, unknown> = decl.label ? { title: decl.label.fr, description: decl.label.en } : {};
    if (decl.example !== undefined) meta.examples = [decl.example];
    // A yes/no fact may be written as a word (declaredValue): editors should not flag "oui".
    const value = decl.type === 'boolean' ? z.union([factValueSchema(decl, profile.timezone), z.string().regex(new RegExp(SPOKEN_BOOLEAN_PATTERN))]) : factValueSchema(decl, profile.timezone);
    shape[name] = value.nullable().optional().meta(meta);
  }
  return z
    .strictObject(shape)
    .meta({ title: `candidate.yaml: ${inLang(profile.title, 'en')}`, description: `Candidate declaration for ${inLang(profile.title, 'en')} (profile ${profile.id})` });
}
