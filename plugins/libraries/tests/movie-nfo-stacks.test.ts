// The NFO of a movie split over several files (cd1/cd2 parts, `- 1080p` versions): Kodi's `name.nfo` for a stack, an
// NFO named after the folder the versions extend, or an NFO beside only one of the files (Kodi's `name-cd1.nfo`) is
// read for every file of the title, so it stays one movie with the NFO's fields, on the first scan and on rescans.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { basename } from 'node:path';
import { movieNfo, removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, listAll, scan, startScan, waitForScan } from './harness.ts';

let b: Booted;
let lib: string;

const nfo = (title: string, tmdb: string) =>
  movieNfo({ title, year: 2004, tmdb, genres: ['Drama'], mpaa: 'PG' });

beforeAll(async () => {
  b = await boot({ probe: false });
  const root = await writeTree(tempDir(), {
    // Kodi's NFO of a stack: the name without the part.
    'Stack (2004)/Stack (2004) cd1.mkv': 'a',
    'Stack (2004)/Stack (2004) cd2.mkv': 'b',
    'Stack (2004)/Stack (2004).nfo': nfo('Stack From NFO', '9001'),
    // Kodi's other spelling: the NFO of the first part only.
    'Parts (2004)/Parts (2004) - part1.mkv': 'a',
    'Parts (2004)/Parts (2004) - part2.mkv': 'b',
    'Parts (2004)/Parts (2004) - part1.nfo': nfo('Parts From NFO', '9002'),
    // Versions with an NFO named after their folder.
    'Versions (2004)/Versions (2004) - 1080p.mkv': 'a',
    'Versions (2004)/Versions (2004) - 2160p.mkv': 'b',
    'Versions (2004)/Versions (2004).nfo': nfo('Versions From NFO', '9003'),
    // Versions with an NFO beside one of them.
    'Beside (2004)/Beside (2004) - 720p.mkv': 'a',
    'Beside (2004)/Beside (2004) - 1080p.mkv': 'b',
    'Beside (2004)/Beside (2004) - 720p.nfo': nfo('Beside From NFO', '9004'),
    // Another title in the folder of a stack keeps its own NFO.
    'Mixed/Heat (1995) cd1.mkv': 'a',
    'Mixed/Heat (1995) cd2.mkv': 'b',
    'Mixed/Heat (1995).nfo': nfo('Heat From NFO', '9005'),
    'Mixed/Up (2009).mkv': 'c',
  });
  lib = await createLibrary(b, 'movies', [root]);
  await scan(b, lib);
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

const catalog = async () =>
  (await listAll(b, '/v1/movies'))
    .map((m) => ({
      title: m.title,
      tmdb: m.providerIds.tmdb ?? null,
      genres: m.genres,
      contentRating: m.contentRating,
      files: m.files.map((f: { path: string }) => basename(f.path)).sort(),
    }))
    .sort((x, y) => (x.title < y.title ? -1 : 1));

const EXPECTED = [
  {
    title: 'Beside From NFO',
    tmdb: '9004',
    files: ['Beside (2004) - 1080p.mkv', 'Beside (2004) - 720p.mkv'],
  },
  { title: 'Heat From NFO', tmdb: '9005', files: ['Heat (1995) cd1.mkv', 'Heat (1995) cd2.mkv'] },
  { title: 'Parts From NFO', tmdb: '9002', files: ['Parts (2004) - part1.mkv', 'Parts (2004) - part2.mkv'] },
  { title: 'Stack From NFO', tmdb: '9001', files: ['Stack (2004) cd1.mkv', 'Stack (2004) cd2.mkv'] },
  { title: 'Up', tmdb: null, files: ['Up (2009).mkv'], genres: [], contentRating: null },
  {
    title: 'Versions From NFO',
    tmdb: '9003',
    files: ['Versions (2004) - 1080p.mkv', 'Versions (2004) - 2160p.mkv'],
  },
].map((m) => ({ genres: ['Drama'], contentRating: 'PG', ...m }));

test('every file of a split or versioned title reads the one NFO: one movie each, with its fields', async () => {
  expect(await catalog()).toEqual(EXPECTED);
});

test('a forced rescan, which reads every file again, keeps them so', async () => {
  const status = await waitForScan(b, lib, await startScan(b, lib, { force: true }));
  expect(status.counts).toMatchObject({ files: 11, unchanged: 0, errors: 0 });
  expect(await catalog()).toEqual(EXPECTED);
});
