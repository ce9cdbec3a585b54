// Local artwork file names (Jellyfin/Kodi, CONVENTIONS 2.5): poster/backdrop/logo/banner/thumb/disc/clearart,
// numbered backdrops, `<video>-poster.jpg` style suffixes and `seasonNN-poster.jpg` season art.
import { isImageFile, stripVideoExtension } from './file-types';
import { splitPath, stripExtension } from './path-parts';

/** Artwork kind; `poster` is the primary image (for episodes the primary image is a `thumb`). */
export type ArtworkKind = 'poster' | 'backdrop' | 'banner' | 'logo' | 'thumb' | 'disc' | 'clearart';

/** Which item's folder the image sits in. */
export type ArtworkContext = 'movie' | 'show' | 'season' | 'episode';

/** A recognised artwork file. */
export interface ArtworkInfo {
  kind: ArtworkKind;
  /** Season the image belongs to (`season02-poster.jpg` → 2, `season-specials-poster.jpg` → 0). */
  season?: number;
  /** Kodi's `season-all-*` images apply to every season. */
  allSeasons?: boolean;
  /** Number of an extra backdrop (`backdrop1.jpg`, `fanart-2.jpg`). */
  index?: number;
}

const KINDS: Record<string, ArtworkKind> = {
  poster: 'poster',
  folder: 'poster',
  cover: 'poster',
  default: 'poster',
  fanart: 'backdrop',
  backdrop: 'backdrop',
  background: 'backdrop',
  art: 'backdrop',
  banner: 'banner',
  logo: 'logo',
  clearlogo: 'logo',
  thumb: 'thumb',
  landscape: 'thumb',
  disc: 'disc',
  discart: 'disc',
  cdart: 'disc',
  clearart: 'clearart',
};
const CONTEXT_PRIMARY: Partial<Record<ArtworkContext, string>> = { movie: 'movie', show: 'show' };
const NAMED = /^([a-z]+?)(?:-?(\d{1,3}))?$/;
const SEASON_ART = /^season(?:(\d{1,4})|-(specials|all))(?:-([a-z]+))?$/;

/**
 * Classifies an image file name (or a path ending in one) found in a `context` item's folder. With
 * `videoBaseName`, `<video>-poster.jpg` style names and `<video>.jpg` count too; in `episode` context only
 * those do, since standalone names in a season folder belong to the season. Returns null otherwise.
 */
export function classifyArtwork(
  fileName: string,
  context: ArtworkContext,
  videoBaseName?: string,
): ArtworkInfo | null {
  const segments = splitPath(fileName);
  const name = segments[segments.length - 1] ?? '';
  if (!isImageFile(name)) return null;
  const base = stripExtension(name).toLowerCase();
  if (segments[segments.length - 2]?.toLowerCase() === 'extrafanart') {
    return context === 'episode' ? null : { kind: 'backdrop' };
  }
  const video = videoBaseName === undefined ? undefined : stripVideoExtension(videoBaseName).toLowerCase();
  if (video !== undefined && base === video) return { kind: context === 'episode' ? 'thumb' : 'poster' };
  if (video !== undefined && base.startsWith(`${video}-`))
    return namedArt(base.slice(video.length + 1), context);
  if (context === 'episode') return null;
  return seasonArt(base, context) ?? namedArt(base, context);
}

function namedArt(name: string, context: ArtworkContext): ArtworkInfo | null {
  const m = NAMED.exec(name);
  if (!m) return null;
  const kind = KINDS[m[1]] ?? (m[1] === CONTEXT_PRIMARY[context] ? 'poster' : undefined);
  if (kind === undefined) return null;
  if (m[2] === undefined) return { kind };
  return kind === 'backdrop' ? { kind, index: Number(m[2]) } : null;
}

function seasonArt(base: string, context: ArtworkContext): ArtworkInfo | null {
  if (context !== 'show' && context !== 'season') return null;
  const m = SEASON_ART.exec(base);
  if (!m) return null;
  const kind = m[3] === undefined ? 'poster' : KINDS[m[3]];
  if (kind === undefined) return null;
  if (m[2] === 'all') return { kind, allSeasons: true };
  return { kind, season: m[2] === 'specials' ? 0 : Number(m[1]) };
}
