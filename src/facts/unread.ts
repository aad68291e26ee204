// Which findings about candidate.yaml leave no fact read at all: the reasons are made where the
// declaration is read (load.ts, parse.ts, src/yaml/located.ts), so they are told apart here,
// beside them, for the reports to say "could not be read" rather than "not provided".
import type { Finding } from '../findings.js';

/** Reasons of a declaration-invalid error after which no fact of the file is read. */
const NOTHING_READ = new Set(['unreadable', 'unparsable', 'not-a-file', 'too-large', 'too-many-lines', 'yaml', 'not-a-mapping']);

/**
 * Whether this finding means candidate.yaml gave no fact at all. A key given twice leaves the
 * rest read (located.ts), and a warning (a file read as Windows-1252) reads everything.
 */
export const declarationUnread = (f: Finding): boolean =>
  f.code === 'declaration-invalid' && f.severity === 'error' && NOTHING_READ.has(String(f.params.reason)) && f.params.syntax !== 'duplicate-key';
