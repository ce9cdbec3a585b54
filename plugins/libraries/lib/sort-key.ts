// The key title lists sort by: the sort title with every run of digits zero-padded to a fixed width, so numbers
// order by value ("film 2" before "film 10"). The sort title itself stays as users see and edit it.
import { SORT_TITLE_MAX } from './identity.ts';

/** Digit runs are padded to this many digits; runs as long or longer are kept as they are. */
export const SORT_KEY_DIGITS = 10;

const ZEROS = '0'.repeat(SORT_KEY_DIGITS);

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * Sort key of a sort title: each run of ASCII digits loses its leading zeros and is padded with zeros to
 * {@link SORT_KEY_DIGITS} ("saw 2" → "saw 0000000002", "season 02" → "season 0000000002": equal keys, which the
 * lists break by id), then cut to {@link SORT_TITLE_MAX} code points so a list cursor holding it stays as short as
 * one holding a sort title. One pass; a title without digits is its own key. The libraries migration 0005 does
 * the same in SQL for rows written before the key existed.
 */
export function sortKeyOf(sortTitle: string): string {
  const n = sortTitle.length;
  let i = 0;
  while (i < n && !isDigit(sortTitle.charCodeAt(i))) i++;
  if (i === n) return sortTitle;
  // Each run's digits and the text after it, up to the next run's first digit, are one slice of the title: a title
  // with one run is three slices (text, zeros, rest), joined once.
  let out = sortTitle.slice(0, i);
  while (i < n) {
    while (i < n && sortTitle.charCodeAt(i) === 48) i++;
    const start = i;
    while (i < n && isDigit(sortTitle.charCodeAt(i))) i++;
    const len = i - start;
    while (i < n && !isDigit(sortTitle.charCodeAt(i))) i++;
    out =
      len < SORT_KEY_DIGITS
        ? out + ZEROS.slice(len) + sortTitle.slice(start, i)
        : out + sortTitle.slice(start, i);
  }
  // Padding only adds ASCII digits, so a key under the limit in UTF-16 units is under it in code points too.
  return out.length <= SORT_TITLE_MAX ? out : Array.from(out).slice(0, SORT_TITLE_MAX).join('');
}
