// Facts read from the application form's own fields. The profile says which fields give which
// fact (`formFields` of a document); names are compared the way file names are (case,
// accents, separators and small words ignored), values are read the way a person types them
// ("14/05/1990", "Marocaine", "Master en finance"). Pure: data in, facts and findings out.
import { finding, type Finding } from '../findings.js';
import { containsKeyword, tokenize } from '../dossier/names.js';
import type { DocumentDecl, FactDecl, FormFieldDecl, Profile } from '../profile/schema.js';
import type { Facts, FactValue } from '../rules/types.js';
import { isCalendarDate } from '../rules/dates.js';
import { factValueAccepts } from './accept.js';

export interface FormFact {
  readonly value: FactValue;
  /** The field(s) it was read from, as the form names them. */
  readonly fields: readonly string[];
  /** What the fields said, as typed. */
  readonly raw: string;
}

/** The key a field name is compared under: "form1[0].Identite[0].Date_Naissance[0]" → "date naissance". */
export function fieldKey(name: string): string {
  return tokenize(name.replace(/\[\d+\]/g, '')).join(' ');
}

/** Look a field up by any of the profile's names: full name first, then its last segment. */
function lookup(fields: Readonly<Record<string, string>>, wanted: string): [string, string] | undefined {
  const key = fieldKey(wanted);
  if (!key) return undefined;
  const entries = Object.entries(fields);
  const full = entries.find(([name]) => fieldKey(name) === key);
  if (full) return full;
  return entries.find(([name]) => fieldKey(name.replace(/\[\d+\]/g, '').split('.').pop() ?? '') === key);
}

/** What a mapping reads in the form: the first filled field of `names`, else the `parts` joined. */
function rawValue(fields: Readonly<Record<string, string>>, decl: FormFieldDecl): { raw: string; fields: string[] } | undefined {
  for (const name of decl.names ?? []) {
    const hit = lookup(fields, name);
    if (hit && hit[1].trim() !== '') return { raw: hit[1].trim(), fields: [hit[0]] };
  }
  if (decl.parts) {
    const hits = decl.parts.map((p) => lookup(fields, p)).filter((h): h is [string, string] => h !== undefined && h[1].trim() !== '');
    if (hits.length > 0) return { raw: hits.map((h) => h[1].trim()).join(' '), fields: hits.map((h) => h[0]) };
  }
  return undefined;
}

/** A date as typed in a French form: JJ/MM/AAAA (also with - or .) or AAAA-MM-JJ (also with /). */
export function parseTypedDate(text: string): string | undefined {
  const s = text.trim();
  let m = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$/.exec(s);
  let iso: string | undefined;
  if (m) iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  m = /^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})$/.exec(s);
  if (m) iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return iso !== undefined && isCalendarDate(iso) ? iso : undefined;
}

const YES = new Set(['oui', 'yes', 'true', 'vrai', 'on', 'x', '1']);
const NO = new Set(['non', 'no', 'false', 'faux', 'off', '0']);

/** The fact value a typed text means for this fact, or undefined when it cannot be told. */
export function interpret(raw: string, fact: FactDecl, decl: FormFieldDecl): FactValue | undefined {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text === '') return undefined;
  const folded = tokenize(text);
  if (decl.values) {
    // The value itself ("MA", "master"), or a value whose words the text holds.
    const direct = Object.keys(decl.values).find((v) => tokenize(v).join(' ') === folded.join(' '));
    const named = direct !== undefined ? [direct] : Object.entries(decl.values).filter(([, words]) => words.some((w) => containsKeyword(folded, tokenize(w)))).map(([v]) => v);
    if (named.length === 1) return coerce(named[0]!, fact);
    // "Licence puis Master": on a scale the highest named is the level reached.
    if (named.length > 1 && fact.type === 'ordinal') return named.sort((a, b) => fact.values.indexOf(b) - fact.values.indexOf(a))[0];
    if (named.length > 1) return undefined;
  }
  switch (fact.type) {
    case 'date':
      return parseTypedDate(text);
    case 'enum':
    case 'ordinal':
      return fact.values.find((v) => tokenize(v).join(' ') === folded.join(' '));
    case 'boolean':
      return YES.has(folded.join(' ')) ? true : NO.has(folded.join(' ')) ? false : undefined;
    case 'integer':
    case 'number': {
      const m = /^-?\d+(?:[.,]\d+)?/.exec(text.replace(/\s/g, ''));
      return m ? Number(m[0].replace(',', '.')) : undefined;
    }
    case 'list':
      return text.split(/\s*[,;/]\s*/).filter(Boolean);
    case 'datetime':
    case 'string':
      return decl.values ? undefined : text;
  }
}

