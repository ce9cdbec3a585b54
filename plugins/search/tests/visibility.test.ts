// Visibility inside the query: a restricted viewer gets full pages of allowed results, nothing hidden in
// suggestions, people only through titles they may see, episodes only through their show, and no typo
// alternative or missing item that reveals anything.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { sql } from 'drizzle-orm';
import { insertLibrary, insertTitles, setMissing, type TitleSpec } from './catalog.ts';
import { MOVIES, SHOWS } from './fixture.ts';
import {
  type Booted,
  boot,
  librariesApi,
  reindex,
  search,
  searchAll,
  suggestions,
  titles,
} from './harness.ts';

// Thirty "Night" titles, every other one rated R, so a page filtered after the fact would have holes.
const NIGHTS: TitleSpec[] = Array.from({ length: 30 }, (_, i) => ({
  title: `Night ${String(i + 1).padStart(2, '0')}`,
  rating: i % 2 ? 'R' : 'PG',
  cast: i % 2 ? ['Hidden Actor'] : ['Shown Actor', 'Both Actor'],
}));
NIGHTS[1].cast = ['Hidden Actor', 'Both Actor'];

let b: Booted;
let user: string;
let ids: Map<string, string>;
beforeAll(async () => {
  b = await boot();
  const db = b.h.core.sqlite;
  ids = insertTitles(db, insertLibrary(db, 'movies'), [...MOVIES, ...NIGHTS]);
  for (const [k, v] of insertTitles(db, insertLibrary(db, 'shows'), SHOWS)) ids.set(k, v);
  await reindex(b);
  librariesApi(b).addVisibilityFilter((v) =>
    v.role === 'admin' ? undefined : sql`libraries_items.content_rating NOT IN ('R', 'TV-MA')`,
  );
  user = (await b.h.user()).token;
});
afterAll(() => b.h.stop());

describe('pages for a restricted viewer', () => {
  test('are full until the last one, and hold only allowed titles', async () => {
    const sizes: number[] = [];
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await search(b, { q: 'night', limit: 4, ...(cursor ? { cursor } : {}) }, user);
      sizes.push(page.items.length);
      seen.push(...page.items.map((i: any) => i.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([4, 4, 4, 3]);
    expect(seen).toEqual(NIGHTS.filter((n) => n.rating === 'PG').map((n) => n.title));
  });

  test('the unrestricted viewer pages through every title', async () => {
    const all = await searchAll(b, { q: 'night', limit: 7 });
    expect(all.map((i) => i.title)).toEqual(NIGHTS.map((n) => n.title));
  });

  test('the last page of a restricted viewer has no cursor even though hidden matches follow', async () => {
    const page = await search(b, { q: 'night', limit: 15 }, user);
    expect(page.items).toHaveLength(15);
    expect(page.nextCursor).toBeNull();
  });
});

describe('hidden titles never show', () => {
  test.each([
    ['exact title', 'The Matrix'],
    ['typo of a hidden title', 'matrx'],
    ['original title', 'fabuleux destin'],
    ['overview words', 'computer hacker'],
    ['episode of a hidden show', 'ozymandias'],
    ['show and episode words', 'breaking bad pilot'],
  ])('%s: %p', async (_name, q) => {
    expect(await titles(b, q, {}, user)).toEqual([]);
    expect((await titles(b, q)).length).toBeGreaterThan(0);
  });

  test('suggestions leave hidden titles out', async () => {
    expect((await suggestions(b, 'the mat', user)).map((s) => s.text)).toEqual([]);
    expect((await suggestions(b, 'nigh', user)).map((s) => s.text)).toEqual(
      NIGHTS.filter((n) => n.rating === 'PG')
        .slice(0, 10)
        .map((n) => n.title),
    );
    expect((await suggestions(b, 'bre', user)).map((s) => s.text)).toEqual([]);
  });

  test('allowed titles next to hidden ones stay findable', async () => {
    expect(await titles(b, 'interstellar', {}, user)).toEqual(['Interstellar']);
    expect(await titles(b, 'bluey', {}, user)).toEqual(['Bluey', 'Magic Xylophone']);
  });
});

describe('people', () => {
  test('a person credited only in hidden titles is not found', async () => {
    expect(await titles(b, 'hidden actor', { types: 'person' }, user)).toEqual([]);
    expect(await titles(b, 'hidden actor', { types: 'person' })).toEqual(['Hidden Actor']);
  });

  test('a person credited in hidden and allowed titles is found, with only the allowed titles', async () => {
    expect(await titles(b, 'both actor', {}, user)).toEqual([
      'Both Actor',
      ...NIGHTS.filter((n) => n.rating === 'PG' && n.cast?.includes('Both Actor'))
        .map((n) => n.title)
        .slice(0, 19),
    ]);
  });

  test('Keanu Reeves, credited only in R titles, is hidden', async () => {
    expect(await titles(b, 'keanu', {}, user)).toEqual([]);
  });
});

describe('missing items', () => {
  test('a title marked missing disappears at once and comes back when restored', async () => {
    const id = ids.get('Interstellar')!;
    setMissing(b.h.core.sqlite, id, true);
    expect(await titles(b, 'interstellar')).toEqual([]);
    setMissing(b.h.core.sqlite, id, false);
    expect(await titles(b, 'interstellar')).toEqual(['Interstellar']);
  });
});
