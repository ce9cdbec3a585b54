// /api/auth: sign in with email and password (token + cookie), sign out, current session.
import { Elysia, t } from 'elysia';
import { clearSessionCookies, setSessionCookies } from '../auth/cookies.ts';
import { clientIp, readCredential } from '../auth/credentials.ts';
import { toAuthUser } from '../auth/service.ts';
import { HttpError } from '../http/errors.ts';
import type { CoreServices } from '../services.ts';
import { Ok, TokenAndUser, User } from './models.ts';

export function authRoutes(core: CoreServices) {
  const { auth, throttle, audit, env } = core;
  return new Elysia({ name: 'core-auth', prefix: '/api/auth', tags: ['auth'] })
    .use(core.authPlugin)
    .post(
      '/sign-in/email',
      async ({ body, request, server, cookie }) => {
        const ip = clientIp(request, server, env.BIJOU_TRUST_PROXY);
        const wait = throttle.check(ip, body.email);
        if (wait !== null)
          throw new HttpError(429, 'Too many sign-in attempts', { 'Retry-After': String(wait) });
        const user = auth.findByEmail(body.email);
        const ok = user && !user.disabled && (await auth.verifyPassword(user, body.password));
        if (!user || !ok) {
          throttle.fail(ip, body.email);
          audit.record({ action: 'auth.sign-in.failed', target: body.email.toLowerCase(), ip });
          throw new HttpError(401, 'Invalid email or password');
        }
        throttle.succeed(body.email);
        const s = auth.createSession(user.id, {
          ip,
          userAgent: request.headers.get('user-agent') ?? undefined,
        });
        setSessionCookies(cookie as never, s.token, env.BIJOU_SECURE_COOKIES);
        audit.record({ action: 'auth.sign-in', actorId: user.id, ip });
        return { token: s.token, user: toAuthUser(user), expiresAt: s.expiresAt };
      },
      {
        auth: 'public',
        body: t.Object({
          email: t.String({ minLength: 1, maxLength: 254 }),
          password: t.String({ minLength: 1, maxLength: 256 }),
        }),
        response: TokenAndUser,
        detail: { summary: 'Sign in with email and password' },
      },
    )
    .post(
      '/sign-out',
      ({ request, cookie, principal }) => {
        const cred = readCredential(request, false);
        if (cred?.kind === 'session') auth.deleteSession(cred.secret);
        clearSessionCookies(cookie as never);
        if (principal) audit.record({ action: 'auth.sign-out', actorId: principal.user.id });
        return { ok: true };
      },
      { auth: 'public', response: Ok, detail: { summary: 'End the current session' } },
    )
    .get('/session', ({ principal }) => ({ user: principal!.user, via: principal!.via }), {
      auth: 'user',
      response: t.Object({ user: User, via: t.Union([t.Literal('session'), t.Literal('api-key')]) }),
      detail: { summary: 'The current session and user' },
    });
}
