// `npm run schemas`: regenerate schemas/*.json from the zod schemas, with a candidate schema
// for every sample profile.
import { writeFile } from 'node:fs/promises';
import { BUNDLED_PROFILE, loadProfile, sampleProfiles } from './profile/load.js';
import { jsonSchemas, SCHEMAS_DIR } from './schemas.js';
import type { Profile } from './profile/schema.js';

async function load(file: string): Promise<Profile> {
  const loaded = await loadProfile(file);
  if (!loaded.ok) throw new Error(`${file} is invalid; run: dossier profile check ${file}`);
  return loaded.profile;
}

const bundled = await load(BUNDLED_PROFILE);
const others = await Promise.all((await sampleProfiles()).filter((f) => f !== BUNDLED_PROFILE).map(load));
for (const [name, text] of Object.entries(jsonSchemas(bundled, others))) {
  await writeFile(`${SCHEMAS_DIR}${name}`, text);
  console.log(`schemas/${name}`);
}
