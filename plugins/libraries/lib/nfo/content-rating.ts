// Normalisation of `<mpaa>`/`<certification>` text as Kodi, Jellyfin, tinyMediaManager and Ember write it
// (`Rated PG-13`, `US:PG-13`, `Rated R for violence`, `US:PG-13 / DE:12`) into { rating, country }.

import type { ContentRating } from './types.ts';
import { SPACED_SLASH } from './values.ts';

const RATED_PREFIX = /^rated\b\s*:?\s*/i;
const COUNTRY_PREFIX = /^([A-Za-z][A-Za-z .]{0,29}?)\s*:\s*(.+)$/;
const REASON = /\s+for\s+.*$/i;

function normaliseCountry(country: string): string {
  const trimmed = country.trim();
  return /^[A-Za-z]{2,3}$/.test(trimmed) ? trimmed.toUpperCase() : trimmed;
}

/** False when the text cannot start with `rated` (any case). */
export function mayBeRated(text: string): boolean {
  return (text.charCodeAt(0) | 0x20) === 114;
}

/** True when every character is printable ASCII other than a space (so there is no white space at all). */
export function isPrintableWord(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c >= 127) return false;
  }
  return true;
}

/** Parses one rating string; undefined when nothing usable remains. */
export function parseContentRating(raw: string | undefined): ContentRating | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  // Each pattern is tried only when the character it needs is there (`r…`, `:`, white space).
  let rest = mayBeRated(text) ? text.replace(RATED_PREFIX, '') : text;
  let country: string | undefined;
  const prefixed = rest.includes(':') ? COUNTRY_PREFIX.exec(rest) : null;
  if (prefixed) {
    country = normaliseCountry(prefixed[1]);
    rest = prefixed[2].replace(RATED_PREFIX, '');
  }
  const rating = isPrintableWord(rest) ? rest : rest.replace(REASON, '').replace(/\s+/g, ' ').trim();
  if (rating === '') return undefined;
  return country ? { rating, country, raw: text } : { rating, raw: text };
}

/**
 * Picks the content rating from all candidate texts (mpaa first, then certification). Multi-valued
 * text (`US:PG-13 / DE:12`) yields its first entry; a country-less pick borrows the country of another
 * candidate with the same rating (tinyMediaManager writes `<mpaa>PG-13</mpaa>` + `<certification>US:PG-13`).
 */
export function pickContentRating(candidates: string[]): ContentRating | undefined {
  if (candidates.length === 0) return undefined;
  const parsed: ContentRating[] = [];
  for (const text of candidates) {
    // A list needs a `/`.
    const parts = text.includes('/') ? text.split(SPACED_SLASH) : [text];
    for (const part of parts) {
      const rating = parseContentRating(part);
      if (rating !== undefined) parsed.push(rating);
    }
  }
  const first = parsed[0];
  if (!first || first.country) return first;
  const key = first.rating.toLowerCase();
  const withCountry = parsed.find((other) => other.country && other.rating.toLowerCase() === key);
  return withCountry?.country ? { ...first, country: withCountry.country } : first;
}
