// Release-name cleaning: dot/underscore separators, scene noise (resolution, source, codecs, audio, HDR,
// 3D, group tags) and the title/year split shared by the movie and episode parsers.

/** A cleaned title, the year that ended it (if any), and the raw text after the title. */
export interface TitleYear {
  title: string;
  year?: number;
  tail: string;
}

const DELIMITER = '[\\s._\\-\\[\\](){}+,]';
const NOISE_WORDS = [
  '(?:360|480|540|576|720|1080|1440|2160|4320)[pi]',
  '[48]k',
  'uhd',
  'blu-?ray',
  'bd(?:rip|remux|25|50)',
  'br-?rip',
  'remux',
  'web[ .-]?(?:dl|rip)',
  'hdtv(?:rip)?',
  'pdtv',
  'dvd(?:rip|scr|r|5|9)?',
  'hd-?rip',
  'hd-?dvd',
  'hdcam',
  'telesync',
  'vhsrip',
  'amzn',
  'dsnp',
  'hmax',
  'atvp',
  'pcok',
  'pmtp',
  'x26[45]',
  'h[ .]?26[45]',
  'hevc',
  'avc',
  'xvid',
  'divx',
  'av1',
  'vc-?1',
  '1[02]-?bit',
  '8-?bit',
  'hi10p?',
  'aac(?:[ .]?\\d[ .]\\d)?',
  'e?ac-?3',
  'dd(?:p|\\+)?[ .]?\\d[ .]?\\d',
  'ddp',
  'dts(?:-?(?:hd|x|es))?(?:[ .-]?ma)?',
  'truehd',
  'atmos',
  'flac',
  'lpcm',
  'mp3',
  'hdr(?:10(?:\\+|plus)?)?',
  'dv',
  'dovi',
  'hlg',
  'sdr',
  'proper',
  'repack',
  'rerip',
  'extended',
  'unrated',
  'uncut',
  'remastered',
  'imax',
  'internal',
  'limited',
  'multi',
  'dual[ .-]?audio',
  'dubbed',
  'subbed',
  'hardsub',
  'nfofix',
  'read[ .]?nfo',
  '[hf]-?sbs',
  '(?:half|full)[ .-]?(?:sbs|ou|tab)',
  '[hf]-?tab',
  'sbs(?:3d)?',
  'mvc',
].join('|');
const NOISE = new RegExp(`(?<=^|${DELIMITER})(?:${NOISE_WORDS})(?=$|${DELIMITER})`, 'gi');
// A `[…]` tag ends the title unless it only holds a year.
const BRACKET_TAG = /\[(?!(?:19|20)\d{2}\])/g;
const YEAR = /(^|[\s([])((?:19|20)\d{2})(?=$|[\s)\]])/g;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Index where release noise starts in `text`, or -1. With `allowAtStart` false the noise must follow
 * some title text, so a name that merely starts with a noise word keeps it.
 */
export function findNoiseStart(text: string, allowAtStart = false): number {
  // Every candidate starts with an ASCII character, so "some title text before it" is "the first letter or
  // digit comes earlier"; matches arrive in order, so the first valid one of each pattern is its earliest.
  const after = allowAtStart ? -1 : text.search(LETTER_OR_DIGIT);
  if (!allowAtStart && after === -1) return -1;
  const noise = firstMatchAfter(NOISE, text, after);
  const bracket = text.includes('[') ? firstMatchAfter(BRACKET_TAG, text, after) : -1;
  if (noise === -1) return bracket;
  return bracket === -1 || noise < bracket ? noise : bracket;
}

/** Index of the first match of the global `re` that starts after `after`, scanning as matchAll would. */
function firstMatchAfter(re: RegExp, text: string, after: number): number {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) if (m.index > after) return m.index;
  return -1;
}

/** Removes leading `[Group]` / `[YTS.MX]` style tags (anime and scene releases put them first). */
export function stripLeadingTags(text: string): string {
  if (!text.includes('[')) return text;
  return text.replace(/^\s*(?:\[[^\]]*\]\s*)+/, '');
}

/** True when `name` uses dots or underscores instead of spaces (`The.Matrix.1999.1080p`). */
export function isDotted(name: string): boolean {
  return !/\s/.test(name.trim()) && /[._]/.test(name);
}

/**
 * Turns separators into spaces: underscores always, dots when the name is `dotted`. Runs of single
 * letters stay an acronym (`S.W.A.T.`, `E.T.`).
 */
export function normaliseSeparators(text: string, dotted: boolean): string {
  const spaced = text.includes('_') ? text.replace(/_/g, ' ') : text;
  const out = dotted ? dotsToSpaces(spaced) : spaced;
  return out.replace(/\s+/g, ' ').trim();
}

function dotsToSpaces(text: string): string {
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

function isAsciiLetter(code: number): boolean {
  const lower = code | 0x20;
  return lower >= 97 && lower <= 122;
}

/** Trims separators, dangling brackets and a trailing dot (unless it closes an acronym) from a title. */
export function tidyTitle(text: string): string {
  let out = text
    .replace(/\s+/g, ' ')
    .replace(/^[\s\-_,:;)\]}]+/, '')
    .replace(/[\s\-_,:;([{]+$/, '')
    .replace(/\(\s*\)|\[\s*\]/g, '')
    .trim();
  if (out.endsWith('.') && !/(?:^|[\s.])[a-z]\.$/i.test(out)) out = out.slice(0, -1).trim();
  return out;
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
  if (!found) return { title: tidyTitle(text), tail: rawTail };
  return {
    title: tidyTitle(text.slice(0, found.start)),
    year: found.year,
    tail: `${text.slice(found.end)} ${rawTail}`.trim(),
  };
}

export function lastYear(text: string): { year: number; start: number; end: number } | undefined {
  let found: { year: number; start: number; end: number } | undefined;
  // A year counts after some title text: the first letter or digit lies before it (years start in ASCII).
  let first = -2;
  YEAR.lastIndex = 0;
  for (let match = YEAR.exec(text); match; match = YEAR.exec(text)) {
    const start = match.index + match[1].length;
    if (first === -2) first = text.search(LETTER_OR_DIGIT);
    if (first === -1 || first >= start) continue;
    found = { year: Number(match[2]), start, end: start + 4 };
  }
  return found;
}
