// XML names for the strict reader (strict-xml.ts): reading a tag or attribute name from its characters and
// finding it in a table of the names already seen (NFOs repeat a few dozen), so a name is sliced, lower-cased
// and keyed once per process rather than once per tag. The table also remembers which tag followed which, so the
// next tag's name is usually confirmed by one comparison. Names and their keys are exactly what fast-xml-parser
// (with the options in xml-tree.ts) gives.

const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/** The tree key of a tag name: lower case, `x-` before the names objects reserve. */
export function key(name: string): string {
  const lower = name.toLowerCase();
  return RESERVED.has(lower) ? `x-${lower}` : lower;
}

/** The key of an attribute name (lower case), or null for the names objects reserve (such a tag is declined). */
export function attributeKey(name: string): string | null {
  const lower = name.toLowerCase();
  return RESERVED.has(lower) ? null : lower;
}

// Names seen so far (NFOs repeat a few dozen), by hash of their characters with linear probing; at most half full.
const SLOTS = 4096;
/** Each slot's name as written ('' for a free slot). */
export const tagNames: string[] = new Array<string>(SLOTS).fill('');
/** Each slot's {@link key}. */
export const treeKeys: string[] = new Array<string>(SLOTS).fill('');
/** Each slot's {@link attributeKey}. */
export const attributeKeys: (string | null)[] = new Array<string | null>(SLOTS).fill(null);
let seen = 0;

/** True when `name` is written at `at` in `xml`. */
export function sameAt(xml: string, at: number, name: string): boolean {
  const length = name.length;
  for (let k = 0; k < length; k++) if (xml.charCodeAt(at + k) !== name.charCodeAt(k)) return false;
  return true;
}

/** The hash of the name {@link nameEnd} read last. */
let nameHash = 0;

/**
 * The table slot of the name {@link nameEnd} just read at `at`…`end` (added when new), or -1 when the table is full.
 */
export function nameSlot(xml: string, at: number, end: number): number {
  let slot = nameHash & (SLOTS - 1);
  for (let name = tagNames[slot]; name !== ''; name = tagNames[slot]) {
    if (name.length === end - at && sameAt(xml, at, name)) return slot;
    slot = (slot + 1) & (SLOTS - 1);
  }
  if (seen >= SLOTS / 2) return -1;
  const name = xml.slice(at, end);
  tagNames[slot] = name;
  treeKeys[slot] = key(name);
  attributeKeys[slot] = attributeKey(name);
  seen += 1;
  return slot;
}

/** Each slot's successor: the slot of the tag opened after it last time (NFOs repeat their tag order), or -1. */
export const nextSlots = new Int32Array(SLOTS).fill(-1);
/** The slot of the first tag of the last document read, or -1. */
let firstSlot = -1;

/** True for the characters a name continues with: ASCII letters, digits, `_`, `.`, `:` and `-`. */
export function isNameChar(c: number): boolean {
  const lc = c | 0x20;
  return (lc >= 97 && lc <= 122) || (c >= 48 && c <= 58) || c === 95 || c === 46 || c === 45;
}

/**
 * The slot of the tag name at `at` when it is the one that followed `previous` last time (or, with no previous
 * tag, the one that began the last document); -1 when it is not (then {@link nameEnd} and {@link nameSlot} read it).
 */
export function expectedSlot(xml: string, at: number, previous: number): number {
  const guess = previous === -1 ? firstSlot : nextSlots[previous];
  if (guess === -1) return -1;
  const name = tagNames[guess];
  return sameAt(xml, at, name) && !isNameChar(xml.charCodeAt(at + name.length)) ? guess : -1;
}

/** Remembers that the tag in `slot` followed the one in `previous` (-1: began a document). */
export function followed(previous: number, slot: number): void {
  if (previous === -1) firstSlot = slot;
  else nextSlots[previous] = slot;
}

/**
 * The end of the name starting at `at` (an ASCII letter or `_`, then letters, digits, `_.:-`), or -1; the
 * name's hash is left for {@link nameSlot} in `nameHash`.
 */
export function nameEnd(xml: string, at: number): number {
  const first = xml.charCodeAt(at);
  const l = first | 0x20;
  if (!((l >= 97 && l <= 122) || first === 95)) return -1;
  let hash = first;
  let i = at + 1;
  for (let c = xml.charCodeAt(i); isNameChar(c); c = xml.charCodeAt(++i))
    hash = (Math.imul(hash, 31) + c) | 0;
  nameHash = hash;
  return i;
}
