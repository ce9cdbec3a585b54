// Turns raw NFO text into parsed root elements plus provider ids from URLs outside the XML, repairing
// what Kodi/Jellyfin would tolerate and failing with a typed reason on what they would not.

import { findProviderIdsInText, type NfoKind } from './provider-urls.ts';
import { parseStrictXml } from './strict-xml.ts';
import { cleanNfoText } from './text-cleanup.ts';
import type { NfoErrorCode, NfoResult, ProviderIds } from './types.ts';
import {
  closeTruncatedXml,
  escapeStrayMarkup,
  firstElementName,
  locateRoots,
  type RootBlock,
} from './xml-repair.ts';
import {
  hasChildElements,
  parseElement,
  parseElementLeniently,
  strictElement,
  type XmlNode,
} from './xml-tree.ts';

/** Parsed root elements (document order), ids from URLs outside them, and repair notes. */
export interface NfoDocument {
  nodes: XmlNode[];
  urlIds: ProviderIds;
  warnings: string[];
}

/** The failure half of {@link NfoResult}. */
export type NfoFailure = Extract<NfoResult<never>, { ok: false }>;

/** A readable document or the reason it is unusable. */
export type DocumentResult = { ok: true; doc: NfoDocument } | NfoFailure;

/** Builds a typed failure. */
export function nfoFailure(code: NfoErrorCode, error: string): NfoFailure {
  return { ok: false, code, error };
}

function readBlock(block: RootBlock, root: string, warnings: string[]): XmlNode | undefined {
  let xml = block.xml;
  if (block.truncated) {
    xml = closeTruncatedXml(xml);
    warnings.push(`<${root}> has no closing tag (truncated file?); kept only complete elements`);
  }
  // Text the strict reader accepts has no stray `&` or `<` (it checks every one outside CDATA and comments).
  const strict = parseStrictXml(xml);
  const escaped = strict === null ? escapeStrayMarkup(xml) : xml;
  if (escaped !== xml) warnings.push(`escaped stray '&' or '<' characters inside <${root}>`);
  const parsed =
    strict !== null
      ? strictElement(strict, root)
      : escaped === xml
        ? parseElementLeniently(xml, root)
        : parseElement(escaped, root);
  if (!parsed.ok) {
    warnings.push(`could not parse <${root}>: ${parsed.error}`);
    return undefined;
  }
  if (!parsed.wellFormed)
    warnings.push(`<${root}> is not well-formed XML (${parsed.problem}); read leniently`);
  if (block.truncated && !hasChildElements(parsed.node)) {
    warnings.push(`<${root}> was cut off before its first complete element`);
    return undefined;
  }
  return parsed.node;
}

function noRootFailure(text: string, root: string, urlIds: ProviderIds): NfoFailure | undefined {
  const found = firstElementName(text.replace(/<\?[\s\S]*?\?>|<![^>]*>/g, ''));
  if (found !== undefined) {
    return nfoFailure('NFO_WRONG_ROOT', `expected a <${root}> root element but found <${found}>`);
  }
  if (Object.keys(urlIds).length > 0) return undefined;
  return nfoFailure('NFO_NO_METADATA', `neither a <${root}> element nor a recognisable provider URL`);
}

function readDocument(input: string, root: string, kind: NfoKind): DocumentResult {
  const { text, notes } = cleanNfoText(input);
  if (text.trim() === '') return nfoFailure('NFO_EMPTY', 'NFO file is empty');
  const warnings = notes;
  const { blocks, outside } = locateRoots(text, root);
  const urlIds = findProviderIdsInText(outside, kind);
  if (blocks.length === 0) {
    const failure = noRootFailure(text, root, urlIds);
    return failure ?? { ok: true, doc: { nodes: [], urlIds, warnings } };
  }
  const nodes: XmlNode[] = [];
  for (const block of blocks) {
    const node = readBlock(block, root, warnings);
    if (node !== undefined) nodes.push(node);
  }
  if (nodes.length === 0 && Object.keys(urlIds).length === 0) {
    return nfoFailure('NFO_MALFORMED', `unreadable <${root}> element: ${warnings.join('; ')}`);
  }
  return { ok: true, doc: { nodes, urlIds, warnings } };
}

/**
 * Reads the `<root>` elements of an NFO. Never throws: empty input, a different root element, text
 * with neither XML nor a provider URL, and XML that cannot be recovered become typed failures.
 */
export function readNfoDocument(input: string, root: string, kind: NfoKind): DocumentResult {
  if (typeof input !== 'string') return nfoFailure('NFO_EMPTY', 'NFO content is not text');
  try {
    return readDocument(input, root, kind);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return nfoFailure('NFO_MALFORMED', `unexpected failure while reading the NFO: ${message}`);
  }
}
