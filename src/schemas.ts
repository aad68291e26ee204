// JSON Schemas published in schemas/, generated from the zod schemas so they cannot drift:
// `npm run schemas` rewrites them and a test fails when the committed files are stale.
import { z } from 'zod';
import { candidateSchema } from './facts/schema.js';
import { profileSchema, type Profile } from './profile/schema.js';
import { reportSchema } from './report/schema.js';

const BASE = 'https://dossier.invalid/schemas/';

function toJson(schema: z.ZodType, id: string, title: string): string {
  const json = z.toJSONSchema(schema, { target: 'draft-07', io: 'input', unrepresentable: 'any', cycles: 'ref', reused: 'inline' });
  return JSON.stringify({ ...json, $id: BASE + id, title }, null, 2) + '\n';
}

/** File name in schemas/ → content. The candidate schema is that of the bundled profile's facts. */
export function jsonSchemas(bundled: Profile): Record<string, string> {
  return {
    'profile.schema.json': toJson(profileSchema, 'profile.schema.json', 'dossier profile (a job posting)'),
    'candidate.schema.json': toJson(candidateSchema(bundled), 'candidate.schema.json', `candidate.yaml for ${bundled.id}`),
    'report.schema.json': toJson(reportSchema, 'report.schema.json', 'dossier JSON report (schemaVersion 1)'),
  };
}
