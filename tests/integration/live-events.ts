// Live-event clients for the event tests: a real listening server with fixture plugins, an SSE stream and a
// WebSocket that collect their frames, and a wait for a frame. Servers, streams and sockets close after each test
// through the hook liveEvents registers.
import { afterEach, expect } from 'bun:test';
import { createTestHost, type TestHost } from '@bijou/sdk/testing';
import { fx } from './fixture-hosts.ts';

interface Frame {
  type: string;
  name?: string;
  payload?: any;
  error?: string;
}

/** Polls `find` until it returns a value; throws after `timeoutMs`. */
export async function waitFor<T>(what: string, find: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = find();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await Bun.sleep(10);
  }
}

/** Registers the after-each clean-up of a test file and returns its clients. */
export function liveEvents() {
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

  return { listen, sse, ws };
}
