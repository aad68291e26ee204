// The HTML report in a real browser (headless Chromium): it loads from a file without console
// errors or CSP violations, hostile names stay text, filtering and sorting work, and printing
// hides the controls and shows every dossier's details. The JUnit report also goes through
// the browser's own XML parser.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UI } from '../src/i18n/ui.js';
import { localize, type ReportView } from '../src/report/localize.js';
import type { Report } from '../src/report/model.js';
import { formatHtml } from '../src/report/formatters/html.js';
import { formatJunit } from '../src/report/formatters/junit.js';
import { displayName } from '../src/report/formatters/safe-text.js';
import type { TextOptions } from '../src/report/formatters/text.js';
import { plain } from '../src/report/highlight.js';
import { hasChromium, launchChromium, CHROMIUM, type Browser } from './support/chromium.js';
import { sampleReport } from './support/reports.js';

if (!hasChromium) console.warn(`[formats.browser] skipped: no Chromium at ${CHROMIUM} (install Debian's chromium, or set DOSSIER_CHROMIUM)`);

// The project compiles without the DOM library; these are the few DOM shapes the page code reads.
interface Row {
  hidden: boolean;
  dataset: Record<string, string | undefined>;
  cells: ArrayLike<{ dataset: Record<string, string | undefined> }>;
}
interface XmlDocument {
  getElementsByTagName(name: string): ArrayLike<{ textContent: string | null }>;
}
type DomParser = new () => { parseFromString(text: string, type: string): XmlDocument };

const fr: TextOptions = { lang: 'fr', highlighter: plain };
const en: TextOptions = { lang: 'en', highlighter: plain };

