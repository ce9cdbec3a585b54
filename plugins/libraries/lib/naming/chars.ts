// Character tests the naming parsers share on their hot paths: white space as `\s` and `trim` read it (by code, in
// place of a regular expression), ASCII letters and digits, the first letter or digit, and white-space collapsing.

/** True for the code units `\s` matches (and `trim` removes): ASCII and Unicode spaces, line ends, the BOM. */
export function isSpaceCode(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

export function isAsciiLetter(code: number): boolean {
  const lower = code | 0x20;
  return lower >= 97 && lower <= 122;
}

export function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Index of the first letter or digit (of any script) in `text`, or -1. */
export function firstLetterOrDigit(text: string): number {
  return text.search(LETTER_OR_DIGIT);
}

// Two white-space characters in a row, or one other than a space.
const LOOSE_SPACE = /\s\s|[^\S ]/;

/** True when `text` has white space other than single spaces. */
export function hasLooseSpace(text: string): boolean {
  return LOOSE_SPACE.test(text);
}

/** `text.replace(/\s+/g, ' ').trim()`, returning `text` itself when it has no white space to change. */
export function collapseWhiteSpace(text: string): string {
  const last = text.length - 1;
  const loose = text.charCodeAt(0) === 32 || text.charCodeAt(last) === 32 || LOOSE_SPACE.test(text);
  return loose ? text.replace(/\s+/g, ' ').trim() : text;
}
