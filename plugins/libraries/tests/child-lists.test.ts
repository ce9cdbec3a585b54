// A show's seasons and a season's episodes take the catalog lists' `limit` (1–100) and `cursor`: pages that together
// hold every item once, in the list's order (same-day episodes too); without a limit, every item in one page, as
// before. A bad limit is a 422 naming query.limit, a bad cursor a 400.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { encodeCursor } from '@bijou/sdk';
import { removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, listAll, scan } from './harness.ts';

let b: Booted;
const shows: Record<string, string> = {};

const pad = (n: number) => String(n).padStart(2, '0');

beforeAll(async () => {
  b = await boot({ probe: false });
  const tree: Record<string, string> = {};
  // 40 seasons of one episode; season 1 of 25 episodes; a day of four guests among dated episodes.
  for (let s = 1; s <= 40; s++) tree[`Long Show/Season ${pad(s)}/Long Show S${pad(s)}E01.mkv`] = `${s}`;
  for (let e = 2; e <= 25; e++) tree[`Long Show/Season 01/Long Show S01E${pad(e)}.mkv`] = `1-${e}`;
  for (const g of ['Dee', 'Bea', 'Cee', 'Ay']) tree[`Daily/Daily - 2024-03-02 - ${g}.mkv`] = g;
  for (const d of ['01', '03', '04']) tree[`Daily/Daily - 2024-03-${d} - Guest.mkv`] = d;
  const lib = await createLibrary(b, 'shows', [await writeTree(tempDir(), tree)]);
  await scan(b, lib);
  for (const s of await listAll(b, '/v1/shows')) shows[s.title] = s.id;
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

const seasons = () => `/v1/shows/${shows['Long Show']}/seasons`;
const episodes = (show: string, season: number) => `/v1/shows/${shows[show]}/seasons/${season}/episodes`;

/** The items of every page of `path` at `limit`, and how many pages it took. */
async function pages(path: string, limit: number): Promise<{ items: any[]; count: number }> {
  const items: any[] = [];
  let cursor: string | null = null;
  for (let count = 1; count < 100; count++) {
    const page = await get(
      b,
      `${path}?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    cursor = page.nextCursor;
    if (cursor === null) return { items, count };
  }
  throw new Error(`${path} did not stop paging`);
}

describe('a show with 40 seasons', () => {
  test('without a limit lists every season in one page, as before', async () => {
    const page = await get(b, seasons());
    expect(page.items.map((s: any) => s.seasonNumber)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(page.nextCursor).toBeNull();
  });

  test('paged 10 at a time gives all 40 in order, each once, in 4 pages', async () => {
    const { items, count } = await pages(seasons(), 10);
    expect(items.map((s) => s.seasonNumber)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(count).toBe(4);
  });

  test.each([1, 3, 39, 40, 100])('paged %i at a time gives the same list', async (limit) => {
    const whole = (await get(b, seasons())).items.map((s: any) => s.id);
    expect((await pages(seasons(), limit)).items.map((s) => s.id)).toEqual(whole);
  });
});

describe("a season's episodes", () => {
  test.each([1, 7, 25, 50])('paged %i at a time are the unpaged list, in episode order', async (limit) => {
    const whole = (await get(b, episodes('Long Show', 1))).items;
    expect(whole.map((e: any) => e.episodeNumber)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect((await pages(episodes('Long Show', 1), limit)).items.map((e) => e.id)).toEqual(
      whole.map((e: any) => e.id),
    );
  });

  test('dated episodes page by air date, then title within a day', async () => {
    const { items } = await pages(episodes('Daily', 1), 1);
    expect(items.map((e) => [e.airDate, e.title])).toEqual([
      ['2024-03-01', 'Guest'],
      ['2024-03-02', 'Ay'],
      ['2024-03-02', 'Bea'],
      ['2024-03-02', 'Cee'],
      ['2024-03-02', 'Dee'],
      ['2024-03-03', 'Guest'],
      ['2024-03-04', 'Guest'],
    ]);
    expect(items.map((e) => e.id)).toEqual((await get(b, episodes('Daily', 1))).items.map((e: any) => e.id));
  });
});

describe('bad paging parameters', () => {
  const paths = () => [seasons(), episodes('Long Show', 1)];

  test.each([['0'], ['101'], ['abc'], ['-1'], ['2.5']])(
    'limit=%s is a 422 naming query.limit',
    async (limit) => {
      for (const path of paths()) {
        const r = await b.h.request('GET', `${path}?limit=${limit}`, { token: b.token });
        expect([r.status, r.body.details]).toEqual([
          422,
          [{ path: 'query.limit', message: 'Expected an integer from 1 to 100' }],
        ]);
      }
    },
  );

  test.each([
    ['zzz'],
    [encodeCursor(['only one value'])],
    [encodeCursor(['a', 1, 1, '', 'x', 'id'])],
    [encodeCursor([1, 1, 1, '', 'x', 2])],
  ])('cursor=%s is a 400 naming the cursor', async (cursor) => {
    for (const path of paths()) {
      const r = await b.h.request('GET', `${path}?limit=5&cursor=${cursor}`, { token: b.token });
      expect([r.status, r.body]).toEqual([400, { error: 'Invalid cursor' }]);
    }
  });

  test('a cursor longer than any the server makes is a 422 naming query.cursor', async () => {
    const r = await b.h.request('GET', `${seasons()}?cursor=${'x'.repeat(2000)}`, { token: b.token });
    expect(r.status).toBe(422);
    expect(r.body.details.map((d: any) => d.path)).toEqual(['query.cursor']);
  });
});
