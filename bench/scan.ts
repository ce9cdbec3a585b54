// Benchmark: first scan and no-change rescan of a generated 10,000-file tree (empty files, probing off), each as a
// speed ratio against `find <root> -printf` over the same tree in the same run. Run: `bun bench/scan.ts`
// (`LAYOUT=flat`: the 2,000 movies side by side in one folder instead of a folder each).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp } from '../core/src/app.ts';

const FLAT = process.env.LAYOUT === 'flat';
const GENRES = ['Action', 'Drama', 'Comedy', 'Thriller', 'Animation', 'Documentary'];
const NOISE = ['1080p.BluRay.x264-GROUP', '2160p.WEB-DL.DDP5.1.HEVC', '720p.HDTV.x264', ''];

function makeTree(root: string): number {
  let files = 0;
  const movies = join(root, 'movies');
  for (let i = 0; i < 2000; i++) {
    const year = 1950 + (i % 70);
    const title = `Movie Title ${i} Part ${i % 7}`;
    // LAYOUT=flat: every movie side by side in one folder, its NFO and poster named after it.
    const dir = FLAT ? movies : join(movies, `${title} (${year})`);
    mkdirSync(dir, { recursive: true });
    const noise = NOISE[i % NOISE.length];
    const video = FLAT
      ? `${title} (${year})`
      : `${title.replace(/ /g, '.')}.${year}${noise ? `.${noise}` : ''}`;
    writeFileSync(join(dir, `${video}.mkv`), '');
    writeFileSync(
      join(dir, FLAT ? `${video}.nfo` : 'movie.nfo'),
      `<movie><title>${title}</title><year>${year}</year><uniqueid type="tmdb" default="true">${10000 + i}</uniqueid>` +
        `<genre>${GENRES[i % GENRES.length]}</genre><actor><name>Actor ${i % 500}</name><role>Lead</role></actor></movie>`,
    );
    writeFileSync(join(dir, FLAT ? `${video}-poster.jpg` : 'poster.jpg'), '');
    files += 3;
  }
  const shows = join(root, 'shows');
  for (let s = 0; s < 40; s++) {
    for (let season = 1; season <= 5; season++) {
      const dir = join(shows, `Show Number ${s} (${1990 + s})`, `Season ${String(season).padStart(2, '0')}`);
      mkdirSync(dir, { recursive: true });
      for (let e = 1; e <= 20; e++) {
        const ep = `S${String(season).padStart(2, '0')}E${String(e).padStart(2, '0')}`;
        writeFileSync(join(dir, `Show Number ${s} - ${ep} - Episode Title ${e}.mkv`), '');
        files += 1;
      }
    }
  }
  return files;
}

function timeFind(root: string): number {
  const t = performance.now();
  const p = Bun.spawnSync(['find', root, '-printf', '%p %s %T@\n'], { stdout: 'pipe' });
  if (p.exitCode !== 0) throw new Error('find failed');
  return performance.now() - t;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * CPU time (ms) used so far by this process's threads, summed by kind: the main thread, the scan worker
 * ('Worker'), the JavaScript compiler threads ('JITWorker') and the rest (GC helpers, SQLite checkpointer's
 * worker is counted as 'Worker' too). Linux /proc only; empty elsewhere.
 */
function threadCpu(): Record<string, number> {
  const out: Record<string, number> = {};
  let tasks: string[] = [];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return out;
  }
  const tick = 10; // USER_HZ = 100 on Linux: utime and stime are in 10 ms ticks
  for (const t of tasks) {
    try {
      const st = readFileSync(`/proc/self/task/${t}/stat`, 'utf8');
      const name = st.slice(st.indexOf('(') + 1, st.lastIndexOf(')'));
      const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
      const kind =
        t === String(process.pid) ? 'main' : name === 'Worker' || name === 'JITWorker' ? name : 'other';
      out[kind] = (out[kind] ?? 0) + (Number(f[11]) + Number(f[12])) * tick;
    } catch {
      // the thread ended between listing and reading
    }
  }
  return out;
}

