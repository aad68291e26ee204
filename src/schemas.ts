// JSON Schemas published in schemas/, generated from the zod schemas so they cannot drift:
// `npm run schemas` rewrites them and a test fails when the committed files are stale.
import { packagePath } from './package-root.js';
import { z } from 'zod';
import { candidateSchema } from './facts/schema.js';
import { profileSchema, type Profile } from './profile/schema.js';
import { reportSchema } from './report/schema.js';

const BASE = 'https://dossier.invalid/schemas/';

/** The package's schemas/ folder. */
export const SCHEMAS_DIR = packagePath('schemas') + '/';

function toJson(schema: z.ZodType, id: string, title: string): string {
  const json = z.toJSONSchema(schema, { target: 'draft-07', io: 'input', unrepresentable: 'any', cycles: 'ref', reused: 'inline' });
  return JSON.stringify({ ...json, $id: BASE + id, title }, null, 2) + '\n';
}

/**
 * File name of a profile's candidate.yaml schema: the bundled profile's is candidate.schema.json,
 * every other sample profile gets candidate.<profile id>.schema.json.
 */
export function candidateSchemaName(profile: Profile, isBundled: boolean): string {
  return isBundled ? 'candidate.schema.json' : `candidate.${profile.id}.schema.json`;
}

export function candidateSchemaJson(profile: Profile, name: string): string {
  return toJson(candidateSchema(profile), name, `candidate.yaml for ${profile.id}`);
}

/** File name in schemas/ → content. `others` are the other sample profiles, each with its candidate schema. */
export function jsonSchemas(bundled: Profile, others: readonly Profile[] = []): Record<string, string> {
  const out: Record<string, string> = {
    'profile.schema.json': toJson(profileSchema, 'profile.schema.json', 'dossier profile (a job posting)'),
    'candidate.schema.json': candidateSchemaJson(bundled, 'candidate.schema.json'),
    'report.schema.json': toJson(reportSchema, 'report.schema.json', 'dossier JSON report (schemaVersion 1)'),
  };
  for (const p of others) {
    const name = candidateSchemaName(p, false);
    out[name] = candidateSchemaJson(p, name);
  }
  return out;
}
