// The Elysia instance each plugin receives: the shared auth macro, its OpenAPI tag, and the 503 gate when disabled.
import { Elysia } from 'elysia';
import type { AuthPlugin } from '../auth/macro.ts';
import { HttpError } from './errors.ts';

/** Creates a plugin's HTTP instance; `isActive` is asked on every request so a disabled plugin answers 503. */
export function createPluginHttp(id: string, auth: AuthPlugin, isActive: () => boolean = () => true) {
  return new Elysia({ name: `plugin:${id}`, tags: [id] }).use(auth).onTransform(() => {
    if (!isActive()) throw new HttpError(503, `Plugin "${id}" is not active`, { 'Retry-After': '60' });
  });
}

/** The type of `ctx.http`. */
export type PluginHttp = ReturnType<typeof createPluginHttp>;
