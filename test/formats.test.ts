// The csv, junit, markdown, github (and html, statically) formats, on report models built by
// hand with hostile names: every format must parse back, say what the JSON says, and never let
// a file name become markup, a formula or a command. The HTML page is run in a real browser in
// formats.browser.test.ts.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finding } from '../src/findings.js';
import type { Profile } from '../src/profile/schema.js';
import { localize } from '../src/report/localize.js';
import type { Report } from '../src/report/model.js';
import { formatCsv, csvCell } from '../src/report/formatters/csv.js';
import { escapeData, formatGithub } from '../src/report/formatters/github.js';
import { formatHtml } from '../src/report/formatters/html.js';
import { FORMATS, formatReport, formatReportChunks } from '../src/report/formatters/index.js';
import { formatJunit } from '../src/report/formatters/junit.js';
import { formatMarkdown, MARKDOWN_MAX_BYTES } from '../src/report/formatters/markdown.js';
import { displayName } from '../src/report/formatters/safe-text.js';
import type { TextOptions } from '../src/report/formatters/text.js';
import { plain } from '../src/report/highlight.js';
import { parseCsvDelimiter } from '../src/cli/check.js';
import { mergeReports } from '../src/report/merge.js';
import { pack, packedDossiers } from '../src/report/packed.js';
import { run } from './support/cli.js';
import { parseCsv } from './support/csv.js';
import { tempDir as makeTempDir } from './support/dossier.js';
import { buildReport, HOSTILE, sampleReport, type DossierSpec } from './support/reports.js';
import { childrenNamed, parseXml, type XmlElement } from './support/xml.js';

let profile: Profile;
let report: Report;
const fr: TextOptions = { lang: 'fr', highlighter: plain };
const en: TextOptions = { lang: 'en', highlighter: plain };

beforeAll(async () => {
  ({ profile, report } = await sampleReport());
});

const view = () => localize(report, fr);

describe('registry', () => {
  it('offers every format to --format', () => {
    expect(FORMATS).toEqual(['text', 'json', 'csv', 'html', 'junit', 'markdown', 'github']);
    for (const f of FORMATS) expect(formatReport(f, report, fr).length).toBeGreaterThan(0);
  });

  it('JSON and CSV are written a dossier at a time, and the pieces are exactly the whole', () => {
    for (const r of [report, { ...report, dossiers: [] }, { ...report, dossiers: report.dossiers.slice(0, 1) }]) {
      const json = [...formatReportChunks('json', r, fr)];
      expect(json.length).toBe(r.dossiers.length === 0 ? 1 : r.dossiers.length + 2);
      expect(json.join('')).toBe(JSON.stringify(localize(r, fr), null, 2) + '\n');
      const csv = [...formatReportChunks('csv', r, en)];
      expect(csv.length).toBe(r.dossiers.length + 1);
      expect(parseCsv(csv.join('').slice(1), ',').length).toBe(r.dossiers.length + 1);
    }
  });

  it('formats a report already in words (merged JSON shards) the same way', () => {
    const words = localize(report, en);
    for (const f of FORMATS) expect(formatReport(f, words, en)).toBe(formatReport(f, report, en));
  });
});

