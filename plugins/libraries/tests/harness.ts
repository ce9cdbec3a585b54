// Boots Bijou with only the libraries plugin for a test, and drives libraries over HTTP: create, scan and
// wait until the scan (and optionally probing) is done (with the item changes it announced), list everything across
// pages, and which item a file has.
import { waitUntil } from '@bijou/sdk/testing';

export { waitUntil };

import { expect } from 'bun:test';
import { createTestHost, type TestHost } from '@bijou/sdk/testing';

export interface Booted {
  h: TestHost;
  token: string;
}

/** A host with the libraries plugin and an admin token; `probe: false` turns ffprobe off. */
export async function boot(o: { probe?: boolean } = {}): Promise<Booted> {
  const h = await createTestHost({ plugins: ['plugins/libraries'] });
  const token = await h.admin();
  if (o.probe === false) await setConfig({ h, token }, { probe: false });
  return { h, token };
}

/** Replaces the plugin config (defaults for fields not given). */
export async function setConfig(b: Booted, patch: Record<string, unknown>): Promise<void> {
  const body = { rescanCron: '0 */6 * * *', probe: true, probeConcurrency: 2, watch: false, ...patch };
  const r = await b.h.request('PUT', '/v1/plugins/libraries/config', { token: b.token, body });
  expect(r.status).toBe(200);
}

/** Creates a library and returns its id. */
export async function createLibrary(
  b: Booted,
  kind: 'movies' | 'shows',
  paths: string[],
  name = kind === 'movies' ? 'Movies' : 'Shows',
): Promise<string> {
  const r = await b.h.request('POST', '/v1/libraries', { token: b.token, body: { name, kind, paths } });
  if (r.status !== 201) throw new Error(`library create failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id;
}

/** Starts a scan and returns its job id (expects 202). */
export async function startScan(b: Booted, libraryId: string, body?: { force?: boolean }): Promise<string> {
  const r = await b.h.request('POST', `/v1/libraries/${libraryId}/scan`, { token: b.token, body });
  if (r.status !== 202) throw new Error(`scan start failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.jobId;
}

/** The library's scan status once it is no longer scanning and has a finish time. */
export async function waitForScan(b: Booted, libraryId: string, jobId?: string): Promise<any> {
  return waitUntil(`scan of ${libraryId}`, async () => {
    const r = await b.h.request('GET', `/v1/libraries/${libraryId}`, { token: b.token });
    expect(r.status).toBe(200);
    const s = r.body.scan;
    const done = s.state !== 'scanning' && s.finishedAt && (!jobId || s.jobId === jobId);
    return done ? s : undefined;
  });
}

/** Scans and waits; with `probe`, also waits for the probe queue to drain. Returns the final scan status. */
export async function scan(b: Booted, libraryId: string, o: { probe?: boolean } = {}): Promise<any> {
  const jobId = await startScan(b, libraryId);
  const status = await waitForScan(b, libraryId, jobId);
  if (o.probe) await b.h.core.queue.idle('libraries.probe', 20_000);
  return status;
}

type BusEvent = Parameters<Parameters<TestHost['core']['bus']['tap']>[0]>[0];
type ChangeKind = 'added' | 'updated' | 'missing' | 'restored' | 'removed';
type ItemsChanged = { libraryId: string } & Record<ChangeKind, string[]>;
/** A finished scan's counts and the item ids its `libraries.items.changed` events announced, by kind. */
export type Announced = { counts: any } & Record<ChangeKind, string[]>;

/** Listens to item change events from now on; the function returned scans a library and returns what it announced. */
export function announcedScans(b: Booted): (libraryId: string) => Promise<Announced> {
  const changes: ItemsChanged[] = [];
  b.h.core.bus.tap((e: BusEvent) => {
    if (e.name === 'libraries.items.changed') changes.push(e.payload as ItemsChanged);
  });
  return async (libraryId) => {
    changes.length = 0;
    const s = await scan(b, libraryId);
    const mine = changes.filter((c) => c.libraryId === libraryId);
    const all = (kind: ChangeKind) => mine.flatMap((c) => c[kind]);
    return {
      counts: s.counts,
      added: all('added'),
      updated: all('updated'),
      missing: all('missing'),
      restored: all('restored'),
      removed: all('removed'),
    };
  };
}

/** GET that must answer 200; returns the body. */
export async function get(b: Booted, path: string, token = b.token): Promise<any> {
  const r = await b.h.request('GET', path, { token });
  if (r.status !== 200) throw new Error(`GET ${path} → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Every item of a paged list endpoint, following `nextCursor` (`path` may already carry a query). */
export async function listAll(b: Booted, path: string, limit = 100): Promise<any[]> {
  const out: any[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 1000; pages++) {
    const sepr = path.includes('?') ? '&' : '?';
    const q = `${sepr}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const body = await get(b, `${path}${q}`);
    out.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) return out;
  }
  throw new Error(`${path} did not stop paging`);
}

/** The single movie whose title is `title` (fails when there is not exactly one). */
export async function movieTitled(b: Booted, title: string): Promise<any> {
  const all = await listAll(b, '/v1/movies');
  const found = all.filter((m) => m.title === title);
  expect(found.map((m) => m.title)).toEqual([title]);
  return found[0];
}

/** The item a file row (by absolute path) is attached to: null when none, undefined when there is no such row. */
export function itemOfFile(b: Booted, path: string): string | null | undefined {
  return b.h.core.sqlite
    .query<{ item_id: string | null }, [string]>('SELECT item_id FROM libraries_files WHERE path = ?')
    .get(path)?.item_id;
}

/** The poster each season of a show has, by season number: the image's bytes as text (test posters are text), or null. */
export async function seasonPosters(b: Booted, showId: string): Promise<Record<number, string | null>> {
  const out: Record<number, string | null> = {};
  for (const s of (await get(b, `/v1/shows/${showId}/seasons`)).items) {
    const r = await b.h.request('GET', `/v1/images/${s.id}/poster`, { token: b.token });
    out[s.seasonNumber] = r.status === 200 ? String(r.body) : null;
  }
  return out;
}
