// Benchmark: requests/second of a filtered, sorted page of 20 movies at 50,000 titles, as a ratio against an Elysia
// hello-world route — both over HTTP from a separate load process (bench/load.ts), and both in-process through
// app.handle. Run: `bun bench/catalog.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Elysia } from 'elysia';
import { nanoid } from 'nanoid';
import { createApp } from '../core/src/app.ts';

const TITLES = 50_000;
const GENRES = ['Action', 'Drama', 'Comedy', 'Thriller', 'Animation', 'Documentary', 'Horror', 'Romance'];
const RATINGS = ['G', 'PG', 'PG-13', 'R', 'NC-17'];

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
  const bijou = await serve(
    [process.execPath, 'core/src/main.ts'],
    env,
    `http://127.0.0.1:${bijouPort}/v1/health`,
  );
  const hello = await serve(
    [process.execPath, 'bench/hello-server.ts', String(helloPort)],
    {},
    `http://127.0.0.1:${helloPort}/hello`,
  );
  try {
    const rounds: { base: number; page: number }[] = [];
    for (let r = 0; r < 3; r++) {
      rounds.push({
        base: await load(`http://127.0.0.1:${helloPort}/hello`),
        page: await load(`http://127.0.0.1:${bijouPort}/v1/movies?${query}`, token),
      });
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[1];
    const base = med(rounds.map((x) => x.base));
    const page = med(rounds.map((x) => x.page));
    console.log(`HTTP hello-world route: ${base.toFixed(0)} req/s (32 connections, median of 3)`);
    console.log(
      `HTTP GET /v1/movies?${query}: ${page.toFixed(0)} req/s → ratio ${(page / base).toFixed(3)} (target ≥ 0.40)`,
    );
  } finally {
    bijou.kill();
    hello.kill();
  }
}

const work = mkdtempSync(join(tmpdir(), 'bijou-bench-catalog-'));
try {
  const app = await createApp({
    env: { BIJOU_DATA_DIR: work, BIJOU_LOG_LEVEL: 'warn', BIJOU_RATE_LIMIT: '100000000' },
    firstParty: [resolve(import.meta.dir, '../plugins/libraries')],
    logSink: { write: () => {} },
  });
  const setup = await app.app.handle(
    new Request('http://localhost/v1/setup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serverName: 'b', name: 'b', email: 'b@b.bb', password: 'benchmark-pass' }),
    }),
  );
  const { token } = (await setup.json()) as { token: string };
  const db = app.core.sqlite;
  const now = Date.now();
  db.run(
    `INSERT INTO libraries_libraries (id, name, kind, paths, created_at, updated_at) VALUES ('lib', 'Movies', 'movies', '["/nonexistent"]', '2026-01-01', '2026-01-01')`,
  );
  const ins = db.query(
    `INSERT INTO libraries_items (id, library_id, kind, identity, title, sort_title, year, genres, content_rating, rating, runtime_minutes,
      match_method, match_confidence, added_at, updated_at, provider_ids, artwork, studios, tags, locked_fields)
     VALUES (?, 'lib', 'movie', ?, ?, ?, ?, ?, ?, ?, ?, 'filename', 0.7, ?, ?, '{}', '{}', '[]', '[]', '[]')`,
  );
  const genre = db.query('INSERT INTO libraries_item_genres (item_id, genre) VALUES (?, ?)');
  const file = db.query(
    `INSERT INTO libraries_files (id, library_id, item_id, path, rel_path, size, mtime_ms, container, role, added_at, width, height, video_codec)
     VALUES (?, 'lib', ?, ?, ?, 1000, 1, 'mkv', 'main', '2026-01-01', 1920, 1080, 'h264')`,
  );
  db.transaction(() => {
    for (let i = 0; i < TITLES; i++) {
      const id = nanoid();
      const title = `Title ${i} ${GENRES[i % 8]} Story`;
      const added = new Date(now - i * 60_000).toISOString();
      ins.run(
        id,
        `movie:title:${i}`,
        title,
        title.toLowerCase(),
        1950 + (i % 75),
        JSON.stringify([GENRES[i % 8], GENRES[(i + 3) % 8]]),
        RATINGS[i % 5],
        (i % 100) / 10,
        80 + (i % 90),
        added,
        added,
      );
      file.run(nanoid(), id, `/m/${i}.mkv`, `${i}.mkv`);
      genre.run(id, GENRES[i % 8].toLowerCase());
      genre.run(id, GENRES[(i + 3) % 8].toLowerCase());
    }
  })();
  db.run('ANALYZE');
  const hello = new Elysia().get('/hello', () => 'hello');
  const auth = { authorization: `Bearer ${token}` };
  const query = 'genre=Action&yearFrom=1970&sort=year&order=desc&limit=20';
  const check = (await (
    await app.app.handle(new Request(`http://localhost/v1/movies?${query}`, { headers: auth }))
  ).json()) as { items: unknown[] };
  console.log(`page check: ${check.items.length} items`);
  if (check.items.length !== 20) throw new Error(`expected a full page, got ${check.items.length}`);
  const rounds: { base: number; page: number }[] = [];
  for (let r = 0; r < 3; r++) {
    const base = await rps('hello', (q) => hello.handle(q), 'http://localhost/hello', {});
    const page = await rps('movies', (q) => app.app.handle(q), `http://localhost/v1/movies?${query}`, auth);
    rounds.push({ base, page });
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[1];
  const base = med(rounds.map((r) => r.base));
  const page = med(rounds.map((r) => r.page));
  console.log(`titles: ${TITLES}`);
  console.log(`in-process hello-world route: ${base.toFixed(0)} req/s (median of 3)`);
  console.log(
    `in-process GET /v1/movies?${query}: ${page.toFixed(0)} req/s → ratio ${(page / base).toFixed(3)}`,
  );
  await app.stop();
  await overHttp(work, token, query);
} finally {
  rmSync(work, { recursive: true, force: true });
}
