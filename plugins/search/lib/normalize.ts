// Text folding for search: lower case, no diacritics, letters and digits only, so "Amélie" and "amelie" are one
// token. The index, the typo vocabulary, exact/prefix title keys and the query all go through `fold`.

const SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
  '&': ' and ',
};
const SPECIAL_RE = /[ßæœøđðłþı&]/g;
// Dotted acronyms (S.H.I.E.L.D., U.S.A.) read as one word.
const ACRONYM_RE = /(?<![\p{L}\p{N}])(?:\p{L}\.){2,}(?:\p{L}(?![\p{L}\p{N}]))?/gu;
const APOSTROPHE_RE = /(?<=[\p{L}\p{N}])['’ʼ`´](?=[\p{L}\p{N}])/gu;
const NON_WORD_RE = /[^\p{L}\p{N}]+/gu;

/** Folds text to space-separated lower-case tokens of letters and digits, without diacritics. */
export function fold(text: string): string {
  return text
    .replace(ACRONYM_RE, (m) => m.replace(/\./g, ''))
    .replace(APOSTROPHE_RE, '')
    .toLowerCase()
    .replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(NON_WORD_RE, ' ')
    .trim();
}

/** The folded tokens of a text. */
export function tokensOf(text: string): string[] {
  const f = fold(text);
  return f ? f.split(' ') : [];
}

/**
 * Extra tokens for words written with separators: hyphens and dots joined ("Spider-Man" → "spiderman",
 * "WALL·E" → "walle"), and apostrophes split ("d’Amélie" → "amelie", "Schindler's" → "schindler"), so a query
 * typed either way still matches.
 */
export function compoundsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:[-‐·.][\p{L}\p{N}]+)+/gu)) {
    const joined = fold(m[0]).replace(/ /g, '');
    if (joined) out.push(joined);
  }
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’ʼ][\p{L}\p{N}]+)+/gu)) {
    for (const part of m[0].split(/['’ʼ]/)) {
      const f = fold(part);
      if (f.length >= 2) out.push(f);
    }
  }
  return out;
}

// Leading articles of the languages libraries are most often named in.
const ARTICLES = new Set([
  'the',
  'a',
  'an',
  'le',
  'la',
  'les',
  'l',
  'der',
  'die',
  'das',
  'el',
  'los',
  'las',
  'il',
  'lo',
]);

/** A folded title without its leading article ("the matrix" → "matrix"); unchanged when nothing would remain. */
export function withoutArticle(folded: string): string {
  const space = folded.indexOf(' ');
  return space > 0 && ARTICLES.has(folded.slice(0, space)) ? folded.slice(space + 1) : folded;
}
