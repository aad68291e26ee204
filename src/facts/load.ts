// Read candidate.yaml. A broken declaration is a finding about the dossier with its
// file:line:col, never a crash; the valid facts in it are still used and the documents are
// still checked.
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { finding, type Finding } from '../findings.js';
import type { Profile } from '../profile/schema.js';
import type { Facts, FactValue } from '../rules/types.js';
import { parseLocatedYaml, type SourceIssue } from '../yaml/located.js';
import { candidateSchema, factValueSchema } from './schema.js';
import { errorCode } from '../dossier/scan.js';

/** A declaration is a few hundred bytes; anything this large is a mistake or an attack. */
export const MAX_DECLARATION_BYTES = 256 * 1024;

export interface Declaration {
  readonly facts: Facts;
  readonly problems: readonly Finding[];
}

export async function readDeclaration(path: string | undefined, profile: Profile): Promise<Declaration> {
  if (path === undefined) return { facts: {}, problems: [finding('no-declaration', 'warning', { file: 'candidate.yaml' })] };
  const file = basename(path);
  let text: string;
  try {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      if (size > MAX_DECLARATION_BYTES) return invalid(file, 1, 1, `file is ${size} bytes; a declaration is at most ${MAX_DECLARATION_BYTES}`);
      text = (await handle.readFile()).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch (err) {
    return invalid(file, 1, 1, `cannot be read (${errorCode(err)})`);
  }
  return parseDeclaration(text, file, profile);
}

export function parseDeclaration(text: string, file: string, profile: Profile): Declaration {
  const src = parseLocatedYaml(text, file);
  const problems: Finding[] = src.issues.map(toFinding);
  if (src.value === undefined || src.value === null) {
    if (problems.length === 0) problems.push(toFinding({ file, line: 1, col: 1, message: 'the declaration is empty' }));
    return { facts: {}, problems };
  }
  if (typeof src.value !== 'object' || Array.isArray(src.value)) {
    problems.push(toFinding({ file, line: 1, col: 1, message: 'expected facts as "name: value" lines' }));
    return { facts: {}, problems };
  }
  const raw = src.value as Record<string, unknown>;
  const facts: Record<string, FactValue> = {};
  const declared = candidateSchema(profile).shape;
  for (const [name, value] of Object.entries(raw)) {
    const decl = profile.facts[name];
    if (!decl || !(name in declared)) {
      problems.push(toFinding({ file, ...src.locate([name], true), message: `unknown fact '${name}'; expected one of: ${Object.keys(profile.facts).join(', ')}` }));
      continue;
    }
    // `birthDate:` with nothing after it is a fact left blank, i.e. unknown, not an error.
    if (value === null || value === undefined) continue;
    const parsed = factValueSchema(decl, profile.timezone).safeParse(value);
    if (parsed.success) facts[name] = parsed.data as FactValue;
    else
      for (const issue of parsed.error.issues) {
        const path = [name, ...issue.path];
        problems.push(toFinding({ file, ...src.locate(path), message: `${path.map(String).join('.')}: ${issue.message}` }));
      }
  }
  return { facts, problems };
}

function invalid(file: string, line: number, col: number, message: string): Declaration {
  return { facts: {}, problems: [toFinding({ file, line, col, message })] };
}

const toFinding = (i: SourceIssue): Finding =>
  finding('declaration-invalid', i.severity ?? 'error', { file: i.file, line: i.line, col: i.col, detail: i.message });
