// What the per-kind resolvers share during one scan: folder listings, artwork and sidecars (NFO text: read-text.ts).
import { join } from 'node:path';
import { titlesByDay } from '../lib/identity.ts';
import { type PrefixIndex, prefixIndex, startingWith } from '../lib/name-index.ts';
import {
  type ArtworkContext,
  classifyArtwork,
  classifyExtra,
  datedEpisodeOf,
  fileKindOf,
  parseSidecar,
} from '../lib/naming/index.ts';
import { baseName } from '../lib/naming/path-parts.ts';
import type { ExternalTrack } from './catalog-writer.ts';

export interface WorkFile {
  root: string;
  dir: string;
  name: string;
  path: string;
  rel: string;
  size: number;
  mtimeMs: number;
  /** Signature of the files beside it (lib/sidecar-signature.ts), kept on its file row. */
  sig: number;
}

/** Folder listings gathered by the walk: absolute folder → file names. */
export type Listings = Map<string, string[]>;

/** What planning asks about one folder listing, worked out on first use. */
interface FolderFacts {
  /** Lower-case name → index of the first file with it. */
  lower?: Map<string, number>;
  /** Videos (and stubs) in listing order. */
  videos?: string[];
  /** Subtitle and audio names in listing order: the only names that can be sidecars. */
  sidecars?: string[];
  /** Image names, sorted, and found by prefix. */
  images?: string[];
  imageIndex?: PrefixIndex;
  /** Sidecar candidates found by prefix, and the positions of those whose lower case is not simply per character. */
  sidecarIndex?: PrefixIndex;
  sidecarOthers?: number[];
  /** Videos that are not extras. */
  mains?: string[];
  /** Title keys of the date-named main videos, by air date. */
  days?: Map<string, Set<string>>;
}

// Facts per listing while units are planned (a listing does not change while it is planned); null otherwise.
let unitFacts: Map<string[], FolderFacts> | WeakMap<string[], FolderFacts> | null = null;

/** Folder facts kept across the units of one scan, whose listings are the walk's and never change. */
export type FactsStore = WeakMap<string[], object>;

/**
 * Runs `plan` keeping folder facts for the listings it looks at, so each folder is examined once: for this unit,
 * or in `kept` for every unit of a scan that passes the same store (a folder split over units is examined once).
 */
export function withFolderFacts<T>(plan: () => T, kept?: FactsStore): T {
  const outer = unitFacts;
  unitFacts = (kept as WeakMap<string[], FolderFacts> | undefined) ?? new Map();
  try {
    return plan();
  } finally {
    unitFacts = outer;
  }
}

export function factsOf(files: string[]): FolderFacts {
  if (unitFacts === null) return {};
  let facts = unitFacts.get(files);
  if (facts === undefined) {
    facts = {};
    unitFacts.set(files, facts);
  }
  return facts;
}

/** Sorts a listing's videos and sidecar candidates out, reading each name's extension once. */
function kindsOf(files: string[], facts: FolderFacts): void {
  const videos: string[] = [];
  const sidecars: string[] = [];
  for (const f of files) {
    const kind = fileKindOf(f);
    if (kind === 'video') videos.push(f);
    else if (kind === 'subtitle' || kind === 'audio') sidecars.push(f);
  }
  facts.videos = videos;
  facts.sidecars = sidecars;
}

/** Finds a file in a listing case-insensitively. */
export function findFile(files: string[] | undefined, wanted: string): string | null {
  if (!files) return null;
  const w = wanted.toLowerCase();
  if (unitFacts === null) return files.find((f) => f.toLowerCase() === w) ?? null;
  const facts = factsOf(files);
  if (facts.lower === undefined) {
    facts.lower = new Map();
    for (let i = files.length - 1; i >= 0; i--) facts.lower.set(files[i].toLowerCase(), i);
  }
  const at = facts.lower.get(w);
  return at === undefined ? null : files[at];
}

/** The videos of a listing that are not extras (a movie's versions and parts, or other movies). */
export function mainVideosOf(files: string[]): string[] {
  const facts = factsOf(files);
  if (facts.mains === undefined) {
    if (facts.videos === undefined) kindsOf(files, facts);
    facts.mains = (facts.videos as string[]).filter((f) => !classifyExtra(f));
  }
  return facts.mains;
}

