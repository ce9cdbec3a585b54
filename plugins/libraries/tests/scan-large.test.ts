// A large scan (3,000 movies): cancelled midway it leaves only whole, consistent batches; the scan after it completes
// with every file once; a second request while one runs is a 409 naming the running job; progress reaches the bus.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { TestHost } from '@bijou/sdk/testing';
import { removeTemps, tempDir, writeTree } from './fixtures.ts';
import {
  type Booted,
  boot,
  createLibrary,
  get,
  listAll,
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
