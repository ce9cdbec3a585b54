// Reads Meilisearch `_formatted` values highlighted with private-use tags back into plain text plus ranges, the
// same highlight shape the SQLite engine returns.
import type { Range } from './highlight.ts';

export const PRE_TAG = '\u0002';
export const POST_TAG = '\u0003';

/** Strips the tags from `marked`, returning the text and the UTF-16 ranges they enclosed. */
export function parseMarked(
  marked: string,
  pre = PRE_TAG,
  post = POST_TAG,
): { text: string; ranges: Range[] } {
  let text = '';
  const ranges: Range[] = [];
  let open = -1;
  for (let i = 0; i < marked.length; ) {
    if (marked.startsWith(pre, i)) {
      open = text.length;
      i += pre.length;
    } else if (marked.startsWith(post, i)) {
      if (open >= 0 && text.length > open) ranges.push({ start: open, end: text.length });
      open = -1;
      i += post.length;
    } else {
      text += marked[i];
      i += 1;
    }
  }
  return { text, ranges };
}
