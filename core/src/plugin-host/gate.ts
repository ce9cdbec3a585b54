// The route gate: a plugin's declared route prefixes answer 503 while it is not active, whether its routes were
// mounted or not (routes are only mounted by setup, so without it a plugin off since boot would answer 404).
import type { Elysia } from 'elysia';
import type { Manifest } from '../../sdk/manifest.ts';
import type { PluginEntry } from './entry.ts';

/** Declared prefixes that no route mounted so far (core's, or another plugin's) falls under. */
export function freePrefixes(app: Elysia<any, any, any, any, any, any, any>, m: Manifest): string[] {
  const taken = app.routes.map((r: { path: string }) => r.path);
  return (m.routes ?? []).filter((p) => !taken.some((path: string) => underPrefix(path, p)));
}

/** A 503 for a request under the gate of a plugin that is not active; undefined lets the request through. */
export function gateRequest(entries: Iterable<PluginEntry>, request: Request): Response | undefined {
  let path: string | null = null;
  for (const e of entries) {
    if (e.state === 'active' || !e.gate?.length) continue;
    path ??= new URL(request.url).pathname;
    if (e.gate.some((p) => underPrefix(path!, p))) {
      return Response.json(
        { error: `Plugin "${e.id}" is not active` },
        { status: 503, headers: { 'Retry-After': '60' } },
      );
    }
  }
  return undefined;
}

function underPrefix(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
}
