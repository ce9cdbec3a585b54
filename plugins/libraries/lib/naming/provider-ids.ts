// Provider ids embedded in names: Jellyfin `[tmdbid-603]`, Plex `{tmdb-603}` and bare IMDb `tt…` ids.

/** External ids found in a file or folder name; values are kept as strings (`'603'`, `'tt0133093'`). */
export interface ProviderIds {
  tmdb?: string;
  imdb?: string;
  tvdb?: string;
}

/** Ids pulled out of a name, and the name with those tags removed. */
export interface ExtractedIds {
  ids: ProviderIds;
  rest: string;
}

// Any bracket pair, `-` or `=`, with or without the `id` suffix — as Jellyfin's GetAttributeValue reads them.
const TAGGED_ID = /[[({]\s*(tmdb|tvdb|imdb)(?:id)?\s*[-=]\s*([a-z0-9]+)\s*[\])}]/gi;
const BARE_IMDB_ID = /(?<![a-z0-9])tt\d{7,}(?![0-9])/i;
// Every tagged id has `db` (tmdb, tvdb, imdb) and every bare one `tt`: names with neither skip both patterns.
const MAYBE_ID = /db|tt/i;

/** Finds provider-id tags in `text` (first one of each provider wins) and removes them. */
export function extractProviderIds(text: string): ExtractedIds {
  const ids: ProviderIds = {};
  if (!MAYBE_ID.test(text)) return { ids, rest: collapseSpaces(text) };
  let rest = text.replace(TAGGED_ID, (whole: string, provider: string, value: string) => {
    const key = provider.toLowerCase() as keyof ProviderIds;
    const valid = key === 'imdb' ? /^tt\d+$/i.test(value) : /^\d+$/.test(value);
    if (!valid) return whole;
    ids[key] ??= value.toLowerCase();
    return ' ';
  });
  const bare = BARE_IMDB_ID.exec(rest);
  if (bare) {
    ids.imdb ??= bare[0].toLowerCase();
    rest = rest.replace(bare[0], ' ');
  }
  return { ids, rest: collapseSpaces(rest) };
}

function collapseSpaces(text: string): string {
  return (text.includes('  ') ? text.replace(/ {2,}/g, ' ') : text).trim();
}
