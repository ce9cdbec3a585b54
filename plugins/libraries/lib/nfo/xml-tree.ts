// Lenient XML → plain-object parsing (fast-xml-parser) and typed accessors over the resulting tree.
// Tag and attribute names are lower-cased; text is entity-decoded and trimmed, empty text is undefined.

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeEntities } from './entities.ts';

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
  let tree: unknown;
  try {
    tree = parser.parse(xml);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const rootValue = isNode(tree) ? elements(tree, root)[0] : undefined;
  const node = rootValue ?? {};
  const validation = XMLValidator.validate(xml);
  if (validation === true) return { ok: true, node, wellFormed: true };
  const { msg, line } = validation.err;
  return { ok: true, node, wellFormed: false, problem: `${msg} (line ${line})` };
}

/** All child elements named `name` (lower-case), in document order. */
export function elements(node: XmlNode | undefined, name: string): XmlNode[] {
  if (!node || !Object.hasOwn(node, name)) return [];
  const value = node[name];
  return Array.isArray(value) ? value.filter(isNode) : [];
}

/** The first child element named `name`. */
export function element(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return elements(node, name)[0];
}

/** True when the element has at least one child element. */
export function hasChildElements(node: XmlNode): boolean {
  return Object.keys(node).some((key) => !key.startsWith('#') && key !== '@');
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
  const text = decodeEntities(rawText(node['#text'])) + rawText(node['#cdata']);
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Non-empty texts of every child element named `name`. */
export function textsOf(node: XmlNode | undefined, name: string): string[] {
  return elements(node, name)
    .map(textOf)
    .filter((text): text is string => text !== undefined);
}

/** Text of the first child element named `name` that has any. */
export function firstText(node: XmlNode | undefined, ...names: string[]): string | undefined {
  for (const name of names) {
    const text = textsOf(node, name)[0];
    if (text !== undefined) return text;
  }
  return undefined;
}

/** A decoded, trimmed attribute value (attribute names are lower-case); undefined when empty. */
export function attribute(node: XmlNode | undefined, name: string): string | undefined {
  const attributes = node?.['@'];
  if (!isNode(attributes) || !Object.hasOwn(attributes, name)) return undefined;
  const value = attributes[name];
  if (typeof value !== 'string') return undefined;
  const decoded = decodeEntities(value).trim();
  return decoded === '' ? undefined : decoded;
}
