// The fillable fields of a PDF form (AcroForm), as pdf.js reads them: field name → value as
// text. Only fields that carry data (text, choices, check boxes, radio buttons); push buttons
// and signatures are left out. Bounded: a hostile form cannot make the result large.
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

export const MAX_FIELDS = 200;
export const MAX_VALUE_CHARS = 200;
const MAX_NAME_CHARS = 200;

const DATA_TYPES = new Set(['text', 'combobox', 'listbox', 'checkbox', 'radiobutton']);

interface FieldObject {
  readonly type?: unknown;
  readonly value?: unknown;
  readonly exportValues?: unknown;
}

/** Field name → value ('' when empty); null when the document has no fillable data field. */
export async function readFormFields(doc: PDFDocumentProxy): Promise<Record<string, string> | null> {
  const objects = (await doc.getFieldObjects()) as Record<string, FieldObject[]> | null;
  if (!objects) return null;
  const out: Record<string, string> = {};
  let count = 0;
  for (const [rawName, widgets] of Object.entries(objects)) {
    if (count >= MAX_FIELDS) break;
    if (!Array.isArray(widgets)) continue;
    const data = widgets.filter((w) => typeof w?.type === 'string' && DATA_TYPES.has(w.type));
    if (data.length === 0) continue;
    const name = rawName.slice(0, MAX_NAME_CHARS);
    out[name] = valueOf(data).slice(0, MAX_VALUE_CHARS);
    count++;
  }
  return count > 0 ? out : null;
}

function valueOf(widgets: readonly FieldObject[]): string {
  for (const w of widgets) {
    const v = w.value;
    if (w.type === 'checkbox' || w.type === 'radiobutton') {
      // V is the on-state's name, or Off.
      if (typeof v === 'string' && v !== '' && v !== 'Off') return v;
      continue;
    }
    if (Array.isArray(v)) {
      const joined = v.filter((x) => typeof x === 'string').join(', ');
      if (joined.trim() !== '') return joined.trim();
      continue;
    }
    if (typeof v === 'string' && v.trim() !== '') return v.replace(/\s+/g, ' ').trim();
    if (typeof v === 'number') return String(v);
  }
  return '';
}

/** Annotation types that put visible content over a page without filling a field. */
const OVERLAY_TYPES = new Set([3 /* FreeText */, 13 /* Stamp */, 15 /* Ink */]);

/**
 * Text or ink laid over the first pages by "fill and sign" tools instead of typed into the
 * fields: a form whose fields are empty may still have been filled that way.
 */
export async function countOverlays(doc: PDFDocumentProxy, pages: number): Promise<number> {
  let n = 0;
  for (let i = 1; i <= Math.min(pages, doc.numPages); i++) {
    const page = await doc.getPage(i);
    const annotations = (await page.getAnnotations()) as { annotationType?: unknown }[];
    n += annotations.filter((a) => typeof a.annotationType === 'number' && OVERLAY_TYPES.has(a.annotationType)).length;
  }
  return n;
}
