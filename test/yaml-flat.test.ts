// The declaration's fast path (src/yaml/flat.ts) against the real `yaml` package: whenever it
// answers, it gives exactly the value the full parser gives, and the full parser finds nothing
// to say about the text. Documents are generated from fragments people write and from near
// misses (quotes, escapes, flow lists, tabs, numbers in other spellings, indentation...).
import { readdirSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFlatYaml } from '../src/yaml/flat.js';
import { parseLocatedYaml } from '../src/yaml/located.js';

const full = (text: string) => parseLocatedYaml(text, 'candidate.yaml');

/** Values people write, and values each rule of the fast path is there for. */
const GOOD_VALUES = [
  'Meryem Ziani', 'Hamid Aït Ouali', "l'OFPPT", 'O’Brien', 'MA', 'master', '1985-03-12', '2026-02-11T12:41:00',
  '15', '-5', '0', '3.5', '-0.5', 'true', 'True', 'TRUE', 'false', 'null', 'Null', 'yes', 'no', 'on', 'y', '12:41',
  '"quoted"', "'single'", '"a # b"', '""', "''", '[ar, fr, en]', '[]', '[ ]', '[Arabe classique, fr]', '[1, 2.5, true, null]',
  'é', 'x  ', 'a,b', 'a (b)', 'a/b', 'a+b', 'a_b', 'a.b', 'x@y', "'a \\ b'", '"é # ñ"',
] as const;
const TRICKY_VALUES = [
  '007', '-0', '1.', '.5', '1e3', '0x1F', '0o17', '+5', '.inf', '.nan', '123456789012345678', '~', 'a: b', 'a:', 'x #c', 'x#c',
  '"say \\"hi\\""', '"a\\nb"', "'it''s'", '"unclosed', "'", '[a,]', '[a,,b]', '[a, [b]]', '[a, "b"]', '[a]]', '[a',
  '{a: 1}', '&anchor x', '*alias', '!!str 5', '|', '>', '@x', '%x', '`x`', '- a', '? a', 'ﬁ', '\u00a0x', 'x\u00a0',
  'a\tb', 'a\rb', '\u2028', '  x', '"a"b', "'a' #c", '[a] #c', '[a]x',
] as const;
const GOOD_KEYS = ['fullName', 'birthDate', 'languages', 'a', '_x', 'constructor', 'toString', 'b2'];
const TRICKY_KEYS = ['null', 'true', 'False', '__proto__', 'x'.repeat(70), '1a', 'a-b', 'a b', 'é'];
const key = fc.oneof({ arbitrary: fc.constantFrom(...GOOD_KEYS), weight: 9 }, { arbitrary: fc.constantFrom(...TRICKY_KEYS), weight: 1 });
const value = fc.oneof({ arbitrary: fc.constantFrom(...GOOD_VALUES), weight: 9 }, { arbitrary: fc.constantFrom(...TRICKY_VALUES), weight: 1 });
const comment = fc.constantFrom('', '', '', ' # note', '  #x', '#x', ' ');
const line = fc.oneof(
  { arbitrary: fc.tuple(key, value, comment).map(([k, v, c]) => `${k}: ${v}${c}`), weight: 20 },
  { arbitrary: key.map((k) => `${k}:`), weight: 2 },
  { arbitrary: fc.constantFrom('', '   ', '# comment', '  # indented comment', '#'), weight: 3 },
  { arbitrary: fc.constantFrom('key:value', 'key : value', '---', '...', '%YAML 1.2', '  - ar', '- fr', '  continued', '\t', 'plain'), weight: 1 },
);
const docArb = fc
  .tuple(fc.array(line, { minLength: 0, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([lines, eol, last]) => lines.join(eol) + (last ? eol : ''));

describe('candidate.yaml fast path', () => {
  it('answers only what the yaml package answers, with nothing for it to report', () => {
    let answered = 0;
    fc.assert(
      fc.property(docArb, (text) => {
        const fast = parseFlatYaml(text);
        if (fast === undefined) return;
        answered++;
        const f = full(text);
        expect(f.issues).toEqual([]);
        // Node's deep equality, not toStrictEqual: that one reads a key named `constructor` as the type.
        expect(isDeepStrictEqual(fast, f.value), JSON.stringify([fast, f.value])).toBe(true);
      }),
      { numRuns: 4000, seed: 20261202 },
    );
    // The property says something only about documents the fast path takes: enough of them.
    expect(answered).toBeGreaterThan(400);
  });

  it('keeps a key the full parser would keep apart from the prototype', () => {
    expect(parseFlatYaml('__proto__: x')).toBeUndefined();
    expect(Object.getPrototypeOf(parseFlatYaml('constructor: x')!)).toBe(Object.prototype);
  });

  it('reads the declarations people write, and the bundled samples', () => {
    const text = 'applicantType: external\nfullName: Meryem Ziani\nbirthDate: 1985-03-12\nexperienceYears: 15\ndiplomaForeign: false\nlanguages: [ar, fr, en, es]\n';
    expect(parseFlatYaml(text)).toEqual({ applicantType: 'external', fullName: 'Meryem Ziani', birthDate: '1985-03-12', experienceYears: 15, diplomaForeign: false, languages: ['ar', 'fr', 'en', 'es'] });
    const root = new URL('../samples/dossiers/', import.meta.url);
    let read = 0;
    for (const d of readdirSync(root)) {
      let text: string;
      try {
        text = readFileSync(new URL(`${d}/candidate.yaml`, root), 'utf8');
      } catch {
        continue;
      }
      const fast = parseFlatYaml(text);
      if (fast === undefined) continue;
      read++;
      expect(isDeepStrictEqual(fast, full(text).value)).toBe(true);
    }
    // Not a path that never runs: the samples are what most declarations look like.
    expect(read).toBeGreaterThanOrEqual(5);
  });

  it('leaves to the full parser what it is not sure of', () => {
    for (const text of ['a: "x\\ty"', "a: 'it''s'", 'a: 1e3', 'a: 007', 'a:\n  - x', 'a: b\na: c', 'a: [x, [y]]', 'a:\tb', 'a: b: c', '', '# only a comment'])
      expect(parseFlatYaml(text), text).toBeUndefined();
  });
});

describe('a value left open is placed on the line where it was opened', () => {
  it('each one, when there are several', () => {
    expect(full('a: "x\nb: 1\nc: "y\n').issues.map((i) => [i.line, i.col, i.syntax?.kind])).toEqual([
      [1, 4, 'unclosed-quote'],
      [3, 4, 'unclosed-quote'],
    ]);
  });

  it('by the character the parser says is missing, wherever the others left open are', () => {
    const at = (text: string) => full(text).issues.map((i) => [i.line, i.col, i.syntax?.kind]);
    // A quote left open swallows the rest of the file, a list left open after it included.
    expect(at('fullName: "Salma Bennani\nbirthDate: 1990-05-14\nlanguages: [ar, fr\n')).toEqual([[1, 11, 'unclosed-quote']]);
    expect(at('a: [x\nb: {y\n')).toEqual([
      [1, 4, 'unclosed-list'],
      [2, 4, 'unclosed-map'],
    ]);
    // A quote left open inside a list is placed on the quote.
    expect(at('languages: [ar, "fr\n')).toContainEqual([1, 17, 'unclosed-quote']);
    // A list closed at its key's indent is closed: the slip is the one after it.
    expect(at('languages: [\n  ar\n]\nskills: [a\nb: 1\n')).toEqual([[4, 9, 'unclosed-list']]);
  });

  it('in one pass, however many blank lines follow (a profile may be 1 MB of them)', () => {
    for (const opened of ['"', '[', '[ "x', '{']) {
      const text = `id: x\ntitle: ${opened}${'\n'.repeat(300_000)}`;
      const t = performance.now();
      const issues = full(text).issues;
      // The parser alone takes about 0.3 s here; the search for the line once took 20 s.
      expect(performance.now() - t, opened).toBeLessThan(5_000);
      expect(issues.length, opened).toBeGreaterThan(0);
      if (opened !== '[ "x') expect(issues[0]!.line, opened).toBe(2);
    }
  });

  // Lines people write correctly, some over several lines, with quotes and brackets inside.
  const goodLine = fc.constantFrom(
    'fullName: Salma Bennani',
    'fullName: "Salma Bennani"',
    "fullName: 'O''Brien'",
    'languages: [ar, fr, en]',
    "languages: [O'Brien, fr]",
    'fullName: "Salma\n  Bennani"',
    'languages: [ar,\n  "fr", en]',
    'note: |\n  un "guillemet, [ et {\n\n  encore',
    'note: >-\n  [ouvert',
    '# un commentaire avec " et [',
    'languages: [ar, # l\'arabe "classique\n  fr]',
    'languages: {ar: 1, # it\'s [odd\n  fr: 2}',
    '',
    'nested:\n  - "a"\n  - [b, c]',
  );
  const slip = fc.constantFrom(['nationality: "MA', 'unclosed-quote'], ["nationality: 'MA", 'unclosed-quote'], ['languages: [ar, fr', 'unclosed-list'], ['languages: {ar: 1', 'unclosed-map']);

  it('whatever correct lines come before or after it', () => {
    fc.assert(
      fc.property(fc.array(goodLine, { maxLength: 6 }), slip, fc.array(goodLine, { maxLength: 6 }), (before, [bad, kind], after) => {
        const head = before.length ? `${before.join('\n')}\n` : '';
        const text = `${head}${bad}\n${after.join('\n')}\n`;
        // Keys repeat between generated lines: only the slip is looked at.
        const issue = full(text).issues.find((i) => i.syntax?.kind.startsWith('unclosed'));
        expect(issue, text).toBeDefined();
        expect([issue!.line, issue!.syntax!.kind], text).toEqual([head.split('\n').length, kind]);
      }),
      { numRuns: 1500, seed: 20261204 },
    );
  });
});

describe('keys given twice', () => {
  it('are each reported at the later key, in nested mappings too; 1 and "1" are two keys', () => {
    const text = ['a: 1', 'b:', '  x: 1', '  y: 2', '  x: 3', '1: one', '"1": un', 'a: 2', ''].join('\n');
    const found = full(text).issues.map((i) => [i.line, i.col, i.syntax?.kind, i.syntax?.key]);
    expect(found).toEqual([
      [5, 3, 'duplicate-key', 'x'],
      [8, 1, 'duplicate-key', 'a'],
    ]);
    // Still read, the later value standing, as the parser's own check left it.
    expect(full(text).value).toMatchObject({ a: 2, b: { x: 3, y: 2 } });
  });

  it('are found in one pass among tens of thousands of keys, and each unknown key is placed as fast', () => {
    const keys = Array.from({ length: 60_000 }, (_, i) => `k${i}: ${i}`);
    const text = ['id: x', ...keys, 'k17: again', ''].join('\n');
    const t = performance.now();
    const src = full(text);
    expect(src.issues.map((i) => [i.line, i.syntax?.key])).toEqual([[60_002, 'k17']]);
    // Of a key given twice, the later is placed: its value is the one read.
    expect(src.locate(['k17'], true).line).toBe(60_002);
    for (let i = 18; i < 60_000; i += 7) expect(src.locate([`k${i}`], true).line).toBe(i + 2);
    // The parser's check alone took about 30 s here, and a search per key as long again; now
    // about a second.
    expect(performance.now() - t).toBeLessThan(10_000);
  });

  it('tens of thousands of quotes left open, one a line: each placed on its own line, in one pass', () => {
    const text = `${Array.from({ length: 60_000 }, (_, i) => `a${i}: "o`).join('\n')}\n`;
    const t = performance.now();
    const issues = full(text).issues;
    expect(issues).toHaveLength(60_000);
    expect(issues.every((i, k) => i.line === k + 1 && i.col === String(k).length + 4 && i.syntax?.kind === 'unclosed-quote')).toBe(true);
    expect(performance.now() - t).toBeLessThan(10_000);
  });

  it('a key with a colon in quotes is named whole', () => {
    expect(full('"a:b": 1\n"a:b": 2\n').issues.map((i) => i.syntax?.key)).toEqual(['a:b']);
  });
});
