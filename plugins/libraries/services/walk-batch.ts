// Statted folders as they cross from the scan worker to the main thread. Each video travels as four numbers in one
// typed array (its place in the folder's listing, size, mtime, whether it is an extra) instead of an object holding
// its name, path and library-relative path, which are rebuilt on arrival exactly as the walk built them: a third of
// the bytes, and far fewer objects for the structured clone to copy on both sides.
import { type Place, placeOf, type StattedFolder, type VideoStat, videoPaths } from './walker.ts';

/** Folders of one walk batch, packed. */
export interface PackedFolders {
  dirs: string[];
  files: string[][];
  sigs: number[];
  /**
   * Per folder its number of videos, then per video: its index in the folder's `files`, then size, mtime and
   * extra (1 or 0; -1 when not classified) — or, for a video that could not be statted, -1 and the index of the
   * reason in `errors`, then two zeros.
   */
  nums: Float64Array;
  errors: string[];
}

const NUMS_PER_VIDEO = 4;

/** Packs folders of the walk (statted by `statVideos`) for the trip to the main thread. */
export function packFolders(folders: StattedFolder[]): PackedFolders {
  let n = 0;
  for (const f of folders) n += 1 + f.videos.length * NUMS_PER_VIDEO;
  const nums = new Float64Array(n);
  const errors: string[] = [];
  let at = 0;
  for (const f of folders) {
    nums[at++] = f.videos.length;
    let from = 0;
    for (const v of f.videos) {
      // Videos come in listing order: the search for each name starts after the previous one.
      const index = f.files.indexOf(v.name, from);
      from = index + 1;
      nums[at++] = index;
      if ('error' in v) {
        nums[at++] = -1;
        nums[at++] = errors.push(v.error) - 1;
        nums[at++] = 0;
      } else {
        nums[at++] = v.size;
        nums[at++] = v.mtimeMs;
        nums[at++] = v.extra === undefined ? -1 : v.extra ? 1 : 0;
      }
    }
  }
  return {
    dirs: folders.map((f) => f.dir),
    files: folders.map((f) => f.files),
    sigs: folders.map((f) => f.sig),
    nums,
    errors,
  };
}

/** The folders of a packed batch of the walk of `root`, as `statVideos` gave them. */
export function unpackFolders(root: string, p: PackedFolders): StattedFolder[] {
  const out: StattedFolder[] = [];
  const { nums } = p;
  let at = 0;
  for (let i = 0; i < p.dirs.length; i++) {
    const dir = p.dirs[i];
    const files = p.files[i];
    const count = nums[at++];
    const videos: VideoStat[] = [];
    let place: Place | null | undefined;
    for (let k = 0; k < count; k++, at += NUMS_PER_VIDEO) {
      const name = files[nums[at]];
      const size = nums[at + 1];
      if (size < 0) {
        videos.push({ name, error: p.errors[nums[at + 2]] });
        continue;
      }
      if (place === undefined) place = placeOf(root, dir);
      const { path, rel } = videoPaths(root, dir, name, place);
      const extra = nums[at + 3];
      const video: VideoStat = { name, path, rel, size, mtimeMs: nums[at + 2] };
      if (extra >= 0) video.extra = extra === 1;
      videos.push(video);
    }
    out.push({ dir, files, videos, sig: p.sigs[i] });
  }
  return out;
}
