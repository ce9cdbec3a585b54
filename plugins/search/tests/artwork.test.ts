// Search hits and suggestions carry a poster URL: a title's poster, an episode's thumb or else its show's
// poster, and null for titles without artwork and for people.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { insertLibrary, insertTitles } from './catalog.ts';
import { MOVIES, SHOWS } from './fixture.ts';
import { type Booted, boot, reindex } from './harness.ts';

let b: Booted;
let ids: Map<string, string>;
const setArtwork = (id: string, art: Record<string, string>) =>
  b.h.core.sqlite.query('UPDATE libraries_items SET artwork = ? WHERE id = ?').run(JSON.stringify(art), id);

beforeAll(async () => {
  b = await boot();
  const db = b.h.core.sqlite;
  ids = new Map([
    ...insertTitles(db, insertLibrary(db), MOVIES),
    ...insertTitles(db, insertLibrary(db, 'shows'), SHOWS),
  ]);
  setArtwork(ids.get('The Matrix')!, { poster: 'poster.jpg', backdrop: 'fanart.jpg' });
  setArtwork(ids.get('Breaking Bad')!, { poster: 'poster.jpg' });
  setArtwork(ids.get('Breaking Bad/Ozymandias')!, { thumb: 'ozymandias-thumb.jpg' });
  await reindex(b);
});
afterAll(() => b.h.stop());

const hit = async (path: string, id: string | undefined) => {
  const r = await b.h.request('GET', path, { token: b.token });
  expect(r.status).toBe(200);
  const found = r.body.items.find((x: any) => x.id === id);
  expect(found).toBeDefined();
  return found;
};

test.each([
  ['a movie with a poster', 'matrix', 'The Matrix', (id: string) => `/v1/images/${id}/poster`],
  ['a movie without artwork', 'inception', 'Inception', () => null],
  [
    'an episode with a thumb',
    'ozymandias',
    'Breaking Bad/Ozymandias',
    (id: string) => `/v1/images/${id}/thumb`,
  ],
  [
    'an episode without one: its show’s poster',
    'pilot',
    'Breaking Bad/Pilot',
    () => `/v1/images/${ids.get('Breaking Bad')}/poster`,
  ],
])('search: %s', async (_name, q, title, expected) => {
  const id = ids.get(title)!;
  expect((await hit(`/v1/search?q=${q}`, id)).artwork).toBe(expected(id));
});

test('a person hit has no artwork', async () => {
  const r = await b.h.request('GET', '/v1/search?q=keanu&types=person', { token: b.token });
  expect(r.body.items.length).toBeGreaterThan(0);
  expect(r.body.items.map((x: any) => x.artwork)).toEqual(r.body.items.map(() => null));
});

test('suggestions carry the same poster URL', async () => {
  const id = ids.get('The Matrix')!;
  expect((await hit('/v1/search/suggestions?q=the%20matr', id)).artwork).toBe(`/v1/images/${id}/poster`);
});
