// Content analysis on real PDFs opened with pdf.js: blank pages, text layers, ID card layouts
// (office-style and scanner-style files), form fields, first-page text.
import { afterAll, describe, expect, it } from 'vitest';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { analyseContent, type ContentRequest } from '../src/pdf/content/analyse-content.js';
import { classifyCardLayout, DEFAULT_CARD_LAYOUT, mergeBands, sidesByShape } from '../src/pdf/content/layout.js';
import { walkOperatorList } from '../src/pdf/content/ops.js';
import { sha256 } from '../src/pdf/content/hash.js';
import {
  cardPng,
  cniPdf,
  fillableForm,
  hasImg2pdf,
  img2pdf,
  openPdf,
  pagesPdf,
  pictureAsPage,
  sheetPng,
  twoCardsPng,
} from './support/content-pdfs.js';

const opened: PDFDocumentProxy[] = [];
afterAll(async () => {
  await Promise.all(opened.map((d) => d.destroy()));
});

async function analyse(bytes: Uint8Array, request: ContentRequest) {
  const doc = await openPdf(bytes);
  opened.push(doc);
  return analyseContent(doc, request);
}

const BLANK = { blank: { pages: 20, opListPages: 3 } } as const;
const CNI = { cardLayout: DEFAULT_CARD_LAYOUT } as const;

describe('blank pages', () => {
  it('the first and last pages are looked at: text and scans are not blank, nothing and white fills are', async () => {
    const r = await analyse(await pagesPdf(['text', 'blank', 'scan', 'white']), BLANK);
    expect(r.blankPages).toEqual([4]);
    expect(r.blankChecked).toEqual([1, 4]);
    expect(r.textLayer).toBe(true);
  });

  it('middle pages are looked at only when both ends are blank, up to the first with content', async () => {
    expect(await analyse(await pagesPdf(['text', 'blank', 'text']), BLANK)).toMatchObject({ blankPages: [], blankChecked: [1, 3] });
    expect(await analyse(await pagesPdf(['blank', 'white', 'text', 'blank', 'white']), BLANK)).toMatchObject({
      blankPages: [1, 2, 5],
      blankChecked: [1, 2, 3, 5],
    });
  });

  it('a page whose only drawing is a white fill is blank', async () => {
    const doc = await openPdf(await pagesPdf(['white']));
    opened.push(doc);
    const marks = walkOperatorList(await (await doc.getPage(1)).getOperatorList());
    expect(marks.ink).toBe(false);
    expect(marks.counts.whiteFills).toBeGreaterThan(0);
  });

  it('a document of blank pages only: every page listed, whatever the operator-list budget', async () => {
    const r = await analyse(await pagesPdf(['blank', 'white', 'blank', 'white', 'blank']), { blank: { pages: 20, opListPages: 2 } });
    expect(r.blankPages).toEqual([1, 2, 3, 4, 5]);
    expect(r.textLayer).toBe(false);
  });

  it('a scan has no text layer and is not blank', async () => {
    const r = await analyse(await pagesPdf(['scan', 'scan']), BLANK);
    expect(r.blankPages).toEqual([]);
    expect(r.textLayer).toBe(false);
  });

  it('reads at most opListPages operator lists while the ends have content', async () => {
    const r = await analyse(await pagesPdf(['scan', 'scan', 'scan']), { blank: { pages: 20, opListPages: 1 } });
    expect(r).toMatchObject({ blankPages: [], blankChecked: [1] });
  });

  it('an exhausted time budget gives a partial answer, never a wrong one', async () => {
    const r = await analyse(await pagesPdf(['blank', 'blank', 'blank']), { blank: { pages: 20, opListPages: 3 }, budgetMs: -1 });
    expect(r.partial).toBe(true);
    expect(r.blankChecked).toEqual([]);
    expect(r.blankPages).toEqual([]);
  });
});

describe('ID card layout, office-style pages (text and placed pictures)', () => {
  it.each([
    ['two', 'both-sides'],
    ['one', 'one-side'],
    ['same', 'one-side'],
    ['stacked-image', 'both-sides'],
    ['rotated-two', 'both-sides'],
    ['vector-two', 'both-sides'],
    ['sheet', 'unknown'],
  ] as const)('%s → %s', async (layout, verdict) => {
    const r = await analyse(await cniPdf(layout), CNI);
    expect(r.cni?.verdict).toBe(verdict);
  });

  it('a text-only page is unknown, not one-sided', async () => {
    const r = await analyse(await pagesPdf(['text']), CNI);
    expect(r.cni).toMatchObject({ verdict: 'unknown', reason: 'no-image' });
  });

  it('the thresholds are settings: two sides asked, one card shown; one side asked, it passes', async () => {
    const bytes = await cniPdf('one');
    expect((await analyse(bytes, CNI)).cni?.verdict).toBe('one-side');
    expect((await analyse(bytes, { cardLayout: { ...DEFAULT_CARD_LAYOUT, cardSides: 1 } })).cni?.verdict).toBe('both-sides');
  });
});