function coerce(value: string, fact: FactDecl): FactValue {
  if (fact.type === 'boolean') return value === 'true';
  if ((fact.type === 'integer' || fact.type === 'number') && Number.isFinite(Number(value))) return Number(value);
  return value;
}

/** Facts the form's fields give, as the document's `formFields` maps them; only valid values. */
export function factsFromForm(profile: Profile, doc: DocumentDecl, fields: Readonly<Record<string, string>>): Record<string, FormFact> {
  const out: Record<string, FormFact> = {};
  for (const [fact, decl] of Object.entries(doc.formFields ?? {})) {
    const factDecl = profile.facts[fact];
    if (!factDecl) continue;
    const found = rawValue(fields, decl);
    if (!found) continue;
    const value = interpret(found.raw, factDecl, decl);
    if (value === undefined) continue;
    if (!factValueAccepts(factDecl, profile.timezone)(value)) continue;
    out[fact] = { value, fields: found.fields, raw: found.raw };
  }
  return out;
}

/** Whether two values of a fact say the same thing: names compare as words in any order, ignoring case and accents. */
export function sameFact(fact: FactDecl | undefined, a: FactValue, b: FactValue): boolean {
  if (fact?.type === 'string' || (typeof a === 'string' && typeof b === 'string' && fact?.type !== 'date' && fact?.type !== 'datetime'))
    return tokenize(String(a)).sort().join(' ') === tokenize(String(b)).sort().join(' ');
  if (Array.isArray(a) && Array.isArray(b)) return [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
  return a === b;
}

const show = (v: FactValue): string => (Array.isArray(v) ? v.join(', ') : String(v));

export interface Reconciled {
  /** The declaration, completed by the form where it says nothing. */
  readonly facts: Facts;
  /** Facts taken from the form because candidate.yaml lacks them. */
  readonly filled: readonly string[];
  /** facts-mismatch warnings: the declaration and the form disagree. */
  readonly problems: readonly Finding[];
}

/**
 * Merge the declaration with the form: the declaration wins where it speaks (it is what the
 * candidate vouches for), the form fills what it leaves unknown, and every disagreement is a
 * `facts-mismatch` warning naming the fact, both values and the form's field.
 */
export function reconcileFacts(profile: Profile, declared: Facts, fromForm: Readonly<Record<string, FormFact>>, file: string): Reconciled {
  const facts: Record<string, FactValue | undefined> = { ...declared };
  const filled: string[] = [];
  const problems: Finding[] = [];
  for (const [fact, found] of Object.entries(fromForm)) {
    const mine = declared[fact];
    if (mine === undefined) {
      facts[fact] = found.value;
      filled.push(fact);
    } else if (!sameFact(profile.facts[fact], mine, found.value)) {
      problems.push(
        finding('facts-mismatch', 'warning', {
          file,
          fact,
          declared: show(mine),
          form: found.raw,
          field: found.fields.join(' + '),
        }),
      );
    }
  }
  return { facts, filled, problems };
}

/** A fillable form whose every field is empty. */
export const isEmptyForm = (fields: Readonly<Record<string, string>> | undefined): boolean =>
  fields !== undefined && Object.keys(fields).length > 0 && Object.values(fields).every((v) => v.trim() === '');
