// The library list's cursor pages.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { encodeCursor } from '@bijou/sdk';
import { removeTemps, tempDir } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, listAll } from './harness.ts';

let b: Booted;

beforeAll(async () => {
  b = await boot({ probe: false });
  await createLibrary(b, 'movies', [tempDir()], 'Films');
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

describe('listing in pages', () => {
  beforeAll(async () => {
    for (let i = 1; i <= 20; i++)
      await createLibrary(b, 'movies', [tempDir()], `Lib ${String(i).padStart(2, '0')}`);
  });

  test('limit=2 gives two libraries by name and a cursor', async () => {
    const page = await get(b, '/v1/libraries?limit=2');
    expect(page.items.map((l: any) => l.name)).toEqual(['Films', 'Lib 01']);
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  test('without a limit a page holds 20 of the 21, and following the cursors lists every library once', async () => {
    expect((await get(b, '/v1/libraries')).items).toHaveLength(20);
    const all = await listAll(b, '/v1/libraries', 3);
    expect(all.map((l) => l.name)).toEqual([
      'Films',
      ...Array.from({ length: 20 }, (_, i) => `Lib ${String(i + 1).padStart(2, '0')}`),
    ]);
  });

  test.each([['0'], ['101'], ['abc'], ['-1']])('limit=%s is a 422 naming query.limit', async (limit) => {
    const r = await b.h.request('GET', `/v1/libraries?limit=${limit}`, { token: b.token });
    expect(r.status).toBe(422);
    expect(r.body.details.map((d: any) => d.path)).toEqual(['query.limit']);
  });

  test.each([['zzz'], [encodeCursor(['only one value'])]])('cursor=%s is a 400', async (cursor) => {
    const r = await b.h.request('GET', `/v1/libraries?cursor=${cursor}`, { token: b.token });
    expect([r.status, r.body]).toEqual([400, { error: 'Invalid cursor' }]);
  });
});
