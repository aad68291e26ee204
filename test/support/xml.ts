// A small, strict XML 1.0 reader for the JUnit report: it refuses what a real parser refuses
// (characters outside XML's Char production, unbalanced tags, bad entities, unquoted or
// duplicate attributes, markup in text) and returns the element tree with values decoded.
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const CHAR_OK = /^[\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;
const NAME = /^[A-Za-z_][\w.-]*/;

export function parseXml(xml: string): XmlElement {
  if (!CHAR_OK.test(xml)) {
    const bad = [...xml].find((c) => !CHAR_OK.test(c))!;
    throw new Error(`character U+${bad.codePointAt(0)!.toString(16).padStart(4, '0')} is not allowed in XML 1.0`);
  }
  let i = 0;
  const fail = (msg: string): never => {
    throw new Error(`${msg} at ${i}: ${JSON.stringify(xml.slice(i, i + 40))}`);
  };
  const decode = (s: string): string => {
    if (/[<]/.test(s)) fail('"<" in text or attribute');
    return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);|&/g, (_, e: string | undefined) => {
      if (!e) return fail('bare "&"');
      if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
      if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
      const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
      return named[e] ?? fail(`unknown entity &${e};`);
    });
  };
  const skipSpace = () => {
    while (i < xml.length && /\s/.test(xml[i]!)) i++;
  };
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) fail('unterminated declaration');
    i = end + 2;
  }
  skipSpace();

  const element = (): XmlElement => {
    if (xml[i] !== '<') fail('expected "<"');
    i++;
    const name = NAME.exec(xml.slice(i))?.[0] ?? fail('bad element name');
    i += name.length;
    const el: XmlElement = { name, attrs: {}, children: [], text: '' };
    for (;;) {
      const before = i;
      skipSpace();
      if (xml.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (xml[i] === '>') {
        i++;
        break;
      }
      if (i === before) fail('expected whitespace before an attribute');
      const attr = NAME.exec(xml.slice(i))?.[0] ?? fail('bad attribute name');
      i += attr.length;
      if (xml[i] !== '=') fail('expected "="');
      i++;
      const q = xml[i];
      if (q !== '"' && q !== "'") fail('unquoted attribute value');
      const end = xml.indexOf(q!, i + 1);
      if (end < 0) fail('unterminated attribute value');
      if (attr in el.attrs) fail(`duplicate attribute ${attr}`);
      // Attribute-value normalisation: literal whitespace characters become spaces.
      el.attrs[attr] = decode(xml.slice(i + 1, end).replace(/[\t\n\r]/g, ' '));
      i = end + 1;
    }
    for (;;) {
      const lt = xml.indexOf('<', i);
      if (lt < 0) fail(`unclosed <${name}>`);
      el.text += decode(xml.slice(i, lt));
      i = lt;
      if (xml.startsWith('</', i)) {
        i += 2;
        const close = NAME.exec(xml.slice(i))?.[0];
        if (close !== name) fail(`</${close}> closes <${name}>`);
        i += name.length;
        skipSpace();
        if (xml[i] !== '>') fail('expected ">"');
        i++;
        return el;
      }
      if (xml.startsWith('<!--', i) || xml.startsWith('<![CDATA[', i) || xml.startsWith('<?', i)) fail('unexpected markup');
      el.children.push(element());
    }
  };
  const root = element();
  skipSpace();
  if (i !== xml.length) fail('content after the root element');
  return root;
}

export const childrenNamed = (el: XmlElement, name: string) => el.children.filter((c) => c.name === name);
