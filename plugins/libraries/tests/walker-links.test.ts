// The walk and awkward folders: symbolic links that would make loops (never walked round, each refusal reported) and
// names that are not UTF-8 (reported as such, not as "no such file").
import { afterAll, describe, expect, test } from 'bun:test';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { type StattedFolder, statVideos, walk } from '../services/walker.ts';
import { removeTemps, tempDir } from './fixtures.ts';

afterAll(removeTemps);

describe('symbolic links that make loops', () => {
  test('a link back up, a link to the root, a second link to one folder and a ping-pong pair end the walk', async () => {
    const top = tempDir();
    const lib = join(top, 'lib');
    const outside = join(top, 'outside');
    for (const f of ['lib/Heat (1995)/Heat (1995).mkv', 'outside/Up (2009)/Up (2009).mkv']) {
      mkdirSync(dirname(join(top, f)), { recursive: true });
      writeFileSync(join(top, f), 'x');
    }
    symlinkSync('..', join(lib, 'Heat (1995)/up'));
    symlinkSync(lib, join(lib, 'again'));
    symlinkSync(outside, join(lib, 'More'));
    symlinkSync(outside, join(lib, 'More Again'));
    symlinkSync(lib, join(outside, 'back'));
    const dirs: string[] = [];
    const errors: [string, string][] = [];
    await walk(lib, (f) => dirs.push(relative(lib, f.dir)), {
      onError: (dir, err) => errors.push([relative(lib, dir), err.message]),
    });
    // Listing order decides which of the two links to `outside` is walked; the other is refused.
    const walked = dirs.includes('More') ? 'More' : 'More Again';
    const other = walked === 'More' ? 'More Again' : 'More';
    expect(dirs.sort()).toEqual(['', 'Heat (1995)', walked, `${walked}/Up (2009)`].sort());
    const loop = 'symbolic link back to a folder being walked (a loop): not followed';
    expect(errors.sort()).toEqual(
      (
        [
          ['Heat (1995)/up', loop],
          [other, 'second symbolic link to a folder already walked: not followed'],
          [`${walked}/back`, loop],
          ['again', loop],
        ] as [string, string][]
      ).sort(),
    );
  });
});

describe('names that are not UTF-8', () => {
  test('a Latin-1 folder or file name is reported as such, not as "no such file"', async () => {
    const top = tempDir();
    const latin1 = (s: string) => Buffer.from(s, 'latin1');
    mkdirSync(Buffer.concat([Buffer.from(`${top}/`), latin1('Amélie (2001)')]));
    mkdirSync(join(top, 'Up (2009)'));
    writeFileSync(Buffer.concat([Buffer.from(`${top}/Up (2009)/`), latin1('Up (2009) café.mkv')]), 'x');
    const errors: string[] = [];
    const folders: StattedFolder[] = [];
    await walk(top, (f) => folders.push(statVideos(top, f, true)), {
      onError: (_d, e) => errors.push(e.message),
    });
    const problem = 'its name is not valid UTF-8 text: rename it (e.g. with convmv) to have it scanned';
    expect(errors).toEqual([problem]);
    const up = folders.find((f) => f.dir.endsWith('Up (2009)'));
    expect(up?.videos).toEqual([{ name: 'Up (2009) caf\uFFFD.mkv', error: problem }]);
  });
});
