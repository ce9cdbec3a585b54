// Live events on a real listening server: SSE (/v1/events?token=) and WebSocket (/v1/ws) filtered by audience,
// WebSocket authentication by first frame, and event listener errors caught by the bus.
import { afterEach, expect, test } from 'bun:test';
import { join, resolve } from 'node:path';
import { createTestHost, type TestHost } from '@bijou/sdk/testing';

const ROOT = resolve(import.meta.dir, '../..');
const fx = (id: string) => join(ROOT, 'tests/fixtures/plugins', id);

interface Frame {
  type: string;
  name?: string;
  payload?: any;
  error?: string;
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function listen(plugins: string[]): Promise<{ h: TestHost; port: number }> {
  const h = await createTestHost({ plugins: plugins.map(fx) });
  cleanups.push(() => h.stop());
  h.app.listen({ port: 0, hostname: '127.0.0.1' });
  return { h, port: h.app.server!.port! };
}

async function waitFor<T>(what: string, find: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = find();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await Bun.sleep(10);
  }
}

/** Opens an SSE stream and collects its event frames until closed. */
async function sse(port: number, token: string) {
  const ctl = new AbortController();
  const res = await fetch(`http://127.0.0.1:${port}/v1/events?token=${token}`, { signal: ctl.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const frames: Frame[] = [];
  const reader = res.body!.getReader();
  const dec = new TextDecoder();
  let buf = '';
  let ended = false;
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        ended = true;
        return;
      }
      buf += dec.decode(value, { stream: true });
      let i = buf.indexOf('\n\n');
      for (; i >= 0; i = buf.indexOf('\n\n')) {
        const data = buf
          .slice(0, i)
          .split('\n')
          .find((l) => l.startsWith('data: '));
        buf = buf.slice(i + 2);
        if (data) frames.push(JSON.parse(data.slice(6)));
      }
    }
  })().catch(() => {});
  const close = async () => {
    ctl.abort();
    await pump;
  };
  cleanups.push(close);
  const names = () => frames.map((f) => f.name);
  return { frames, names, close, ended: () => ended };
}

/** Opens a WebSocket and collects parsed frames and the close code. */
async function ws(port: number) {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/v1/ws`);
  const frames: Frame[] = [];
  let closedWith: number | null = null;
  socket.onmessage = (m) => frames.push(JSON.parse(String(m.data)));
  socket.onclose = (e) => {
    closedWith = e.code;
  };
  await new Promise((ok, fail) => {
    socket.onopen = ok;
    socket.onerror = fail;
  });
  cleanups.push(() => socket.close());
  return { socket, frames, closed: () => closedWith };
}

test('SSE for a user carries audience "all" and that user\'s events, never admin or other users\' events', async () => {
  const { h, port } = await listen(['greeter']);
  const me = await h.user();
  const other = await h.user();
  const stream = await sse(port, me.token);

  h.core.bus.emit('test.broadcast.sent', { n: 1 }, 'all');
  h.core.bus.emit('test.admins.sent', { n: 2 }, 'admin');
  h.core.bus.emit('test.other-user.sent', { n: 3 }, { userId: other.id });
  h.core.bus.emit('test.mine.sent', { n: 4 }, { userId: me.id });
  expect((await h.request('GET', '/v1/greeter/hello', { token: me.token })).status).toBe(200);
  h.core.bus.emit('test.sentinel.sent', {}, 'all');

  await waitFor('the sentinel', () => stream.frames.find((f) => f.name === 'test.sentinel.sent'));
  expect(stream.names()).toEqual([
    'test.broadcast.sent',
    'test.mine.sent',
    'greeter.greeting.sent',
    'test.sentinel.sent',
  ]);
  expect(stream.frames.find((f) => f.name === 'greeter.greeting.sent')?.payload).toEqual({ to: me.id });
});

test('SSE for an admin carries admin events such as core.job.started', async () => {
  const { h, port } = await listen(['greeter']);
  const admin = await h.admin();
  const stream = await sse(port, admin);
  const user = await sse(port, (await h.user()).token);

  const { runId } = (await h.request('POST', '/v1/jobs/greeter/count/trigger', { token: admin })).body;
  const started = await waitFor('core.job.started', () =>
    stream.frames.find((f) => f.name === 'core.job.started'),
  );
  expect(started.payload).toMatchObject({ runId, pluginId: 'greeter', jobId: 'count' });
  h.core.bus.emit('test.sentinel.sent', {}, 'all');
  await waitFor('the sentinel', () => user.frames.find((f) => f.name === 'test.sentinel.sent'));
  expect(user.names()).toEqual(['test.sentinel.sent']);
});

test('an SSE stream ends when its session is signed out, and carries nothing after', async () => {
  const { h, port } = await listen([]);
  const me = await h.user();
  const stream = await sse(port, me.token);
  h.core.bus.emit('test.before.sent', {}, 'all');
  await waitFor('the first event', () => stream.frames.find((f) => f.name === 'test.before.sent'));
  const out = await h.request('POST', '/api/auth/sign-out', { token: me.token });
  expect(out.status).toBe(200);
  h.core.bus.emit('test.after.sent', {}, 'all');
  await waitFor('the stream to end', () => (stream.ended() ? true : undefined));
  expect(stream.names()).toEqual(['test.before.sent']);
});

test('an SSE stream follows a role change: a demoted admin stops getting admin events', async () => {
  const { h, port } = await listen([]);
  const admin = await h.admin();
  const other = await h.user('admin');
  const stream = await sse(port, other.token);
  h.core.bus.emit('test.admins.sent', { n: 1 }, 'admin');
  await waitFor('the admin event', () => stream.frames.find((f) => f.name === 'test.admins.sent'));
  const demoted = await h.request('PATCH', `/v1/admin/users/${other.id}`, {
    token: admin,
    body: { role: 'user' },
  });
  expect(demoted.status).toBe(200);
  h.core.bus.emit('test.admins.sent', { n: 2 }, 'admin');
  h.core.bus.emit('test.sentinel.sent', {}, 'all');
  await waitFor('the sentinel', () => stream.frames.find((f) => f.name === 'test.sentinel.sent'));
  expect(stream.frames.map((f) => [f.name, f.payload])).toEqual([
    ['test.admins.sent', { n: 1 }],
    ['test.sentinel.sent', {}],
  ]);
});

test('a WebSocket is closed with 4401 once its session is signed out', async () => {
  const { h, port } = await listen([]);
  const me = await h.user();
  const client = await ws(port);
  client.socket.send(JSON.stringify({ type: 'auth', token: me.token }));
  await waitFor('ready', () => client.frames.find((f) => f.type === 'ready'));
  expect((await h.request('POST', '/api/auth/sign-out', { token: me.token })).status).toBe(200);
  h.core.bus.emit('test.after.sent', {}, 'all');
  expect(await waitFor('the close', () => client.closed() ?? undefined)).toBe(4401);
  expect(client.frames.filter((f) => f.type === 'event')).toEqual([]);
});

test('SSE without a valid token is refused with 401', async () => {
  const { port } = await listen([]);
  const res = await fetch(`http://127.0.0.1:${port}/v1/events?token=not-a-token`);
  expect(res.status).toBe(401);
  await res.body?.cancel();
});

