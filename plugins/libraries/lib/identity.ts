// Pure helpers that name catalog items: normalised keys, sort titles and stable identities that survive renames.

const NOT_ASCII = /[\u0080-\uffff]/;

// Planning asks for the same keys over and over (a title for its sort title and identities, a show's folder for
// each of its episodes between their titles): the last two answers are kept.
let lastText = '';
let lastKey = '';
let priorText = '';
let priorKey = '';

/** Lower-case, accents folded, punctuation dropped, spaces collapsed: "Amélie (2001)!" → "amelie 2001". */
export function normaliseKey(text: string): string {
  if (text === lastText) return lastKey;
  if (text === priorText) return priorKey;
  const key = NOT_ASCII.test(text) ? normaliseKeyFully(text) : asciiKey(text);
  priorText = lastText;
  priorKey = lastKey;
  lastText = text;
  lastKey = key;
  return key;
}

/** {@link normaliseKey} by the general steps, for text in any script (plain ASCII takes a shorter way). */
export function normaliseKeyFully(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// The same steps for plain ASCII, where NFKD changes nothing and letters and digits are [a-z0-9].
export function asciiKey(text: string): string {
  const lower = text.toLowerCase();
  // Mostly words and numbers already, one space apart: nothing to replace.
  if (ASCII_WORDS.test(lower)) return lower;
  return (lower.includes('&') ? lower.replace(/&/g, ' and ') : lower).replace(/[^a-z0-9]+/g, ' ').trim();
}

const ASCII_WORDS = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

const ARTICLES = /^(the|a|an)\s+/i;

/**
 * Sort titles keep this many characters at most: nothing sorts on beyond them, and a list cursor, which holds the
 * sort title of a page's last item, stays short enough to be sent back (see `ListQuery.cursor`).
 */
export const SORT_TITLE_MAX = 200;

/** Sort title: leading English article dropped, normalised ("The Matrix" → "matrix"), {@link SORT_TITLE_MAX} long at most. */
export function sortTitleOf(title: string): string {
  const key = normaliseKey(title.replace(ARTICLES, '')) || normaliseKey(title);
  // Cut by code points, so no letter outside the Basic Multilingual Plane is split in two.
  return key.length <= SORT_TITLE_MAX ? key : Array.from(key).slice(0, SORT_TITLE_MAX).join('').trimEnd();
}

export interface ProviderIdMap {
  tmdb?: string;
  imdb?: string;
  tvdb?: string;
}

/** The most stable id a title has, as `tmdb:603`, else null. */
export function providerIdentity(ids: ProviderIdMap): string | null {
  if (ids.tmdb) return `tmdb:${ids.tmdb}`;
  if (ids.imdb) return `imdb:${ids.imdb}`;
  if (ids.tvdb) return `tvdb:${ids.tvdb}`;
  return null;
}

/** A title's provider ids, in the order of {@link providerIdentity}. */
const PROVIDERS = ['tmdb', 'imdb', 'tvdb'] as const;

/** Both name an id of one provider, and the ids differ: two different titles. */
export function idsConflict(a: ProviderIdMap, b: ProviderIdMap): boolean {
  return PROVIDERS.some((p) => a[p] !== undefined && b[p] !== undefined && a[p] !== b[p]);
}

/** The provider ids of an item row's `provider_ids` JSON; none when it cannot be read. */
export function providerIdsOf(json: string): ProviderIdMap {
  try {
    return JSON.parse(json) as ProviderIdMap;
  } catch {
    return {};
  }
}

type MovieKey = { title: string; year?: number; edition?: string; ids: ProviderIdMap };

/** Identity of a movie: provider id when known, else normalised title and year; editions stay separate titles. */
export function movieIdentity(m: MovieKey): string {
  const base = providerIdentity(m.ids) ?? `title:${normaliseKey(m.title)}:${m.year ?? ''}`;
  return m.edition ? `movie:${base}:edition:${normaliseKey(m.edition)}` : `movie:${base}`;
}

/**
 * Identity of a movie, with every identity it may have been written under before: one for each of its provider ids
 * (an NFO that gains a higher-ranked id, or loses one, keeps the row), then its title and year, then those of its
 * file name (`name`: an NFO added or retitled). Alternatives come in that order, none twice or equal to the identity.
 */
export function movieIdentities(
  m: MovieKey,
  name: { title: string; year?: number },
): { identity: string; alts: string[] } {
  const identity = movieIdentity(m);
  const alts: string[] = [];
  const add = (alt: string) => {
    if (alt !== identity && !alts.includes(alt)) alts.push(alt);
  };
  const { edition } = m;
  for (const p of PROVIDERS) {
    const id = m.ids[p];
    if (id) add(movieIdentity({ title: m.title, edition, ids: { [p]: id } }));
  }
  add(movieIdentity({ title: m.title, year: m.year, edition, ids: {} }));
  add(movieIdentity({ title: name.title, year: name.year, edition, ids: {} }));
  return { identity, alts };
}

// A show's provider ids in the order its identity takes them: TheTVDB first, the id TV tools share (Sonarr, Kodi,
// Jellyfin's `[tvdbid-…]` folders), then TMDb and IMDb.
const SHOW_PROVIDERS = ['tvdb', 'tmdb', 'imdb'] as const;

/**
 * Identity of a show, with the identities it may have been written under before. A provider id when one is known
 * (the first of TheTVDB, TMDb, IMDb; the others are alternatives, so gaining or losing one keeps the row), else the
 * normalised name and year of its folder (`show:title:breaking bad:2008`). Rows written before shows had these carry
 * their folder's normalised name (`show:breaking bad 2008`, {@link legacyShowIdentity}), the last alternative. Its
 * seasons' and episodes' identities start with it and a `/`.
 */
export function showIdentities(
  s: { title: string; year?: number; ids: ProviderIdMap },
  folderName: string,
): { identity: string; alts: string[] } {
  const keys: string[] = [];
  for (const p of SHOW_PROVIDERS) if (s.ids[p]) keys.push(`show:${p}:${s.ids[p]}`);
  const title = `show:title:${normaliseKey(s.title)}:${s.year ?? ''}`;
  const identity = keys.length ? keys[0] : title;
  const alts = keys.slice(1);
  alts.push(legacyShowIdentity(folderName));
  return { identity, alts };
}

/** The identity earlier versions gave a show: its folder's name (relative to the root), normalised. */
export function legacyShowIdentity(folderName: string): string {
  return `show:${normaliseKey(folderName)}`;
}

export function seasonIdentity(show: string, season: number): string {
  return `${show}/season:${season}`;
}

/**
 * Identity of an episode inside a show: season+episode, air date, absolute number, else season and file name. A
 * date-named episode whose day has other titles in its folder (`dayTitle`, see {@link dayTitleOf}) adds its title's
 * key to the date (`/date:2024-01-05:title:guest a`); one alone on its day has the date alone, as it always had.
 */
export function episodeIdentity(
  show: string,
  e: {
    season?: number;
    episode?: number;
    airDate?: string;
    dayTitle?: string;
    absoluteEpisode?: number;
    part?: number;
  },
  fallback: string,
): string {
  const part = e.part ? `:part${e.part}` : '';
  if (e.episode !== undefined) return `${show}/s${e.season ?? 1}e${e.episode}${part}`;
  if (e.airDate) return `${show}/date:${e.airDate}${e.dayTitle ? `:title:${e.dayTitle}` : ''}${part}`;
  if (e.absoluteEpisode !== undefined) return `${show}/abs:${e.absoluteEpisode}${part}`;
  // An episode numbered by nothing but its name (`Season 00/Some Special.mkv`): its season and name.
  const season = e.season === undefined ? '' : `/s${e.season}`;
  return `${show}${season}/file:${normaliseKey(fallback)}`;
}

/** By air date, the keys (normalised, '' for none) of the titles a folder's date-named episodes give that day. */
export function titlesByDay(
  episodes: Iterable<{ airDate: string; title?: string }>,
): Map<string, Set<string>> {
  const days = new Map<string, Set<string>>();
  for (const e of episodes) {
    const titles = days.get(e.airDate) ?? new Set<string>();
    titles.add(normaliseKey(e.title ?? ''));
    days.set(e.airDate, titles);
  }
  return days;
}

/**
 * What sets a date-named episode apart from the others of its day ({@link titlesByDay}): its title's key when the
 * day has more than one title, so each is an episode of its own; else undefined — alone on its day, or one title's
 * files (versions of one episode). An episode without a title keeps the date alone.
 */
export function dayTitleOf(
  days: Map<string, Set<string>>,
  airDate: string,
  title?: string,
): string | undefined {
  const titles = days.get(airDate);
  return titles && titles.size > 1 ? normaliseKey(title ?? '') || undefined : undefined;
}

/** The identities (below the show's, parts left out) the titles of a day take ({@link dayTitleOf}). */
export function dayIdentities(days: Map<string, Set<string>>, airDate: string): string[] {
  return [...(days.get(airDate) ?? [''])].map((title) =>
    episodeIdentity('', { airDate, dayTitle: dayTitleOf(days, airDate, title) }, ''),
  );
}

/**
 * The part below `show`'s, without the part suffix, of an episode identity of `show` on `airDate` (date alone, or
 * with a title) and of `part`; null for any other identity.
 */
export function dayIdentityOf(identity: string, show: string, airDate: string, part?: number): string | null {
  const head = `${show}/date:${airDate}`;
  const suffix = part ? `:part${part}` : '';
  if (!identity.startsWith(head) || !identity.endsWith(suffix)) return null;
  const rest = identity.slice(head.length, identity.length - suffix.length);
  return rest === '' || /^:title:[^:]+$/.test(rest)
    ? identity.slice(show.length, identity.length - suffix.length)
    : null;
}
