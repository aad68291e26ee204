// The built-ins pdf.js's legacy build replaces, as they were before it loaded. Imported by
// ./index.ts before pdf.js itself, so this module's body runs first (ESM evaluates a module's
// imports in the order they are written).
//
// Why: the legacy build carries core-js, which swaps Array.prototype.push, JSON.parse and
// JSON.stringify for JavaScript polyfills when V8 gets an edge case wrong (a push on an array
// whose length is frozen; JSON.parse's source-text proposal). Those polyfills then serve every
// push and every JSON call of the thread, ours included: measured, 6 % of a file's CPU in the
// inspection loop. Nothing here depends on those edge cases, so the natives go back.
export const NATIVES = {
  push: Array.prototype.push,
  parse: JSON.parse,
  stringify: JSON.stringify,
} as const;

export function restoreNatives(): void {
  if (Array.prototype.push !== NATIVES.push)
    Object.defineProperty(Array.prototype, 'push', { value: NATIVES.push, writable: true, enumerable: false, configurable: true });
  if (JSON.parse !== NATIVES.parse) JSON.parse = NATIVES.parse;
  if (JSON.stringify !== NATIVES.stringify) JSON.stringify = NATIVES.stringify;
}
