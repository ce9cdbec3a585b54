// Live events over a WebSocket (/v1/ws) on a real listening server: authentication by the first frame (ready, or
// an error and close for a bad token), events filtered by audience, nothing for an anonymous socket, and a close
// with 4401 once the session is signed out. SSE: events-sse.test.ts.
import { expect, test } from 'bun:test';
import { liveEvents, waitFor } from './live-events.ts';

const { listen, ws } = liveEvents();

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
