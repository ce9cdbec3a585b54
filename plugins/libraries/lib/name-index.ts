// A folder listing's names found by case-insensitive prefix in logarithmic time. A folder holding thousands of titles
// side by side (every movie in one folder) is asked once per title which names start with that title's; going over
// the whole listing each time made such a scan quadratic.

/** The names of a listing, lower-cased, with their positions, in sorted order. */
export interface PrefixIndex {
  readonly sorted: readonly { lower: string; at: number }[];
}

export function prefixIndex(names: readonly string[]): PrefixIndex {
  const sorted = names.map((name, at) => ({ lower: name.toLowerCase(), at }));
  sorted.sort((a, b) => (a.lower < b.lower ? -1 : a.lower > b.lower ? 1 : a.at - b.at));
  return { sorted };
}

/** Positions, ascending, of the names whose lower-cased form starts with `prefix` (itself lower-cased). */
export function startingWith(index: PrefixIndex, prefix: string): number[] {
  const s = index.sorted;
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s[mid].lower < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < s.length && s[i].lower.startsWith(prefix); i++) out.push(s[i].at);
  return out.sort((a, b) => a - b);
}
