// Incremental rescans: unchanged files cost nothing; renames, deletions and restores keep ids and watch
// state; touched files are re-probed. A large scan cancelled, resumed and reported: scan-large.test.ts.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { removeTemps, setMtime, tempDir, writeTree } from './fixtures.ts';
import { type Booted, boot, createLibrary, get, listAll, movieTitled, scan } from './harness.ts';

const stopAll: Booted[] = [];
afterAll(async () => {
  for (const b of stopAll) await b.h.stop();
  removeTemps();
});

const itemRows = (b: Booted, libraryId: string) =>
  b.h.core.sqlite
    .query<{ id: string; updated_at: string; missing: number }, [string]>(
      'SELECT id, updated_at, missing FROM libraries_items WHERE library_id = ? ORDER BY id',
    )
    .all(libraryId);

const watchRow = (b: Booted, itemId: string) =>
  b.h.core.sqlite
    .query<{ watched: number }, [string]>('SELECT watched FROM libraries_watch_state WHERE item_id = ?')
    .get(itemId);

describe('incremental rescans', () => {
  let b: Booted;
  let root: string;
  let lib: string;

  beforeAll(async () => {
    b = await boot({ probe: false });
    stopAll.push(b);
    root = tempDir();
    await writeTree(root, {
      'Alien (1979)/Alien (1979).mkv': 'alien',
      'Alien (1979)/Alien (1979)-trailer.mkv': 'trailer',
      'Brazil (1985)/Brazil (1985).mkv': 'brazil',
      'Casablanca (1942)/Casablanca (1942).mkv': 'casablanca',
      'Casablanca (1942)/movie.nfo': '<movie><title>Casablanca</title><genre>Drama</genre></movie>',
    });
    lib = await createLibrary(b, 'movies', [root]);
    await scan(b, lib);
  });

  test('a rescan of an unchanged tree counts every file unchanged and touches no item', async () => {
    const before = itemRows(b, lib);
    const s = await scan(b, lib);
    expect(s.counts).toMatchObject({ files: 4, unchanged: 4, added: 0, updated: 0, missing: 0, errors: 0 });
    expect(itemRows(b, lib)).toEqual(before);
  });

  test('a file renamed within its folder keeps its movie id and watch state', async () => {
    const alien = await movieTitled(b, 'Alien');
    await b.h.request('PUT', `/v1/movies/${alien.id}/watched`, { token: b.token });
    renameSync(join(root, 'Alien (1979)/Alien (1979).mkv'), join(root, 'Alien (1979)/Alien.1979.1080p.mkv'));
    const s = await scan(b, lib);
    expect(s.counts).toMatchObject({ added: 0, updated: 1, missing: 0 });
    const after = await movieTitled(b, 'Alien');
    expect(after.id).toBe(alien.id);
    expect(after.watched).toBe(true);
    expect(after.files.map((f: any) => [f.path, f.missing])).toEqual([
      [join(root, 'Alien (1979)/Alien.1979.1080p.mkv'), false],
    ]);
  });

  test('a deleted file makes its movie missing: unlisted, reachable by id, watch state kept', async () => {
    const brazil = await movieTitled(b, 'Brazil');
    await b.h.request('PUT', `/v1/movies/${brazil.id}/watched`, { token: b.token });
    rmSync(join(root, 'Brazil (1985)/Brazil (1985).mkv'));
    const s = await scan(b, lib);
    expect(s.counts).toMatchObject({ missing: 1, added: 0 });
    const titles = (await listAll(b, '/v1/movies')).map((m) => m.title);
    expect(titles).not.toContain('Brazil');
    expect((await get(b, '/v1/movies/recently-added?limit=100')).items.map((m: any) => m.id)).not.toContain(
      brazil.id,
    );
    const byId = await get(b, `/v1/movies/${brazil.id}`);
    expect(byId.missing).toBe(true);
    expect(byId.files.map((f: any) => f.missing)).toEqual([true]);
    expect(watchRow(b, brazil.id)?.watched).toBe(1);
  });

  test('a deleted file that returns brings its movie back with the same id and watch state', async () => {
    const brazil = itemRows(b, lib).find((r) => r.missing === 1)!;
    await writeTree(root, { 'Brazil (1985)/Brazil (1985).mkv': 'brazil' });
    const s = await scan(b, lib);
    expect(s.counts).toMatchObject({ restored: 1, missing: 0, added: 0 });
    const back = await movieTitled(b, 'Brazil');
    expect(back.id).toBe(brazil.id);
    expect(back.missing).toBe(false);
    expect(back.watched).toBe(true);
  });

  test('an item left flagged missing by a scan that died before reconciling is repaired by a no-change rescan', async () => {
    const casablanca = (await movieTitled(b, 'Casablanca')).id;
    b.h.core.sqlite.query('UPDATE libraries_items SET missing = 1 WHERE id = ?').run(casablanca);
    const s = await scan(b, lib);
    expect(s.counts).toMatchObject({ added: 0, updated: 0, restored: 1, missing: 0 });
    expect(itemRows(b, lib).find((r) => r.id === casablanca)?.missing).toBe(0);
  });

  test('a deleted extra disappears from its movie while the movie stays', async () => {
    const alien = await movieTitled(b, 'Alien');
    expect((await get(b, `/v1/movies/${alien.id}`)).extras).toHaveLength(1);
    rmSync(join(root, 'Alien (1979)/Alien (1979)-trailer.mkv'));
    await scan(b, lib);
    const detail = await get(b, `/v1/movies/${alien.id}`);
    expect(detail.extras).toEqual([]);
    expect(detail.missing).toBe(false);
  });
});

