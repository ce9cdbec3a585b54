// Reads the text files beside media (NFOs) for planning, through one capped buffer.
import { closeSync, constants, openSync, readSync } from 'node:fs';

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
    // Non-blocking: a named pipe called movie.nfo (nothing writes to it) would otherwise hang the scan in open().
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
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
