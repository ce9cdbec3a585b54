// The `auth` route option: 'public' | 'user' | 'admin'. Authenticates before validation; 401, 403 or CSRF 403.
// Every route declares it, so it also gives every route the shared check for undeclared input.
import { Elysia } from 'elysia';
import { type CoercedOptions, nameCoercedParameters } from '../http/coerced-params.ts';
import { HttpError } from '../http/errors.ts';
import { checkOptionalBody } from '../http/json-body.ts';
import { type RouteOptions, rejectUnknownInput } from '../http/unknown-input.ts';
import { csrfOk, readCredential } from './credentials.ts';
import { type AuthService, type AuthUser, type Principal, toAuthUser } from './service.ts';

export type AuthLevel = 'public' | 'user' | 'admin';
const PRINCIPAL = Symbol('bijou.principal');
const resolved = new WeakMap<Request, { allowQueryToken: boolean; principal: Principal | null }>();

/**
 * `authenticate`, once per request: the shell's rate limiter and this macro both need the principal, and resolving
 * it twice would cost a second lookup (and a second session-extension check).
 */
export function requestPrincipal(
  auth: AuthService,
  request: Request,
  allowQueryToken: boolean,
): Principal | null {
  const seen = resolved.get(request);
  if (seen && seen.allowQueryToken === allowQueryToken) return seen.principal;
  const principal = authenticate(auth, request, allowQueryToken);
  resolved.set(request, { allowQueryToken, principal });
  return principal;
}

/** The path of a request URL without building a URL object (this runs on every request). */
export function pathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start < 0) return '/';
  const end = url.indexOf('?', start);
  const path = end < 0 ? url.slice(start) : url.slice(start, end);
  const hash = path.indexOf('#');
  return hash < 0 ? path : path.slice(0, hash);
}

/** Resolves the principal of a request, or null when it carries no valid credential. */
export function authenticate(
  auth: AuthService,
  request: Request,
  allowQueryToken: boolean,
): Principal | null {
  const cred = readCredential(request, allowQueryToken);
  if (!cred) return null;
  if (cred.kind === 'api-key') {
    const u = auth.resolveApiKey(cred.secret);
    return u ? { user: toAuthUser(u), via: 'api-key', sessionId: null, cookie: false } : null;
  }
  const s = auth.resolveSession(cred.secret);
  return s
    ? { user: toAuthUser(s.user), via: 'session', sessionId: s.sessionId, cookie: cred.fromCookie }
    : null;
}

/** Builds the auth plugin; `queryTokenPaths` lists path prefixes where `?token=` is accepted (SSE, streams). */
export function createAuthPlugin(auth: AuthService, queryTokenPaths: string[]) {
  const allowQuery = (request: Request) => {
    const path = pathOf(request.url);
    return queryTokenPaths.some((p) => path.startsWith(p));
  };
  const tokenParam = (request: Request) => (allowQuery(request) ? ['token'] : []);
  return new Elysia({ name: 'bijou-auth' }).macro({
    auth: (level: AuthLevel) => ({
      detail: {
        'x-bijou-auth': level,
        security: level === 'public' ? [] : [{ bearerAuth: [] }, { cookieAuth: [] }],
      } as Record<string, unknown>,
      transform(ctx: { request: Request }) {
        const principal = requestPrincipal(auth, ctx.request, allowQuery(ctx.request));
        if (principal?.cookie && !csrfOk(ctx.request)) throw new HttpError(403, 'CSRF check failed');
        if (level !== 'public') {
          if (!principal) throw new HttpError(401, 'Authentication required');
          if (level === 'admin' && principal.user.role !== 'admin') throw new HttpError(403, 'Admin only');
        }
        (ctx as Record<symbol, unknown>)[PRINCIPAL] = principal;
      },
      resolve(ctx: object) {
        const principal = ((ctx as Record<symbol, unknown>)[PRINCIPAL] ?? null) as Principal | null;
        // On 'public' routes `user` is null when the caller is anonymous; on 'user'/'admin' routes it is always set.
        return { principal, user: principal?.user as AuthUser };
      },
      // As the route registers: its hooks for the shape of an optional body and undeclared input go after the ones
      // above, so 401/403 come first; a number out of range in its path or query will name its parameter.
      introspect: (options: RouteOptions & CoercedOptions) => {
        checkOptionalBody(options);
        rejectUnknownInput(options, tokenParam);
        nameCoercedParameters(options);
      },
    }),
  });
}

export type AuthPlugin = ReturnType<typeof createAuthPlugin>;
