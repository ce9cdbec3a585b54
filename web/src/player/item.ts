// What is playing, from the libraries API: the item by id (movie, episode, an extra of a movie or show, or one
// version or part of a movie), the title line ("Show · S01E02 · Title", "Movie · Final Cut"), where Back leads, and
// the episode after this one (same season, else the first of the next season) or the next part of a movie in parts.
import { type Item as Detail, get } from '../api.ts';
import { extraLabel } from '../components/extras.ts';
import { fileLabel } from '../components/file-details.ts';
import { itemHref } from '../components/links.ts';
import { episodeCode } from './words.ts';

interface Brief {
  id: string;
  kind: string;
  title: string;
  seasonNumber: number | null;
  episodeNumber: number | null;
  endingEpisodeNumber: number | null;
}

export interface Item extends Brief {
  showId: string | null;
  parentId: string | null;
  extras?: Detail['extras'];
  files?: Detail['files'];
}

export interface NowPlaying {
  item: Item | null;
  /** "Show · S01E02 · Title" for episodes, the title for movies. */
  heading: string;
  back: string;
}

export interface NextEpisode {
  id: string;
  /** "S01E02 · Title", or "Part 2" */
  label: string;
  /** The next part of a movie split over files: a file of the same item, played from its start. */
  file?: string;
}

const list = async (path: string) => (await get<{ items: Brief[] }>(path)).items;

/**
 * Loads the item and, for an episode, its show's title; for an extra (`fileId`), "Title · Trailer: Name". A failure
 * leaves a plain "Playing" heading.
 */
export async function loadNowPlaying(id: string, fileId: string | null = null): Promise<NowPlaying> {
  const item = await get<Item>(`/v1/metadata/${encodeURIComponent(id)}`).catch(() => null);
  if (!item) return { item, heading: 'Playing', back: '/' };
  if (fileId) {
    const extra = item.extras?.find((x) => x.id === fileId);
    const main = item.files?.find((f) => f.id === fileId);
    const back = itemHref(item.kind, item.id) ?? '/';
    const which = extra ? extraLabel(extra) : main ? (fileLabel(main) ?? 'Other version') : 'Extra';
    return { item, heading: [item.title, which].join(' · '), back };
  }
  if (item.kind !== 'episode' || !item.showId)
    return { item, heading: item.title, back: `/movie/${item.id}` };
  const show = await get<{ title: string }>(`/v1/shows/${item.showId}`).catch(() => null);
  const code = episodeCode(item.seasonNumber, item.episodeNumber, item.endingEpisodeNumber);
  const heading = [show?.title, code, item.title].filter(Boolean).join(' · ');
  return { item, heading, back: `/show/${item.showId}` };
}

const nextOf = (e: Brief): NextEpisode => ({
  id: e.id,
  label: [episodeCode(e.seasonNumber, e.episodeNumber, e.endingEpisodeNumber), e.title]
    .filter(Boolean)
    .join(' · '),
});

/** The episode after `item` in its show, or null (last episode, not an episode, or the API failed). */
export async function findNextEpisode(item: Item): Promise<NextEpisode | null> {
  if (item.kind !== 'episode' || !item.showId || item.seasonNumber === null) return null;
  const show = `/v1/shows/${item.showId}`;
  try {
    const season = await list(`${show}/seasons/${item.seasonNumber}/episodes`);
    const i = season.findIndex((e) => e.id === item.id);
    if (i >= 0 && i + 1 < season.length) return nextOf(season[i + 1]);
    const current = item.seasonNumber;
    const later = (await list(`${show}/seasons`))
      .filter((s) => s.seasonNumber !== null && s.seasonNumber > current)
      .sort((a, b) => (a.seasonNumber ?? 0) - (b.seasonNumber ?? 0));
    for (const s of later) {
      const [first] = await list(`${show}/seasons/${s.seasonNumber}/episodes`);
      if (first) return nextOf(first);
    }
  } catch {
    // Without the episode lists there is simply no next-episode offer.
  }
  return null;
}

/**
 * The part after the one playing (`fileId`, or the first part when none is named) of a movie split over files, as
 * what plays next; null when the item is not in parts or this is the last one.
 */
export function nextPart(item: Item, fileId: string | null): NextEpisode | null {
  const parts = (item.files ?? []).filter((f) => f.part && !f.missing).sort((a, b) => a.part! - b.part!);
  const current = fileId ? parts.find((f) => f.id === fileId) : parts[0];
  const next = current && parts.find((f) => f.part! > current.part!);
  return next ? { id: item.id, label: `Part ${next.part}`, file: next.id } : null;
}