describe('shows on rescan', () => {
  test('a show whose episode files are all deleted leaves /v1/shows and returns with them', async () => {
    const b = await boot({ probe: false });
    stopAll.push(b);
    const root = tempDir();
    await writeTree(root, {
      'Lost/Season 01/Lost S01E01.mkv': '',
      'Lost/Season 01/Lost S01E02.mkv': '',
      'Fargo/Season 01/Fargo S01E01.mkv': '',
    });
    const lib = await createLibrary(b, 'shows', [root]);
    await scan(b, lib);
    const lost = (await listAll(b, '/v1/shows')).find((s) => s.title === 'Lost');
    rmSync(join(root, 'Lost'), { recursive: true });
    await scan(b, lib);
    expect((await listAll(b, '/v1/shows')).map((s) => s.title)).toEqual(['Fargo']);
    await writeTree(root, { 'Lost/Season 01/Lost S01E01.mkv': '' });
    await scan(b, lib);
    const shows = await listAll(b, '/v1/shows');
    expect(shows.map((s) => [s.title, s.id])).toEqual([
      ['Fargo', expect.any(String)],
      ['Lost', lost.id],
    ]);
    const eps = await get(b, `/v1/shows/${lost.id}/seasons/1/episodes`);
    expect(eps.items.map((e: any) => e.episodeNumber)).toEqual([1]);
  });
});

describe('probing on rescan', () => {
  test('a touched file is probed again while unchanged files keep their probe', async () => {
    const b = await boot();
    stopAll.push(b);
    const root = tempDir();
    await writeTree(root, {
      'Keep (2001)/Keep (2001).mp4': { media: 'h264' },
      'Touch (2002)/Touch (2002).mp4': { media: 'h264' },
    });
    const lib = await createLibrary(b, 'movies', [root]);
    await scan(b, lib, { probe: true });
    const keys = () =>
      Object.fromEntries(
        b.h.core.sqlite
          .query<{ rel_path: string; probe_key: string | null }, []>(
            'SELECT rel_path, probe_key FROM libraries_files',
          )
          .all()
          .map((r) => [r.rel_path, r.probe_key]),
      );
    const before = keys();
    expect(Object.values(before).every((k) => typeof k === 'string')).toBe(true);
    setMtime(join(root, 'Touch (2002)/Touch (2002).mp4'), 1_700_000_000);
    const s = await scan(b, lib, { probe: true });
    expect(s.counts).toMatchObject({ unchanged: 1, updated: 1 });
    const after = keys();
    expect(after['Keep (2001)/Keep (2001).mp4']).toBe(before['Keep (2001)/Keep (2001).mp4']);
    expect(after['Touch (2002)/Touch (2002).mp4']).not.toBe(before['Touch (2002)/Touch (2002).mp4']);
    const touch = await movieTitled(b, 'Touch');
    const stats = await get(b, `/v1/movies/${touch.id}/file-stats`);
    expect(stats.items[0]).toMatchObject({ probed: true, videoCodec: 'h264', probeError: null });
  });
});
