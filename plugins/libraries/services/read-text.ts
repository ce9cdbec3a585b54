// Reads the text files beside media (NFOs) for planning, through one capped buffer, and a folder's NFO of a given name
// parsed, its problems as warnings.
import { closeSync, constants, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { NfoResult } from '../lib/nfo/index.ts';
import { findFile } from './scan-context.ts';

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

/**
 * The NFO called `name` (any case) in a folder's listing, parsed, or null when there is none or it is unusable; its
 * repairs, or why it was ignored, go to `warnings` after its path (`label`, relative to the library root).
 */
export function readNfoIn<T>(
  folder: string,
  files: string[] | undefined,
  name: string,
  label: string,
  parse: (text: string) => NfoResult<T>,
  warnings: string[],
): T | null {
  const nfoName = findFile(files, name);
  if (!nfoName) return null;
  const text = readText(join(folder, nfoName));
  const r = text === null ? null : parse(text);
  const where = join(label, nfoName);
  if (!r?.ok) {
    warnings.push(`${where}: ${r && !r.ok ? r.error : 'unreadable'} (ignored)`);
    return null;
  }
  for (const m of r.warnings) warnings.push(`${where}: ${m}`);
  return r.value;
}
