// A fast, strict reader for the plain XML that media managers write: one root element, attributes, text,
// CDATA and comments. It builds exactly the tree fast-xml-parser builds with the options in xml-tree.ts and
// returns null for anything else (doctype, processing instructions, mixed-up tags, odd names or references),
// in which case the caller uses fast-xml-parser and its validator. A tree it returns is well-formed XML.

/** Child elements by lower-case name (arrays), `#text`, `#cdata` and `@` (attributes) — as in xml-tree.ts. */
export type StrictNode = Record<string, unknown>;

const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
const REFERENCE = /&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});/y;
/** `<?xml version="1.0" …?>` with well-formed pseudo-attributes. */
const DECLARATION =
  /<\?xml(?:[ \t\r\n]+[A-Za-z_][\w.:-]*[ \t\r\n]*=[ \t\r\n]*(?:"[^"<&]*"|'[^'<&]*'))*[ \t\r\n]*\?>/y;
const ONLY_SPACE = /^[ \t\r\n]*$/;

interface Frame {
  tag: string;
  node: StrictNode;
  text: string;
  children: boolean;
}

const keys = new Map<string, string>();

/** The tree key of a tag name (remembered: NFOs repeat a few dozen names). */
export function key(name: string): string {
  let k = keys.get(name);
  if (k === undefined) {
    const lower = name.toLowerCase();
    k = RESERVED.has(lower) ? `x-${lower}` : lower;
    if (keys.size < 4096) keys.set(name, k);
  }
  return k;
}

export function append(parent: StrictNode, name: string, value: StrictNode): void {
  const k = key(name);
  if (Object.hasOwn(parent, k)) (parent[k] as StrictNode[]).push(value);
  else parent[k] = [value];
}

/** True when every `&` starts a character or entity reference. */
export function referencesOk(text: string): boolean {
  for (let at = text.indexOf('&'); at !== -1; at = text.indexOf('&', at + 1)) {
    REFERENCE.lastIndex = at;
    if (!REFERENCE.test(text)) return false;
  }
  return true;
}

export function skipSpace(xml: string, at: number): number {
  let i = at;
  for (let c = xml.charCodeAt(i); c === 32 || c === 10 || c === 9 || c === 13; c = xml.charCodeAt(++i));
  return i;
}

/** A name: an ASCII letter or `_`, then letters, digits, `_`, `.`, `:` or `-`. */
export function readName(xml: string, at: number): string | null {
  const first = xml.charCodeAt(at) | 0x20;
  if (!((first >= 97 && first <= 122) || xml.charCodeAt(at) === 95)) return null;
  let i = at + 1;
  for (;;) {
    const c = xml.charCodeAt(i);
    const l = c | 0x20;
    if ((l >= 97 && l <= 122) || (c >= 48 && c <= 58) || c === 95 || c === 46 || c === 45) i += 1;
    else break;
  }
  return xml.slice(at, i);
}

/** Reads `<name attr="…" …>` or `…/>` from `at` (just after `<`). */
export function readOpenTag(
  xml: string,
  at: number,
): { tag: string; attrs: Record<string, string> | null; end: number; selfClosing: boolean } | null {
  const tag = readName(xml, at);
  if (!tag) return null;
  let i = at + tag.length;
  let attrs: Record<string, string> | null = null;
  for (;;) {
    const afterSpace = skipSpace(xml, i);
    const c = xml[afterSpace];
    if (c === '>') return { tag, attrs, end: afterSpace + 1, selfClosing: false };
    if (c === '/') {
      if (xml[afterSpace + 1] !== '>') return null;
      return { tag, attrs, end: afterSpace + 2, selfClosing: true };
    }
    if (afterSpace === i) return null; // attributes must be separated by white space
    const name = readName(xml, afterSpace);
    if (!name) return null;
    i = skipSpace(xml, afterSpace + name.length);
    if (xml[i] !== '=') return null;
    i = skipSpace(xml, i + 1);
    const quote = xml[i];
    if (quote !== '"' && quote !== "'") return null;
    const close = xml.indexOf(quote, i + 1);
    if (close === -1) return null;
    const value = xml.slice(i + 1, close);
    if (value.includes('<') || !referencesOk(value)) return null;
    attrs ??= {};
    const attrName = name.toLowerCase();
    if (Object.hasOwn(attrs, attrName) || RESERVED.has(attrName)) return null;
    attrs[attrName] = value;
    i = close + 1;
  }
}

export function finish(frame: Frame): StrictNode {
  if (!frame.children || frame.text !== '') frame.node['#text'] = frame.text;
  return frame.node;
}

/** The document as fast-xml-parser would build it, or null when this reader does not handle it. */
export function parseStrictXml(xml: string): StrictNode | null {
  const top: StrictNode = {};
  const stack: Frame[] = [];
  let rootSeen = false;
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (xml.startsWith('<?', i)) {
    DECLARATION.lastIndex = i;
    if (!DECLARATION.test(xml)) return null;
    i = DECLARATION.lastIndex;
  }
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > i) {
      const text = xml.slice(i, textEnd);
      const frame = stack[stack.length - 1];
      if (!frame) {
        if (!ONLY_SPACE.test(text)) return null;
      } else {
        if (text.includes('>') || !referencesOk(text)) return null;
        frame.text += text.trim();
      }
    }
    if (lt === -1) break;
    const next = xml[lt + 1];
    if (next === '/') {
      const frame = stack.pop();
      if (!frame || !xml.startsWith(frame.tag, lt + 2)) return null;
      const end = skipSpace(xml, lt + 2 + frame.tag.length);
      if (xml[end] !== '>') return null;
      append(stack[stack.length - 1]?.node ?? top, frame.tag, finish(frame));
      i = end + 1;
    } else if (next === '!') {
      const frame = stack[stack.length - 1];
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end === -1 || xml.slice(lt + 4, end).includes('--')) return null;
        i = end + 3;
      } else if (frame && xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end === -1) return null;
        const cdata = xml.slice(lt + 9, end);
        if (!Object.hasOwn(frame.node, '#cdata')) frame.node['#cdata'] = [];
        (frame.node['#cdata'] as StrictNode[]).push({ '#text': cdata });
        frame.children = true;
        i = end + 3;
      } else return null;
    } else {
      if (stack.length === 0 && rootSeen) return null;
      const tag = readOpenTag(xml, lt + 1);
      if (!tag) return null;
      rootSeen = true;
      const parent = stack[stack.length - 1];
      if (parent) parent.children = true;
      const frame: Frame = { tag: tag.tag, node: {}, text: '', children: false };
      if (tag.attrs) frame.node['@'] = tag.attrs;
      if (tag.selfClosing) append(parent?.node ?? top, tag.tag, finish(frame));
      else stack.push(frame);
      i = tag.end;
    }
  }
  return stack.length === 0 && rootSeen ? top : null;
}
