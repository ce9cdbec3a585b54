// Rescans re-read a video whose neighbours changed while the video did not: an edited or new NFO, new artwork,
// new subtitles, a changed tvshow.nfo or season poster. Unchanged folders still cost nothing, and manual edits
// stay locked.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { movieNfo, removeTemps, setMtime, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, listAll, movieTitled, scan } from './harness.ts';

let b: Booted;
afterAll(async () => {
  await b.h.stop();
  removeTemps();
});
beforeAll(async () => {
  b = await boot({ probe: false });
});

describe('movies', () => {
  let root: string;
  let lib: string;
  beforeAll(async () => {
    root = tempDir();
    await writeTree(root, {
      'Inception (2010)/Inception (2010).mkv': 'inception',
      'Inception (2010)/movie.nfo': movieNfo({ title: 'Inception', year: 2010, mpaa: 'PG-13' }),
      'Gattaca (1997)/Gattaca (1997).mkv': 'gattaca',
      'Heat (1995)/Heat (1995).mkv': 'heat',
      'Heat (1995)/movie.nfo': movieNfo({ title: 'Heat', year: 1995 }),
    });
    lib = await createLibrary(b, 'movies', [root]);
    await scan(b, lib);
  });

  test('an NFO edited in place (same name, new content and mtime) is read again', async () => {
    const nfo = join(root, 'Inception (2010)/movie.nfo');
    writeFileSync(nfo, movieNfo({ title: 'Inception', year: 2010, mpaa: 'R', genres: ['Sci-Fi'] }));
    setMtime(nfo, 2_000_000_000);
    const s = await scan(b, lib);
    expect(s.counts).toMatchObject({ files: 3, unchanged: 2, updated: 1, added: 0, errors: 0 });
    const m = await movieTitled(b, 'Inception');
    expect(m.contentRating).toBe('R');
    expect(m.genres).toEqual(['Sci-Fi']);
  });

  test('a new NFO beside an unchanged video takes over from the file name', async () => {
    expect((await movieTitled(b, 'Gattaca')).match.method).toBe('filename');
    await writeTree(root, {
      'Gattaca (1997)/movie.nfo': movieNfo({ title: 'Gattaca NFO', year: 1997, genres: ['Drama'] }),
    });
    const s = await scan(b, lib);
    expect(s.counts).toMatchObject({ unchanged: 2, updated: 1, added: 0 });
    const m = await movieTitled(b, 'Gattaca NFO');
    expect(m.match.method).toBe('nfo');
    expect(m.genres).toEqual(['Drama']);
  });

  test('new artwork and a new subtitle file appear on the next scan; removing them clears them', async () => {
    await writeTree(root, {
      'Heat (1995)/poster.jpg': 'jpg',
      'Heat (1995)/Heat (1995).en.srt': '1\n00:00:00,000 --> 00:00:01,000\nHi\n',
    });
    await scan(b, lib);
    const heat = await movieTitled(b, 'Heat');
    expect(heat.artwork.poster).toBe(`/v1/images/${heat.id}/poster`);
    const subs = (await get(b, `/v1/subtitles/${heat.id}`)).items;
    expect(subs.map((t: any) => [t.language, t.external])).toEqual([['eng', true]]);
    rmSync(join(root, 'Heat (1995)/poster.jpg'));
    rmSync(join(root, 'Heat (1995)/Heat (1995).en.srt'));
    await scan(b, lib);
    expect((await movieTitled(b, 'Heat')).artwork).toEqual({});
    expect((await get(b, `/v1/subtitles/${heat.id}`)).items).toEqual([]);
  });

  test('once re-read, the next rescan counts every file unchanged again', async () => {
    const s = await scan(b, lib);
    expect(s.counts).toMatchObject({ files: 3, unchanged: 3, updated: 0, added: 0 });
  });

  test('a manual title edit stays when the NFO beside it changes', async () => {
    const m = await movieTitled(b, 'Heat');
    const r = await b.h.request('PATCH', `/v1/metadata/${m.id}`, {
      token: b.token,
      body: { title: 'My Heat' },
    });
    expect(r.status).toBe(200);
    const nfo = join(root, 'Heat (1995)/movie.nfo');
    writeFileSync(nfo, movieNfo({ title: 'Heat (NFO)', year: 1995, mpaa: 'R' }));
    setMtime(nfo, 2_000_000_100);
    const s = await scan(b, lib);
    expect(s.counts).toMatchObject({ updated: 1 });
    const after = await movieTitled(b, 'My Heat');
    expect(after.id).toBe(m.id);
    expect(after.contentRating).toBe('R');
  });
});

describe('shows', () => {
  let root: string;
  let lib: string;
  const show = async () => (await listAll(b, `/v1/shows?library=${lib}`))[0];
  beforeAll(async () => {
    root = tempDir();
    await writeTree(root, {
      'Firefly (2002)/tvshow.nfo': '<tvshow><title>Firefly</title><genre>Western</genre></tvshow>',
      'Firefly (2002)/Season 01/Firefly - S01E01 - Serenity.mkv': 'e1',
      'Firefly (2002)/Season 01/Firefly - S01E02 - The Train Job.mkv': 'e2',
    });
    lib = await createLibrary(b, 'shows', [root]);
    await scan(b, lib);
  });

  test('an edited tvshow.nfo updates the show though no episode changed', async () => {
    const nfo = join(root, 'Firefly (2002)/tvshow.nfo');
    writeFileSync(nfo, '<tvshow><title>Firefly</title><genre>Science Fiction</genre></tvshow>');
    setMtime(nfo, 2_000_000_000);
    const s = await scan(b, lib);
    expect(s.counts).toMatchObject({ files: 2, added: 0, errors: 0 });
    expect((await show()).genres).toEqual(['Science Fiction']);
  });

  test('a season poster in the show folder and an episode thumb in the season folder appear', async () => {
    await writeTree(root, {
      'Firefly (2002)/season01-poster.jpg': 'jpg',
      'Firefly (2002)/Season 01/Firefly - S01E02 - The Train Job-thumb.jpg': 'jpg',
    });
    await scan(b, lib);
    const s = await show();
    const season = (await get(b, `/v1/shows/${s.id}/seasons`)).items[0];
    expect(season.artwork.poster).toBe(`/v1/images/${season.id}/poster`);
    const ep = await get(b, `/v1/shows/${s.id}/seasons/1/episodes/2`);
    expect(ep.artwork.thumb).toBe(`/v1/images/${ep.id}/thumb`);
    const again = await scan(b, lib);
    expect(again.counts).toMatchObject({ files: 2, unchanged: 2, updated: 0 });
  });
});
