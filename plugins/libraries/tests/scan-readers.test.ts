// Readers during a scan (SPEC quality target): 50 concurrent HTTP readers of the catalog routes while a movie and a show
// library of a few thousand empty files are scanned (probing off). Every read answers 200 and none says "locked".
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeTemps, tempDir } from './fixtures.ts';
import { type Booted, boot, createLibrary, startScan, waitForScan } from './harness.ts';

const READERS = 50;
let b: Booted;

/** 1,500 movie folders (video + NFO) and 30 shows × 3 seasons × 12 episodes: 4,080 files. */
function makeTree(root: string): { movies: string; shows: string } {
  const movies = join(root, 'movies');
  for (let i = 0; i < 1500; i++) {
    const dir = join(movies, `Reader Movie ${i} (${1950 + (i % 70)})`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `Reader Movie ${i} (${1950 + (i % 70)}).mkv`), '');
    writeFileSync(
      join(dir, 'movie.nfo'),
      `<movie><title>Reader Movie ${i}</title><genre>Drama</genre></movie>`,
    );
  }
  const shows = join(root, 'shows');
  for (let s = 0; s < 30; s++)
    for (let season = 1; season <= 3; season++) {
      const dir = join(shows, `Reader Show ${s}`, `Season ${season}`);
      mkdirSync(dir, { recursive: true });
      for (let e = 1; e <= 12; e++) writeFileSync(join(dir, `Reader Show ${s} S0${season}E${e}.mkv`), '');
    }
  return { movies, shows };
}

beforeAll(async () => {
  b = await boot({ probe: false });
});

afterAll(async () => {
  await b.h.stop();
  removeTemps();
});

test('50 concurrent catalog readers all get 200, never "database is locked", while two libraries scan', async () => {
  const tree = makeTree(tempDir());
  const movies = await createLibrary(b, 'movies', [tree.movies]);
  const shows = await createLibrary(b, 'shows', [tree.shows]);
  const paths = [
    '/v1/movies?limit=20&sort=year&order=desc',
    '/v1/movies?genre=Drama&limit=20',
    '/v1/movies/recently-added?limit=20',
    '/v1/shows?limit=20',
    `/v1/libraries/${movies}`,
    `/v1/libraries/${shows}/stats`,
    '/v1/libraries',
  ];
  // Over real HTTP, as clients read: each request goes through the socket and the event loop, like the scan.
  b.h.app.listen({ hostname: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${b.h.app.server!.port}`;
  const failures: string[] = [];
  let reads = 0;
  let readsWhileScanning = 0;
  let scanning = true;
  const scanningNow = () =>
    !!(
      b.h.core.jobs.isRunning('libraries', 'scan', movies) ||
      b.h.core.jobs.isRunning('libraries', 'scan', shows)
    );
  const reader = async (n: number) => {
    for (let i = n; scanning; i++) {
      const path = paths[i % paths.length];
      const during = scanningNow();
      const r = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${b.token}` } });
      const text = await r.text();
      reads += 1;
      if (during) readsWhileScanning += 1;
      if (r.status !== 200 || /locked/i.test(text))
        failures.push(`${path} → ${r.status} ${text.slice(0, 200)}`);
    }
  };
  const jobs = [await startScan(b, movies), await startScan(b, shows)];
  const readers = Array.from({ length: READERS }, (_, n) => reader(n));
  const [movieScan, showScan] = [await waitForScan(b, movies, jobs[0]), await waitForScan(b, shows, jobs[1])];
  scanning = false;
  await Promise.all(readers);
  expect(failures).toEqual([]);
  expect(movieScan.state).toBe('idle');
  expect(showScan.state).toBe('idle');
  // Both first scans walked in the one shared scan worker at once: each got exactly its own files.
  expect(movieScan.counts).toMatchObject({ files: 1500, added: 1500, errors: 0, unmatched: 0 });
  expect(showScan.counts).toMatchObject({ files: 1080, added: 1080, errors: 0, unmatched: 0 });
  // The readers really overlapped the scans (otherwise this test proves nothing).
  expect(readsWhileScanning).toBeGreaterThan(READERS);
  expect(reads).toBeGreaterThanOrEqual(readsWhileScanning);
  const last = await b.h.request('GET', `/v1/movies?library=${movies}&limit=1`, { token: b.token });
  expect(last.status).toBe(200);
}, 120_000);
