// The strict XML reader against fast-xml-parser: whatever it accepts must be well-formed by fast-xml-parser's
// validator and give the identical tree; it must accept the NFOs media managers write; it declines the rest.
import { describe, expect, test } from 'bun:test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseStrictXml } from './strict-xml.ts';
import { cleanNfoText } from './text-cleanup.ts';
import { escapeStrayMarkup, locateRoots } from './xml-repair.ts';
import { parseLenient, validateXml } from './xml-tree.ts';

/** Asserts the strict reader agrees with fast-xml-parser on `xml`; returns whether it accepted it. */
function agrees(xml: string): boolean {
  const strict = parseStrictXml(xml);
  if (strict === null) return false;
  expect({ xml, valid: validateXml(xml) }).toEqual({ xml, valid: true });
  expect({ xml, tree: strict }).toEqual({ xml, tree: parseLenient(xml) as never });
  return true;
}

const FIXTURES = join(import.meta.dir, 'fixtures');

describe('media manager NFOs', () => {
  for (const file of readdirSync(FIXTURES)) {
    test(file, () => {
      const { text } = cleanNfoText(readFileSync(join(FIXTURES, file), 'latin1'));
      const root = /<(movie|tvshow|episodedetails)[\s>]/i.exec(text)?.[1] ?? 'movie';
      const blocks = locateRoots(text, root).blocks.map((b) => escapeStrayMarkup(b.xml));
      for (const xml of blocks) expect({ file, accepted: agrees(xml) }).toEqual({ file, accepted: true });
    });
  }
});

const ACCEPTED: string[] = [
  '<movie/>',
  '<movie></movie>',
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<movie><title>A</title></movie>\n',
  '\uFEFF<movie><title>A</title></movie>',
  '<movie>\n  <title>A &amp; B &#233; &#xE9; &eacute;</title>\n</movie>',
  '<Movie><Title>Upper</Title><TITLE>again</TITLE></Movie>',
  '<movie><uniqueid type="tmdb" default="true">603</uniqueid><uniqueid type=\'imdb\'>tt1</uniqueid></movie>',
  '<movie><plot><![CDATA[Hello <b>world</b> & more]]></plot></movie>',
  '<movie><plot>x<![CDATA[y]]>z</plot></movie>',
  '<movie><plot><![CDATA[]]></plot><p2><![CDATA[  ]]></p2></movie>',
  '<movie><plot><![CDATA[a]]><![CDATA[b]]></plot></movie>',
  '<movie><!-- note --><title>T</title><!----></movie><!-- after -->',
  '<movie><mixed> a <b>x</b> c </mixed></movie>',
  '<movie><empty /><e2   a="1"   /><ws>   </ws></movie>',
  '<movie><constructor>c</constructor><__proto__>p</__proto__><toString>s</toString><hasOwnProperty>h</hasOwnProperty></movie>',
  '<movie><actor><name>A</name><role>R</role><order>0</order><thumb>http://x/y.jpg?a=1&amp;b=2</thumb></actor></movie>',
  '<movie><fileinfo><streamdetails><video><codec>h264</codec></video></streamdetails></fileinfo></movie>',
  '<movie a="x>y"><t>1</t></movie>',
  '<movie><ns:tag>1</ns:tag><a.b>2</a.b><a-b>3</a-b><_x>4</_x></movie>',
  '<movie>\r\n\t<title>\r\n\tSpaced\r\n</title>\r\n</movie>\r\n',
  '<movie><title>Ünïcödé 日本語 😀</title></movie>',
];

