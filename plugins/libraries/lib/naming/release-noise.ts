// Release noise: where the scene tags of a release name (resolution, source, codecs, audio, HDR, 3D, editions, `[…]`
// group tags) start, so the title before them can be read.
import { firstLetterOrDigit } from './chars';

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

/**
 * Index where release noise starts in `text`, or -1. With `allowAtStart` false the noise must follow
 * some title text, so a name that merely starts with a noise word keeps it.
 */
export function findNoiseStart(text: string, allowAtStart = false): number {
  // Every candidate starts with an ASCII character, so "some title text before it" is "the first letter or
  // digit comes earlier"; matches arrive in order, so the first valid one of each pattern is its earliest.
  const after = allowAtStart ? -1 : firstLetterOrDigit(text);
  if (!allowAtStart && after === -1) return -1;
  const noise = firstMatchAfter(NOISE, text, after);
  const bracket = text.includes('[') ? firstMatchAfter(BRACKET_TAG, text, after) : -1;
  if (noise === -1) return bracket;
  return bracket === -1 || noise < bracket ? noise : bracket;
}

/** Index of the first match of the global `re` that starts after `after`, scanning as matchAll would. */
export function firstMatchAfter(re: RegExp, text: string, after: number): number {
  // Mostly the first match will do, and `search` finds it without building a match.
  const first = text.search(re);
  if (first === -1 || first > after) return first;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) if (m.index > after) return m.index;
  return -1;
}
