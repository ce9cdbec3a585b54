// One shared EventSource on /v1/events (cookie-authenticated); pages subscribe to named events and unsubscribe.

type Handler = (payload: any) => void;
let source: EventSource | null = null;
const handlers = new Map<string, Set<Handler>>();

function ensure(name: string): void {
  if (!source) source = new EventSource('/v1/events', { withCredentials: true });
  if (handlers.has(name)) return;
  handlers.set(name, new Set());
  source.addEventListener(name, (e) => {
    let payload: unknown;
    try {
      payload = JSON.parse((e as MessageEvent).data).payload;
    } catch {
      return;
    }
    for (const fn of handlers.get(name) ?? []) fn(payload);
  });
}

/** Calls `fn` with the payload of each `name` event; returns the unsubscribe function. */
export function subscribe(name: string, fn: Handler): () => void {
  ensure(name);
  handlers.get(name)!.add(fn);
  return () => handlers.get(name)?.delete(fn);
}