describe.skipIf(!hasChromium)('html report in headless Chromium', () => {
  let browser: Browser;
  let dir: string;
  let report: Report;
  let view: ReportView;

  beforeAll(async () => {
    ({ report } = await sampleReport());
    view = localize(report, fr);
    dir = await mkdtemp(join(tmpdir(), 'dossier-html-'));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Opens the report from a file:// URL and records every console error, page error and dialog. */
  async function open(options: TextOptions, name = 'report.html') {
    const file = join(dir, name);
    await writeFile(file, formatHtml(report, options));
    const page = await browser.context.newPage();
    const errors: string[] = [];
    const dialogs: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, errors, dialogs, requests };
  }

  const visiblePaths = (page: Page) =>
    page.locator('#dossiers tbody tr').evaluateAll((rows) => (rows as unknown as Row[]).filter((r) => !r.hidden).map((r) => r.cells[0]!.dataset.v!));

  it('loads offline without console errors; hostile names stay text', async () => {
    const { page, errors, dialogs, requests } = await open(fr);
    try {
      await page.waitForTimeout(100);
      expect(errors).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([]);
      expect(await page.title()).toBe(`${view.profile.title} — au ${view.asOf}`);
      expect(await page.locator('script').count()).toBe(1);
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.locator('#dossiers tbody tr').count()).toBe(view.dossiers.length);
      // Names read as written (controls shown escaped), markup included.
      const cells = await page.locator('#dossiers tbody tr td:first-child').allInnerTexts();
      expect(cells).toEqual(view.dossiers.map((d) => displayName(d.path).replace(/^[\t\r]/, '')).map((s) => s.trim()));
      expect(cells).toContain('candidats/<img src=x onerror=alert(1)>');
      const details = await page.locator('details.dossier').allTextContents();
      expect(details.join('\n')).toContain('<script>alert("x")</script>.pdf');
      expect(details.join('\n')).toContain('السيرة الذاتية.pdf');
      // Summary cards.
      expect(await page.locator('.card .n').allInnerTexts()).toEqual([view.summary.dossiers, view.summary.complete, view.summary.eligible, view.summary.accepted].map(String));
    } finally {
      await page.close();
    }
  });

  it('filters by status: incomplete, ineligible, undetermined, accepted, not accepted, all', async () => {
    const { page, errors } = await open(fr);
    try {
      const w = UI.fr.formats;
      const total = view.dossiers.length;
      const expected = {
        incomplete: view.dossiers.filter((d) => !d.complete),
        ineligible: view.dossiers.filter((d) => d.eligibility === 'ineligible'),
        undetermined: view.dossiers.filter((d) => d.eligibility === 'undetermined'),
        accepted: view.dossiers.filter((d) => d.accepted),
        'not-accepted': view.dossiers.filter((d) => !d.accepted),
        all: view.dossiers,
      };
      for (const [filter, dossiers] of Object.entries(expected)) {
        // Click the visible chip, as a person would.
        await page.locator('label.chip', { has: page.locator(`input[value="${filter}"]`) }).click();
        expect(await visiblePaths(page)).toEqual(dossiers.map((d) => displayName(d.path)));
        expect(await page.locator('#shown').innerText()).toBe(w.shown(dossiers.length, total));
        // The details follow the table.
        expect(await page.locator('details.dossier:not([hidden])').count()).toBe(dossiers.length);
      }
      await page.locator('label.chip', { has: page.locator('input[value="incomplete"]') }).click();
      const rows = await page.locator('#dossiers tbody tr:not([hidden])').evaluateAll((rs) => (rs as unknown as Row[]).map((r) => r.dataset.complete));
      expect(rows.length).toBe(expected.incomplete.length);
      expect(new Set(rows)).toEqual(new Set(['0']));
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('sorts by a column, both ways, and keeps the filter', async () => {
    const { page, errors } = await open(fr);
    try {
      const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });
      const header = page.locator('#dossiers thead th').nth(0);
      await header.locator('button').click();
      expect(await header.getAttribute('aria-sort')).toBe('ascending');
      const asc = await visiblePaths(page);
      expect(asc).toEqual([...asc].sort(collator.compare));
      expect(asc).not.toEqual(view.dossiers.map((d) => displayName(d.path)));
      await header.locator('button').click();
      expect(await header.getAttribute('aria-sort')).toBe('descending');
      expect(await visiblePaths(page)).toEqual([...asc].sort(collator.compare).reverse());

      // Status column: accepted last when ascending (rejected, to check, accepted).
      const status = page.locator('#dossiers thead th').nth(1);
      await status.locator('button').click();
      expect(await header.getAttribute('aria-sort')).toBe('none');
      const ranks = await page.locator('#dossiers tbody tr td:nth-child(2)').evaluateAll((cs) => (cs as unknown as Row[]).map((c) => Number(c.dataset.v)));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect(await page.locator('#dossiers tbody tr').last().locator('td').first().innerText()).toBe('candidats/01-salma');

      // Sorting a filtered table keeps the filter.
      await page.locator('label.chip', { has: page.locator('input[value="incomplete"]') }).click();
      await header.locator('button').click();
      const filtered = await visiblePaths(page);
      expect(filtered).toEqual(
        view.dossiers
          .filter((d) => !d.complete)
          .map((d) => displayName(d.path))
          .sort(collator.compare),
      );
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('prints readably: controls hidden, every dossier expanded', async () => {
    const { page } = await open(fr);
    try {
      const closed = page.locator('details.dossier:not([open])');
      expect(await closed.count()).toBeGreaterThan(0);
      const firstClosedTable = closed.first().locator('table.inner').first();
      expect(await firstClosedTable.isVisible()).toBe(false);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.controls').first().isVisible()).toBe(false);
      expect(await firstClosedTable.isVisible()).toBe(true);
      // The real print path opens every details too (beforeprint), and a PDF comes out.
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      await page.emulateMedia({ media: 'screen' });
    } finally {
      await page.close();
    }
  });

  it('speaks English with --lang en', async () => {
    const { page, errors } = await open(en, 'report-en.html');
    try {
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      const chips = await page.locator('label.chip').allInnerTexts();
      expect(chips.map((c) => c.replace(/\s*\d+$/, ''))).toEqual(['All', 'Acceptable', 'Not acceptable', 'Incomplete', 'Not eligible', 'Eligibility undetermined']);
      expect(await page.locator('#dossiers thead th').allInnerTexts()).toEqual(['Dossier', 'Status', 'Complete', 'Eligibility', 'Reasons']);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('takes a screenshot to look at (kept only when DOSSIER_SCREENSHOT is set)', async () => {
    const { page } = await open(fr);
    try {
      const target = process.env.DOSSIER_SCREENSHOT;
      const shot = await page.screenshot({ fullPage: true, ...(target ? { path: target } : {}) });
      expect(shot.length).toBeGreaterThan(10_000);
    } finally {
      await page.close();
    }
  });

  it("the JUnit report is well-formed for the browser's XML parser too", async () => {
    const page = await browser.context.newPage();
    try {
      for (const options of [fr, en]) {
        const xml = formatJunit(report, options);
        const result = await page.evaluate((text) => {
          const Parser = (globalThis as unknown as { DOMParser: DomParser }).DOMParser;
          const doc = new Parser().parseFromString(text, 'application/xml');
          const error = doc.getElementsByTagName('parsererror')[0];
          return { error: error?.textContent ?? null, suites: doc.getElementsByTagName('testsuite').length, cases: doc.getElementsByTagName('testcase').length };
        }, xml);
        expect(result.error).toBeNull();
        expect(result.suites).toBe(report.dossiers.length + 1);
        expect(result.cases).toBeGreaterThan(report.dossiers.length * 10);
      }
    } finally {
      await page.close();
    }
  });
});
