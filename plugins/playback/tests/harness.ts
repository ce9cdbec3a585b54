// Boots Bijou with libraries, transcoder and playback over a temp folder of generated media, scans and probes
// it, and gives tests short helpers for sessions and raw stream responses.
import { waitUntil } from '@bijou/sdk/testing';

export { waitUntil };

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestHost, type TestHost } from '@bijou/sdk/testing';

export interface World {
  h: TestHost;
  token: string;
  root: string;
  libraryId: string;
  /** Movie and episode ids by title ("Direct Movie", "Show S01E01", …). */
  ids: Record<string, string>;
  stop(): Promise<void>;
}

export const PLUGINS = ['plugins/libraries', 'plugins/transcoder', 'plugins/playback'];

/** Boots, writes the tree with `populate(root)`, creates a `kind` library and scans and probes it. */
export async function boot(
  kind: 'movies' | 'shows',
  populate: (root: string) => Promise<void>,
  config: { playback?: Record<string, unknown>; transcoder?: Record<string, unknown> } = {},
): Promise<World> {
  const root = mkdtempSync(join(tmpdir(), 'bijou-playback-lib-'));
  await populate(root);
  const h = await createTestHost({ plugins: PLUGINS });
  const token = await h.admin();
  for (const [id, value] of Object.entries(config)) {
    const r = await h.request('PUT', `/v1/plugins/${id}/config`, { token, body: value });
    if (r.status !== 200) throw new Error(`config of ${id}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  const lib = await h.request('POST', '/v1/libraries', { token, body: { name: 'Lib', kind, paths: [root] } });
  if (lib.status !== 201) throw new Error(`library: ${lib.status} ${JSON.stringify(lib.body)}`);
  const libraryId = lib.body.id as string;
  const scan = await h.request('POST', `/v1/libraries/${libraryId}/scan`, { token });
  if (scan.status !== 202) throw new Error(`scan: ${scan.status}`);
  await waitUntil('scan', async () => {
    const r = await h.request('GET', `/v1/libraries/${libraryId}`, { token });
    return r.body.scan.state !== 'scanning' && r.body.scan.finishedAt;
  });
  await h.core.queue.idle('libraries.probe', 30_000);
  const ids: Record<string, string> = {};
  const rows = h.core.sqlite
    .query<
      { id: string; kind: string; title: string; show: string | null; s: number | null; e: number | null },
      []
    >(
      `SELECT i.id, i.kind, i.title, sh.title AS show, i.season_number AS s, i.episode_number AS e
       FROM libraries_items i LEFT JOIN libraries_items sh ON sh.id = i.show_id`,
    )
    .all();
  for (const r of rows) {
    if (r.kind === 'movie' || r.kind === 'show') ids[r.title] = r.id;
    if (r.kind === 'episode')
      ids[`${r.show} S${String(r.s).padStart(2, '0')}E${String(r.e).padStart(2, '0')}`] = r.id;
  }
  return {
    h,
    token,
    root,
    libraryId,
    ids,
    async stop() {
      await h.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Capabilities of a browser: MP4 with H.264/AAC only. */
export const BROWSER = { containers: ['mp4'], videoCodecs: ['h264'], audioCodecs: ['aac'] };
/** A box that plays Matroska and HEVC too. */
export const TV = { containers: ['mp4', 'mkv'], videoCodecs: ['h264', 'hevc'], audioCodecs: ['aac', 'ac3'] };

/** POST /v1/playback/sessions; returns the response (status and body). */
export function createSession(w: World, body: Record<string, unknown>, token = w.token) {
  return w.h.request('POST', '/v1/playback/sessions', { token, body });
}

/** The URL of a stream path of a session (e.g. `720p/3.ts`), with its token. */
export function streamUrl(session: { sessionId: string; streamToken: string }, path: string): string {
  const sep = path.includes('?') ? '&' : '?';
  return `/api/stream/${session.sessionId}/${path}${sep}st=${encodeURIComponent(session.streamToken)}`;
}

/** A raw GET through the app (bytes and headers as a player sees them). */
export async function fetchRaw(w: World, path: string, headers: Record<string, string> = {}) {
  const res = await w.h.app.handle(new Request(`http://localhost${path}`, { headers }));
  return { status: res.status, headers: res.headers, bytes: await res.arrayBuffer() };
}

/** A text GET through the app. */
export async function fetchText(w: World, path: string) {
  const res = await w.h.app.handle(new Request(`http://localhost${path}`));
  return { status: res.status, headers: res.headers, text: await res.text() };
}