const DECLINED: string[] = [
  '',
  '   ',
  'just text',
  '<movie>',
  '<movie><title>A</movie>',
  '<movie></Movie>',
  '<movie><title>A & B</title></movie>',
  '<movie><title>1 > 0</title></movie>',
  '<movie><title>&unterminated</title></movie>',
  '<movie a="1" a="2"></movie>',
  '<movie a="1" A="2"></movie>',
  '<movie a="1"b="2"></movie>',
  '<movie a=1></movie>',
  '<movie a></movie>',
  '<movie a="<"></movie>',
  '<movie></movie><movie></movie>',
  'junk<movie></movie>',
  '<movie></movie>junk',
  '<!DOCTYPE movie><movie></movie>',
  '<?xml-stylesheet href="x"?><movie></movie>',
  '  <?xml version="1.0"?><movie></movie>',
  '<movie><?pi x?></movie>',
  '<movie><!-- a -- b --></movie>',
  '<movie><![CDATA[unclosed</movie>',
  '<![CDATA[x]]><movie/>',
  '<1movie></1movie>',
  '<movie><tïtle>x</tïtle></movie>',
  '<movie><a/ ></movie>',
];

describe('hand-picked documents', () => {
  for (const xml of ACCEPTED)
    test(`accepts ${JSON.stringify(xml).slice(0, 70)}`, () => expect(agrees(xml)).toBe(true));
  for (const xml of DECLINED)
    test(`declines ${JSON.stringify(xml).slice(0, 70)}`, () => expect(parseStrictXml(xml)).toBeNull());
});

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = [
  'title',
  'Year',
  'ACTOR',
  'name',
  'role',
  'uniqueid',
  'constructor',
  'toString',
  'a:b',
  'x.y',
  'p-q',
];
const TEXTS = [
  'plain',
  ' spaced ',
  '',
  'A &amp; B',
  '&#233;t&#xE9;',
  '&eacute;',
  'x > y',
  'x & y',
  '\n\t',
  'ü😀',
];

function generate(r: () => number, depth: number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const name = pick(NAMES);
  const attrs =
    r() < 0.3
      ? ` type="${pick(['tmdb', 'a&amp;b', 'x>y', "it's"])}"${r() < 0.2 ? ' default="true"' : ''}`
      : '';
  if (r() < 0.1) return `<${name}${attrs}/>`;
  const parts: string[] = [];
  const count = depth > 2 ? 0 : Math.floor(r() * 4);
  for (let k = 0; k < count; k++) parts.push(generate(r, depth + 1));
  if (count === 0 || r() < 0.2) parts.push(pick(TEXTS));
  if (r() < 0.1) parts.push(`<![CDATA[${pick(TEXTS)}]]>`);
  if (r() < 0.1) parts.push(`<!--${pick([' c ', '', '-x'])}-->`);
  return `<${name}${attrs}>${parts.join(r() < 0.5 ? '' : '\n  ')}</${name}>`;
}

function mutate(r: () => number, xml: string): string {
  const at = Math.floor(r() * xml.length);
  const ops = [
    () => xml.slice(0, at) + xml.slice(at + 1),
    () => xml.slice(0, at) + ['<', '&', '>', '"', '/', ']]>', '--'][Math.floor(r() * 7)] + xml.slice(at),
    () => xml.slice(0, at) + xml.charAt(at).toUpperCase() + xml.slice(at + 1),
  ];
  return ops[Math.floor(r() * ops.length)]();
}

test('generated documents: every accepted one matches fast-xml-parser exactly', () => {
  const r = rng(20261123);
  let accepted = 0;
  let acceptedMutants = 0;
  for (let k = 0; k < 3000; k++) {
    const doc = `${r() < 0.2 ? '<?xml version="1.0"?>\n' : ''}<movie>${generate(r, 0)}${generate(r, 0)}</movie>`;
    if (agrees(doc)) accepted += 1;
    if (agrees(mutate(r, doc))) acceptedMutants += 1;
  }
  // Both halves are exercised (about a third of the generated documents carry deliberate faults such as a bare
  // `&`): clean documents take the strict path, and so do mutants that stay well-formed, each compared above.
  expect(accepted).toBeGreaterThan(700);
  expect(acceptedMutants).toBeGreaterThan(200);
});
