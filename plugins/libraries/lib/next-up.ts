// Pure "next up" for a show: the first unwatched episode after the most recently played watched one (specials,
// season 0, are skipped).

export interface EpisodeState {
  id: string;
  season: number | null;
  episode: number | null;
  watched: boolean;
  lastPlayedAt: string | null;
}

const order = (a: EpisodeState, b: EpisodeState) =>
  (a.season ?? 0) - (b.season ?? 0) || (a.episode ?? 0) - (b.episode ?? 0) || a.id.localeCompare(b.id);

/** The next episode to watch, or null when nothing was watched yet or the show is finished. */
export function nextUp(episodes: EpisodeState[]): EpisodeState | null {
  const list = episodes.filter((e) => (e.season ?? 1) > 0).sort(order);
  let anchor = -1;
  let latest = '';
  list.forEach((e, i) => {
    if (e.watched && (e.lastPlayedAt ?? '') >= latest) {
      latest = e.lastPlayedAt ?? '';
      anchor = i;
    }
  });
  if (anchor < 0) return null;
  return list.slice(anchor + 1).find((e) => !e.watched) ?? null;
}
