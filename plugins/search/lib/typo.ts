// Typo tolerance helpers: how many typos a word may carry, its deletion neighbourhood (the keys of the typo
// vocabulary) and a bounded Damerau–Levenshtein distance that confirms candidates.

/** Shortest vocabulary term that gets deletion keys: a 5-letter query with one typo reaches 4-letter terms. */
export const MIN_TYPO_TERM = 4;
/** Shortest term that gets two-deletion keys too: two typos start at 9 letters, which reach 8-letter terms. */
export const MIN_TWO_TYPO_TERM = 8;

/** The deletion keys a vocabulary term is stored under. */
export function termKeys(term: string): string[] {
  const n = [...term].length;
  return n < MIN_TYPO_TERM ? [] : deletionsOf(term, n >= MIN_TWO_TYPO_TERM ? 2 : 1);
}

/** Typos allowed in a query word, by length in characters (as Meilisearch: 1 from 5, 2 from 9). */
export function maxTyposFor(word: string): number {
  const n = [...word].length;
  if (/^\p{N}+$/u.test(word)) return 0;
  return n >= 9 ? 2 : n >= 5 ? 1 : 0;
}

/** Every string reachable by deleting up to `depth` characters (the word itself included). */
export function deletionsOf(word: string, depth: number): string[] {
  const seen = new Set<string>([word]);
  let layer = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of layer) {
      const chars = [...w];
      if (chars.length <= 1) continue;
      for (let i = 0; i < chars.length; i++) {
        const del = chars.slice(0, i).join('') + chars.slice(i + 1).join('');
        if (!seen.has(del)) {
          seen.add(del);
          next.push(del);
        }
      }
    }
    layer = next;
  }
  return [...seen];
}

/**
 * Optimal-string-alignment distance (insert, delete, substitute, swap of neighbours), or `max + 1` as soon as
 * the distance is known to exceed `max`.
 */
export function typoDistance(a: string, b: string, max: number): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return Math.min(prev[t.length], max + 1);
}

/** A vocabulary term close to a query word. */
export interface Candidate {
  term: string;
  distance: number;
  docs: number;
}

/** Keeps candidates within `max` typos, closest first, then the most frequent; at most `cap`. */
export function pickCandidates(word: string, terms: { term: string; docs: number }[], max: number, cap = 8) {
  const out: Candidate[] = [];
  for (const t of terms) {
    if (t.term === word) continue;
    const distance = typoDistance(word, t.term, max);
    if (distance <= max) out.push({ term: t.term, distance, docs: t.docs });
  }
  out.sort((a, b) => a.distance - b.distance || b.docs - a.docs || (a.term < b.term ? -1 : 1));
  return out.slice(0, cap);
}
