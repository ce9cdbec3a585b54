// What the per-kind resolvers share during one scan: folder listings, NFO reading, artwork and sidecars.
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { type ArtworkContext, classifyArtwork, parseSidecar } from '../lib/naming/index.ts';
import type { ExternalTrack } from './catalog-writer.ts';

export interface WorkFile {
  root: string;
  dir: string;
  name: string;
  path: string;
  rel: string;
  size: number;
  mtimeMs: number;
}

/** Folder listings gathered by the walk: absolute folder → file names. */
export type Listings = Map<string, string[]>;

export function baseName(name: string): string {
  const ext = extname(name);
  return ext ? name.slice(0, -ext.length) : name;
}

export function containerOf(name: string): string | null {
  return extname(name).slice(1).toLowerCase() || null;
}

/** Finds a file in a listing case-insensitively. */
export function findFile(files: string[] | undefined, wanted: string): string | null {
  const w = wanted.toLowerCase();
  return files?.find((f) => f.toLowerCase() === w) ?? null;
}

/** Reads a text file, or null when it cannot be read (logged by the caller as a warning). */
export function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

const IMAGE = /\.(?:jpe?g|png|webp|gif|bmp|tbn|avif)$/i;

/** Image file names of a folder in a stable order (cheap extension check before the full classifier). */
function images(files: string[] | undefined): string[] {
  return (files ?? []).filter((f) => IMAGE.test(f)).sort();
}

/**
 * Artwork in `dir` for an item: kind → absolute path. With `onlyPrefixed`, only `<video>-poster.jpg` style names
 * count (a folder shared by several movies); the first image of a kind wins, numbered backdrops excluded.
 */
export function artworkIn(
  dir: string,
  files: string[] | undefined,
  context: ArtworkContext,
  videoBase?: string,
  onlyPrefixed = false,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of images(files)) {
    if (onlyPrefixed && videoBase && !f.toLowerCase().startsWith(`${videoBase.toLowerCase()}`)) continue;
    const a = classifyArtwork(f, context, videoBase);
    if (!a || a.season !== undefined || a.allSeasons || a.index !== undefined) continue;
    out[a.kind] ??= join(dir, f);
  }
  return out;
}

/** Season artwork from a show folder (`season02-poster.jpg`, `season-specials-poster.jpg`). */
export function seasonArtworkIn(
  dir: string,
  files: string[] | undefined,
  season: number,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of images(files)) {
    const a = classifyArtwork(f, 'show');
    if (a?.season === season) out[a.kind] ??= join(dir, f);
  }
  return out;
}

/** Anything but printable ASCII (names made only of printable ASCII lower-case character by character). */
const NOT_PRINTABLE_ASCII = /[^ -~]/;

/** Subtitle and audio sidecars of a video in its folder. */
export function sidecarsOf(dir: string, files: string[], videoName: string): ExternalTrack[] {
  const out: ExternalTrack[] = [];
  // A sidecar's name starts with the video's name (without extension), compared in lower case. For ASCII names
  // lower-casing is per character, so a name failing this cheap test would fail parseSidecar too.
  const prefix = baseName(videoName).toLowerCase();
  for (const f of files) {
    if (f === videoName || (!NOT_PRINTABLE_ASCII.test(f) && !f.toLowerCase().startsWith(prefix))) continue;
    const s = parseSidecar(videoName, f);
    if (!s) continue;
    out.push({
      kind: s.kind,
      codec: s.format,
      language: s.language,
      title: s.title,
      isDefault: s.default,
      forced: s.forced,
      sdh: s.sdh,
      externalPath: join(dir, f),
    });
  }
  return out;
}
