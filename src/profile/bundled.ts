// Where the bundled profile is: a constant of its own, so that commands can name it (in
// --help) without loading the YAML parser and the schema.
import { packagePath } from '../package-root.js';

/** The bundled OFPPT profile, used when --profile is not given. */
export const BUNDLED_PROFILE = packagePath('samples/profiles/ofppt-2026-chef-service-cooperation-financiere.yaml');