const work = mkdtempSync(join(tmpdir(), 'bijou-bench-scan-'));
try {
  const tree = join(work, 'media');
  const n = makeTree(tree);
  timeFind(tree);
  const findMs = median([timeFind(tree), timeFind(tree), timeFind(tree), timeFind(tree), timeFind(tree)]);
  const results: { run: string; ms: number }[] = [];
  const cpu: Record<string, number>[] = [];
  for (const round of [1, 2, 3]) {
    const dataDir = join(work, `data-${round}`);
    const logs: string[] = [];
    const app = await createApp({
      env: { BIJOU_DATA_DIR: dataDir, BIJOU_LOG_LEVEL: 'warn', BIJOU_RATE_LIMIT: '1000000' },
      firstParty: [resolve(import.meta.dir, '../plugins/libraries')],
      logSink: { write: (l) => void logs.push(l) },
    });
    const host = app.host;
    await host.setConfig('libraries', { probe: false });
    const svc = host.api('libraries');
    if (!svc) throw new Error('libraries plugin not active');
    const api = app.app;
    const setup = await api.handle(
      new Request('http://localhost/v1/setup', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ serverName: 'b', name: 'b', email: 'b@b.bb', password: 'benchmark-pass' }),
      }),
    );
    const { token } = (await setup.json()) as { token: string };
    const call = async (method: string, path: string, body?: unknown) => {
      const r = await api.handle(
        new Request(`http://localhost${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: body ? JSON.stringify(body) : undefined,
        }),
      );
      return (await r.json()) as any;
    };
    const libs = [
      await call('POST', '/v1/libraries', { name: 'Movies', kind: 'movies', paths: [join(tree, 'movies')] }),
      await call('POST', '/v1/libraries', { name: 'Shows', kind: 'shows', paths: [join(tree, 'shows')] }),
    ];
    for (const label of ['first scan', 'no-change rescan']) {
      const t = performance.now();
      const cpuBefore = threadCpu();
      for (const lib of libs) {
        const finished = new Promise<void>((done) => {
          const off = app.core.bus.tap((e) => {
            if (
              e.name === 'libraries.scan.finished' &&
              (e.payload as { libraryId: string }).libraryId === lib.id
            ) {
              off();
              done();
            }
          });
        });
        await call('POST', `/v1/libraries/${lib.id}/scan`);
        await finished;
      }
      results.push({ run: label, ms: performance.now() - t });
      if (label === 'first scan') {
        const after = threadCpu();
        cpu.push(Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - (cpuBefore[k] ?? 0)])));
      }
      if (round === 3 && label === 'first scan') {
        const stats = await call('GET', '/v1/movies?limit=1');
        if (!stats.items?.length) throw new Error('scan produced no movies');
      }
    }
    await app.stop();
  }
  const rounds = (run: string) => results.filter((r) => r.run === run).map((r) => r.ms);
  const first = median(rounds('first scan'));
  const rescan = median(rounds('no-change rescan'));
  // Every round too: the first is a cold process (nothing compiled yet), which the median leaves out.
  const each = (run: string) => rounds(run).map((ms) => `${ms.toFixed(0)} (${(findMs / ms).toFixed(2)})`);
  console.log(`files in tree: ${n}`);
  console.log(`find -printf (median of 5): ${findMs.toFixed(1)} ms`);
  console.log(
    `first scan (median of 3):   ${first.toFixed(1)} ms  → speed ratio vs find ${(findMs / first).toFixed(3)} (target ≥ 0.25)`,
  );
  console.log(
    `no-change rescan (median):  ${rescan.toFixed(1)} ms  → speed ratio vs find ${(findMs / rescan).toFixed(3)} (target ≥ 0.50)`,
  );
  console.log(`first scan, rounds 1/2/3:   ${each('first scan').join(' / ')} ms (ratio)`);
  console.log(`rescan, rounds 1/2/3:       ${each('no-change rescan').join(' / ')} ms (ratio)`);
  if (cpu.length) {
    const kinds = ['main', 'Worker', 'JITWorker', 'other'];
    const per = kinds.map((k) => `${k} ${cpu.map((c) => c[k] ?? 0).join('/')}`);
    console.log(`CPU ms of each first scan by thread (rounds 1/2/3): ${per.join(', ')}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
