// /v1/setup: the first-run wizard creates the first admin and names the server; afterwards it answers 409.
import { Elysia, t } from 'elysia';
import { setSessionCookies } from '../auth/cookies.ts';
import { clientIp } from '../auth/credentials.ts';
import { toAuthUser } from '../auth/service.ts';
import { HttpError } from '../http/errors.ts';
import type { CoreServices } from '../services.ts';
import { Email, Name, Password, TokenAndUser } from './models.ts';

export function setupRoutes(core: CoreServices) {
  const { auth, settings, audit, env } = core;
  let inFlight = false;
  return new Elysia({ name: 'core-setup', prefix: '/v1/setup', tags: ['setup'] })
    .use(core.authPlugin)
    .get('', () => ({ needed: auth.countUsers() === 0, serverName: settings.server().serverName }), {
      auth: 'public',
      response: t.Object({ needed: t.Boolean(), serverName: t.String() }),
      detail: { summary: 'Whether the first-run wizard is still needed' },
    })
    .post(
      '',
      async ({ body, request, server, cookie }) => {
        if (inFlight || auth.countUsers() > 0) throw new HttpError(409, 'Setup is already complete');
        inFlight = true;
        try {
          if (auth.findByEmail(body.email)) throw new HttpError(409, 'Setup is already complete');
          const user = await auth.createUser({
            email: body.email,
            name: body.name,
            password: body.password,
            role: 'admin',
          });
          settings.updateServer({
            serverName: body.serverName.trim(),
            setupCompletedAt: new Date().toISOString(),
          });
          const ip = clientIp(request, server, env.BIJOU_TRUST_PROXY);
          const s = auth.createSession(user.id, {
            ip,
            userAgent: request.headers.get('user-agent') ?? undefined,
          });
          setSessionCookies(cookie as never, s.token, env.BIJOU_SECURE_COOKIES);
          audit.record({
            action: 'setup.completed',
            actorId: user.id,
            ip,
            details: { serverName: body.serverName },
          });
          return { token: s.token, user: toAuthUser(user), expiresAt: s.expiresAt };
        } finally {
          inFlight = false;
        }
      },
      {
        auth: 'public',
        body: t.Object({ serverName: Name, name: Name, email: Email, password: Password }),
        response: TokenAndUser,
        detail: { summary: 'Create the first admin and name the server' },
      },
    );
}