describe('csv', () => {
  const cellsOf = (text: string, delimiter: ',' | ';') => {
    expect(text.startsWith('\uFEFF')).toBe(true);
    return parseCsv(text.slice(1), delimiter);
  };

  it('is UTF-8 with BOM, CRLF, one row per dossier, every row as wide as the header', () => {
    const text = formatCsv(report, fr);
    const rows = cellsOf(text, ',');
    expect(rows).toHaveLength(report.dossiers.length + 1);
    for (const r of rows) expect(r).toHaveLength(rows[0]!.length);
    // Every line break outside quoted cells is CRLF: the parser refuses bare LF there.
    const [header] = rows;
    const labels = profile.documents.map((d) => d.label.fr);
    expect(header!.slice(0, 5)).toEqual(['Dossier', 'Statut', 'Recevable', 'Complet', 'Éligibilité']);
    expect(header!.slice(5, 5 + labels.length)).toEqual(labels);
    expect(header!.slice(5 + labels.length, 5 + labels.length + profile.rules.length)).toEqual(profile.rules.map((r) => r.label.fr));
    expect(header!.slice(-2)).toEqual(['Codes des problèmes', 'Détails']);
  });

  it('parses back to the same cells with either delimiter', () => {
    const comma = cellsOf(formatCsv(report, fr), ',');
    const semi = cellsOf(formatCsv(report, { ...fr, csvDelimiter: ';' }), ';');
    expect(semi).toEqual(comma);
    // The ';' file really is split on ';'.
    expect(formatCsv(report, { ...fr, csvDelimiter: ';' }).split('\r\n')[0]).toContain('Dossier;Statut;Recevable');
  });

  it('says what the JSON says, cell by cell', () => {
    const rows = cellsOf(formatCsv(report, en), ',');
    const header = rows[0]!;
    const words = localize(report, en);
    words.dossiers.forEach((d, i) => {
      const row = rows[i + 1]!;
      const cell = (name: string) => row[header.indexOf(name)]!;
      expect(cell('Acceptable')).toBe(d.accepted ? 'yes' : 'no');
      expect(cell('Complete')).toBe(d.complete ? 'yes' : 'no');
      for (const doc of d.documents) expect(cell(doc.label)).toBe({ ok: 'ok', missing: 'missing', invalid: 'invalid', 'not-required': 'not required' }[doc.status]);
      for (const r of d.rules) expect(cell(r.label).split(' (')[0]).toBe({ pass: 'met', fail: 'not met', unknown: 'to state', skipped: 'does not apply' }[r.status]);
      for (const doc of d.documents) for (const p of doc.problems) expect(cell('Problem codes').split(' ')).toContain(`${doc.id}:${p.code}`);
      const shown = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202e]/g, displayName);
      for (const doc of d.documents) for (const p of doc.problems) expect(cell('Details')).toContain(shown(p.message));
    });
    const evil = rows.find((r) => r[0]!.includes('HYPERLINK'))!;
    expect(evil[header.indexOf('Problem codes')]).toBe('cv:page-count cni:not-pdf');
    expect(evil[header.indexOf('Details')]).toContain(HOSTILE.quotes);
  });

  it('neutralises cells a spreadsheet would run as formulas, and keeps the rest verbatim', () => {
    const rows = cellsOf(formatCsv(report, fr), ',');
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const paths = rows.slice(1).map((r) => r[0]);
    expect(paths).toEqual(expect.arrayContaining([`'=HYPERLINK("http://evil","clic")`, "'+33 dossier", "'-dossier", "'@dossier", "'\tdossier", "'\rdossier"]));
    // Untouched otherwise: quotes, newline, Arabic, commas, percent.
    expect(paths).toContain('candidats/=HYPERLINK("http://evil")');
    expect(paths).toContain('candidats/سلمى بناني');
    expect(paths).toContain('candidats/a,b:c%d\nligne');
    // Invisible characters that would disguise a name are shown escaped.
    expect(paths).toContain('candidats/\\x1b[2Jescape');
    expect(rows.find((r) => r[0] === 'candidats/سلمى بناني')!.at(-1)).toContain('cv\\u202efdp.exe');
  });

  it('quotes per RFC 4180', () => {
    expect(csvCell('plain', ',')).toBe('plain');
    expect(csvCell('a,b', ',')).toBe('"a,b"');
    expect(csvCell('a;b', ',')).toBe('"a;b"');
    expect(csvCell('say "hi"', ';')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines', ',')).toBe('"two\nlines"');
    expect(csvCell('=1+1', ',')).toBe("'=1+1");
    expect(csvCell('=HYPERLINK("x";"y")', ';')).toBe(`"'=HYPERLINK(""x"";""y"")"`);
  });

  it('--csv-delimiter accepts , ; comma semicolon and refuses anything else', () => {
    expect(parseCsvDelimiter(';')).toBe(';');
    expect(parseCsvDelimiter('semicolon')).toBe(';');
    expect(parseCsvDelimiter(',')).toBe(',');
    expect(parseCsvDelimiter('Comma')).toBe(',');
    expect(() => parseCsvDelimiter('\t')).toThrow(/--csv-delimiter/);
    expect(() => parseCsvDelimiter('|')).toThrow(/',' or ';'/);
  });
});

