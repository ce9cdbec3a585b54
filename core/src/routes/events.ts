// Live events to clients: WebSocket /v1/ws (cookie, or an auth frame first) and SSE /v1/events (?token= accepted).
import { Elysia, t } from 'elysia';
import { authenticate } from '../auth/macro.ts';
import type { AuthUser, Principal } from '../auth/service.ts';
import type { BusEvent } from '../events/bus.ts';
import type { CoreServices } from '../services.ts';

/** Whether a user may see an event. */
export function canSee(user: AuthUser, e: BusEvent): boolean {
  if (e.audience === 'all') return true;
  if (e.audience === 'admin') return user.role === 'admin';
  return user.role === 'admin' || e.audience.userId === user.id;
}

const frame = (e: BusEvent) => ({ type: 'event', name: e.name, at: e.at, payload: e.payload });

/**
 * Follows the bus for one live connection. Its credential is checked again before every event (and by `check`,
 * which SSE calls on each keep-alive ping): a session that was signed out, expired or ended by a password change,
 * a disabled user, a revoked key or a changed role takes effect at once, so a stream opened by one person never
 * carries events to the next one using that browser. `end` closes the connection when the credential is gone.
 */
function follow(
  core: CoreServices,
  recheck: () => Principal | null,
  send: (e: BusEvent) => void,
  end: () => void,
): { off: () => void; check: () => boolean } {
  let ended = false;
  const stop = () => {
    ended = true;
    off();
    end();
  };
  const check = () => {
    if (ended) return false;
    if (recheck()) return true;
    stop();
    return false;
  };
  const off = core.bus.tap((e) => {
    if (ended) return;
    const p = recheck();
    if (!p) stop();
    else if (canSee(p.user, e)) send(e);
  });
  return { off, check };
}

/** SSE keep-alive comment interval; each ping also re-checks the stream's credential. */
const PING_MS = 25_000;

export function eventRoutes(core: CoreServices) {
  const sockets = new Map<string, { user: AuthUser | null; off?: () => void }>();
  const subscribe = (
    id: string,
    p: Principal,
    request: Request,
    ws: { send(d: string): void; close(c: number, r: string): void },
  ) => {
    const s = sockets.get(id);
    if (!s) return;
    s.user = p.user;
    s.off = follow(
      core,
      () => authenticate(core.auth, request, false),
      (e) => ws.send(JSON.stringify(frame(e))),
      () => ws.close(4401, 'Signed out'),
    ).off;
  };
  return new Elysia({ name: 'core-events', tags: ['events'] })
    .use(core.authPlugin)
    .get(
      '/v1/events',
      ({ request }) => {
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
            const live = follow(
              core,
              () => authenticate(core.auth, request, true),
              (e) => send(`event: ${e.name}\ndata: ${JSON.stringify(frame(e))}\n\n`),
              () => {
                clearInterval(ping);
                try {
                  controller.close();
                } catch {}
              },
            );
            off = live.off;
            ping = setInterval(() => {
              if (live.check()) send(': ping\n\n');
            }, PING_MS);
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
        // EventSource cannot send headers: the credential may come as ?token= (read by the auth macro).
        query: t.Object({
          token: t.Optional(
            t.String({ description: 'Session token or API key, for clients without headers' }),
          ),
        }),
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
          subscribe(ws.id, p, ws.data.request, ws);
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
        subscribe(ws.id, p, req, ws);
        ws.send(JSON.stringify({ type: 'ready', user: p.user }));
      },
      close(ws) {
        sockets.get(ws.id)?.off?.();
        sockets.delete(ws.id);
      },
    });
}
