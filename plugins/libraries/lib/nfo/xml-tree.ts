// XML → plain-object parsing and typed accessors over the resulting tree: the strict reader (strict-xml.ts) for
// plain well-formed documents, fast-xml-parser with its validator for everything else (read leniently).
// Tag and attribute names are lower-cased; text is entity-decoded and trimmed, empty text is undefined.

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeEntities } from './entities.ts';
import { parseStrictXml } from './strict-xml.ts';

/** A parsed element: child elements by (lower-case) name, `#text`, `#cdata` and `@` (attributes). */
export type XmlNode = Record<string, unknown>;

const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  attributesGroupName: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  alwaysCreateTextNode: true,
  cdataPropName: '#cdata',
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
  transformTagName: (name: string) => {
    const lower = name.toLowerCase();
    return RESERVED.has(lower) ? `x-${lower}` : lower;
  },
  transformAttributeName: (name: string) => name.toLowerCase(),
});

/** fast-xml-parser's tree of any text (throws on what it cannot read at all). */
export function parseLenient(xml: string): unknown {
  return parser.parse(xml);
}

/** fast-xml-parser's validator: true, or its complaint. */
export function validateXml(xml: string): true | string {
  const v = XMLValidator.validate(xml);
  return v === true ? true : `${v.err.msg} (line ${v.err.line})`;
}

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parsed root element, or the parser's complaint when the text could not be read at all. */
export type ParsedElement = { ok: true; node: XmlNode; wellFormed: true } | ParsedLeniently;
type ParsedLeniently =
  | { ok: true; node: XmlNode; wellFormed: false; problem: string }
  | { ok: false; error: string };

/** Parses one element block; `wellFormed: false` means the tree was recovered from invalid XML. */
export function parseElement(xml: string, root: string): ParsedElement {
  const strict = parseStrictXml(xml);
  return strict ? strictElement(strict, root) : parseElementLeniently(xml, root);
}

/** The `root` element of a tree the strict reader built. */
export function strictElement(tree: XmlNode, root: string): ParsedElement {
  return { ok: true, node: element(tree, root) ?? {}, wellFormed: true };
}

/** {@link parseElement} for text the strict reader declined: fast-xml-parser and its validator. */
export function parseElementLeniently(xml: string, root: string): ParsedElement {
  let tree: unknown;
  try {
    tree = parseLenient(xml);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const rootValue = isNode(tree) ? element(tree, root) : undefined;
  const node = rootValue ?? {};
  const validation = validateXml(xml);
  if (validation === true) return { ok: true, node, wellFormed: true };
  return { ok: true, node, wellFormed: false, problem: validation };
}

// What `elements` gives for a missing tag: shared, so frozen (callers only read what they get).
const NONE = Object.freeze([]) as unknown as XmlNode[];

/** All child elements named `name` (lower-case), in document order. Read-only: it may be the tree's own array. */
export function elements(node: XmlNode | undefined, name: string): XmlNode[] {
  if (!node || !Object.hasOwn(node, name)) return NONE;
  const value = node[name];
  if (!Array.isArray(value)) return NONE;
  for (let k = 0; k < value.length; k++) if (!isNode(value[k])) return value.filter(isNode);
  return value as XmlNode[];
}

/** Each element read by `read`, those that give nothing left out. */
export function readEach<T>(entries: XmlNode[], read: (entry: XmlNode) => T | undefined): T[] {
  const out: T[] = [];
  for (let k = 0; k < entries.length; k++) {
    const item = read(entries[k]);
    if (item !== undefined) out.push(item);
  }
  return out;
}

/** The first child element named `name`. */
export function element(node: XmlNode | undefined, name: string): XmlNode | undefined {
  const list = elements(node, name);
  return list.length > 0 ? list[0] : undefined; // no out-of-bounds read of the shared empty list
}

/** True when the element has at least one child element. */
export function hasChildElements(node: XmlNode): boolean {
  for (const key in node) if (key.charCodeAt(0) !== 35 && key !== '@') return true; // not `#…`
  return false;
}

function rawText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) return '';
  return value
    .map((part) => (isNode(part) && typeof part['#text'] === 'string' ? part['#text'] : ''))
    .join('');
}

/** The element's own text (entities decoded, CDATA verbatim, trimmed); undefined when empty. */
export function textOf(node: XmlNode | undefined): string | undefined {
  if (!node) return undefined;
  const own = node['#text'];
  const cdata = node['#cdata'];
  // Without CDATA (a `#cdata` key holding undefined reads the same: rawText gives '').
  const text =
    typeof own === 'string' && cdata === undefined
      ? own.includes('&')
        ? decodeEntities(own)
        : own
      : decodeEntities(rawText(own)) + rawText(cdata);
  return trimmedOrUndefined(text);
}

/** `text.trim()`, undefined when that is empty; text already trimmed (the usual case) is returned as is. */
export function trimmedOrUndefined(text: string): string | undefined {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  if (first > 32 && first < 127 && last > 32 && last < 127) return text;
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}

const NO_TEXTS = Object.freeze([]) as unknown as string[];

/** Non-empty texts of every child element named `name`, then of those named `alt`. Read-only (may be shared). */
export function textsOf(node: XmlNode | undefined, name: string, alt?: string): string[] {
  const first = elements(node, name);
  const second = alt === undefined ? NONE : elements(node, alt);
  if (first.length === 0 && second.length === 0) return NO_TEXTS;
  const out: string[] = [];
  pushTexts(first, out);
  pushTexts(second, out);
  return out;
}

/** Appends the non-empty text of each element to `out`. */
export function pushTexts(children: XmlNode[], out: string[]): void {
  for (let k = 0; k < children.length; k++) {
    const text = textOf(children[k]);
    if (text !== undefined) out.push(text);
  }
}

/** Text of the first child element named `name` (then `alt`, then `alt2`) that has any. */
export function firstText(
  node: XmlNode | undefined,
  name: string,
  alt?: string,
  alt2?: string,
): string | undefined {
  if (!node) return undefined;
  // Most names are missing: an own-property check is cheaper than reading their (empty) element lists.
  const text = Object.hasOwn(node, name) ? firstTextOf(node[name]) : undefined;
  if (text !== undefined || alt === undefined) return text;
  const second = Object.hasOwn(node, alt) ? firstTextOf(node[alt]) : undefined;
  if (second !== undefined || alt2 === undefined) return second;
  return Object.hasOwn(node, alt2) ? firstTextOf(node[alt2]) : undefined;
}

/** The first non-empty text among the elements of a child list (a node's own value for a name). */
export function firstTextOf(list: unknown): string | undefined {
  if (!Array.isArray(list)) return undefined;
  for (let k = 0; k < list.length; k++) {
    const item: unknown = list[k];
    if (!isNode(item)) continue; // as elements() leaves it out
    const text = textOf(item);
    if (text !== undefined) return text;
  }
  return undefined;
}

/** A decoded, trimmed attribute value (attribute names are lower-case); undefined when empty. */
export function attribute(node: XmlNode | undefined, name: string): string | undefined {
  const attributes = node?.['@'];
  if (!isNode(attributes)) return undefined;
  const value = attributes[name];
  if (typeof value !== 'string' || !Object.hasOwn(attributes, name)) return undefined;
  return trimmedOrUndefined(decodeEntities(value));
}
