// Boots Bijou with libraries + search for a test, and helpers to reindex, search and wait.
import { waitUntil } from '@bijou/sdk/testing';

export { waitUntil };

import { expect } from 'bun:test';
import { createTestHost, type TestHost } from '@bijou/sdk/testing';
import type { LibrariesApi } from '../../libraries/api.ts';
import type { SearchApi } from '../api.ts';

export interface Booted {
  h: TestHost;
  token: string;
}

/** The plugins every search test boots. */
export const PLUGINS = ['plugins/libraries', 'plugins/search'];

export async function boot(o: { env?: Record<string, string> } = {}): Promise<Booted> {
  const h = await createTestHost({ plugins: PLUGINS, env: o.env });
  const token = await h.admin();
  return { h, token };
}

export const librariesApi = (b: Booted) => b.h.host.api('libraries') as LibrariesApi;
export const searchApi = (b: Booted) => b.h.host.api('search') as SearchApi;

/** A finished run of a job; fails unless it succeeded. */
export async function waitForRun(b: Booted, runId: string): Promise<any> {
  const run = await waitUntil(`run ${runId}`, async () => {
    const r = await b.h.request('GET', `/v1/jobs/runs/${runId}`, { token: b.token });
    return r.body.state !== 'running' ? r.body : undefined;
  });
  expect({ state: run.state, error: run.error }).toEqual({ state: 'succeeded', error: null });
  return run;
}

/** Runs the reindex job to the end (waiting for one already running first). */
export async function reindex(b: Booted, force = false): Promise<any> {
  const r = await waitUntil('reindex to start', async () => {
    const res = await b.h.request('POST', '/v1/search/reindex', { token: b.token, body: { force } });
    return res.status === 202 ? res : undefined;
  });
  return waitForRun(b, r.body.runId);
}

/** GET /v1/search as `token`; must answer 200. */
export async function search(
  b: Booted,
  query: Record<string, string | number>,
  token = b.token,
): Promise<any> {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  const r = await b.h.request('GET', `/v1/search?${qs}`, { token });
  if (r.status !== 200) throw new Error(`search ${qs} → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Titles of the first page for `q`. */
export async function titles(
  b: Booted,
  q: string,
  extra: Record<string, string | number> = {},
  token = b.token,
) {
  return (await search(b, { q, ...extra }, token)).items.map((i: any) => i.title) as string[];
}

/** Every hit for `q`, following cursors. */
export async function searchAll(
  b: Booted,
  query: Record<string, string | number>,
  token = b.token,
): Promise<any[]> {
  const out: any[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 200; pages++) {
    const body = await search(b, { ...query, ...(cursor ? { cursor } : {}) }, token);
    out.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) return out;
  }
  throw new Error('search did not stop paging');
}

/** Suggestion texts for `q`. */
export async function suggestions(b: Booted, q: string, token = b.token): Promise<any[]> {
  const r = await b.h.request('GET', `/v1/search/suggestions?q=${encodeURIComponent(q)}`, { token });
  if (r.status !== 200) throw new Error(`suggestions ${q} → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.items;
}
