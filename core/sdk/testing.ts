// @bijou/sdk/testing: boot a real Bijou (temp data dir, real SQLite) with only the plugins a test needs.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createApp } from '../src/app.ts';
import { mediaToolPath } from '../src/plugin-host/tools.ts';

/** A response as tests like to read it. */
export interface TestResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TestHostOptions {
  /** Plugin folders to load as first-party plugins (default: none). */
  plugins?: string[];
  /** Extra BIJOU_* environment; the rate limit defaults to effectively off. */
  env?: Record<string, string>;
  /** Reuse a data directory (to test restarts); otherwise a fresh temp dir that `stop()` removes. */
  dataDir?: string;
}

/**
 * Boots Bijou in-process for a test: `request()` drives `app.handle`, `admin()` runs the setup wizard once
 * and returns an admin token, `user()` creates a signed-in user, `logs` holds every log line written.
 */
export async function createTestHost(opts: TestHostOptions = {}) {
  const own = !opts.dataDir;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'bijou-test-'));
  const logs: string[] = [];
  const bijou = await createApp({
    env: { BIJOU_DATA_DIR: dataDir, BIJOU_LOG_LEVEL: 'debug', BIJOU_RATE_LIMIT: '1000000', ...opts.env },
    firstParty: (opts.plugins ?? []).map((p) => resolve(p)),
    logSink: { write: (line) => void logs.push(line) },
  });
  let adminToken: string | null = null;

  async function request<T = any>(
    method: string,
    path: string,
    o: { body?: unknown; token?: string | null; headers?: Record<string, string> } = {},
  ): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: BodyInit | undefined;
    if (o.body !== undefined) {
      body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await bijou.app.handle(new Request(`http://localhost${path}`, { method, headers, body }));
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {}
    return { status: res.status, headers: res.headers, body: parsed as T };
  }

  async function admin(): Promise<string> {
    if (adminToken) return adminToken;
    const r = await request('POST', '/v1/setup', {
      body: { serverName: 'Test', name: 'Admin', email: 'admin@example.com', password: 'admin-password' },
    });
    if (r.status !== 200) throw new Error(`setup failed: ${r.status} ${JSON.stringify(r.body)}`);
    adminToken = r.body.token as string;
    return adminToken;
  }

  let n = 0;
  async function user(
    role: 'user' | 'admin' = 'user',
  ): Promise<{ token: string; id: string; email: string }> {
    const token = await admin();
    n += 1;
    const email = `${role}${n}@example.com`;
    const created = await request('POST', '/v1/admin/users', {
      token,
      body: { email, name: `${role} ${n}`, password: 'user-password', role },
    });
    if (created.status !== 201)
      throw new Error(`user create failed: ${created.status} ${JSON.stringify(created.body)}`);
    const signIn = await request('POST', '/api/auth/sign-in/email', {
      body: { email, password: 'user-password' },
    });
    return { token: signIn.body.token, id: created.body.id, email };
  }

  async function stop(): Promise<void> {
    await bijou.stop();
    if (own) rmSync(dataDir, { recursive: true, force: true });
  }

  return { ...bijou, dataDir, logs, request, admin, user, stop };
}

export type TestHost = Awaited<ReturnType<typeof createTestHost>>;

/** Polls `check` until it returns something other than undefined/false; fails naming `what` after `timeoutMs`. */
export async function waitUntil<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await Bun.sleep(10);
  }
}

/** Writes `out` with ffmpeg (`-v error -y <args> <out>`), creating its folder; throws with ffmpeg's stderr. */
export async function makeMedia(args: string[], out: string): Promise<string> {
  mkdirSync(dirname(out), { recursive: true });
  const proc = Bun.spawn([mediaToolPath('ffmpeg'), '-v', 'error', '-y', ...args, out], {
    stdout: 'ignore',
    stderr: 'pipe',
  });
  const [err, code] = await Promise.all([new Response(proc.stderr).text(), proc.exited]);
  if (code !== 0) throw new Error(`ffmpeg failed for ${out} (${code}): ${err}`);
  return out;
}

const RUN_SQL = `import { Database } from 'bun:sqlite';
const [file, sql, params] = JSON.parse(process.argv[1]);
const db = new Database(file);
db.run('PRAGMA busy_timeout = 5000');
db.run(sql, params);
db.close();`;

/** Runs one SQL statement on a database file from a separate process, as the `bijou` CLI would, and waits for it. */
export async function sqlFromAnotherProcess(
  file: string,
  sql: string,
  params: (string | number | null)[] = [],
): Promise<void> {
  const proc = Bun.spawn([process.execPath, '-e', RUN_SQL, JSON.stringify([file, sql, params])], {
    stdout: 'ignore',
    stderr: 'pipe',
  });
  const [err, code] = await Promise.all([new Response(proc.stderr).text(), proc.exited]);
  if (code !== 0) throw new Error(`SQL in another process failed (${code}): ${err}`);
}

/** One answer as a header-parity test compares it: status, every header but Date, and how many body bytes came. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  bytes: number;
}

/**
 * A GET and a HEAD of `url` with the same request headers, sent through `send` (`app.handle`, or `fetch` for a
 * real socket), and what the HEAD must answer: `expected`, the GET's answer without the body — of a GET without
 * Range and If-Range when the request has a Range (Range applies to GET only, RFC 9110 14.2).
 */
export async function getAndHead(
  send: (request: Request) => Response | Promise<Response>,
  url: string,
  headers: Record<string, string> = {},
): Promise<{ get: Answer; head: Answer; expected: Answer }> {
  const one = async (method: string, sent = headers): Promise<Answer> => {
    const r = await send(new Request(url, { method, headers: sent }));
    const bytes = (await r.arrayBuffer()).byteLength;
    return {
      status: r.status,
      headers: Object.fromEntries([...r.headers].filter(([k]) => k !== 'date')),
      bytes,
    };
  };
  const get = await one('GET');
  const head = await one('HEAD');
  const { range, 'if-range': _ifRange, ...plain } = headers;
  const like = range === undefined ? get : await one('GET', plain);
  return { get, head, expected: { ...like, bytes: 0 } };
}
