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

/**
 * Index where release noise starts in `text`, or -1. With `allowAtStart` false the noise must follow
 * some title text, so a name that merely starts with a noise word keeps it.
 */
export function findNoiseStart(text: string, allowAtStart = false): number {
  const candidates = [...text.matchAll(NOISE), ...text.matchAll(BRACKET_TAG)].map((m) => m.index ?? 0);
  const valid = candidates.filter((index) => allowAtStart || /[\p{L}\p{N}]/u.test(text.slice(0, index)));
  return valid.length > 0 ? Math.min(...valid) : -1;
}

/** Removes leading `[Group]` / `[YTS.MX]` style tags (anime and scene releases put them first). */
export function stripLeadingTags(text: string): string {
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
  const spaced = text.replace(/_/g, ' ');
  const out = dotted ? dotsToSpaces(spaced) : spaced;
  return out.replace(/\s+/g, ' ').trim();
}

function dotsToSpaces(text: string): string {
  const words: string[] = [];
  let letters: string[] = [];
  const flush = () => {
    if (letters.length > 1) words.push(`${letters.join('.')}.`);
    else words.push(...letters);
    letters = [];
  };
  for (const piece of text.split('.')) {
    if (/^[a-z]$/i.test(piece)) {
      letters.push(piece);
      continue;
    }
    flush();
    words.push(piece);
  }
  flush();
  return words.filter((word) => word.length > 0).join(' ');
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

function lastYear(text: string): { year: number; start: number; end: number } | undefined {
  let found: { year: number; start: number; end: number } | undefined;
  for (const match of text.matchAll(YEAR)) {
    const start = (match.index ?? 0) + match[1].length;
    if (!/[\p{L}\p{N}]/u.test(text.slice(0, start))) continue;
    found = { year: Number(match[2]), start, end: start + 4 };
  }
  return found;
}
