// One shared EventSource on /v1/events (cookie-authenticated); pages subscribe to named events and unsubscribe.
// The stream belongs to whoever was signed in when it opened, so it is reopened whenever the session changes
// (the server also ends a stream whose session is gone).
import { onSessionChange, state } from './session.ts';

type Handler = (payload: any) => void;
let source: EventSource | null = null;
let user: string | null = null;
const handlers = new Map<string, Set<Handler>>();

function listen(name: string): void {
  source?.addEventListener(name, (e) => {
    let payload: unknown;
    try {
      payload = JSON.parse((e as MessageEvent).data).payload;
    } catch {
      return;
    }
    for (const fn of handlers.get(name) ?? []) fn(payload);
  });
}

function open(): void {
  source = new EventSource('/v1/events', { withCredentials: true });
  user = state.user?.id ?? null;
  for (const name of handlers.keys()) listen(name);
}

onSessionChange(() => {
  if ((state.user?.id ?? null) === user && source) return;
  source?.close();
  source = null;
  if (state.user && handlers.size > 0) open();
});

/** Calls `fn` with the payload of each `name` event; returns the unsubscribe function. */
export function subscribe(name: string, fn: Handler): () => void {
  if (!handlers.has(name)) {
    handlers.set(name, new Set());
    if (source) listen(name);
  }
  if (!source) open();
  handlers.get(name)!.add(fn);
  return () => handlers.get(name)?.delete(fn);
}
