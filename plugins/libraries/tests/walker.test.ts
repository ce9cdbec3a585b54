// The walk itself: what it skips (junk, hidden, `.ignore`d folders), symlinked folders followed, a folder that cannot
// be read reported while the walk goes on, depth-first name order, yields and aborts, and statted videos — the same
// whether paths are concatenated (normalised root) or worked out by `join`/`relative` (any other root). Link loops and
// names that are not UTF-8: walker-links.test.ts.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { mkdirSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { classifyExtra } from '../lib/naming/index.ts';
import { type Folder, type StattedFolder, statVideos, walk } from '../services/walker.ts';
import { removeTemps, tempDir } from './fixtures.ts';

const FILES = [
  'Movie A (2000)/Movie A (2000).mkv',
  'Movie A (2000)/Movie A (2000)-trailer.mkv',
  'Movie A (2000)/poster.jpg',
  'Movie A (2000)/.hidden.mkv',
  'Movie A (2000)/Movie A (2000).mkv.part',
  'Movie A (2000)/Trailers/Teaser.mkv',
  'Movie A (2000)/Sample/sample.mkv',
  'Movie A (2000)/@eaDir/junk.mkv',
  'Movie A (2000)/Movie A (2000).trickplay/0.jpg',
  'Ignored/.ignore',
  'Ignored/i.mkv',
  'Ignored/Sub/j.mkv',
  'Folder Ignore/.ignore/x.txt',
  'Folder Ignore/kept.mkv',
  'Show/Season 01/Show S01E01.mkv',
  'Show/Season 01/Extras/Making Of.mkv',
  'Show/Season 01/back\\slash.mkv',
  'top.mkv',
];

// A folder whose absolute path is longer than PATH_MAX: listed by its parent, unreadable itself.
const LONG = 'd'.repeat(250);
const DEEP = 17;

let root: string;
beforeAll(() => {
  root = tempDir();
  for (const f of FILES) {
    mkdirSync(dirname(join(root, f)), { recursive: true });
    writeFileSync(join(root, f), 'x');
  }
  symlinkSync(join(root, 'Movie A (2000)'), join(root, 'Linked'));
  symlinkSync(join(root, 'nowhere.mkv'), join(root, 'Show/broken.mkv'));
  // Made with short names and renamed deepest first: no call ever names a path over PATH_MAX.
  mkdirSync(join(root, 'deep', 'a/'.repeat(DEEP)), { recursive: true });
  for (let k = DEEP; k >= 1; k--)
    renameSync(join(root, 'deep', 'a/'.repeat(k - 1), 'a'), join(root, 'deep', 'a/'.repeat(k - 1), LONG));
});
afterAll(removeTemps);

async function walked(from: string) {
  const folders: StattedFolder[] = [];
  const errors: [dir: string, code: string][] = [];
  const visited = await walk(from, (f) => folders.push(statVideos(from, f, true)), {
    onError: (dir, err) => errors.push([dir, err.message.split(':')[0]]),
  });
  return { folders, errors, visited, byRel: new Map(folders.map((f) => [f.dir.slice(root.length + 1), f])) };
}