describe('ID card layout, scanner-style files (a picture converted to PDF)', () => {
  const pipelines = [
    ['img2pdf', (p: Uint8Array) => Promise.resolve(img2pdf(p)), !hasImg2pdf],
    ['pdf-lib page sized to the picture', (p: Uint8Array) => pictureAsPage(p), false],
  ] as const;
  for (const [name, convert, missing] of pipelines) {
    describe(name, () => {
      if (missing) it.skip(`${name} is not installed (apt-get install img2pdf): scanner-pipeline cases skipped`, () => undefined);
      it.skipIf(missing)('a photo of one card → one-side', async () => {
        const r = await analyse(await convert(cardPng()), CNI);
        expect(r.cni?.verdict).toBe('one-side');
      });
      it.skipIf(missing)('a photo of recto and verso stacked → both-sides', async () => {
        const r = await analyse(await convert(twoCardsPng()), CNI);
        expect(r.cni?.verdict).toBe('both-sides');
      });
      it.skipIf(missing)('a card photo is a scan: no text layer, not blank', async () => {
        const r = await analyse(await convert(cardPng()), { ...CNI, ...BLANK });
        expect(r).toMatchObject({ textLayer: false, blankPages: [] });
      });
    });
  }

  it.skipIf(!hasImg2pdf)('img2pdf of a full A4 sheet scan → unknown (the layout cannot tell)', async () => {
    // 150 dpi A4: img2pdf makes an A4 page of it.
    const r = await analyse(img2pdf(sheetPng(1240 / 5, 1754 / 5), ['--imgsize', '210mmx297mm']), CNI);
    expect(r.cni).toMatchObject({ verdict: 'unknown', reason: 'full-page-scan' });
  });
});

describe('layout geometry', () => {
  const page = { x0: 0, y0: 0, x1: 595, y1: 842 };
  const img = (x0: number, y0: number, w: number, h: number, ref?: string) => ({ x0, y0, x1: x0 + w, y1: y0 + h, kind: 'image' as const, ...(ref ? { ref } : {}) });

  it('sides by shape', () => {
    expect(sidesByShape({ x0: 0, y0: 0, x1: 85.6, y1: 53.98 }, DEFAULT_CARD_LAYOUT)).toBe(1);
    expect(sidesByShape({ x0: 0, y0: 0, x1: 53.98, y1: 85.6 }, DEFAULT_CARD_LAYOUT)).toBe(1);
    expect(sidesByShape({ x0: 0, y0: 0, x1: 85.6, y1: 2 * 53.98 }, DEFAULT_CARD_LAYOUT)).toBe(2);
    expect(sidesByShape({ x0: 0, y0: 0, x1: 2 * 85.6, y1: 53.98 }, DEFAULT_CARD_LAYOUT)).toBe(2);
    expect(sidesByShape({ x0: 0, y0: 0, x1: 100, y1: 100 }, DEFAULT_CARD_LAYOUT)).toBe(0);
  });

  it('bands of one picture are joined before judging', () => {
    const bands = [img(100, 500, 340, 70), img(100, 570, 340, 72), img(100, 642, 340, 72)];
    expect(mergeBands(bands)).toHaveLength(1);
    expect(classifyCardLayout(bands, page).verdict).toBe('one-side');
  });

  it('small pictures (a logo) are ignored; an unclassifiable large one makes it unknown', () => {
    expect(classifyCardLayout([img(100, 500, 340, 214), img(10, 10, 30, 30)], page).verdict).toBe('one-side');
    expect(classifyCardLayout([img(100, 500, 340, 214), img(100, 100, 300, 300)], page)).toMatchObject({ verdict: 'unknown', reason: 'unclassified' });
  });

  it('the same picture painted twice counts once', () => {
    expect(classifyCardLayout([img(100, 500, 340, 214, 'a'), img(100, 200, 340, 214, 'a')], page).verdict).toBe('one-side');
    expect(classifyCardLayout([img(100, 500, 340, 214, 'a'), img(100, 200, 340, 214, 'b')], page).verdict).toBe('both-sides');
  });
});

describe('form fields', () => {
  it('a filled form: every field by name, the check box by its state', async () => {
    const r = await analyse(await fillableForm({ nom: 'BENNANI', prenom: 'Salma', date_naissance: '14/05/1990', nationalite: 'Marocaine', diplome: 'Master', agent: true }), {
      fields: true,
    });
    expect(r.formFields).toEqual({
      nom: 'BENNANI',
      prenom: 'Salma',
      date_naissance: '14/05/1990',
      nationalite: 'Marocaine',
      diplome: 'Master',
      agent_ofppt: 'Yes',
    });
    expect(r.formOverlays).toBeUndefined();
  });

  it('an empty form: the fields are there, all empty, no overlay', async () => {
    const r = await analyse(await fillableForm(), { fields: true });
    expect(Object.values(r.formFields ?? { x: 'not read' }).every((v) => v === '')).toBe(true);
    expect(Object.keys(r.formFields ?? {})).toHaveLength(6);
    expect(r.formOverlays).toBe(0);
  });

  it('a PDF without fields has none', async () => {
    const r = await analyse(await pagesPdf(['text']), { fields: true });
    expect(r.formFields).toBeUndefined();
  });
});

describe('text of the first pages', () => {
  it('is returned capped, pages in order', async () => {
    const r = await analyse(await pagesPdf(['text', 'text', 'text'], 'Curriculum Vitae Experience professionnelle'), { text: { pages: 2, maxChars: 60 } });
    expect(r.text).toBe('Curriculum Vitae Experience professionnelle\nCurriculum Vitae');
  });
});

describe('hash', () => {
  it('sha256 of the bytes', () => {
    expect(sha256(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
