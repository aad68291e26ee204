// File names are untrusted: a name can hold a newline, an ANSI escape or a bidi override
// that would forge lines in a terminal. Text output shows such characters escaped.

// C0/C1 controls, DEL, and the Unicode bidi/format controls that reorder displayed text.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function displayName(s: string): string {
  return s.replace(UNSAFE, (c) => {
    const code = c.codePointAt(0)!;
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    if (c === '\r') return '\\r';
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
