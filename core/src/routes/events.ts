// Live events to clients: WebSocket /v1/ws (cookie, or an auth frame first) and SSE /v1/events (?token= accepted).
import { Elysia, t } from 'elysia';
import { authenticate } from '../auth/macro.ts';
import type { AuthUser } from '../auth/service.ts';
import type { BusEvent } from '../events/bus.ts';
import type { CoreServices } from '../services.ts';

/** Whether a user may see an event. */
export function canSee(user: AuthUser, e: BusEvent): boolean {
  if (e.audience === 'all') return true;
  if (e.audience === 'admin') return user.role === 'admin';
  return user.role === 'admin' || e.audience.userId === user.id;
}

const frame = (e: BusEvent) => ({ type: 'event', name: e.name, at: e.at, payload: e.payload });

export function eventRoutes(core: CoreServices) {
  const sockets = new Map<string, { user: AuthUser | null; off?: () => void }>();
  const subscribe = (id: string, user: AuthUser, send: (data: string) => void) => {
    const s = sockets.get(id);
    if (!s) return;
    s.user = user;
    s.off = core.bus.tap((e) => {
      if (canSee(user, e)) send(JSON.stringify(frame(e)));
    });
  };
  return new Elysia({ name: 'core-events', tags: ['events'] })
    .use(core.authPlugin)
    .get(
      '/v1/events',
      ({ user, request }) => {
        let off = () => {};
        let ping: ReturnType<typeof setInterval> | undefined;
        const enc = new TextEncoder();
        const stream = new ReadableStream({
          start(controller) {
            const send = (s: string) => {
              try {
                controller.enqueue(enc.encode(s));
              } catch {
                off();
              }
            };
            send(`: connected\n\n`);
            off = core.bus.tap((e) => {
              if (canSee(user, e)) send(`event: ${e.name}\ndata: ${JSON.stringify(frame(e))}\n\n`);
            });
            ping = setInterval(() => send(': ping\n\n'), 25_000);
            request.signal.addEventListener('abort', () => {
              off();
              clearInterval(ping);
              try {
                controller.close();
              } catch {}
            });
          },
          cancel() {
            off();
            clearInterval(ping);
          },
        });
        return new Response(stream, {
          headers: {
            'content-type': 'text/event-stream',
            'cache-control': 'no-cache',
            connection: 'keep-alive',
          },
        });
      },
      {
        auth: 'user',
        response: t.Any(),
        detail: {
          summary: 'Server-sent events, filtered by role (?token= accepted)',
          description:
            'The same events stream over the WebSocket at /v1/ws: authenticate by cookie or a first frame ' +
            '{"type":"auth","token":"…"}.',
        },
      },
    )
    .ws('/v1/ws', {
      detail: {
        summary: 'WebSocket events; authenticate by cookie or a first frame {"type":"auth","token":"…"}',
        'x-bijou-auth': 'user',
      } as never,
      body: t.Object({ type: t.Literal('auth'), token: t.String({ maxLength: 512 }) }),
      open(ws) {
        sockets.set(ws.id, { user: null });
        const p = authenticate(core.auth, ws.data.request, false);
        if (p) {
          subscribe(ws.id, p.user, (d) => ws.send(d));
          ws.send(JSON.stringify({ type: 'ready', user: p.user }));
        }
      },
      message(ws, msg) {
        const s = sockets.get(ws.id);
        if (!s || s.user) return;
        const req = new Request('http://localhost/', { headers: { authorization: `Bearer ${msg.token}` } });
        const p = authenticate(core.auth, req, false);
        if (!p) {
          ws.send(JSON.stringify({ type: 'error', error: 'Authentication failed' }));
          ws.close(4401, 'Unauthorized');
          return;
        }
        subscribe(ws.id, p.user, (d) => ws.send(d));
        ws.send(JSON.stringify({ type: 'ready', user: p.user }));
      },
      close(ws) {
        sockets.get(ws.id)?.off?.();
        sockets.delete(ws.id);
      },
    });
}
