// `npm run schemas`: regenerate schemas/*.json from the zod schemas.
import { writeFile } from 'node:fs/promises';
import { BUNDLED_PROFILE, loadProfile } from './profile/load.js';
import { jsonSchemas } from './schemas.js';

const loaded = await loadProfile(BUNDLED_PROFILE);
if (!loaded.ok) throw new Error('the bundled profile is invalid; run: dossier profile check ' + BUNDLED_PROFILE);
for (const [name, text] of Object.entries(jsonSchemas(loaded.profile))) {
  await writeFile(new URL(`../schemas/${name}`, import.meta.url), text);
  console.log(`schemas/${name}`);
}
