// Benchmark: catalog read latency seen by 50 concurrent HTTP readers while a first scan of a generated movie tree
// runs (empty files, probing off), against the same readers on the idle server. The real server (core/src/main.ts)
// runs in its own process; readers and the scan trigger run here. Run: `bun bench/scan-readers.ts` (`MOVIES=n`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { makeMovies } from './media-tree.ts';

const MOVIES = Number(process.env.MOVIES ?? 15_000);
const READERS = 50;
const PATHS = [
  '/v1/movies?limit=20&sort=year&order=desc',
  '/v1/movies?genre=Drama&limit=20',
  '/v1/movies/recently-added?limit=20',
  '/v1/libraries',
];

type Sample = { ms: number; ok: boolean };

async function readUntil(base: string, token: string, stop: () => boolean): Promise<Sample[]> {
  const samples: Sample[] = [];
  const reader = async (n: number) => {
    for (let i = n; !stop(); i++) {
      const t = performance.now();
      const r = await fetch(`${base}${PATHS[i % PATHS.length]}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const text = await r.text();
      samples.push({ ms: performance.now() - t, ok: r.status === 200 && !/locked/i.test(text) });
    }
  };
  await Promise.all(Array.from({ length: READERS }, (_, n) => reader(n)));
  return samples;
}

function summary(label: string, s: Sample[]): number {
  const ms = s.map((x) => x.ms).sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))];
  const failed = s.filter((x) => !x.ok).length;
  console.log(
    `${label}: ${s.length} reads, p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${ms[ms.length - 1].toFixed(1)} ms, failed ${failed}`,
  );
  return at(0.95);
}

const work = mkdtempSync(join(tmpdir(), 'bijou-bench-readers-'));
const port = 19900 + Math.floor(Math.random() * 90);
const base = `http://127.0.0.1:${port}`;
const server = Bun.spawn([process.execPath, 'core/src/main.ts'], {
  cwd: resolve(import.meta.dir, '..'),
  env: {
    ...process.env,
    BIJOU_DATA_DIR: join(work, 'data'),
    BIJOU_PORT: String(port),
    BIJOU_LOG_LEVEL: 'warn',
    BIJOU_RATE_LIMIT: '100000000',
  },
  stdout: 'ignore',
  stderr: 'ignore',
});
try {
  makeMovies(join(work, 'warm'), 2000, 'Warm Movie');
  makeMovies(join(work, 'big'), MOVIES);
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/v1/health?probe=ready`)).status === 200) break;
    } catch {}
    if (i > 600) throw new Error('server did not start');
    await Bun.sleep(50);
  }
  const call = async (method: string, path: string, token: string | null, body?: unknown) => {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await r.json()) as any;
  };
  const { token } = await call('POST', '/v1/setup', null, {
    serverName: 'b',
    name: 'b',
    email: 'b@b.bb',
    password: 'benchmark-pass',
  });
  await call('PUT', '/v1/plugins/libraries/config', token, { probe: false });
  const scanned = async (id: string) => (await call('GET', `/v1/libraries/${id}`, token)).scan;
  const scan = async (id: string, readers: boolean) => {
    await call('POST', `/v1/libraries/${id}/scan`, token, {});
    let done = false;
    const watcher = (async () => {
      for (;;) {
        const s = await scanned(id);
        if (s.state !== 'scanning' && s.finishedAt) return s;
        await Bun.sleep(50);
      }
    })().then((s) => {
      done = true;
      return s;
    });
    const samples = readers ? await readUntil(base, token, () => done) : [];
    return { status: await watcher, samples };
  };
  const warm = await call('POST', '/v1/libraries', token, {
    name: 'Warm',
    kind: 'movies',
    paths: [join(work, 'warm')],
  });
  await scan(warm.id, false);
  await Bun.sleep(2000); // let the search index catch up with the warm library
  const end = performance.now() + 3000;
  const idle = await readUntil(base, token, () => performance.now() > end);
  const big = await call('POST', '/v1/libraries', token, {
    name: 'Big',
    kind: 'movies',
    paths: [join(work, 'big')],
  });
  const t = performance.now();
  const during = await scan(big.id, true);
  console.log(
    `scan of ${MOVIES} movies (${2 * MOVIES} files) under readers: ${(performance.now() - t).toFixed(0)} ms, ${JSON.stringify(during.status.counts)}`,
  );
  const idleP95 = summary('idle', idle);
  const scanP95 = summary('during scan', during.samples);
  console.log(`p95 during scan / idle: ${(scanP95 / idleP95).toFixed(2)}× (target: no failed read)`);
} finally {
  server.kill();
  await server.exited;
  rmSync(work, { recursive: true, force: true });
}