test('a WebSocket authenticated by its first frame gets ready, then the events its user may see', async () => {
  const { h, port } = await listen([]);
  const me = await h.user();
  const client = await ws(port);
  client.socket.send(JSON.stringify({ type: 'auth', token: me.token }));
  const ready = await waitFor('ready', () => client.frames.find((f) => f.type === 'ready'));
  expect(ready).toMatchObject({ type: 'ready', user: { id: me.id } });

  h.core.bus.emit('test.admins.sent', {}, 'admin');
  h.core.bus.emit('test.mine.sent', { hi: true }, { userId: me.id });
  h.core.bus.emit('test.sentinel.sent', {}, 'all');
  await waitFor('the sentinel', () => client.frames.find((f) => f.name === 'test.sentinel.sent'));
  expect(client.frames.filter((f) => f.type === 'event').map((f) => f.name)).toEqual([
    'test.mine.sent',
    'test.sentinel.sent',
  ]);
});

test('a WebSocket sending a bad token gets an error and is closed', async () => {
  const { port } = await listen([]);
  const client = await ws(port);
  client.socket.send(JSON.stringify({ type: 'auth', token: 'definitely-not-valid' }));
  const code = await waitFor('the close', () => client.closed() ?? undefined);
  expect(code).toBe(4401);
  expect(client.frames.map((f) => f.type)).toEqual(['error']);
});

test('an anonymous WebSocket that never authenticates receives nothing', async () => {
  const { h, port } = await listen([]);
  const anonymous = await ws(port);
  const witness = await ws(port);
  witness.socket.send(JSON.stringify({ type: 'auth', token: await h.admin() }));
  await waitFor('witness ready', () => witness.frames.find((f) => f.type === 'ready'));

  h.core.bus.emit('test.broadcast.sent', {}, 'all');
  await waitFor('the witness event', () => witness.frames.find((f) => f.name === 'test.broadcast.sent'));
  // The witness shares the server loop with the anonymous socket; give a stray frame time to arrive anyway.
  await Bun.sleep(100);
  expect(anonymous.frames).toEqual([]);
  expect(anonymous.closed()).toBeNull();
});

test('a listener that throws or rejects is logged and does not break the emit or other listeners', async () => {
  const { h } = await listen(['greeter', 'rowdy']);
  const admin = await h.admin();
  expect(h.host.entries.get('rowdy')?.state).toBe('active');
  const { runId } = (await h.request('POST', '/v1/jobs/greeter/count/trigger', { token: admin })).body;
  const end = Date.now() + 10_000;
  let state = 'running';
  while (state === 'running' && Date.now() < end) {
    await Bun.sleep(20);
    state = (await h.request('GET', `/v1/jobs/runs/${runId}`, { token: admin })).body.state;
  }
  expect(state).toBe('succeeded');
  const seen = await h.request('GET', '/v1/rowdy/seen', { token: admin });
  expect(seen.body.runIds).toEqual([runId]);
  const failures = h.logs.filter((l) => l.includes('event listener failed') && l.includes('"owner":"rowdy"'));
  expect(failures.some((l) => l.includes('rowdy listener threw'))).toBe(true);
  expect(failures.some((l) => l.includes('rowdy listener rejected'))).toBe(true);
});

// Known bug, outside this suite's reach (core/src/app.ts stop(): `app.stop()` without closeActiveConnections):
// an open SSE stream keeps stop() — and so SIGTERM shutdown — waiting until the client goes away.
test('stopping the server completes while an SSE client is still connected', async () => {
  const { h, port } = await listen([]);
  await sse(port, await h.admin());
  const outcome = await Promise.race([
    h.stop().then(() => 'stopped'),
    Bun.sleep(2_000).then(() => 'still waiting'),
  ]);
  expect(outcome).toBe('stopped');
});
