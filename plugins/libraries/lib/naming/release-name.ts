// Release-name cleaning: dot/underscore separators, scene noise (resolution, source, codecs, audio, HDR,
// 3D, group tags: release-noise.ts) and the title/year split shared by the movie and episode parsers.
import {
  collapseWhiteSpace,
  firstLetterOrDigit,
  hasLooseSpace,
  isAsciiDigit,
  isAsciiLetter,
  isSpaceCode,
} from './chars';
import { findNoiseStart } from './release-noise';

export { findNoiseStart } from './release-noise';

/** A cleaned title, the year that ended it (if any), and the raw text after the title. */
export interface TitleYear {
  title: string;
  year?: number;
  tail: string;
}

/** Removes leading `[Group]` / `[YTS.MX]` style tags (anime and scene releases put them first). */
export function stripLeadingTags(text: string): string {
  if (!text.includes('[')) return text;
  return text.replace(/^\s*(?:\[[^\]]*\]\s*)+/, '');
}

/** True when `name` uses dots or underscores instead of spaces (`The.Matrix.1999.1080p`). */
export function isDotted(name: string): boolean {
  // White space inside the trimmed name is white space between two other characters.
  return !/\S\s+\S/.test(name) && /[._]/.test(name);
}

/**
 * Turns separators into spaces: underscores always, dots when the name is `dotted`. Runs of single
 * letters stay an acronym (`S.W.A.T.`, `E.T.`).
 */
export function normaliseSeparators(text: string, dotted: boolean): string {
  // Without two single letters in a row every dot is a space, so one replace turns each run of white space, dots and
  // underscores into one space (dotsToSpaces drops empty pieces, and the spaces it joins with are collapsed).
  if (dotted && !ACRONYM.test(text)) return text.replace(/[\s._]+/g, ' ').trim();
  if (!dotted) return text.includes('_') ? text.replace(/[\s_]+/g, ' ').trim() : collapseWhiteSpace(text);
  return collapseWhiteSpace(dotsToSpaces(text.includes('_') ? text.replace(/_/g, ' ') : text));
}

// Two dot-separated pieces in a row that are single ASCII letters: the start of an acronym (`S.W.A.T`).
const ACRONYM = /(?:^|\.)[a-z]\.[a-z](?=\.|$)/i;

/**
 * The dot-separated pieces of `text` joined by spaces, empty pieces dropped; a run of two or more single ASCII
 * letters stays one word with its dots and a closing dot (`S.W.A.T.`).
 */
export function dotsToSpaces(text: string): string {
  if (!text.includes('.')) return text;
  const pieces = text.split('.');
  const words: string[] = [];
  // `run` single letters end just before piece i; two or more are kept together as `a.b.`.
  let run = 0;
  for (let i = 0; i <= pieces.length; i++) {
    const piece = pieces[i];
    if (piece !== undefined && piece.length === 1 && isAsciiLetter(piece.charCodeAt(0))) {
      run += 1;
      continue;
    }
    if (run > 1) words.push(`${pieces.slice(i - run, i).join('.')}.`);
    else if (run === 1) words.push(pieces[i - 1]);
    run = 0;
    if (piece) words.push(piece);
  }
  return words.join(' ');
}

/**
 * Trims separators, dangling brackets and a trailing dot (unless it closes an acronym) from a title. `collapsed`
 * says the text has no white space but single spaces (as {@link normaliseSeparators} leaves it), so it is not read
 * for more.
 */
export function tidyTitle(text: string, collapsed = false): string {
  // Mostly only separators at the ends go: where the title starts and ends, as the replaces below would leave it.
  let start = 0;
  let end = text.length;
  while (start < end && isLeadingJunk(text.charCodeAt(start))) start++;
  while (end > start && isTrailingJunk(text.charCodeAt(end - 1))) end--;
  if (start === end) return '';
  if (text.charCodeAt(end - 1) !== 46 && (collapsed || !hasLooseSpace(text)) && !hasEmptyBrackets(text)) {
    return start === 0 && end === text.length ? text : text.slice(start, end);
  }
  let out = text
    .replace(/\s+/g, ' ')
    .replace(/^[\s\-_,:;)\]}]+/, '')
    .replace(/[\s\-_,:;([{]+$/, '')
    .replace(/\(\s*\)|\[\s*\]/g, '')
    .trim();
  if (out.endsWith('.') && !/(?:^|[\s.])[a-z]\.$/i.test(out)) out = out.slice(0, -1).trim();
  return out;
}

function hasEmptyBrackets(text: string): boolean {
  return (text.includes('(') || text.includes('[')) && /\(\s*\)|\[\s*\]/.test(text);
}

/** White space, `-`, `_`, `,`, `:`, `;`, `)`, `]` or `}`: what {@link tidyTitle} trims from a title's start. */
export function isLeadingJunk(code: number): boolean {
  return code === 41 || code === 93 || code === 125 || isTitleEdge(code);
}

/** White space, `-`, `_`, `,`, `:`, `;`, `(`, `[` or `{`: what {@link tidyTitle} trims from a title's end. */
export function isTrailingJunk(code: number): boolean {
  return code === 40 || code === 91 || code === 123 || isTitleEdge(code);
}

function isTitleEdge(code: number): boolean {
  return code === 45 || code === 95 || code === 44 || code === 58 || code === 59 || isSpaceCode(code);
}

/**
 * Splits a release-style name into title and year: the title ends at the first noise word, and the last
 * year-like number (19xx/20xx) that follows some title text is the year — so `2001 A Space Odyssey (1968)`
 * and `Blade Runner 2049 (2017)` keep their numbers.
 */
export function splitTitleYear(raw: string, dotted = isDotted(raw)): TitleYear {
  const noiseAt = findNoiseStart(raw);
  const region = noiseAt >= 0 ? raw.slice(0, noiseAt) : raw;
  const rawTail = noiseAt >= 0 ? raw.slice(noiseAt) : '';
  const text = normaliseSeparators(region, dotted);
  const found = lastYear(text);
  if (!found) return { title: tidyTitle(text, true), tail: rawTail };
  return {
    title: tidyTitle(text.slice(0, found.start), true),
    year: found.year,
    tail: `${text.slice(found.end)} ${rawTail}`.trim(),
  };
}

/**
 * The last 19xx/20xx standing alone (after the start, white space, `(` or `[`; before the end, white space, `)` or
 * `]`), when some title text comes before it: the first letter or digit lies before it (years start in ASCII).
 */
export function lastYear(text: string): { year: number; start: number; end: number } | undefined {
  for (let start = text.length - 4; start >= 0; start--) {
    if (!isYearAt(text, start)) continue;
    // Only the last can count: an earlier one has even less text before it.
    const first = firstLetterOrDigit(text);
    if (first === -1 || first >= start) return undefined;
    return { year: Number(text.slice(start, start + 4)), start, end: start + 4 };
  }
  return undefined;
}

/** True when a year of {@link lastYear} starts at `start` of `text`. */
export function isYearAt(text: string, start: number): boolean {
  const a = text.charCodeAt(start);
  const b = text.charCodeAt(start + 1);
  if (!((a === 49 && b === 57) || (a === 50 && b === 48))) return false;
  if (!isAsciiDigit(text.charCodeAt(start + 2)) || !isAsciiDigit(text.charCodeAt(start + 3))) return false;
  const before = start === 0 ? 32 : text.charCodeAt(start - 1);
  const after = start + 4 === text.length ? 32 : text.charCodeAt(start + 4);
  return (
    (before === 40 || before === 91 || isSpaceCode(before)) &&
    (after === 41 || after === 93 || isSpaceCode(after))
  );
}