/** By air date, the title keys a listing's date-named episodes give that day (lib/identity.ts `titlesByDay`). */
export function daysOf(files: string[]): Map<string, Set<string>> {
  const facts = factsOf(files);
  facts.days ??= titlesByDay(mainVideosOf(files).flatMap((name) => datedEpisodeOf(name) ?? []));
  return facts.days;
}

// A path `join` would change: empty, with `//`, a `.` or `..` segment, or a trailing `/` (but the root itself).
const UNNORMALISED = /^$|\/\/|(?:^|\/)\.\.?(?:\/|$)|.\/$/;

/** True when `join` leaves `dir` as it is (and `join(dir, name)` is `dir/name` for a plain name). */
export function isNormalPath(dir: string): boolean {
  return !UNNORMALISED.test(dir);
}

/** `join(dir, name)` for a file named in a folder's listing: no normalising of what is normal already. */
export function joinName(dir: string, name: string): string {
  if (!isNormalPath(dir) || name === '' || name === '.' || name === '..' || name.includes('/')) {
    return join(dir, name);
  }
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

const IMAGE = /\.(?:jpe?g|png|webp|gif|bmp|tbn|avif)$/i;

/** Image file names of a folder in a stable order (cheap extension check before the full classifier). */
export function images(files: string[] | undefined): string[] {
  if (!files) return [];
  const facts = factsOf(files);
  facts.images ??= files.filter((f) => IMAGE.test(f)).sort();
  return facts.images;
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
  const all = images(files);
  let names = all;
  if (onlyPrefixed && videoBase) {
    const facts = factsOf(files ?? []);
    facts.imageIndex ??= prefixIndex(all);
    names = startingWith(facts.imageIndex, videoBase.toLowerCase()).map((at) => all[at]);
  }
  for (const f of names) {
    const a = classifyArtwork(f, context, videoBase);
    if (!a || a.season !== undefined || a.allSeasons || a.index !== undefined) continue;
    out[a.kind] ??= joinName(dir, f);
  }
  return out;
}

/**
 * Season artwork from a show folder: the season's own (`season02-poster.jpg`, `season-specials-poster.jpg`), then
 * Kodi's and Plex's `season-all-poster.jpg` (`-banner`, `-fanart` …) for each kind the season has none of. Art in
 * the season's own folder goes over both (see seasonRow).
 */
export function seasonArtworkIn(
  dir: string,
  files: string[] | undefined,
  season: number,
): Record<string, string> {
  const out: Record<string, string> = {};
  let all: Record<string, string> | undefined;
  for (const f of images(files)) {
    const a = classifyArtwork(f, 'show');
    if (a?.season === season) out[a.kind] ??= joinName(dir, f);
    else if (a?.allSeasons) {
      all ??= {};
      all[a.kind] ??= joinName(dir, f);
    }
  }
  return all ? { ...all, ...out } : out;
}

/** Anything but printable ASCII (names made only of printable ASCII lower-case character by character). */
const NOT_PRINTABLE_ASCII = /[^ -~]/;

/** Subtitle and audio sidecars of a video in its folder. */
export function sidecarsOf(dir: string, files: string[], videoName: string): ExternalTrack[] {
  const out: ExternalTrack[] = [];
  // A sidecar's name starts with the video's name (without extension), compared in lower case. For ASCII names
  // lower-casing is per character, so one not starting so would fail parseSidecar too: only the others are tried.
  const names = sidecarNames(files);
  const facts = factsOf(files);
  if (facts.sidecarIndex === undefined) {
    facts.sidecarIndex = prefixIndex(names);
    facts.sidecarOthers = names.flatMap((f, at) => (NOT_PRINTABLE_ASCII.test(f) ? [at] : []));
  }
  const found = startingWith(facts.sidecarIndex, baseName(videoName).toLowerCase());
  const others = facts.sidecarOthers ?? [];
  const tried = others.length ? [...new Set([...found, ...others])].sort((a, b) => a - b) : found;
  for (const at of tried) {
    const f = names[at];
    if (f === videoName) continue;
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
      externalPath: joinName(dir, f),
    });
  }
  return out;
}

/** Names that may be sidecars: parseSidecar takes only subtitle and audio files. */
function sidecarNames(files: string[]): string[] {
  const facts = factsOf(files);
  if (facts.sidecars === undefined) kindsOf(files, facts);
  return facts.sidecars as string[];
}
