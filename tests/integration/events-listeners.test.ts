// Event listener errors caught by the bus: a listener that throws or rejects is logged with its owner, and the
// emit and the other listeners go on. Live events to clients: events-sse.test.ts and events-ws.test.ts.
import { expect, test } from 'bun:test';
import { liveEvents } from './live-events.ts';

const { listen } = liveEvents();

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
