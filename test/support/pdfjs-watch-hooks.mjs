// Module resolution hook for pdfjs-watch.mjs (runs on Node's loader thread).
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  const packages = (process.env.DOSSIER_WATCH_PACKAGES ?? 'pdfjs-dist').split(',');
  if (process.env.DOSSIER_WATCH_FILE && packages.some((p) => resolved.url.includes(`/node_modules/${p}/`)))
    appendFileSync(process.env.DOSSIER_WATCH_FILE, resolved.url + '\n');
  return resolved;
}
