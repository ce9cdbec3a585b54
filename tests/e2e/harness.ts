// Shared set-up for the browser tests: a real Bijou server on a temporary data folder, Debian Chromium through
// playwright-core, screenshots into test-artifacts/, a shortcut that completes setup and signs the page in, and
// e2eSuite, which runs all that around a test file's tests.
import { afterAll, beforeAll } from 'bun:test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { waitUntil } from '../../core/sdk/testing.ts';
import { type BijouApp, createApp } from '../../core/src/app.ts';
import { buildWeb } from '../../web/build.ts';
import { ensureChromium } from './ensure-chromium.ts';

export const ARTIFACTS = resolve(import.meta.dir, '../../test-artifacts');
export const ADMIN = { email: 'ann@example.com', password: 'a long password', name: 'Ann' };

export interface E2E {
  tmp: string;
  base: string;
  bijou: BijouApp;
  browser: Browser;
  page: Page;
  /** Saves a full-page screenshot as test-artifacts/<name>.png. */
  shot(name: string, target?: Page): Promise<unknown>;
  /** A level-1 heading with exactly this name (or matching this pattern). */
  heading(text: string | RegExp, target?: Page): ReturnType<Page['getByRole']>;
  /** Opens another page (for example a phone-sized one) in its own context. */
  newPage(viewport: { width: number; height: number }): Promise<Page>;
  /** Creates the admin through the API (skipping the wizard) and signs `page` in; returns the bearer token. */
  signInAsAdmin(serverName?: string): Promise<string>;
  /** Calls the API as the admin with the bearer token from signInAsAdmin. */
  call<T = any>(method: string, path: string, body?: unknown): Promise<T>;
  /** Creates a library through the API as the admin, scans it and waits for the scan to finish; returns its id. */
  addLibrary(name: string, kind: 'movies' | 'shows', path: string): Promise<string>;
  /** Waits until ffprobe has read the codecs of the library's `files` main files (players and filters need them). */
  waitForProbes(libraryId: string, files: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts a server and a browser; `prepare` writes media into the temporary folder first; `env` adds BIJOU_*
 * settings (for example a higher rate limit for tests that click through many pages).
 */
export async function startE2E(
  prepare?: (tmp: string) => Promise<void> | void,
  env: Record<string, string> = {},
): Promise<E2E> {
  const executablePath = ensureChromium();
  const tmp = mkdtempSync(join(tmpdir(), 'bijou-e2e-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  await prepare?.(tmp);
  await buildWeb();
  const bijou = await createApp({
    env: {
      ...process.env,
      BIJOU_DATA_DIR: join(tmp, 'data'),
      BIJOU_LOG_LEVEL: 'error',
      BIJOU_PORT: '0',
      ...env,
    },
  });
  bijou.app.listen(0);
  const base = `http://127.0.0.1:${bijou.app.server!.port}`;
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
  const watch = (p: Page) => {
    p.on('pageerror', (e) => console.error('browser error:', e.message));
    p.on('console', (m) => m.type() === 'error' && console.error('browser console:', m.text()));
    return p;
  };
  const newPage = async (viewport: { width: number; height: number }) =>
    watch(await (await browser.newContext({ viewport })).newPage());
  const page = await newPage({ width: 1280, height: 800 });
  let token = '';
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    tmp,
    base,
    bijou,
    browser,
    page,
    newPage,
    call,
    shot: (name, target = page) =>
      target.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true }),
    heading: (text, target = page) => target.getByRole('heading', { level: 1, name: text, exact: true }),
    async signInAsAdmin(serverName = 'Home Cinema') {
      const res = await call<{ token: string }>('POST', '/v1/setup', { serverName, ...ADMIN });
      token = res.token;
      await page.goto(`${base}/signin`);
      await page.getByLabel('Email').fill(ADMIN.email);
      await page.getByLabel('Password').fill(ADMIN.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: serverName, exact: true }).waitFor();
      return token;
    },
    async addLibrary(name, kind, path) {
      const lib = await call<{ id: string }>('POST', '/v1/libraries', { name, kind, paths: [path] });
      await call('POST', `/v1/libraries/${lib.id}/scan`);
      await waitUntil(`the scan of ${name}`, async () => {
        const l = await call<{ scan: { state: string; phase: string | null } }>(
          'GET',
          `/v1/libraries/${lib.id}`,
        );
        return l.scan.state !== 'running' && l.scan.phase === 'done';
      });
      return lib.id;
    },
    async waitForProbes(libraryId, files) {
      const probed = async () => {
        const stats = await call<{ byCodec: Record<string, number> }>(
          'GET',
          `/v1/libraries/${libraryId}/stats`,
        );
        return !stats.byCodec.unknown && Object.values(stats.byCodec).reduce((a, b) => a + b, 0) === files;
      };
      await waitUntil(`the probe of ${files} files`, probed, 30_000);
    },
    async stop() {
      await browser.close().catch(() => {});
      await bijou.stop();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** Waits until the page's video has played past `seconds`, then pauses it and waits for the heartbeat that stores it. */
export async function playPastThenPause(page: Page, seconds: number): Promise<void> {
  await page.waitForFunction((s) => (document.querySelector('video')?.currentTime ?? 0) > s, seconds, {
    timeout: 20_000,
  });
  const beat = page.waitForResponse((r) => r.url().includes('/heartbeat') && r.status() === 200);
  await page.locator('video').evaluate((v: HTMLVideoElement) => v.pause());
  await beat;
}

/**
 * Runs a server and browser around a test file's tests (bun:test beforeAll and afterAll): started as startE2E does
 * with `prepare` and `env`, then `ready` signs in or adds what the tests need and returns extras for the suite; the
 * server stops again when that fails. The returned suite is filled in before the first test runs.
 */
export function e2eSuite<T extends object>(
  prepare: (tmp: string) => Promise<void> | void,
  env: Record<string, string>,
  ready: (e2e: E2E) => Promise<T>,
): E2E & T {
  const suite = {} as E2E & T;
  beforeAll(async () => {
    const e2e = await startE2E(prepare, env);
    try {
      Object.assign(suite, e2e, await ready(e2e));
    } catch (err) {
      await e2e.stop();
      throw err;
    }
  }, 300_000);
  afterAll(async () => {
    await suite.stop?.();
  });
  return suite;
}
