// Benchmark: readiness and idle memory of the real server (core/src/main.ts, every first-party plugin) over a data
// directory holding 10,000 scanned titles. Time from spawn to the first 200 of `/v1/health?probe=ready` and of a
// catalog page; RSS (VmRSS) once idle after start, and again after serving some catalog pages. Run:
// `bun bench/startup.ts` (`ROUNDS=n`, `TITLES=n`).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp } from '../core/src/app.ts';
import { setupAdmin } from './catalog-seed.ts';
import { makeMovies } from './media-tree.ts';

const TITLES = Number(process.env.TITLES ?? 10_000);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const ROOT = resolve(import.meta.dir, '..');

/** Scans the tree into a fresh data directory with every plugin loaded, and waits for the search index. */
async function buildDataDir(dataDir: string, media: string): Promise<string> {
  const app = await createApp({
    env: { BIJOU_DATA_DIR: dataDir, BIJOU_LOG_LEVEL: 'warn' },
    logSink: { write: () => {} },
  });
  await app.host.setConfig('libraries', { probe: false });
  const token = await setupAdmin(app);
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await app.app.handle(
      new Request(`http://localhost${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
      }),
    );
    return (await r.json()) as any;
  };
  const lib = await call('POST', '/v1/libraries', { name: 'Movies', kind: 'movies', paths: [media] });
  const finished = new Promise<void>((done) => {
    const off = app.core.bus.tap((e) => {
      if (e.name === 'libraries.scan.finished') {
        off();
        done();
      }
    });
  });
  await call('POST', `/v1/libraries/${lib.id}/scan`);
  await finished;
  await Bun.sleep(200);
  while (app.core.jobs.isRunning('search', 'reindex')) await Bun.sleep(100);
  const stats = await call('GET', `/v1/libraries/${lib.id}/stats`);
  console.log(`data dir: ${JSON.stringify(stats).slice(0, 160)}`);
  await app.stop();
  return token;
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error('no VmRSS');
  return Number(m[1]) / 1024;
}

async function until200(url: string, headers: Record<string, string>, t0: number): Promise<number> {
  for (;;) {
    try {
      if ((await fetch(url, { headers })).status === 200) return performance.now() - t0;
    } catch {}
    if (performance.now() - t0 > 30_000) throw new Error(`${url} not ready in 30 s`);
    await Bun.sleep(5);
  }
}

/** Starts the server, times readiness, and reads its RSS when idle and after browsing. */
async function round(dataDir: string, token: string) {
  const port = 19300 + Math.floor(Math.random() * 500);
  const base = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const p = Bun.spawn([process.execPath, 'core/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, BIJOU_DATA_DIR: dataDir, BIJOU_PORT: String(port), BIJOU_LOG_LEVEL: 'warn' },
    stdout: 'ignore',
    stderr: 'ignore',
  });
  try {
    const ready = await until200(`${base}/v1/health?probe=ready`, {}, t0);
    const auth = { authorization: `Bearer ${token}` };
    const page = await until200(`${base}/v1/movies?limit=20`, auth, t0);
    await Bun.sleep(5000);
    const idle = rssMb(p.pid);
    let cursor = '';
    for (let i = 0; i < 200; i++) {
      const r = await fetch(`${base}/v1/movies?limit=50&sort=year${cursor ? `&cursor=${cursor}` : ''}`, {
        headers: auth,
      });
      const body = (await r.json()) as { nextCursor: string | null };
      cursor = body.nextCursor ? encodeURIComponent(body.nextCursor) : '';
    }
    await Bun.sleep(3000);
    return { ready, page, idle, browsed: rssMb(p.pid) };
  } finally {
    p.kill();
    await p.exited;
  }
}

const work = mkdtempSync(join(tmpdir(), 'bijou-bench-startup-'));
try {
  const media = join(work, 'media');
  makeMovies(media, TITLES);
  const dataDir = join(work, 'data');
  const token = await buildDataDir(dataDir, media);
  const rounds: Awaited<ReturnType<typeof round>>[] = [];
  for (let r = 0; r < ROUNDS; r++) rounds.push(await round(dataDir, token));
  const med = (k: keyof (typeof rounds)[number]) =>
    [...rounds.map((x) => x[k])].sort((a, b) => a - b)[Math.floor(rounds.length / 2)];
  for (const r of rounds)
    console.log(
      `round: ready ${r.ready.toFixed(0)} ms, first page ${r.page.toFixed(0)} ms, idle RSS ${r.idle.toFixed(1)} MB, after 200 pages ${r.browsed.toFixed(1)} MB`,
    );
  console.log(`titles: ${TITLES}`);
  console.log(
    `ready (health?probe=ready 200, median of ${ROUNDS}): ${med('ready').toFixed(0)} ms (target ≤ 1500)`,
  );
  console.log(`first catalog page 200 (median): ${med('page').toFixed(0)} ms`);
  console.log(`idle RSS 5 s after start (median): ${med('idle').toFixed(1)} MB (target < 150)`);
  console.log(`RSS after 200 catalog pages, 3 s idle (median): ${med('browsed').toFixed(1)} MB`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
