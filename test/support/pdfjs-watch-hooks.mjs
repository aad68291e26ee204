// Module resolution hook for pdfjs-watch.mjs (runs on Node's loader thread).
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  const packages = (process.env.DOSSIER_WATCH_PACKAGES ?? 'pdfjs-dist').split(',');
  // A package by its name, or a folder of the project by a path starting with '/' ('/dist/').
  const watched = (p) => resolved.url.includes(p.startsWith('/') ? p : `/node_modules/${p}/`);
  if (process.env.DOSSIER_WATCH_FILE && packages.some(watched))
    appendFileSync(process.env.DOSSIER_WATCH_FILE, resolved.url + '\n');
  return resolved;
}
