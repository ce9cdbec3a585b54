// Text-level XML repairs for hand-edited or broken NFOs: locating root element blocks among junk/URLs,
// escaping stray `&`/`<`, and closing a truncated document after its last complete element.

/** One occurrence of the expected root element, plus whether its closing tag was missing. */
export interface RootBlock {
  xml: string;
  truncated: boolean;
}

/** Root element blocks and all text outside them (prolog, junk, provider URLs). */
export interface LocatedRoots {
  blocks: RootBlock[];
  outside: string;
}

const CDATA_OR_COMMENT = /(<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->)/;
const BARE_AMP = /&(?!(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});)/g;
const BARE_LT = /<(?![A-Za-z_/!?])/g;
const TAG = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<[?!][^>]*>|<(\/?)([A-Za-z_][\w.:-]*)[^>]*?(\/?)>/g;
const ELEMENT_END = /<\/[A-Za-z_][\w.:-]*\s*>|\/>|\]\]>/g;

const HAS_BARE_AMP = /&(?!(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});)/;
const HAS_BARE_LT = /<(?![A-Za-z_/!?])/;

/** Escapes `&` that does not start a character reference and `<` that cannot start markup. */
export function escapeStrayMarkup(xml: string): string {
  // Most documents have nothing to escape anywhere (CDATA and comments included): nothing to split.
  if (!HAS_BARE_AMP.test(xml) && !HAS_BARE_LT.test(xml)) return xml;
  return xml
    .split(CDATA_OR_COMMENT)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(BARE_AMP, '&amp;').replace(BARE_LT, '&lt;')))
    .join('');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Opening and closing tag patterns by root name (a handful of names; `lastIndex` is set before each use).
const rootPatternsByName = new Map<string, { open: RegExp; close: RegExp }>();

function rootPatterns(root: string): { open: RegExp; close: RegExp } {
  let patterns = rootPatternsByName.get(root);
  if (patterns === undefined) {
    const name = escapeRegExp(root);
    patterns = { open: new RegExp(`<${name}(?=[\\s/>])`, 'gi'), close: new RegExp(`</${name}\\s*>`, 'gi') };
    if (rootPatternsByName.size < 16) rootPatternsByName.set(root, patterns);
  }
  return patterns;
}

/** Finds every `<root>…</root>` block (case-insensitive); a block without a closing tag runs to the end. */
export function locateRoots(text: string, root: string): LocatedRoots {
  const { open, close } = rootPatterns(root);
  open.lastIndex = 0;
  const blocks: RootBlock[] = [];
  let outside = '';
  let cursor = 0;
  // `test` leaves lastIndex after the match: the opening pattern always matches `<` and the name (case changes
  // keep lengths), so the match starts root.length + 1 before it; the closing tag ends at it.
  for (let found = open.test(text); found; found = open.test(text)) {
    const index = open.lastIndex - root.length - 1;
    if (index < cursor) continue;
    outside += `${text.slice(cursor, index)}\n`;
    const tagEnd = text.indexOf('>', index);
    let truncated = false;
    if (tagEnd !== -1 && text.charCodeAt(tagEnd - 1) === 47) {
      cursor = tagEnd + 1;
    } else {
      close.lastIndex = index;
      truncated = !close.test(text);
      cursor = truncated ? text.length : close.lastIndex;
    }
    blocks.push({ xml: text.slice(index, cursor), truncated });
    open.lastIndex = cursor;
  }
  return { blocks, outside: outside + text.slice(cursor) };
}

/** Name of the first element in the text (ignoring prolog, comments and doctype), lower-cased. */
export function firstElementName(text: string): string | undefined {
  const withoutComments = text.replace(/<!--[\s\S]*?-->/g, '');
  return /<([A-Za-z_][\w.:-]*)(?=[\s/>])/.exec(withoutComments)?.[1]?.toLowerCase();
}

function openElements(xml: string): string[] {
  const stack: string[] = [];
  for (const m of xml.matchAll(TAG)) {
    const [, slash, name, selfClosing] = m;
    if (!name || selfClosing) continue;
    if (!slash) {
      stack.push(name);
      continue;
    }
    const at = stack.lastIndexOf(name);
    if (at !== -1) stack.length = at;
  }
  return stack;
}

/**
 * Repairs a document that stops mid-way: drops everything after the last complete element (a value cut
 * in half is not trustworthy) and closes the elements still open at that point.
 */
export function closeTruncatedXml(xml: string): string {
  let cut = 0;
  for (const m of xml.matchAll(ELEMENT_END)) cut = m.index + m[0].length;
  if (cut === 0) cut = xml.indexOf('>') + 1;
  const kept = xml.slice(0, cut);
  const closers = openElements(kept)
    .reverse()
    .map((name) => `</${name}>`);
  return kept + closers.join('');
}
