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
  const entries = elements(node, 'actor');
  const actors: NfoActor[] = [];
  let sorted = true;
  for (let k = 0; k < entries.length; k++) {
    const actor = readActor(entries[k], k);
    if (actor === undefined) continue;
    if (actors.length > 0 && actor.order < actors[actors.length - 1].order) sorted = false;
    actors.push(actor);
  }
  // The sort is stable: a list already in order (the usual case) would come back unchanged.
  return sorted ? actors : actors.sort((a, b) => a.order - b.order);
}

/** Directors from every `<director>` tag, `/`-separated lists split. */
export function readDirectors(node: XmlNode): string[] {
  return splitValues(textsOf(node, 'director'), SLASH);
}

/** Writers from `<credits>` (Kodi) and `<writer>` (Jellyfin), `/`-separated lists split. */
export function readWriters(node: XmlNode): string[] {
  return splitValues(textsOf(node, 'credits', 'writer'), SLASH);
}
