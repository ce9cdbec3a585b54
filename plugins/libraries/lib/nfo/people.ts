// People in an NFO: `<actor>` entries (ordered), `<director>` and writers from `<credits>`/`<writer>`.

import type { NfoActor } from './types.ts';
import { parseInteger, SLASH, splitValues } from './values.ts';
import { elements, firstText, hasChildElements, textOf, textsOf, type XmlNode } from './xml-tree.ts';

function readActor(actor: XmlNode, position: number): NfoActor | undefined {
  // Some old writers put the bare name in <actor>Name</actor>.
  const name = firstText(actor, 'name') ?? (hasChildElements(actor) ? undefined : textOf(actor));
  if (name === undefined) return undefined;
  const result: NfoActor = { name, order: parseInteger(firstText(actor, 'order', 'sortorder')) ?? position };
  const role = firstText(actor, 'role');
  const thumb = firstText(actor, 'thumb');
  const type = firstText(actor, 'type');
  if (role !== undefined) result.role = role;
  if (thumb !== undefined) result.thumb = thumb;
  if (type !== undefined) result.type = type;
  return result;
}

/**
 * Actors sorted by `<order>` (or `<sortorder>`); an actor without one takes its document position,
 * and ties keep document order. Actors without a name are dropped.
 */
export function readActors(node: XmlNode): NfoActor[] {
  return elements(node, 'actor')
    .map(readActor)
    .filter((actor): actor is NfoActor => actor !== undefined)
    .sort((a, b) => a.order - b.order);
}

/** Directors from every `<director>` tag, `/`-separated lists split. */
export function readDirectors(node: XmlNode): string[] {
  return splitValues(textsOf(node, 'director'), SLASH);
}

/** Writers from `<credits>` (Kodi) and `<writer>` (Jellyfin), `/`-separated lists split. */
export function readWriters(node: XmlNode): string[] {
  return splitValues(textsOf(node, 'credits').concat(textsOf(node, 'writer')), SLASH);
}
