// A fast, strict reader for the plain XML that media managers write: one root element, attributes, text,
// CDATA and comments. It builds exactly the tree fast-xml-parser builds with the options in xml-tree.ts and
// returns null for anything else (doctype, processing instructions, mixed-up tags, odd names or references),
// in which case the caller uses fast-xml-parser and its validator. A tree it returns is well-formed XML.
// It works on character codes and positions: tag names are looked up in the table of names already seen
// (xml-names.ts) instead of being sliced, text is sliced once, already trimmed, and only `&` positions are
// checked as references.

import {
  attributeKey,
  attributeKeys,
  expectedSlot,
  followed,
  key,
  nameEnd,
  nameSlot,
  sameAt,
  tagNames,
  treeKeys,
} from './xml-names.ts';

/** Child elements by lower-case name (arrays), `#text`, `#cdata` and `@` (attributes) — as in xml-tree.ts. */
export type StrictNode = Record<string, unknown>;

const REFERENCE = /&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});/y;
/** `<?xml version="1.0" …?>` with well-formed pseudo-attributes. */
const DECLARATION =
  /<\?xml(?:[ \t\r\n]+[A-Za-z_][\w.:-]*[ \t\r\n]*=[ \t\r\n]*(?:"[^"<&]*"|'[^'<&]*'))*[ \t\r\n]*\?>/y;

export function skipSpace(xml: string, at: number): number {
  let i = at;
  for (let c = xml.charCodeAt(i); c === 32 || c === 10 || c === 9 || c === 13; c = xml.charCodeAt(++i));
  return i;
}

/** True for the ASCII characters `String.prototype.trim` removes. */
export function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** What {@link readOpenTag} read: the name's slot (-1: none), the raw name, its tree key, attributes and whether the tag closes itself. */
export const openTag = {
  slot: -1,
  name: '',
  key: '',
  attrs: null as Record<string, string> | null,
  selfClosing: false,
};

/** Reads the next part of the document: scans for `&` forward only, so positions must not go back. */
export class Cursor {
  amp = -1;
  constructor(readonly xml: string) {}
  /** True when every `&` in `from`…`to` starts a character or entity reference. */
  referencesOk(from: number, to: number): boolean {
    const xml = this.xml;
    if (this.amp < from) this.amp = xml.indexOf('&', from);
    while (this.amp !== -1 && this.amp < to) {
      REFERENCE.lastIndex = this.amp;
      if (!REFERENCE.test(xml)) return false;
      this.amp = xml.indexOf('&', this.amp + 1);
    }
    if (this.amp === -1) this.amp = xml.length;
    return true;
  }
}

/**
 * Reads `<name attr="…" …>` or `…/>` from `at` (just after `<`) into {@link openTag}; the end, or -1. `previous` is
 * the name slot of the tag opened before (-1 for none): the name that followed it last time is tried first.
 */
export function readOpenTag(xml: string, at: number, cursor: Cursor, previous = -1): number {
  let slot = expectedSlot(xml, at, previous);
  let nameStop: number;
  if (slot !== -1) nameStop = at + tagNames[slot].length;
  else {
    nameStop = nameEnd(xml, at);
    if (nameStop === -1) return -1;
    slot = nameSlot(xml, at, nameStop);
    if (slot !== -1) followed(previous, slot);
  }
  openTag.slot = slot;
  openTag.name = slot === -1 ? xml.slice(at, nameStop) : tagNames[slot];
  openTag.key = slot === -1 ? key(openTag.name) : treeKeys[slot];
  let attrs: Record<string, string> | null = null;
  let i = nameStop;
  for (;;) {
    const afterSpace = xml.charCodeAt(i) === 62 ? i : skipSpace(xml, i);
    const c = xml.charCodeAt(afterSpace);
    if (c === 62 || c === 47) {
      openTag.attrs = attrs;
      openTag.selfClosing = c === 47;
      if (c === 62) return afterSpace + 1;
      return xml.charCodeAt(afterSpace + 1) === 62 ? afterSpace + 2 : -1;
    }
    if (afterSpace === i) return -1; // attributes must be separated by white space
    const attrStop = nameEnd(xml, afterSpace);
    if (attrStop === -1) return -1;
    const attrSlot = nameSlot(xml, afterSpace, attrStop);
    const lower = attrSlot === -1 ? attributeKey(xml.slice(afterSpace, attrStop)) : attributeKeys[attrSlot];
    i = skipSpace(xml, attrStop);
    if (xml.charCodeAt(i) !== 61) return -1;
    i = skipSpace(xml, i + 1);
    const quote = xml.charCodeAt(i);
    if (quote !== 34 && quote !== 39) return -1;
    const close = xml.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (close === -1) return -1;
    const lt = xml.indexOf('<', i + 1);
    if ((lt !== -1 && lt < close) || !cursor.referencesOk(i + 1, close)) return -1;
    if (lower === null) return -1;
    if (attrs !== null && Object.hasOwn(attrs, lower)) return -1;
    attrs ??= {};
    attrs[lower] = xml.slice(i + 1, close);
    i = close + 1;
  }
}

/** Adds `value` to `parent`'s children under tree key `k`. */
export function appendChild(parent: StrictNode, k: string, value: StrictNode): void {
  const list = parent[k] as StrictNode[] | undefined;
  if (list !== undefined) list.push(value);
  else parent[k] = [value];
}

/** True when `from`…`to` is only spaces, tabs and line breaks (what may surround the root). */
export function onlyXmlSpace(xml: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = xml.charCodeAt(k);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/**
 * The text of `from`…`to` inside an element, trimmed as `slice(from, to).trim()` does ('' when blank), or null when
 * it has a `>` or an `&` that starts no reference. Blank text (indentation) is not searched for either.
 */
export function elementText(xml: string, from: number, to: number, cursor: Cursor): string | null {
  let s = from;
  while (s < to && isAsciiSpace(xml.charCodeAt(s))) s += 1;
  if (s === to) return '';
  let e = to;
  while (isAsciiSpace(xml.charCodeAt(e - 1))) e -= 1;
  const gt = xml.indexOf('>', s);
  if ((gt !== -1 && gt < e) || !cursor.referencesOk(s, e)) return null;
  return xml.charCodeAt(s) < 128 && xml.charCodeAt(e - 1) < 128 ? xml.slice(s, e) : xml.slice(s, e).trim();
}

/** The document as fast-xml-parser would build it, or null when this reader does not handle it. */
export function parseStrictXml(xml: string): StrictNode | null {
  const top: StrictNode = {};
  const nodes: StrictNode[] = [];
  const tags: string[] = [];
  const keys: string[] = [];
  const texts: string[] = [];
  const children: boolean[] = [];
  const cursor = new Cursor(xml);
  let depth = 0;
  let previous = -1; // name slot of the last tag opened
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
      if (depth === 0) {
        if (!onlyXmlSpace(xml, i, textEnd)) return null;
      } else {
        const text = elementText(xml, i, textEnd, cursor);
        if (text === null) return null;
        if (text !== '') texts[depth - 1] += text;
      }
    }
    if (lt === -1) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 47) {
      if (depth === 0) return null;
      const d = depth - 1;
      const tag = tags[d];
      if (!sameAt(xml, lt + 2, tag)) return null;
      const afterName = lt + 2 + tag.length;
      const end = xml.charCodeAt(afterName) === 62 ? afterName : skipSpace(xml, afterName);
      if (xml.charCodeAt(end) !== 62) return null;
      const node = nodes[d];
      if (!children[d] || texts[d] !== '') node['#text'] = texts[d];
      depth = d;
      appendChild(d === 0 ? top : nodes[d - 1], keys[d], node);
      i = end + 1;
    } else if (next === 33) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end === -1) return null;
        const dashes = xml.indexOf('--', lt + 4);
        if (dashes <= end - 2) return null;
        i = end + 3;
      } else if (depth > 0 && xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end === -1) return null;
        const node = nodes[depth - 1];
        const cdata = node['#cdata'] as StrictNode[] | undefined;
        const part = { '#text': xml.slice(lt + 9, end) };
        if (cdata === undefined) node['#cdata'] = [part];
        else cdata.push(part);
        children[depth - 1] = true;
        i = end + 3;
      } else return null;
    } else {
      if (depth === 0 && rootSeen) return null;
      const end = readOpenTag(xml, lt + 1, cursor, previous);
      if (end === -1) return null;
      previous = openTag.slot;
      rootSeen = true;
      if (depth > 0) children[depth - 1] = true;
      const node: StrictNode = {};
      if (openTag.attrs !== null) node['@'] = openTag.attrs;
      if (openTag.selfClosing) {
        node['#text'] = '';
        appendChild(depth === 0 ? top : nodes[depth - 1], openTag.key, node);
      } else {
        nodes[depth] = node;
        tags[depth] = openTag.name;
        keys[depth] = openTag.key;
        texts[depth] = '';
        children[depth] = false;
        depth += 1;
      }
      i = end;
    }
  }
  return depth === 0 && rootSeen ? top : null;
}
