// Module resolution hook for pdfjs-watch.mjs (runs on Node's loader thread).
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (resolved.url.includes('/pdfjs-dist/') && process.env.DOSSIER_WATCH_FILE) appendFileSync(process.env.DOSSIER_WATCH_FILE, resolved.url + '\n');
  return resolved;
}
