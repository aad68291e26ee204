// How the file system's answers are said: an error as a short stable token, and a name (or a
// path) that is not UTF-8 as people read it. Shared by the stages that read files.

/** What went wrong reading a file or folder, as a short stable token (ENOENT, EACCES...). */
export const errorCode = (err: unknown): string =>
  (err as NodeJS.ErrnoException)?.code ?? String((err as Error)?.message ?? err).slice(0, 200);

const windows1252 = new TextDecoder('windows-1252');

/**
 * Bytes of a name that are not UTF-8 (a ZIP made on an old Windows, unpacked as is) read as
 * Windows-1252, which is what such names almost always are.
 */
export const asWindows1252 = (raw: Uint8Array): string => windows1252.decode(raw);

/** A path as people read it: a string as is, bytes as Windows-1252. */
export const shownPath = (path: string | Uint8Array): string => (typeof path === 'string' ? path : asWindows1252(path));
