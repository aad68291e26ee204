// Whether a declared value is valid for its fact, without the schema library: candidate.yaml's
// facts are almost always valid, and this is all a worker needs to accept them (zod, 75 ms to
// load in each worker, is loaded only for a value this refuses, to say why).
import type { FactDecl } from '../profile/schema.js';
import { isCalendarDate, toInstant } from '../rules/dates.js';

/**
 * Built once per declaration and zone, from the profile's own objects: a batch reads thousands
 * of declarations against one profile.
 */
export function perDeclaration<T>(build: (decl: FactDecl, timezone: string) => T): (decl: FactDecl, timezone: string) => T {
  const cache = new WeakMap<FactDecl, Map<string, T>>();
  return (decl, timezone) => {
    let byZone = cache.get(decl);
    if (!byZone) cache.set(decl, (byZone = new Map()));
    let built = byZone.get(timezone);
    if (built === undefined) byZone.set(timezone, (built = build(decl, timezone)));
    return built;
  };
}

/**
 * Yes and no as a candidate writes them: the template and the messages say "oui ou non", and
 * YAML reads only true and false as booleans. Written in French or English, any case.
 */
const SPOKEN: ReadonlyMap<string, boolean> = new Map([
  ['oui', true],
  ['non', false],
  ['yes', true],
  ['no', false],
  ['vrai', true],
  ['faux', false],
]);

/** For editors (JSON Schema): the words SPOKEN reads, any case. */
export const SPOKEN_BOOLEAN_PATTERN = `^\\s*(${[...SPOKEN.keys()].map((w) => [...w].map((c) => `[${c.toUpperCase()}${c}]`).join('')).join('|')})\\s*$`;

/** The value as the profile's fact takes it: a yes/no fact written as a word becomes true or false; anything else as written. */
export function declaredValue(decl: FactDecl, value: unknown): unknown {
  if (decl.type !== 'boolean' || typeof value !== 'string') return value;
  return SPOKEN.get(value.trim().toLowerCase()) ?? value;
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

