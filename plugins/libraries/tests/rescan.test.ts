// Incremental rescans: unchanged files cost nothing; renames, deletions and restores keep ids and watch
// state; touched files are re-probed; a cancelled scan leaves a consistent catalog; progress on the bus.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestHost } from '@bijou/sdk/testing';
import { removeTemps, setMtime, tempDir, writeTree } from './fixtures.ts';
import {
  type Booted,
  boot,
  createLibrary,
  get,
  listAll,
  movieTitled,
  scan,
  startScan,
  waitForScan,
  waitUntil,
} from './harness.ts';

type BusEvent = Parameters<Parameters<TestHost['core']['bus']['tap']>[0]>[0];

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

describe('a large scan', () => {
  const COUNT = 3000;
  let b: Booted;
  let lib: string;

  beforeAll(async () => {
    b = await boot({ probe: false });
    stopAll.push(b);
    const root = tempDir();
    const files: Record<string, string> = {};
    for (let i = 0; i < COUNT; i++) {
      const name = `Film ${String(i).padStart(4, '0')} (${1950 + (i % 70)})`;
      files[`${name}/${name}.mkv`] = '';
    }
    await writeTree(root, files);
    lib = await createLibrary(b, 'movies', [root]);
  });

  const count = (sql: string) => b.h.core.sqlite.query<{ n: number }, [string]>(sql).get(lib)!.n;
  const inconsistencies = () => ({
    filesWithoutItem: count(
      `SELECT COUNT(*) AS n FROM libraries_files f WHERE f.library_id = ? AND f.role = 'main'
         AND (f.item_id IS NULL OR NOT EXISTS (SELECT 1 FROM libraries_items i WHERE i.id = f.item_id))`,
    ),
    itemsWithoutFile: count(
      `SELECT COUNT(*) AS n FROM libraries_items i
         WHERE i.library_id = ? AND i.kind = 'movie' AND i.missing = 0
         AND NOT EXISTS (SELECT 1 FROM libraries_files f WHERE f.item_id = i.id AND f.role = 'main')`,
    ),
  });

  test('a scan cancelled midway ends cancelled and leaves only whole, consistent batches', async () => {
    // At the first progress report, wait until a batch is committed, then cancel through the jobs API.
    let cancel: Promise<any> | null = null;
    const cancelOnceSomethingIsWritten = async (jobId: string) => {
      const rows = 'SELECT COUNT(*) AS n FROM libraries_files WHERE library_id = ?';
      await waitUntil('a first committed batch', () => count(rows) > 0);
      return b.h.request('POST', `/v1/jobs/runs/${jobId}/cancel`, { token: b.token });
    };
    const untap = b.h.core.bus.tap((e) => {
      const p = e.payload as { libraryId?: string; jobId: string };
      if (e.name === 'libraries.scan.progressed' && p.libraryId === lib && !cancel)
        cancel = cancelOnceSomethingIsWritten(p.jobId);
    });
    try {
      const jobId = await startScan(b, lib);
      const status = await waitForScan(b, lib, jobId);
      expect((await cancel!)?.status).toBe(200);
      expect(status.state).toBe('cancelled');
      expect((await get(b, `/v1/jobs/runs/${jobId}`)).state).toBe('cancelled');
    } finally {
      untap();
    }
    const files = count('SELECT COUNT(*) AS n FROM libraries_files WHERE library_id = ?');
    expect(files).toBeGreaterThan(0);
    expect(files).toBeLessThan(COUNT);
    expect(count('SELECT COUNT(*) AS n FROM libraries_items WHERE library_id = ?')).toBe(files);
    expect(inconsistencies()).toEqual({ filesWithoutItem: 0, itemsWithoutFile: 0 });
  });

  test('the scan after a cancelled one completes with every file present exactly once', async () => {
    const done = count('SELECT COUNT(*) AS n FROM libraries_files WHERE library_id = ?');
    const s = await scan(b, lib);
    expect(s.state).toBe('idle');
    expect(s.counts).toMatchObject({ files: COUNT, unchanged: done, added: COUNT - done, errors: 0 });
    expect(
      count('SELECT COUNT(*) AS n FROM libraries_files WHERE library_id = ? AND missing_since IS NULL'),
    ).toBe(COUNT);
    expect(count('SELECT COUNT(DISTINCT path) AS n FROM libraries_files WHERE library_id = ?')).toBe(COUNT);
    expect(inconsistencies()).toEqual({ filesWithoutItem: 0, itemsWithoutFile: 0 });
    const listed = await listAll(b, `/v1/movies?library=${lib}`);
    expect(listed).toHaveLength(COUNT);
    expect(new Set(listed.map((m) => m.id)).size).toBe(COUNT);
    expect(listed.every((m) => m.files.length === 1 && !m.files[0].missing)).toBe(true);
  });

  test('a second scan request while one runs answers 409 naming the running job', async () => {
    const jobId = await startScan(b, lib, { force: true });
    const again = await b.h.request('POST', `/v1/libraries/${lib}/scan`, { token: b.token });
    expect(again.status).toBe(409);
    expect(again.body.error).toContain(jobId);
    const running = await get(b, `/v1/libraries/${lib}`);
    expect(running.scan).toMatchObject({ state: 'scanning', jobId });
    expect((await waitForScan(b, lib, jobId)).state).toBe('idle');
  });

  test('scan events reach the bus: started, progressed (phase, rising progress), finished', async () => {
    const events: BusEvent[] = [];
    const untap = b.h.core.bus.tap((e) => {
      if (e.name.startsWith('libraries.scan.') && (e.payload as any).libraryId === lib) events.push(e);
    });
    let jobId: string;
    try {
      jobId = await startScan(b, lib, { force: true });
      await waitUntil('scan finished event', () => events.some((e) => e.name === 'libraries.scan.finished'));
    } finally {
      untap();
    }
    expect(events[0].name).toBe('libraries.scan.started');
    expect(events.at(-1)!.name).toBe('libraries.scan.finished');
    expect(events.at(-1)!.payload).toMatchObject({ jobId, state: 'idle', error: null });
    const progressed = events
      .filter((e) => e.name === 'libraries.scan.progressed')
      .map((e) => e.payload as any);
    expect(progressed.every((p) => p.jobId === jobId && typeof p.counts?.files === 'number')).toBe(true);
    const phases = [...new Set(progressed.map((p) => p.phase))];
    expect(phases).toEqual(['walking', 'processing', 'finalizing', 'done']);
    const fractions = progressed.map((p) => p.progress);
    expect(fractions).toEqual([...fractions].sort((x, y) => x - y));
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    expect(progressed.some((p) => p.phase === 'processing' && p.progress > 0 && p.progress < 1)).toBe(true);
  });
});