describe('junit', () => {
  let root: XmlElement;
  beforeAll(() => {
    root = parseXml(formatJunit(report, fr));
  });

  const caseOf = (suite: XmlElement, name: string) => childrenNamed(suite, 'testcase').find((c) => c.attrs.name === name)!;
  const suiteOf = (path: string) => childrenNamed(root, 'testsuite').find((s) => s.attrs.name === displayName(path).replace(/[\ufffe\uffff]/g, ''))!;

  it('is well-formed XML 1.0 with one suite per dossier (plus the run findings)', () => {
    expect(root.name).toBe('testsuites');
    const suites = childrenNamed(root, 'testsuite');
    expect(suites.map((s) => s.attrs.name)).toEqual([...report.dossiers.map((d) => displayName(d.path)), 'report']);
  });

  it('counts tests, failures and skipped on each suite and on the root', () => {
    const total = { tests: 0, failures: 0, skipped: 0 };
    for (const s of childrenNamed(root, 'testsuite')) {
      const cases = childrenNamed(s, 'testcase');
      const n = {
        tests: cases.length,
        failures: cases.filter((c) => childrenNamed(c, 'failure').length).length,
        skipped: cases.filter((c) => childrenNamed(c, 'skipped').length).length,
      };
      expect({ tests: +s.attrs.tests!, failures: +s.attrs.failures!, skipped: +s.attrs.skipped! }).toEqual(n);
      expect(s.attrs.errors).toBe('0');
      total.tests += n.tests;
      total.failures += n.failures;
      total.skipped += n.skipped;
    }
    expect({ tests: +root.attrs.tests!, failures: +root.attrs.failures!, skipped: +root.attrs.skipped! }).toEqual(total);
  });

  it('names every case uniquely, passing cases included, with the dossier as classname', () => {
    for (const s of childrenNamed(root, 'testsuite')) {
      const names = childrenNamed(s, 'testcase').map((c) => c.attrs.name);
      expect(new Set(names).size).toBe(names.length);
      for (const c of childrenNamed(s, 'testcase')) expect(c.attrs.classname).toBe(s.attrs.name);
    }
    const first = suiteOf('candidats/01-salma');
    expect(childrenNamed(first, 'testcase').map((c) => c.attrs.name)).toEqual([
      ...profile.documents.map((d) => `document:${d.id}`),
      ...profile.rules.map((r) => `rule:${r.id}`),
      'dossier',
    ]);
    expect(first.attrs.failures).toBe('0');
  });

  it('maps statuses: failures carry message and code, not-required and skipped rules are skipped', () => {
    const v = view();
    const evil = suiteOf('candidats/=HYPERLINK("http://evil")');
    const cv = caseOf(evil, 'document:cv');
    const [failure] = childrenNamed(cv, 'failure');
    const cvView = v.dossiers[1]!.documents.find((d) => d.id === 'cv')!;
    expect(failure!.attrs.type).toBe('page-count');
    expect(failure!.attrs.message).toBe(cvView.problems[0]!.message);
    expect(failure!.text).toContain(cvView.problems[0]!.fix);
    expect(childrenNamed(caseOf(evil, 'document:equivalence'), 'skipped')).toHaveLength(1);
    expect(caseOf(evil, 'document:diploma').children).toHaveLength(1); // system-out only: passed
    expect(childrenNamed(caseOf(evil, 'rule:agent-grade'), 'skipped')).toHaveLength(1);

    // Too old: blocking rule fails; no English: advisory, a passing case with a note.
    const old = suiteOf('candidats/<img src=x onerror=alert(1)>');
    expect(childrenNamed(caseOf(old, 'rule:age'), 'failure')[0]!.attrs.type).toBe('fail');
    const english = caseOf(old, 'rule:english');
    expect(childrenNamed(english, 'failure')).toHaveLength(0);
    expect(childrenNamed(english, 'system-out')[0]!.text).toMatch(/indicative/);
    // A warning on a document leaves it passing, with the warning in system-out.
    const plan = caseOf(old, 'document:action-plan');
    expect(childrenNamed(plan, 'failure')).toHaveLength(0);
    expect(childrenNamed(plan, 'system-out')[0]!.text).toContain('restricted');

    // No declaration: unknown blocking rules are failures of type unknown.
    const undeclared = suiteOf('candidats/سلمى بناني');
    expect(childrenNamed(caseOf(undeclared, 'rule:age'), 'failure')[0]!.attrs.type).toBe('unknown');
    expect(childrenNamed(caseOf(undeclared, 'rule:english'), 'failure')).toHaveLength(0);

    // Dossier-level error (invalid candidate.yaml): the `dossier` case fails.
    const esc = suiteOf('candidats/\u001b[2Jescape');
    expect(childrenNamed(caseOf(esc, 'dossier'), 'failure')[0]!.attrs.type).toBe('declaration-invalid');
  });

  it('escapes names and drops what XML 1.0 cannot hold, after showing controls', () => {
    const xml = formatJunit(report, fr);
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('<img');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    const esc = suiteOf('candidats/\u001b[2Jescape');
    expect(esc.attrs.name).toBe('candidats/\\x1b[2Jescape');
    const body = childrenNamed(caseOf(esc, 'document:cv'), 'failure')[0]!.text;
    expect(body).toContain('nul\\x00 bell\\x07 ffff lone end.pdf');
    expect(body).toContain('\\x1b[31mrouge.pdf');
    const nl = suiteOf('candidats/a,b:c%d\nligne');
    expect(nl.attrs.name).toBe('candidats/a,b:c%d\\nligne');
  });

  it('the JUnit words follow --lang', () => {
    const root = parseXml(formatJunit(report, en));
    const undeclared = childrenNamed(root, 'testsuite').find((s) => s.attrs.name === 'candidats/سلمى بناني')!;
    const english = childrenNamed(undeclared, 'testcase').find((c) => c.attrs.name === 'rule:english')!;
    expect(childrenNamed(english, 'system-out')[0]!.text).toMatch(/advisory rule/);
  });
});

