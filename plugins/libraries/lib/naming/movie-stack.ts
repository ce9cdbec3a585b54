// Multi-part stacks (`cd1`, `part2`, `disc a`): the part a movie file's name ends in, and the name its parts share.
import { isAsciiDigit } from './chars';

const STACK = /^(.*?)(?:^|(?<=[\])}])|[ _.-]+)[([]?(?:cd|dvd|part|pt|dis[ck])[ _.-]*(\d{1,3}|[a-d])[)\]]?$/i;

/**
 * The name the files of a multi-part stack share, without the part (`Heat (1995)` of `Heat (1995) - cd1`, the name
 * Kodi gives the stack's NFO); undefined for a name that is no part.
 */
export function stackNameOf(base: string): string | undefined {
  const stack = matchStack(base);
  return stack?.[1] ? stack[1] : undefined;
}

/** STACK's match in a name (groups: the stack name, the part), or null. */
export function matchStack(text: string): RegExpExecArray | null {
  return hasStackEnding(text) ? STACK.exec(text) : null;
}

/**
 * A cheap test before STACK: a stack name ends in a part (one to three digits, or a–d) after a stack word (`cd`,
 * `dvd`, `part`, `pt`, `disc`, `disk`) and perhaps separators, perhaps closed by `)` or `]`.
 */
export function hasStackEnding(text: string): boolean {
  let at = text.length;
  const last = text.charCodeAt(at - 1);
  if (last === 41 || last === 93) at -= 1;
  let digits = 0;
  while (digits < 4 && at > 0 && isAsciiDigit(text.charCodeAt(at - 1))) {
    at -= 1;
    digits += 1;
  }
  // Four digits: the last three follow a digit, not a stack word.
  if (digits === 4) return false;
  if (digits === 0) {
    const letter = lowerAt(text, at - 1);
    if (letter < 97 || letter > 100) return false;
    at -= 1;
  }
  for (let code = text.charCodeAt(at - 1); code === 32 || code === 95 || code === 46 || code === 45; ) {
    at -= 1;
    code = text.charCodeAt(at - 1);
  }
  const k = lowerAt(text, at - 2);
  switch (lowerAt(text, at - 1)) {
    case 100: // cd, dvd
      return k === 99 || (k === 118 && lowerAt(text, at - 3) === 100);
    case 116: // pt, part
      return k === 112 || (k === 114 && lowerAt(text, at - 3) === 97 && lowerAt(text, at - 4) === 112);
    case 99: // disc
    case 107: // disk
      return k === 115 && lowerAt(text, at - 3) === 105 && lowerAt(text, at - 4) === 100;
    default:
      return false;
  }
}

// The code at `at` with ASCII upper-case letters made lower-case (other letters are no concern of the callers).
function lowerAt(text: string, at: number): number {
  return text.charCodeAt(at) | 0x20;
}

/** A part's number: its digits, or 1–4 for a–d. */
export function partNumber(token: string): number {
  return /^\d+$/.test(token) ? Number(token) : token.toLowerCase().charCodeAt(0) - 96;
}
