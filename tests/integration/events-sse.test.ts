// Live events over SSE (/v1/events?token=) on a real listening server: filtered by audience (all, admin, the user),
// following sign-out and role changes, refused without a valid token, and not holding up the server's stop.
// WebSocket events: events-ws.test.ts; listener errors: events-listeners.test.ts.
import { expect, test } from 'bun:test';
import { liveEvents, waitFor } from './live-events.ts';

const { listen, sse } = liveEvents();

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

test('SSE without a valid token is refused with 401', async () => {
  const { port } = await listen([]);
  const res = await fetch(`http://127.0.0.1:${port}/v1/events?token=not-a-token`);
  expect(res.status).toBe(401);
  await res.body?.cancel();
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
