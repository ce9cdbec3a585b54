// Benchmark: requests/second of a filtered, sorted page of 20 movies at 50,000 titles, as a ratio against an Elysia
// hello-world route — both over HTTP from a separate load process (bench/load.ts), and both in-process through
// app.handle; each with the page cache on (repeat requests) and off (every page built). Every first-party plugin is
// loaded, and the search index is built before measuring. Run: `bun bench/catalog.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Elysia } from 'elysia';
import { createApp } from '../core/src/app.ts';
import { seedMovies, setupAdmin } from './catalog-seed.ts';

const TITLES = 50_000;

async function rps(
  label: string,
  handle: (r: Request) => Promise<Response>,
  url: string,
  headers: Record<string, string>,
  ms = Number(process.env.BENCH_MS ?? 3000),
) {
  for (let i = 0; i < 300; i++) await (await handle(new Request(url, { headers }))).arrayBuffer();
  let n = 0;
  const end = performance.now() + ms;
  const t0 = performance.now();
  while (performance.now() < end) {
    const res = await handle(new Request(url, { headers }));
    if (res.status !== 200) throw new Error(`${label}: HTTP ${res.status}`);
    await res.arrayBuffer();
    n += 1;
  }
  return n / ((performance.now() - t0) / 1000);
}

async function serve(cmd: string[], env: Record<string, string>, url: string): Promise<Bun.Subprocess> {
  const p = Bun.spawn(cmd, {
    cwd: resolve(import.meta.dir, '..'),
    env: { ...process.env, ...env },
    stdout: 'ignore',
    stderr: 'ignore',
  });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).status < 500) return p;
    } catch {}
    await Bun.sleep(50);
  }
  p.kill();
  throw new Error(`server for ${url} did not start`);
}

async function load(url: string, token?: string): Promise<number> {
  const args = [
    process.execPath,
    resolve(import.meta.dir, 'load.ts'),
    url,
    process.env.BENCH_SECONDS ?? '3',
    '32',
  ];
  const p = Bun.spawn(token ? [...args, token] : args, { stdout: 'pipe' });
  const out = JSON.parse(await new Response(p.stdout).text()) as {
    requests: number;
    seconds: number;
    errors: number;
  };
  if (out.errors) throw new Error(`${url}: ${out.errors} failed requests`);
  return out.requests / out.seconds;
}

const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
type Round = { base: number; cached: number; uncached: number };

function report(where: string, rounds: Round[], query: string): void {
  const base = med(rounds.map((r) => r.base));
  console.log(`${where} hello-world route: ${base.toFixed(0)} req/s (median of ${rounds.length})`);
  for (const k of ['cached', 'uncached'] as const) {
    const page = med(rounds.map((r) => r[k]));
    console.log(
      `${where} GET /v1/movies?${query} (${k}): ${page.toFixed(0)} req/s → ratio ${(page / base).toFixed(3)} (target ≥ 0.40)`,
    );
  }
}

/** The same comparison over real sockets: each server in its own process, the load from a third. */
async function overHttp(dataDir: string, token: string, query: string): Promise<void> {
  const bijouPort = 18600 + Math.floor(Math.random() * 300);
  const helloPort = bijouPort + 1000;
  const env = {
    BIJOU_DATA_DIR: dataDir,
    BIJOU_PORT: String(bijouPort),
    BIJOU_LOG_LEVEL: 'warn',
    BIJOU_RATE_LIMIT: '100000000',
  };
  const base = `http://127.0.0.1:${bijouPort}`;
  const bijou = await serve([process.execPath, 'core/src/main.ts'], env, `${base}/v1/health`);
  const hello = await serve(
    [process.execPath, 'bench/hello-server.ts', String(helloPort)],
    {},
    `http://127.0.0.1:${helloPort}/hello`,
  );
  const pageCache = async (on: boolean) => {
    const r = await fetch(`${base}/v1/plugins/libraries/config`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ pageCache: on }),
    });
    if (r.status !== 200) throw new Error(`config: HTTP ${r.status} ${await r.text()}`);
  };
  try {
    const rounds: Round[] = [];
    for (let r = 0; r < 3; r++) {
      const base = await load(`http://127.0.0.1:${helloPort}/hello`);
      await pageCache(true);
      const cached = await load(`http://127.0.0.1:${bijouPort}/v1/movies?${query}`, token);
      await pageCache(false);
      const uncached = await load(`http://127.0.0.1:${bijouPort}/v1/movies?${query}`, token);
      rounds.push({ base, cached, uncached });
    }
    report('HTTP (32 connections)', rounds, query);
  } finally {
    bijou.kill();
    hello.kill();
    // Wait for them: a server still shutting down could write into the data dir after it is removed.
    await Promise.all([bijou.exited, hello.exited]);
  }
}

const work = mkdtempSync(join(tmpdir(), 'bijou-bench-catalog-'));
try {
  const env = { BIJOU_DATA_DIR: work, BIJOU_LOG_LEVEL: 'warn', BIJOU_RATE_LIMIT: '100000000' };
  const seeder = await createApp({
    env,
    firstParty: [resolve(import.meta.dir, '../plugins/libraries')],
    logSink: { write: () => {} },
  });
  const token = await setupAdmin(seeder);
  seedMovies(seeder, TITLES);
  await seeder.stop();
  // Every plugin, as main.ts boots; the search plugin indexes the seeded titles once, which is not what we measure.
  const app = await createApp({ env, logSink: { write: () => {} } });
  const t = performance.now();
  while (app.core.jobs.isRunning('search', 'reindex')) await Bun.sleep(100);
  console.log(`search index built in ${((performance.now() - t) / 1000).toFixed(1)} s (not measured)`);
  const hello = new Elysia().get('/hello', () => 'hello');
  const auth = { authorization: `Bearer ${token}` };
  const query = 'genre=Action&yearFrom=1970&sort=year&order=desc&limit=20';
  const check = (await (
    await app.app.handle(new Request(`http://localhost/v1/movies?${query}`, { headers: auth }))
  ).json()) as { items: unknown[] };
  console.log(`titles: ${TITLES}; page check: ${check.items.length} items`);
  if (check.items.length !== 20) throw new Error(`expected a full page, got ${check.items.length}`);
  const rounds: Round[] = [];
  const page = (q: Request) => app.app.handle(q);
  for (let r = 0; r < 3; r++) {
    const base = await rps('hello', (q) => hello.handle(q), 'http://localhost/hello', {});
    await app.host.setConfig('libraries', { pageCache: true });
    const cached = await rps('movies', page, `http://localhost/v1/movies?${query}`, auth);
    await app.host.setConfig('libraries', { pageCache: false });
    const uncached = await rps('movies', page, `http://localhost/v1/movies?${query}`, auth);
    rounds.push({ base, cached, uncached });
  }
  report('in-process', rounds, query);
  await app.host.setConfig('libraries', { pageCache: true });
  await app.stop();
  await overHttp(work, token, query);
} finally {
  rmSync(work, { recursive: true, force: true });
}
