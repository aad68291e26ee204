// The candidate.yaml template `dossier init` writes: every fact the profile declares, blank,
// with its meaning, type and allowed values in comments, in the candidate's language. A blank
// line reads as "not provided" (unknown), so a half-filled template is still valid YAML that
// the tool accepts and judges honestly.
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AUTHORING } from '../i18n/authoring.js';
import type { Lang } from '../i18n/messages.js';
import type { FactDecl, Profile } from '../profile/schema.js';
import { inLang } from '../i18n/in-lang.js';
import { candidateSchemaJson, SCHEMAS_DIR } from '../schemas.js';

export interface TemplateOptions {
  readonly lang: Lang;
  /** What the `$schema=` comment points at (a relative path or a URL); none when no schema fits the profile. */
  readonly schemaRef?: string;
}

// Values and examples from the profile may hold line breaks; a comment line may not.
const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ');

function yamlValue(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(String).join(', ')}]`;
  return String(v);
}

function factComments(decl: FactDecl, w: (typeof AUTHORING)[Lang]): string[] {
  const lines: string[] = [];
  switch (decl.type) {
    case 'enum':
      lines.push(w.templateValues(decl.values));
      break;
    case 'ordinal':
      lines.push(w.templateScale(decl.values));
      break;
    case 'integer':
    case 'number': {
      const range = decl.min !== undefined || decl.max !== undefined ? `, ${w.templateRange(decl.min, decl.max)}` : '';
      lines.push(`${w.templateType(decl.type)}${range}`);
      break;
    }
    // A pattern is a regular expression: the label says it in words, the example shows it.
    case 'string':
      lines.push(w.templateType(decl.type));
      break;
    case 'list':
      lines.push(`${w.templateType(decl.type)}, ${w.templateFormat.list}`);
      break;
    case 'boolean':
    case 'date':
    case 'datetime':
      lines.push(`${w.templateType(decl.type)}, ${w.templateFormat[decl.type]}`);
      break;
  }
  if (decl.example !== undefined) lines.push(w.templateExample(yamlValue(decl.example)));
  return lines;
}

export function candidateTemplate(profile: Profile, options: TemplateOptions): string {
  const w = AUTHORING[options.lang];
  const out: string[] = [];
  if (options.schemaRef !== undefined) out.push(`# yaml-language-server: $schema=${options.schemaRef}`);
  else out.push(`# ${w.templateNoSchema(profile.id)}`);
  out.push('#', ...w.templateHeader(inLang(profile.title, options.lang), profile.id).map((l) => `# ${l}`), '#');
  out.push(...w.templateHowTo.map((l) => `# ${l}`));
  for (const [name, decl] of Object.entries(profile.facts)) {
    out.push('');
    if (decl.label) out.push(`# ${decl.label[options.lang]}`);
    if (decl.help) out.push(`# ${decl.help[options.lang]}`);
    out.push(...factComments(decl, w).map((l) => `# ${oneLine(l)}`));
    out.push(`${name}:`);
  }
  return out.join('\n') + '\n';
}

/**
 * The published JSON Schema of this profile's candidate.yaml, if schemas/ holds one generated
 * from exactly these facts (an edited copy of a sample profile gets none rather than a wrong
 * one), as a reference from `fromDir`: a relative path, or a file URL across drives.
 */
export async function candidateSchemaRef(profile: Profile, fromDir: string): Promise<string | undefined> {
  for (const name of ['candidate.schema.json', `candidate.${profile.id}.schema.json`]) {
    const file = join(SCHEMAS_DIR, name);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      continue;
    }
    if (text !== candidateSchemaJson(profile, name)) continue;
    const rel = relative(fromDir, file);
    return isAbsolute(rel) ? pathToFileURL(file).href : rel.split(sep).join('/');
  }
  return undefined;
}