describe('github', () => {
  const decode = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const parse = (line: string) => {
    const m = /^::(error|warning) ([^:]*)::(.*)$/s.exec(line);
    if (!m) throw new Error(`not a workflow command: ${JSON.stringify(line)}`);
    const props = Object.fromEntries(m[2]!.split(',').map((kv) => [kv.slice(0, kv.indexOf('=')), decode(kv.slice(kv.indexOf('=') + 1))]));
    return { level: m[1]!, props, message: decode(m[3]!) };
  };

  it('prints annotations only: every line a workflow command, nothing else', () => {
    const out = formatGithub(report, fr);
    expect(out.endsWith('\n')).toBe(true);
    const lines = out.slice(0, -1).split('\n');
    for (const line of lines) {
      expect(line).toMatch(/^::(error|warning) /);
      expect(line).not.toContain('\r');
      parse(line);
    }
    // One per problem and per blocking rule that failed or is unknown.
    const v = view();
    const expected =
      v.problems.length +
      v.dossiers.reduce(
        (n, d) => n + d.problems.length + d.documents.reduce((m, doc) => m + doc.problems.length, 0) + d.rules.filter((r) => !r.advisory && (r.status === 'fail' || r.status === 'unknown')).length,
        0,
      );
    expect(lines).toHaveLength(expected);
  });

  it('escapes so that properties and messages decode back to the original', () => {
    const lines = formatGithub(report, fr).slice(0, -1).split('\n').map(parse);
    const v = view();
    // The file property is the real path, newline, comma, colon and percent included.
    const nl = lines.filter((l) => l.props.file?.startsWith('candidats/a,b:c%d\nligne'));
    expect(nl.map((l) => l.props.file)).toContain(`candidats/a,b:c%d\nligne/${HOSTILE.percent}`);
    const evil = lines.find((l) => l.props.file === `candidats/=HYPERLINK("http://evil")/${HOSTILE.formula}`)!;
    const notPdf = v.dossiers[1]!.documents.find((d) => d.id === 'cni')!.problems[0]!;
    expect(evil.level).toBe('error');
    expect(evil.message).toBe(`${notPdf.message} [not-pdf]\n→ ${notPdf.fix}`);
    expect(evil.props.title).toBe(`candidats/=HYPERLINK("http://evil") : ${v.dossiers[1]!.documents.find((d) => d.id === 'cni')!.label}`);
    // Warnings stay warnings; line and column reach the annotation.
    const yaml = lines.find((l) => l.props.file === 'candidats/\u001b[2Jescape/candidate.yaml')!;
    expect(yaml.props).toMatchObject({ line: '3', col: '14' });
    expect(lines.find((l) => l.props.file === `candidats/<img src=x onerror=alert(1)>/${HOSTILE.img}`)!.level).toBe('warning');
    // Controls never reach the log raw: shown escaped in titles and messages.
    expect(lines.find((l) => l.props.title?.startsWith('candidats/\\x1b[2Jescape'))).toBeDefined();
    expect(lines.map((l) => l.message).join('')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
    // Blocking rules: failed and unknown.
    expect(lines.filter((l) => l.props.title === 'candidats/سلمى بناني : Âge')).toHaveLength(1);
  });

  it('escapes % CR LF in data exactly as the runner unescapes them', () => {
    expect(escapeData('100% \r\n ok')).toBe('100%25 %0D%0A ok');
  });

  it('prints nothing when there is nothing to say', () => {
    const clean = buildReport(profile, [{ path: 'ok' }]);
    expect(clean.dossiers[0]!.accepted).toBe(true);
    expect(formatGithub(clean, fr)).toBe('');
  });
});

describe('words a candidate reads', () => {
  const said = (f: ReturnType<typeof finding>, lang: 'fr' | 'en' = 'fr') => {
    const v = localize(buildReport(profile, [{ path: 'x', problems: [f] }]), lang === 'fr' ? fr : en);
    const p = v.dossiers[0]!.problems.find((q) => q.code === f.code)!;
    return [p.message, p.fix];
  };
  it('names what an owner password denies', () => {
    expect(said(finding('restricted', 'warning', { file: 'a.pdf', denied: ['print', 'modify-contents'] }))[0]).toBe('a.pdf porte des restrictions (interdit : impression, modification)');
    expect(said(finding('restricted', 'warning', { file: 'a.pdf', denied: ['copy'] }), 'en')[0]).toBe('a.pdf carries restrictions (forbidden: copying)');
  });
  it('tells to save a picture or a Word file as PDF, not to rename it', () => {
    expect(said(finding('unexpected-file', 'warning', { file: 'photo.JPG' }))[1]).toMatch(/^Si c’est une pièce demandée, enregistrez-la en PDF/);
    expect(said(finding('unexpected-file', 'warning', { file: 'scan0001.pdf' }))[1]).toMatch(/^Renommez-le selon son contenu/);
  });
  it('writes numbers as French does', () => {
    expect(said(finding('too-large', 'error', { file: 'a.pdf', sizeMB: 10.5, limitMB: 10 }))[0]).toBe('a.pdf pèse 10,5 Mo ; limite : 10 Mo');
    expect(said(finding('too-large', 'error', { file: 'a.pdf', sizeMB: 10.5, limitMB: 10 }), 'en')[0]).toBe('a.pdf weighs 10.5 MB; limit: 10 MB');
  });
});

describe('text', () => {
  it('shows controls and bidi overrides escaped in the messages and in the advice under them', () => {
    for (const options of [fr, en, { ...fr, compact: true }]) {
      const out = formatReport('text', report, options);
      expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    }
    // The advice names the file ("Convertissez … en PDF"): escaped there too.
    const named = buildReport(profile, [{ path: 'x', documents: { cv: { files: [HOSTILE.bidi, HOSTILE.ansi], problems: [finding('not-pdf', 'error', { file: HOSTILE.bidi, type: 'docx' }), finding('not-pdf', 'error', { file: HOSTILE.ansi, type: 'docx' })] } } }]);
    const advice = formatReport('text', named, fr)
      .split('\n')
      .filter((l) => l.trimStart().startsWith('→ Convertissez'));
    expect(advice).toEqual([expect.stringContaining('Convertissez cv\\u202efdp.exe en PDF'), expect.stringContaining('Convertissez \\x1b[31mrouge.pdf en PDF')]);
  });
});

describe('markdown', () => {
  it('has a title, a summary table, the dossiers not accepted, then details', () => {
    const out = formatMarkdown(report, fr);
    const v = view();
    expect(out.startsWith(`# ${v.profile.title.replace(/[()]/g, (c) => `\\${c}`)}`)).toBe(true);
    expect(out).toContain(`| Dossiers | Complets | Éligibles | Recevables |\n| ---: | ---: | ---: | ---: |\n| ${v.summary.dossiers} | ${v.summary.complete} | ${v.summary.eligible} | ${v.summary.accepted} |`);
    const rejected = v.dossiers.filter((d) => !d.accepted).length;
    expect(out).toContain(`## Dossiers non recevables (${rejected})`);
    expect(out).toContain('## Détails');
    expect(out.indexOf('## Dossiers non recevables')).toBeLessThan(out.indexOf('## Détails'));
  });

  it('escapes names: no raw HTML, no table broken by a pipe, no line broken by a newline', () => {
    const out = formatMarkdown(report, fr);
    // Only our own tags.
    const tags = out.match(/<\/?[a-z][^>]*>/gi) ?? [];
    expect(new Set(tags)).toEqual(new Set(['<details>', '<summary>', '</summary>', '<b>', '</b>', '</details>']));
    // Each table row has exactly its column separators once escaped pipes are set aside.
    const rows = out.split('\n').filter((l) => l.startsWith('| '));
    for (const r of rows) expect(r.replace(/\\\|/g, '').match(/\|/g)!.length).toBe(r.startsWith('| Dossiers |') || /^\| \d/.test(r) || r.startsWith('| ---:') ? 5 : 4);
    expect(out).toContain('candidats/=HYPERLINK\\(&quot;'.replace('&quot;', '"'));
    expect(out).toContain('\\*gras\\* \\_it\\_ \\[lien\\]\\(http://x\\) \\`code\\` \\| pipe \\~barré\\~ \\$x\\$ \\# \\\\ &amp;amp;.pdf');
    expect(out).toContain('candidats/a,b:c%d\\\\nligne');
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
  });

  it('stays under 1 MiB on a huge batch and says how many dossiers were left out', () => {
    const specs: DossierSpec[] = Array.from({ length: 12_000 }, (_, i) => ({
      path: `lot/${String(i).padStart(5, '0')}-${HOSTILE.long}`,
      documents: { cv: { files: [HOSTILE.markdown], problems: [finding('not-pdf', 'error', { file: HOSTILE.markdown, type: 'docx' })] } },
    }));
    const big = buildReport(profile, specs);
    const out = formatMarkdown(big, en);
    expect(Buffer.byteLength(out, 'utf8')).toBeLessThanOrEqual(MARKDOWN_MAX_BYTES);
    const listed = out.split('\n').filter((l) => l.startsWith('| lot/')).length;
    expect(listed).toBeGreaterThan(1000);
    expect(listed).toBeLessThan(12_000);
    expect(out).toContain(`> ${12_000 - listed} dossiers left out here to keep the summary under its 1 MiB limit`);
    expect(out).toContain('> Details left out for 12000 dossiers');
  });

  it('keeps the details when they fit, and cuts them dossier by dossier when they do not', () => {
    const specs: DossierSpec[] = Array.from({ length: 2500 }, (_, i) => ({
      path: `lot/${i}`,
      documents: { cv: { files: [], problems: [finding('missing', 'error')] } },
    }));
    const out = formatMarkdown(buildReport(profile, specs), en);
    expect(Buffer.byteLength(out, 'utf8')).toBeLessThanOrEqual(MARKDOWN_MAX_BYTES);
    expect(out.split('\n').filter((l) => l.startsWith('| lot/'))).toHaveLength(2500);
    const details = out.split('<details>').length - 1;
    expect(details).toBeGreaterThan(0);
    expect(details).toBeLessThan(2500);
    expect(out).toContain(`> Details left out for ${2500 - details} dossiers`);
  });

  it('cuts the run notes too (thousands of stray files at the root of a batch)', () => {
    const stray = Array.from({ length: 20_000 }, (_, i) => finding('unexpected-file', 'warning', { file: `${i}-${HOSTILE.long}` }));
    const out = formatMarkdown(buildReport(profile, [{ path: 'lot/1' }], stray), en);
    expect(Buffer.byteLength(out, 'utf8')).toBeLessThanOrEqual(MARKDOWN_MAX_BYTES);
    const shown = out.split('\n').filter((l) => l.startsWith('- ⚠️')).length;
    expect(out).toContain(`> … and ${20_000 - shown} more notes: see the full report.`);
    expect(out).toContain('## Dossiers not acceptable (0)');
  });

  it('a small report is left whole', () => {
    const out = formatMarkdown(report, fr);
    expect(out).not.toContain('1 Mio');
    expect(out.split('<details>').length - 1).toBe(view().dossiers.filter((d) => !d.accepted || d.problems.length || d.rules.some((r) => r.status === 'fail')).length);
  });
});

describe('html (static checks; the browser test runs it)', () => {
  it('is one self-contained page: no external URL, one script, one style, a strict CSP', () => {
    const page = formatHtml(report, fr);
    expect(page.startsWith('<!doctype html>\n<html lang="fr">')).toBe(true);
    expect(page.match(/<script\b/g)).toHaveLength(1);
    expect(page.match(/<style\b/g)).toHaveLength(1);
    expect(page).not.toMatch(/\b(src|href)=["']?(https?:|\/\/)/);
    expect(page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-[^"]+&#39;; script-src &#39;sha256-/);
    expect(formatHtml(report, en).startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
  });

  it('escapes every name', () => {
    const page = formatHtml(report, fr);
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;.pdf');
    expect(page).toContain('cv\\u202efdp.exe');
    expect(page).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u202a-\u202e]/);
  });
});

describe('the CLI offers the formats', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });
  const tempDir = async (prefix: string) => {
    const dir = await makeTempDir(prefix);
    dirs.push(dir);
    return dir;
  };

  // `merge` formats a report without reading any PDF: the whole CLI path, from --format to stdout.
  async function shard(): Promise<{ file: string; dir: string }> {
    const dir = await tempDir('dossier-formats-');
    const file = join(dir, 'shard.json');
    await writeFile(file, formatReport('json', report, en));
    return { file, dir };
  }

  it.each(FORMATS.filter((f) => f !== 'text'))('merge --format %s prints exactly the formatter output on stdout', async (format) => {
    const { file } = await shard();
    const r = await run(['merge', file, '--format', format]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const merged = mergeReports([{ file, json: JSON.parse(await readFile(file, 'utf8')) }]);
    if (!merged.ok) throw new Error(merged.error.reason);
    expect(r.stdout).toBe(formatReport(format, merged.report, { ...en, compact: true }));
  });

  it('--output writes the HTML page to a file', async () => {
    const { file, dir } = await shard();
    const out = join(dir, 'rapport.html');
    const r = await run(['merge', file, '--format', 'html', '--output', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect((await readFile(out, 'utf8')).startsWith('<!doctype html>')).toBe(true);
  });

  it('check --help lists every format and --csv-delimiter', async () => {
    const r = await run(['check', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\s+/g, " ")).toMatch(/valeurs : "text", "json", "csv", "html", "junit", "markdown", "github"/);
    expect(r.stdout).toContain('--csv-delimiter');
  });

  it('check --csv-delimiter refuses anything but , and ; (exit 2, nothing on stdout)', async () => {
    const dir = await tempDir('dossier-formats-');
    for (const bad of ['tab', '|', '']) {
      const r = await run(['check', dir, '--format', 'csv', '--csv-delimiter', bad]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/--csv-delimiter : « .* » n'est pas pris en charge ; utilisez ',' ou ';'/);
    }
  });
});

describe('packed results (a batch keeps each dossier packed until it is written)', () => {
  it('read back as the same results, through every array access the formatters use', () => {
    const packed = packedDossiers(report.dossiers.map(pack), profile);
    expect(packed.length).toBe(report.dossiers.length);
    expect(Array.isArray(packed)).toBe(true);
    expect([...packed]).toEqual(report.dossiers);
    expect(packed.map((d) => d.path)).toEqual(report.dossiers.map((d) => d.path));
    expect(JSON.parse(JSON.stringify(packed))).toEqual(JSON.parse(JSON.stringify(report.dossiers)));
    // Each read is a fresh copy: nothing unpacked is kept by the store.
    expect(packed[0]).not.toBe(packed[0]);
    expect(packed[report.dossiers.length]).toBeUndefined();
    for (const f of FORMATS) expect(formatReport(f, { ...report, dossiers: packed }, fr)).toBe(formatReport(f, report, fr));
  });

  it('leave the profile\'s labels and advice out of the packed bytes, and put them back where they were', () => {
    for (const d of report.dossiers) {
      const bytes = pack(d);
      const text = bytes.toString('latin1');
      for (const doc of profile.documents) expect(text).not.toContain(doc.label.en);
      // Key order too: JSON reports are compared byte for byte.
      expect(JSON.stringify(packedDossiers([bytes], profile)[0])).toBe(JSON.stringify(d));
    }
  });
});