describe('walk', () => {
  test('skips junk, hidden, sample and .ignore-d folders; follows symlinked folders; goes on past an unreadable one', async () => {
    const { byRel, errors, visited } = await walked(root);
    expect([...byRel.keys()].filter((d) => !d.startsWith('deep/')).sort()).toEqual([
      '',
      'Folder Ignore',
      'Linked',
      'Linked/Trailers',
      'Movie A (2000)',
      'Movie A (2000)/Trailers',
      'Show',
      'Show/Season 01',
      'Show/Season 01/Extras',
      'deep',
    ]);
    expect(visited).toBe(byRel.size);
    expect(byRel.get('Movie A (2000)')?.files.sort()).toEqual([
      'Movie A (2000)-trailer.mkv',
      'Movie A (2000).mkv',
      'poster.jpg',
    ]);
    expect(byRel.get('Folder Ignore')?.files).toEqual(['kept.mkv']);
    // The first folder past PATH_MAX is reported (its path is the parents' plus its own name), its parents walked.
    const reachable = Math.floor((4095 - root.length - '/deep'.length) / (LONG.length + 1));
    expect(errors).toEqual([
      [join(root, 'deep', `${LONG}/`.repeat(reachable + 1)).slice(0, -1), 'ENAMETOOLONG'],
    ]);
    expect([...byRel.keys()].filter((d) => d.startsWith('deep/'))).toHaveLength(reachable);
  });

  test('videos: statted with their paths and extras, or with the error that stopped the stat', async () => {
    const { byRel } = await walked(root);
    const video = (rel: string, extra?: boolean) => {
      const path = join(root, rel);
      const st = statSync(path);
      const name = rel.slice(rel.lastIndexOf('/') + 1);
      const stat = { name, path, rel, size: st.size, mtimeMs: Math.floor(st.mtimeMs) };
      return extra === undefined ? stat : { ...stat, extra };
    };
    expect(byRel.get('')?.videos).toEqual([video('top.mkv', false)]);
    expect(byRel.get('Linked/Trailers')?.videos).toEqual([video('Linked/Trailers/Teaser.mkv', true)]);
    expect(byRel.get('Show/Season 01/Extras')?.videos).toEqual([
      video('Show/Season 01/Extras/Making Of.mkv', true),
    ]);
    expect(byRel.get('Show/Season 01')?.videos).toHaveLength(2);
    expect(byRel.get('Show/Season 01')?.videos).toContainEqual(
      video('Show/Season 01/back\\slash.mkv', false),
    );
    expect(byRel.get('Show')?.videos).toEqual([
      { name: 'broken.mkv', error: expect.stringContaining('ENOENT') as unknown as string },
    ]);
    const movie = byRel.get('Movie A (2000)')?.videos ?? [];
    expect(movie).toContainEqual(video('Movie A (2000)/Movie A (2000)-trailer.mkv', true));
    expect(movie).toContainEqual(video('Movie A (2000)/Movie A (2000).mkv', false));
    expect(statVideos(root, byRel.get('')!, false).videos).toEqual([video('top.mkv')]);
    expect('extra' in statVideos(root, byRel.get('')!, false).videos[0]).toBe(false);
  });

  test('depth-first in name order: every folder is followed at once by the folders under it', async () => {
    const dirs = (await walked(root)).folders.map((f) => f.dir);
    expect(dirs[0]).toBe(root);
    dirs.forEach((dir, i) => {
      const under = dirs.filter((d) => d.startsWith(`${dir}/`)).length;
      expect(dirs.slice(i + 1, i + 1 + under).every((d) => d.startsWith(`${dir}/`))).toBe(true);
    });
  });

  test('folders and files come in name order whatever order they were made in', async () => {
    const shuffled = tempDir();
    const names = ['b', 'C', 'a', 'é', '10', '9', 'B'];
    for (const n of names) {
      mkdirSync(join(shuffled, `dir ${n}`));
      writeFileSync(join(shuffled, `dir ${n}`, `file ${n}.mkv`), '');
      writeFileSync(join(shuffled, `file ${n}.mkv`), '');
    }
    const { folders } = await walked(shuffled);
    const order = ['10', '9', 'B', 'C', 'a', 'b', 'é'];
    expect(folders.map((f) => f.dir)).toEqual([shuffled, ...order.map((n) => join(shuffled, `dir ${n}`))]);
    expect(folders[0].files).toEqual(order.map((n) => `file ${n}.mkv`));
  });

  test('a root join would change walks alike (join and relative work the paths out)', async () => {
    const plain = await walked(root);
    for (const other of [`${root}/`, `${dirname(root)}/./${root.split('/').at(-1)}`, `${root}//`]) {
      const odd = await walked(other);
      expect(odd.folders[0].dir).toBe(other);
      expect(odd.folders.slice(1)).toEqual(plain.folders.slice(1));
      expect({ ...odd.folders[0], dir: root }).toEqual(plain.folders[0]);
      expect(odd.errors).toEqual(plain.errors);
    }
  });

  test('statVideos of any folder and root, and names the walk never lists, as join and relative have them', () => {
    const dir = join(root, 'Movie A (2000)');
    const files = ['Movie A (2000).mkv', 'Trailers/Teaser.mkv', '../top.mkv', 'gone.mkv', 'poster.jpg'];
    for (const from of [root, dir, dirname(root), '/', `${root}/`, join(root, 'Show'), 'relative/root']) {
      for (const folder of [
        { dir, files },
        { dir: `${dir}/`, files },
        { dir: join(root, 'Show', '..', 'Movie A (2000)'), files },
      ] as Folder[]) {
        const videos = statVideos(from, folder, true).videos;
        expect(videos.map((v) => ('path' in v ? v.path : v.error.split(':')[0]))).toEqual([
          join(dir, files[0]),
          join(dir, files[1]),
          join(root, 'top.mkv'),
          'ENOENT',
        ]);
        expect(videos.map((v) => ('rel' in v ? v.rel : null))).toEqual([
          ...[join(dir, files[0]), join(dir, files[1]), join(root, 'top.mkv')].map((p) => relative(from, p)),
          null,
        ]);
        expect(videos.map((v) => ('extra' in v ? v.extra : null))).toEqual([
          ...[join(dir, files[0]), join(dir, files[1]), join(root, 'top.mkv')].map(
            (p) => !!classifyExtra(relative(from, p)),
          ),
          null,
        ]);
      }
    }
  });

  test('yields to the event loop every yieldEvery folders', async () => {
    let ticks = 0;
    let done = false;
    const tick = () => {
      ticks += 1;
      if (!done) setImmediate(tick);
    };
    setImmediate(tick);
    const at: number[] = [];
    await walk(root, () => at.push(ticks), { yieldEvery: 2 });
    done = true;
    expect(at.length).toBeGreaterThan(6);
    at.forEach((t, i) => {
      if (i % 2 === 1) expect(t).toBe(at[i - 1]);
      else if (i > 0) expect(t).toBeGreaterThan(at[i - 1]);
    });
  });

  test('an abort stops the walk before the next folder with its reason', async () => {
    const stop = new AbortController();
    let seen = 0;
    const run = walk(
      root,
      () => {
        seen += 1;
        if (seen === 3) stop.abort(new Error('scan cancelled'));
      },
      { signal: stop.signal },
    );
    await expect(run).rejects.toThrow('scan cancelled');
    expect(seen).toBe(3);
  });
});
