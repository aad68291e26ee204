// The formats of `dossier profile show`, apart from the code that writes them: --help names
// them without loading the profile schema.
export const SHOW_FORMATS = ['text', 'markdown'] as const;
export type ShowFormat = (typeof SHOW_FORMATS)[number];
