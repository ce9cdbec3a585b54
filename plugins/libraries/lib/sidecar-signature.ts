// Signatures of the files beside a video (NFOs, artwork, subtitles …), so a rescan re-reads a video whose
// neighbours changed even when the video itself did not: the names of a folder's non-video files and, for NFOs, their
// size and mtime (an edited NFO keeps its name). Also of a folder's whole listing, which an extra's owner hangs on.
// Neither depends on listing order.

/** A non-video file of a folder: its name, and size and mtime when it was statted (NFOs). */
export interface SidecarEntry {
  name: string;
  size?: number;
  mtimeMs?: number;
}

/** 32-bit FNV-1a of a string's UTF-16 code units. */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// Per-entry hashes added up: the same set in any order gives the same sum; the count guards against pairs that
// cancel out.
export function signSet(count: number, hashAt: (i: number) => number): number {
  if (count === 0) return 0;
  let sum = count;
  for (let i = 0; i < count; i++) sum = (sum + hashAt(i)) >>> 0;
  return fnv1a(String(sum)) || 1;
}

/**
 * The signature of a folder's non-video files: 0 for none, else a 32-bit number that changes when a file appears,
 * disappears or is renamed, or a statted file changes size or mtime.
 */
export function folderSignature(entries: readonly SidecarEntry[]): number {
  return signSet(entries.length, (i) => {
    const e = entries[i];
    return e.mtimeMs === undefined ? fnv1a(e.name) : fnv1a(`${e.name}\0${e.size ?? 0}\0${e.mtimeMs}`);
  });
}

/**
 * The signature of a folder's whole listing (every file name, videos too, in any order): 0 for none. An extra keeps
 * its owner folder's (lib/naming/extra-owner.ts), as a movie appearing or leaving there can change its owner.
 */
export function listingSignature(names: readonly string[]): number {
  return signSet(names.length, (i) => fnv1a(names[i]));
}

/**
 * A video's signature from its own folder's and, for a video nested below a top-level folder of the library (a
 * season folder under its show), that top folder's (tvshow.nfo, show artwork, season posters live there).
 */
export function videoSignature(folder: number, top: number | undefined): number {
  if (top === undefined) return folder;
  return fnv1a(`${folder}:${top}`);
}
