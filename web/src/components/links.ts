// Where catalog things live in the web client (movie, show, season, episode and person pages, the player) and how
// episodes are labelled and counted.

/** The page of a movie, show, episode or person (a search hit, a credit…); null for other kinds. */
export function itemHref(kind: string, id: string): string | null {
  const e = encodeURIComponent(id);
  if (kind === 'movie') return `/movie/${e}`;
  if (kind === 'show') return `/show/${e}`;
  if (kind === 'episode') return `/episode/${e}`;
  if (kind === 'person') return `/person/${e}`;
  return null;
}

/**
 * The player for an item: `file` a part, version or extra of it (none: the server picks, resuming the file the
 * resume point is in), `from` seconds (none: the resume point of that file).
 */
export function playHref(itemId: string, o: { file?: string | null; from?: number } = {}): string {
  const query = [
    o.file ? `file=${encodeURIComponent(o.file)}` : null,
    o.from !== undefined ? `from=${o.from}` : null,
  ].filter(Boolean);
  return `/play/${encodeURIComponent(itemId)}${query.length ? `?${query.join('&')}` : ''}`;
}

export function seasonHref(showId: string, season: number): string {
  return `/show/${encodeURIComponent(showId)}/season/${season}`;
}

const two = (n: number) => String(n).padStart(2, '0');

/** `S01E02`, `S01E02–E03` for a multi-episode file, `E05` without a season; empty when unnumbered. */
export function episodeCode(
  season: number | null,
  episode: number | null,
  ending: number | null = null,
): string {
  if (episode === null) return '';
  const range = ending !== null && ending > episode ? `E${two(episode)}–E${two(ending)}` : `E${two(episode)}`;
  return season === null ? range : `S${two(season)}${range}`;
}

/** `Season 2`, or `Specials` for season 0. */
export function seasonName(season: number | null): string {
  return season === 0 ? 'Specials' : `Season ${season ?? '?'}`;
}

/** How many episodes a list of episode items holds: a multi-episode file (E02–E03) counts as each of them. */
export function episodeTotal(
  items: { episodeNumber: number | null; endingEpisodeNumber: number | null }[],
): number {
  return items.reduce((n, e) => {
    const span =
      e.episodeNumber !== null && e.endingEpisodeNumber !== null
        ? e.endingEpisodeNumber - e.episodeNumber
        : 0;
    return n + 1 + Math.max(0, span);
  }, 0);
}
