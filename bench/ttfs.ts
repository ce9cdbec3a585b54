// Benchmark: time to first HLS segment of a generated 1080p H.264 source transcoded to 720p, at the start and after
// a seek, and with two sessions at once, each as a ratio against bare ffmpeg writing its first segment with the
// same arguments in the same run. Run: `node_modules/.bin/bun bench/ttfs.ts` (ROUNDS=n to change the count).

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mediaToolPath } from '../core/sdk/index.ts';
import { createTestHost, type TestHost } from '../core/sdk/testing.ts';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const SECONDS = 60;
const SEEK_TO = 40;
const CAPS = { containers: ['mp4'], videoCodecs: ['h264'], audioCodecs: ['aac'], maxHeight: 720 };
const dir = mkdtempSync(join(tmpdir(), 'bijou-ttfs-'));
const media = join(dir, 'media');

async function sh(cmd: string[]): Promise<void> {
  const p = Bun.spawn(cmd, { stdout: 'ignore', stderr: 'pipe' });
  if ((await p.exited) !== 0) throw new Error(`${cmd[0]} failed: ${await new Response(p.stderr).text()}`);
}

/** A minute of 1080p24 H.264 High (x264's default GOP of 250 frames) with stereo AAC, in MP4. */
async function makeSource(): Promise<void> {
  await sh(['mkdir', '-p', join(media, 'Bench Movie (2024)')]);
  await sh([
    ...[mediaToolPath('ffmpeg'), '-v', 'error', '-y'],
    ...['-f', 'lavfi', '-i', `testsrc2=size=1920x1080:rate=24:duration=${SECONDS}`],
    ...['-f', 'lavfi', '-i', `sine=frequency=440:duration=${SECONDS}`, '-ac', '2'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-profile:v', 'high', '-pix_fmt', 'yuv420p', '-b:v', '8M'],
    ...['-c:a', 'aac', '-b:a', '192k', join(media, 'Bench Movie (2024)', 'Bench Movie (2024).mp4')],
  ]);
}

async function until<T>(check: () => T | undefined | false, every = 5, timeoutMs = 60_000): Promise<T> {
  const end = performance.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v) return v;
    if (performance.now() > end) throw new Error('timed out');
    await Bun.sleep(every);
  }
}

async function boot(): Promise<{ h: TestHost; token: string; itemId: string }> {
  const h = await createTestHost({
    plugins: ['plugins/libraries', 'plugins/transcoder', 'plugins/playback'],
  });
  const token = await h.admin();
  const lib = await h.request('POST', '/v1/libraries', {
    token,
    body: { name: 'Bench', kind: 'movies', paths: [media] },
  });
  await h.request('POST', `/v1/libraries/${lib.body.id}/scan`, { token });
  await until(
    () => h.core.sqlite.query("SELECT 1 FROM libraries_files WHERE video_codec = 'h264'").get(),
    20,
  );
  await h.core.queue.idle('libraries.probe', 60_000);
  const itemId = (h.core.sqlite.query("SELECT id FROM libraries_items WHERE kind = 'movie'").get() as any).id;
  await (h.host.api('transcoder') as any).probed();
  return { h, token, itemId };
}

async function get(h: TestHost, path: string): Promise<Response> {
  const res = await h.app.handle(new Request(`http://localhost${path}`));
  if (res.status !== 200) throw new Error(`GET ${path} → ${res.status} ${await res.text()}`);
  return res;
}

/** The ffmpeg arguments playback used for a session's encode at a segment (from the transcoder's debug log). */
function argsOf(h: TestHost, sessionId: string, segment: number): string[] {
  const line = h.logs
    .map((l) => JSON.parse(l))
    .find((l) => l.msg === 'encode started' && l.owner === sessionId && l.segment === segment);
  if (!line) throw new Error(`no encode of ${sessionId} at ${segment}`);
  return line.args;
}

/** Plays from the start like a player: session, master, media playlist, first segment. Returns ms and ids. */
async function playFirst(w: Awaited<ReturnType<typeof boot>>) {
  const t0 = performance.now();
  const s = await w.h.request('POST', '/v1/playback/sessions', {
    token: w.token,
    body: { itemId: w.itemId, capabilities: CAPS },
  });
  if (s.status !== 201) throw new Error(`session: ${s.status} ${JSON.stringify(s.body)}`);
  const base = `/api/stream/${s.body.sessionId}`;
  const st = `?st=${encodeURIComponent(s.body.streamToken)}`;
  const master = await (await get(w.h, s.body.urls.master)).text();
  const quality = master
    .split('\n')
    .find((l) => l.includes('/playlist.m3u8'))!
    .split('/')[0];
  await (await get(w.h, `${base}/${quality}/playlist.m3u8${st}`)).text();
  await (await get(w.h, `${base}/${quality}/0.ts${st}`)).arrayBuffer();
  return { ms: performance.now() - t0, sessionId: s.body.sessionId as string, base, st, quality };
}

