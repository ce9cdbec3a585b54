// Safe conversion of NFO tag text into numbers, dates, booleans and lists.
// Every function returns undefined instead of NaN, garbage or out-of-range values.

/** True for the code of an ASCII digit. */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** True for 1–15 ASCII digits with an optional leading sign (`/^[+-]?\d{1,15}$/`). */
export function isIntegerText(text: string): boolean {
  const first = text.charCodeAt(0);
  const start = first === 43 || first === 45 ? 1 : 0;
  const digits = text.length - start;
  if (digits < 1 || digits > 15) return false;
  for (let i = start; i < text.length; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

/** True for an optionally signed decimal: digits with an optional `.` and fraction, or `.` and digits. */
export function isDecimalText(text: string): boolean {
  const n = text.length;
  const first = text.charCodeAt(0);
  let i = first === 43 || first === 45 ? 1 : 0;
  const intStart = i;
  while (i < n && isDigit(text.charCodeAt(i))) i += 1;
  const intDigits = i - intStart;
  if (i === n) return intDigits > 0;
  if (text.charCodeAt(i) !== 46) return false;
  i += 1;
  const fracStart = i;
  while (i < n && isDigit(text.charCodeAt(i))) i += 1;
  return i === n && (intDigits > 0 || i > fracStart);
}

/** True when the text is one or more ASCII digits and nothing else. */
export function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

/** Parses a whole decimal integer (`42`, `+3`, `-1`); anything else is undefined. */
export function parseInteger(text: string | undefined): number | undefined {
  const trimmed = text?.trim();
  if (!trimmed || !isIntegerText(trimmed)) return undefined;
  return Number(trimmed);
}

/** Parses a decimal number, accepting a comma as the decimal separator (`7,8`). */
export function parseDecimal(text: string | undefined): number | undefined {
  let trimmed = text?.trim();
  if (trimmed?.includes(',')) trimmed = trimmed.replace(/^([+-]?\d+),(\d+)$/, '$1.$2');
  if (!trimmed || !isDecimalText(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** Parses a vote count, tolerating thousands separators (`1,234,567`, `1.234`, `12 345`). */
export function parseCount(text: string | undefined): number | undefined {
  const trimmed = text?.trim();
  if (!trimmed) return undefined;
  // Digits alone have no separator to remove.
  const digits =
    !isDigits(trimmed) && /^\d{1,3}([,.\s\u00a0'])\d{3}(\1\d{3})*$/.test(trimmed)
      ? trimmed.replace(/\D/g, '')
      : trimmed;
  const value = parseInteger(digits);
  return value !== undefined && value >= 0 ? value : undefined;
}

/** A positive integer, or undefined (used where Kodi writes 0 or -1 to mean "unknown"). */
export function positive(value: number | undefined): number | undefined {
  return value !== undefined && value > 0 ? value : undefined;
}

/**
 * Runtime in whole minutes from `117`, `117 min`, `117.5`, `1h 57m` or `1 hr 57 min`; zero and
 * unparseable values are undefined.
 */
export function parseRuntimeMinutes(text: string | undefined): number | undefined {
  const trimmed = text?.trim().toLowerCase();
  if (!trimmed) return undefined;
  // Plain minutes (the usual form); more than six digits is no runtime.
  if (isDigits(trimmed)) return trimmed.length <= 6 ? positive(Number(trimmed)) : undefined;
  const minutes = /^(\d{1,6}(?:[.,]\d+)?)\s*(?:m|min|mins|minutes?)?\.?$/.exec(trimmed);
  if (minutes) return positive(Math.round(Number(minutes[1].replace(',', '.'))));
  const hours = /^(\d{1,4})\s*(?:h|hr|hrs|hours?)\s*(?:(\d{1,4})\s*(?:m|min|mins|minutes?)?)?$/.exec(trimmed);
  if (hours) return positive(Number(hours[1]) * 60 + Number(hours[2] ?? 0));
  return undefined;
}

const MIN_YEAR = 1850;
const MAX_YEAR = 2200;

/** A plausible release year (Jellyfin ignores years up to 1850). */
export function parseYear(text: string | undefined): number | undefined {
  const year = parseInteger(text);
  return year !== undefined && year > MIN_YEAR && year <= MAX_YEAR ? year : undefined;
}

/**
 * Normalises `YYYY-MM-DD` (also with `/` or `.`, single-digit parts or a trailing time) to `YYYY-MM-DD`.
 * Impossible dates (`2021-02-30`, `0000-00-00`) are undefined.
 */
export function parseDate(text: string | undefined): string | undefined {
  if (text == null) return undefined; // no text: nothing to match (as '' would not)
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/.exec(text.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year <= MIN_YEAR || year > MAX_YEAR) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Kodi/Jellyfin booleans: `true`/`false`, `1`/`0`, `yes`/`no` (any case). */
export function parseBoolean(text: string | undefined): boolean | undefined {
  const lower = text?.trim().toLowerCase();
  if (lower === 'true' || lower === '1' || lower === 'yes') return true;
  if (lower === 'false' || lower === '0' || lower === 'no') return false;
  return undefined;
}

/** Splits each value on `separator`, trims, drops empties and case-insensitive duplicates (first wins). */
export function splitValues(values: string[], separator: RegExp): string[] {
  const result: string[] = [];
  if (values.length === 0) return result;
  // Both separators need a `/`: a value without one is a single part.
  const slashed = separator === SLASH || separator === SPACED_SLASH;
  if (values.length === 1 && slashed && !values[0].includes('/')) {
    const trimmed = values[0].trim();
    if (trimmed !== '') result.push(trimmed);
    return result;
  }
  const seen = new Set<string>();
  for (const value of values) {
    if (slashed && !value.includes('/')) addValue(value, seen, result);
    else for (const part of value.split(separator)) addValue(part, seen, result);
  }
  return result;
}

/** Adds the trimmed part unless it is empty or already there in any case. */
export function addValue(part: string, seen: Set<string>, result: string[]): void {
  const trimmed = part.trim();
  const key = trimmed.toLowerCase();
  if (trimmed === '' || seen.has(key)) return;
  seen.add(key);
  result.push(trimmed);
}

/** `/` with or without spaces around it (Jellyfin splits genre, country, director and credits this way). */
export const SLASH = /\s*\/\s*/;
/** ` / ` with spaces (studio and tag names may legitimately contain a bare slash). */
export const SPACED_SLASH = /\s+\/\s+/;
