// PATCH /v1/metadata/:id, identify and unlock over HTTP: a blank title or list entry is a 422 that changes nothing,
// text is stored trimmed with list repeats folded, edited fields survive a rescan that re-reads a changed NFO, and
// unlock refuses field names it does not know.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { movieNfo, removeTemps, setMtime, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, listAll, scan } from './harness.ts';

let b: Booted;
let lib: string;
let root: string;
let heat: string;

const HEAT_NFO = { title: 'Heat', year: 1995, genres: ['Crime'], mpaa: 'R' };

beforeAll(async () => {
  b = await boot({ probe: false });
  root = await writeTree(tempDir(), {
    'Heat (1995)/Heat (1995).mkv': '',
    'Heat (1995)/movie.nfo': movieNfo(HEAT_NFO),
  });
  lib = await createLibrary(b, 'movies', [root]);
  await scan(b, lib);
  heat = (await get(b, '/v1/movies?q=heat')).items[0].id;
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

const call = (method: string, path: string, body?: unknown) =>
  b.h.request(method, path, { token: b.token, body });
const detail = () => get(b, `/v1/movies/${heat}`);

describe('bad edits change nothing', () => {
  test.each([
    [{ title: '   ' }, [['body.title', 'Must not be blank']]],
    [{ sortTitle: ' ' }, [['body.sortTitle', 'Must not be blank']]],
    [{ title: 'Heat\nII' }, [['body.title', 'Must not contain control characters (such as newlines)']]],
    [{ genres: ['Action', ' '], rating: 9 }, [['body.genres.1', 'Must not be blank']]],
  ])('PATCH %j is a 422 naming the field', async (body, problems) => {
    const before = await detail();
    const r = await call('PATCH', `/v1/metadata/${heat}`, body);
    expect(r.status).toBe(422);
    expect(r.body.details.map((d: any) => [d.path, d.message])).toEqual(problems);
    expect(await detail()).toEqual(before);
  });

  test('identify with a blank title is a 422 and sets no ids', async () => {
    const r = await call('POST', `/v1/metadata/${heat}/identify`, {
      providerIds: { tmdb: '949' },
      title: ' ',
    });
    expect(r.status).toBe(422);
    expect(r.body.details.map((d: any) => d.path)).toEqual(['body.title']);
    expect((await detail()).providerIds).toEqual({});
  });

  test('unlocking a field an edit cannot lock is a 422 naming it, and unlocks nothing', async () => {
    expect(
      (await call('PATCH', `/v1/metadata/${heat}`, { tagline: 'A Los Angeles crime saga' })).status,
    ).toBe(200);
    const r = await call('POST', `/v1/metadata/${heat}/unlock`, { fields: ['tagline', 'taglin'] });
    expect(r.status).toBe(422);
    expect(r.body.details.map((d: any) => d.path)).toEqual(['body.fields.1']);
    expect((await detail()).lockedFields).toContain('tagline');
    const ok = await call('POST', `/v1/metadata/${heat}/unlock`, { fields: ['tagline'] });
    expect([ok.status, ok.body.lockedFields]).toEqual([200, expect.not.arrayContaining(['tagline'])]);
  });
});

describe('an edit is stored tidy and kept', () => {
  test('titles and genres are trimmed, a genre given twice in two cases is kept once', async () => {
    const r = await call('PATCH', `/v1/metadata/${heat}`, {
      title: '  Heat (Director’s Edit) ',
      genres: [' Crime', 'Thriller  ', 'crime'],
      studios: ['Warner Bros. ', 'warner bros.'],
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      title: 'Heat (Director’s Edit)',
      genres: ['Crime', 'Thriller'],
      studios: ['Warner Bros.'],
    });
    expect((await listAll(b, '/v1/movies?genre=thriller')).map((m) => m.title)).toEqual([
      'Heat (Director’s Edit)',
    ]);
    const genres = (await get(b, '/v1/genres?kind=movie')).items.map((g: any) => [g.name, g.count]);
    expect(genres).toEqual([
      ['Crime', 1],
      ['Thriller', 1],
    ]);
  });

  test('edited fields survive a rescan that re-reads a changed NFO; the rest follows the NFO', async () => {
    const nfo = join(root, 'Heat (1995)/movie.nfo');
    writeFileSync(nfo, movieNfo({ ...HEAT_NFO, title: 'Heat (NFO)', mpaa: 'PG-13', genres: ['Drama'] }));
    setMtime(nfo, 1_700_000_000);
    await scan(b, lib);
    expect(await detail()).toMatchObject({
      title: 'Heat (Director’s Edit)',
      genres: ['Crime', 'Thriller'],
      contentRating: 'PG-13',
      match: { method: 'manual', confidence: 1 },
    });
  });
});