/** Seeks a playing session and fetches the segment at the new position. */
async function seekAndFetch(w: Awaited<ReturnType<typeof boot>>, p: Awaited<ReturnType<typeof playFirst>>) {
  const t0 = performance.now();
  const r = await w.h.request('POST', `/v1/playback/sessions/${p.sessionId}/seek`, {
    token: w.token,
    body: { position: SEEK_TO },
  });
  await (await get(w.h, `${p.base}/${p.quality}/${r.body.segment}.ts${p.st}`)).arrayBuffer();
  return { ms: performance.now() - t0, segment: r.body.segment as number };
}

/** Bare ffmpeg with the same arguments into a fresh folder; ms until its first segment is listed as finished. */
async function bare(args: string[]): Promise<number> {
  const out = mkdtempSync(join(dir, 'bare-'));
  const list = args.indexOf('-segment_list');
  const oldDir = args[list + 1].replace(/\/segments\.csv$/, '');
  const fixed = args.map((a) => a.replaceAll(oldDir, out));
  const t0 = performance.now();
  const p = Bun.spawn([mediaToolPath('ffmpeg'), ...fixed], {
    stdout: 'ignore',
    stderr: 'ignore',
    stdin: 'ignore',
  });
  const ms = await until(() => {
    try {
      return readFileSync(join(out, 'segments.csv'), 'utf8').includes('.ts,') && performance.now() - t0;
    } catch {
      return false;
    }
  }, 2);
  p.kill(9);
  await p.exited;
  rmSync(out, { recursive: true, force: true });
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n: number) => `${Math.round(n)} ms`;

async function main() {
  console.log(`generating a ${SECONDS} s 1080p H.264 source…`);
  await makeSource();
  const w = await boot();
  const end = (id: string) => w.h.request('DELETE', `/v1/playback/sessions/${id}`, { token: w.token });
  const rows: Record<string, { ours: number[]; bare: number[] }> = {
    'first segment': { ours: [], bare: [] },
    [`after a seek to ${SEEK_TO} s`]: { ours: [], bare: [] },
    'two sessions at once (slowest)': { ours: [], bare: [] },
  };
  const [first, seek, two] = Object.values(rows);
  // A warm-up round fills the page cache and JIT; it is not counted.
  for (let round = 0; round <= ROUNDS; round++) {
    const p = await playFirst(w);
    const s = await seekAndFetch(w, p);
    const a0 = argsOf(w.h, p.sessionId, 0);
    const aSeek = argsOf(w.h, p.sessionId, s.segment);
    await end(p.sessionId);
    const b0 = await bare(a0);
    const bSeek = await bare(aSeek);
    const pair = await Promise.all([playFirst(w), playFirst(w)]);
    for (const x of pair) await end(x.sessionId);
    const bPair = await Promise.all([bare(a0), bare(a0)]);
    if (round === 0) continue;
    first.ours.push(p.ms);
    first.bare.push(b0);
    seek.ours.push(s.ms);
    seek.bare.push(bSeek);
    two.ours.push(Math.max(...pair.map((x) => x.ms)));
    two.bare.push(Math.max(...bPair));
    console.log(
      `round ${round}: first ${fmt(p.ms)} vs ${fmt(b0)}, seek ${fmt(s.ms)} vs ${fmt(bSeek)}, ` +
        `two ${fmt(two.ours.at(-1)!)} vs ${fmt(two.bare.at(-1)!)}`,
    );
  }
  console.log(`\nTime to first segment, 1080p H.264 → 720p (${ROUNDS} rounds, medians; target ≤ 1.30×)`);
  console.log('| Case | Bijou | bare ffmpeg | ratio |');
  console.log('|---|---|---|---|');
  for (const [name, r] of Object.entries(rows)) {
    const o = median(r.ours);
    const b = median(r.bare);
    console.log(`| ${name} | ${fmt(o)} | ${fmt(b)} | ${(o / b).toFixed(2)}× |`);
  }
  const one = median(first.ours);
  console.log(`\nTwo sessions vs one: ${(median(two.ours) / one).toFixed(2)}× the single-session time.`);
  console.log(`Encoder: ${JSON.stringify((w.h.host.api('transcoder') as any).encoderFor('h264'))}`);
  await w.h.stop();
}

try {
  await main();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
