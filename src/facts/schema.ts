// The candidate's declaration is validated against the facts the profile declares: another
// posting with other facts needs a new profile, not new code.
import { z } from 'zod';
import type { FactDecl, Profile } from '../profile/schema.js';
import { isCalendarDate, toInstant } from '../rules/dates.js';
import { inLang } from '../i18n/in-lang.js';

/**
 * Built once per declaration and zone, from the profile's own objects: a batch reads thousands
 * of declarations against one profile.
 */
function perDeclaration<T>(build: (decl: FactDecl, timezone: string) => T): (decl: FactDecl, timezone: string) => T {
  const cache = new WeakMap<FactDecl, Map<string, T>>();
  return (decl, timezone) => {
    let byZone = cache.get(decl);
    if (!byZone) cache.set(decl, (byZone = new Map()));
    let built = byZone.get(timezone);
    if (built === undefined) byZone.set(timezone, (built = build(decl, timezone)));
    return built;
  };
}

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
 * Whether zod would accept the value, said without zod: candidate.yaml's facts are almost
 * always valid, and zod took about 0.3 ms a declaration, a tenth of the main thread's time in a
 * batch. A value this refuses still goes through zod, for its issues (test/facts-accept.test.ts
 * checks the two agree).
 */
export const factValueAccepts: (decl: FactDecl, timezone: string) => (value: unknown) => boolean = perDeclaration(buildAccepts);

function buildAccepts(decl: FactDecl, timezone: string): (value: unknown) => boolean {
  switch (decl.type) {
    case 'string': {
      if (!decl.pattern) return (v) => typeof v === 'string' && v.length >= 1;
      const re = new RegExp(decl.pattern);
      return (v) => typeof v === 'string' && matches(re, v);
    }
    case 'enum':
    case 'ordinal': {
      const values = new Set(decl.values);
      return (v) => typeof v === 'string' && values.has(v);
    }
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'integer':
    case 'number': {
      const { min, max } = decl;
      const whole = decl.type === 'integer';
      return (v) =>
        typeof v === 'number' && Number.isFinite(v) && (!whole || Number.isSafeInteger(v)) && (min === undefined || v >= min) && (max === undefined || v <= max);
    }
    case 'date':
      return (v) => typeof v === 'string' && isCalendarDate(v);
    case 'datetime':
      return (v) => typeof v === 'string' && toInstant(v, timezone) !== null;
    case 'list': {
      const re = decl.pattern ? new RegExp(decl.pattern) : undefined;
      return (v) => {
        if (!Array.isArray(v)) return false;
        // Indexes, not every(): a hole is an item zod refuses.
        for (let i = 0; i < v.length; i++) {
          const item: unknown = v[i];
          if (typeof item !== 'string' || (re && !matches(re, item))) return false;
        }
        return true;
      };
    }
  }
}

/** As zod tests a pattern: from the start of the string, whatever an earlier test left. */
function matches(re: RegExp, s: string): boolean {
  re.lastIndex = 0;
  return re.test(s);
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
    shape[name] = factValueSchema(decl, profile.timezone).nullable().optional().meta(meta);
  }
  return z
    .strictObject(shape)
    .meta({ title: `candidate.yaml: ${inLang(profile.title, 'en')}`, description: `Candidate declaration for ${inLang(profile.title, 'en')} (profile ${profile.id})` });
}
