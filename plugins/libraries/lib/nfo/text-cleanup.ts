// Character-level cleanup of NFO text before XML parsing: BOM, XML-illegal control characters and
// text that was decoded with the wrong charset (Windows-1252 vs UTF-8 mix-ups).

import { Buffer } from 'node:buffer';

/** Cleaned text plus human-readable notes about what was changed or looks suspicious. */
export interface CleanedText {
  text: string;
  notes: string[];
}

// Windows-1252 characters for bytes 0x80..0x9F; the five undefined bytes map to themselves.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

const CP1252_BYTE = new Map<string, number>(
  [...CP1252_HIGH].map((char, i): [string, number] => [char, 0x80 + i]),
);

// A UTF-8 lead byte (as Latin-1/Windows-1252 text) followed by a continuation byte.
const MOJIBAKE =
  /[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]/;
const C1_CONTROL = /[\u0080-\u009f]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 forbids.
const XML_ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function toSingleBytes(text: string): Uint8Array | undefined {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const byte = code <= 0xff ? code : CP1252_BYTE.get(text[i]);
    if (byte === undefined) return undefined;
    bytes[i] = byte;
  }
  return bytes;
}

/**
 * Undoes UTF-8 text that was decoded as Latin-1/Windows-1252 (`AmÃ©lie` → `Amélie`). Only applies when
 * the whole text maps back to bytes that are valid UTF-8, so correctly decoded text is never touched.
 */
export function repairMojibake(text: string): string | undefined {
  if (!MOJIBAKE.test(text)) return undefined;
  const bytes = toSingleBytes(text);
  if (!bytes) return undefined;
  try {
    const repaired = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return repaired === text ? undefined : repaired;
  } catch {
    return undefined;
  }
}

/** Maps C1 control characters (Windows-1252 bytes decoded as Latin-1) to the characters Windows-1252 means. */
export function remapC1Controls(text: string): string {
  return text.replace(C1_CONTROL, (char) => CP1252_HIGH[char.charCodeAt(0) - 0x80]);
}

// ASCII control characters other than tab and line feed, and DEL. Text that is ASCII and has none of them is
// printable ASCII, tabs and line feeds: text that none of the repairs below would change.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters looked for.
const NOT_PLAIN_ASCII = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/** True when the text is only printable ASCII, tabs and line feeds (`/^[\t\n -~]*$/`, found faster). */
export function isPlainText(text: string): boolean {
  // Every character beyond ASCII takes more than one UTF-8 byte.
  return Buffer.byteLength(text, 'utf8') === text.length && !NOT_PLAIN_ASCII.test(text);
}

/** Applies every character-level repair and reports what it did. */
export function cleanNfoText(input: string): CleanedText {
  const notes: string[] = [];
  if (isPlainText(input)) return { text: input, notes };
  let text = input.replace(/^\ufeff+/, '');
  const repaired = repairMojibake(text);
  if (repaired !== undefined) {
    text = repaired;
    notes.push('text looked like UTF-8 decoded as Windows-1252/Latin-1 and was re-decoded');
  }
  if (/[\u0080-\u009f]/.test(text)) {
    text = remapC1Controls(text);
    notes.push('Windows-1252 characters decoded as Latin-1 control codes were remapped');
  }
  const withoutIllegal = text.replace(XML_ILLEGAL, '');
  if (withoutIllegal !== text) notes.push('removed control characters that XML does not allow');
  if (withoutIllegal.includes('\ufffd')) {
    notes.push(
      'text contains U+FFFD replacement characters: the file was probably not UTF-8 (Windows-1252?)',
    );
  }
  return { text: withoutIllegal.replace(/\r\n?/g, '\n'), notes };
}
