// What the per-kind resolvers share during one scan: folder listings, NFO reading, artwork and sidecars.
import { closeSync, openSync, readSync } from 'node:fs';
import { extname, join } from 'node:path';
import {
  type ArtworkContext,
  classifyArtwork,
  classifyExtra,
  fileKindOf,
  parseSidecar,
} from '../lib/naming/index.ts';
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

export function baseName(name: string): string {
  // As extname for a bare name: the extension starts at the last dot, unless that is the first character.
  if (!name.includes('/')) {
    const dot = name.lastIndexOf('.');
    return dot > 0 && name !== '..' ? name.slice(0, dot) : name;
  }
  const ext = extname(name);
  return ext ? name.slice(0, -ext.length) : name;
}

export function containerOf(name: string): string | null {
  return extname(name).slice(1).toLowerCase() || null;
}

/** What planning asks about one folder listing, worked out on first use. */
interface FolderFacts {
  /** Lower-case name → index of the first file with it. */
  lower?: Map<string, number>;
  /** Videos (and stubs) in listing order. */
  videos?: string[];
  /** Subtitle and audio names in listing order: the only names that can be sidecars. */
  sidecars?: string[];
  /** Image names, sorted. */
  images?: string[];
  /** Videos that are not extras. */
  mains?: string[];
}

// Facts per listing while one unit is planned (a listing does not change while it is planned); null otherwise.
let unitFacts: Map<string[], FolderFacts> | null = null;

/** Runs `plan` keeping folder facts for the listings it looks at, so each folder is examined once. */
export function withFolderFacts<T>(plan: () => T): T {
  const outer = unitFacts;
  unitFacts = new Map();
  try {
    return plan();
  } finally {
    unitFacts = outer;
  }
}

function factsOf(files: string[]): FolderFacts {
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

/** A larger "NFO" is not read (a misnamed video, garbage): a real one is a few kilobytes. */
const MAX_TEXT = 4 * 1024 * 1024;
let scratch: Buffer | null = null;

/**
 * Reads a text file (UTF-8) through one buffer kept for the purpose, or null when it cannot be read or is over
 * {@link MAX_TEXT} (logged by the caller as a warning): a huge file never lands in memory whole.
 */
export function readText(path: string): string | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    scratch ??= Buffer.allocUnsafe(MAX_TEXT + 1);
    let n = 0;
    for (;;) {
      const got = readSync(fd, scratch, n, scratch.length - n, n);
      if (got === 0) return scratch.toString('utf8', 0, n);
      n += got;
      if (n === scratch.length) return null;
    }
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

const IMAGE = /\.(?:jpe?g|png|webp|gif|bmp|tbn|avif)$/i;

/** Image file names of a folder in a stable order (cheap extension check before the full classifier). */
function images(files: string[] | undefined): string[] {
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
  const prefix = onlyPrefixed && videoBase ? videoBase.toLowerCase() : undefined;
  for (const f of images(files)) {
    if (prefix !== undefined && !f.toLowerCase().startsWith(prefix)) continue;
    const a = classifyArtwork(f, context, videoBase);
    if (!a || a.season !== undefined || a.allSeasons || a.index !== undefined) continue;
    out[a.kind] ??= joinName(dir, f);
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
    if (a?.season === season) out[a.kind] ??= joinName(dir, f);
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
  for (const f of sidecarNames(files)) {
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
