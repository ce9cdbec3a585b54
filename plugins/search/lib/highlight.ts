// Highlights: which words of an original (unfolded) text a query matched, as UTF-16 ranges, and a short snippet
// around the first match for long texts.
import { fold } from './normalize.ts';

/** What counts as a hit: whole folded words, and folded prefixes for the word being typed. */
export interface Matcher {
  words: Set<string>;
  prefixes: string[];
}

export interface Range {
  start: number;
  end: number;
}

const WORD_RE = /[\p{L}\p{N}]+(?:['’ʼ][\p{L}\p{N}]+)*/gu;

/** Length in UTF-16 units of the shortest start of `word` whose folding covers `folded` characters. */
function prefixSpan(word: string, folded: number): number {
  let len = 0;
  for (const ch of word) {
    len += ch.length;
    if (fold(word.slice(0, len)).length >= folded) return len;
  }
  return word.length;
}

/** Ranges of `text` that the matcher hits, in order. */
export function highlightRanges(text: string, m: Matcher): Range[] {
  const out: Range[] = [];
  for (const w of text.matchAll(WORD_RE)) {
    const f = fold(w[0]);
    const start = w.index ?? 0;
    if (m.words.has(f)) {
      out.push({ start, end: start + w[0].length });
      continue;
    }
    const p = m.prefixes.filter((x) => f.startsWith(x)).sort((a, b) => b.length - a.length)[0];
    if (p) out.push({ start, end: start + prefixSpan(w[0], p.length) });
  }
  return out;
}

/** A window of about `width` characters around the first range, with ellipses where text was cut. */
export function snippet(text: string, ranges: Range[], width = 120): { text: string; ranges: Range[] } {
  if (text.length <= width) return { text, ranges };
  const first = ranges[0]?.start ?? 0;
  let from = Math.max(0, first - Math.floor(width / 3));
  if (from > 0) {
    const space = text.lastIndexOf(' ', from);
    from = space > first - width / 2 ? space + 1 : from;
  }
  let to = Math.min(text.length, from + width);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > from) to = space;
  }
  const lead = from > 0 ? '…' : '';
  const shift = lead.length - from;
  return {
    text: `${lead}${text.slice(from, to)}${to < text.length ? '…' : ''}`,
    ranges: ranges
      .filter((r) => r.start >= from && r.end <= to)
      .map((r) => ({ start: r.start + shift, end: r.end + shift })),
  };
}
