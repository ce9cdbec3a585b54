// Changing a library's folders: what it no longer covers leaves its catalog (so a library made on that folder owns
// its files alone, and neither library's scans mark the other's files missing), its items stay as missing with their
// watch state until the folder returns, and folders cannot change under a running scan.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { join } from 'node:path';
import { removeTemps, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, listAll, scan, startScan, waitForScan } from './harness.ts';

let b: Booted;

beforeAll(async () => {
  b = await boot({ probe: false });
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

const patch = (id: string, body: unknown) =>
  b.h.request('PATCH', `/v1/libraries/${id}`, { token: b.token, body });
const fileRows = (path: string) =>
  b.h.core.sqlite
    .query<{ library_id: string; missing_since: string | null }, [string]>(
      'SELECT library_id, missing_since FROM libraries_files WHERE path = ?',
    )
    .all(path);

describe('a folder taken out of a library', () => {
  let root: string;
  let first: string;
  let second: string;
  let heatId: string;

  beforeAll(async () => {
    root = await writeTree(tempDir(), {
      'kept/Alien (1979)/Alien (1979).mkv': 'a',
      'moved/Heat (1995)/Heat (1995).mkv': 'h',
    });
    first = await createLibrary(b, 'movies', [join(root, 'kept'), join(root, 'moved')], 'First');
    await scan(b, first);
    heatId = (await listAll(b, `/v1/movies?library=${first}`)).find((m) => m.title === 'Heat').id;
    const r = await b.h.request('PUT', `/v1/movies/${heatId}/watched`, { token: b.token });
    expect(r.status).toBe(200);
    expect((await patch(first, { paths: [join(root, 'kept')] })).status).toBe(200);
  });

  test("leaves the library's files at once: its stats count only what its folders hold", async () => {
    expect(fileRows(join(root, 'moved/Heat (1995)/Heat (1995).mkv'))).toEqual([]);
    const stats = await get(b, `/v1/libraries/${first}/stats`);
    expect(stats).toMatchObject({ items: { movie: 1 }, missingItems: 1, totalFiles: 1 });
  });

  test('a library made on that folder owns its files, and rescans of either mark nothing of the other missing', async () => {
    second = await createLibrary(b, 'movies', [join(root, 'moved')], 'Second');
    await scan(b, second);
    await scan(b, first);
    const path = join(root, 'moved/Heat (1995)/Heat (1995).mkv');
    expect(fileRows(path)).toEqual([{ library_id: second, missing_since: null }]);
    const [heat] = await listAll(b, `/v1/movies?library=${second}`);
    expect(heat).toMatchObject({ title: 'Heat', missing: false });
    expect(heat.files.map((f: { missing: boolean }) => f.missing)).toEqual([false]);
    expect(await get(b, `/v1/libraries/${second}/stats`)).toMatchObject({ totalFiles: 1, missingItems: 0 });
    expect(await get(b, `/v1/libraries/${first}/stats`)).toMatchObject({ totalFiles: 1, missingItems: 1 });
  });

  test('the item left behind is missing and keeps its watch state, and comes back with its folder', async () => {
    expect(await get(b, `/v1/movies/${heatId}`)).toMatchObject({ missing: true, watched: true });
    expect((await b.h.request('DELETE', `/v1/libraries/${second}`, { token: b.token })).status).toBe(200);
    expect((await patch(first, { paths: [join(root, 'kept'), join(root, 'moved')] })).status).toBe(200);
    await scan(b, first);
    expect(await get(b, `/v1/movies/${heatId}`)).toMatchObject({ missing: false, watched: true });
  });
});

describe('while a scan runs', () => {
  test("the library's folders cannot change (409) and stay as they were; its name can", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) files[`a/Film ${i} (2000)/Film ${i} (2000).mkv`] = '';
    const root = await writeTree(tempDir(), { ...files, 'b/Up (2009)/Up (2009).mkv': '' });
    const id = await createLibrary(b, 'movies', [join(root, 'a')], 'Busy');
    const jobId = await startScan(b, id);
    const r = await patch(id, { paths: [join(root, 'b')] });
    expect(r.status).toBe(409);
    expect(r.body.error).toContain(jobId);
    expect((await patch(id, { name: 'Still busy' })).status).toBe(200);
    await waitForScan(b, id, jobId);
    expect(await get(b, `/v1/libraries/${id}`)).toMatchObject({
      name: 'Still busy',
      paths: [join(root, 'a')],
    });
  });
});
