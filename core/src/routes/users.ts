// /v1/users/me: the signed-in user's profile, password change and API keys.
import { Elysia, t } from 'elysia';
import { HttpError } from '../http/errors.ts';
import type { CoreServices } from '../services.ts';
import { ApiKey, IdParams, Name, Ok, Password, User } from './models.ts';

export function userRoutes(core: CoreServices) {
  const { auth, audit } = core;
  return new Elysia({ name: 'core-users', prefix: '/v1/users/me', tags: ['users'] })
    .use(core.authPlugin)
    .get('', ({ user }) => user, { auth: 'user', response: User, detail: { summary: 'The signed-in user' } })
    .patch(
      '',
      ({ user, body }) => {
        core.db.transaction(() => {
          auth.rename(user.id, body.name);
        });
        return { ...user, name: body.name.trim() };
      },
      {
        auth: 'user',
        body: t.Object({ name: Name }),
        response: User,
        detail: { summary: 'Update your profile' },
      },
    )
    .post(
      '/password',
      async ({ user, principal, body }) => {
        const row = auth.getUser(user.id)!;
        if (!(await auth.verifyPassword(row, body.currentPassword)))
          throw new HttpError(403, 'Current password is wrong');
        await auth.setPassword(user.id, body.newPassword, principal!.sessionId);
        audit.record({ action: 'auth.password.changed', actorId: user.id, target: user.id });
        return { ok: true };
      },
      {
        auth: 'user',
        body: t.Object({
          currentPassword: t.String({ minLength: 1, maxLength: 256 }),
          newPassword: Password,
        }),
        response: Ok,
        detail: { summary: 'Change your password; your other sessions end' },
      },
    )
    .get('/api-keys', ({ user }) => ({ items: auth.listApiKeys(user.id), nextCursor: null }), {
      auth: 'user',
      response: t.Object({ items: t.Array(ApiKey), nextCursor: t.Null() }),
      detail: { summary: 'Your API keys (never the key itself)' },
    })
    .post(
      '/api-keys',
      ({ user, body, set }) => {
        const k = auth.createApiKey(user.id, body.name.trim());
        audit.record({
          action: 'auth.api-key.created',
          actorId: user.id,
          target: k.id,
          details: { name: body.name },
        });
        set.status = 201;
        return {
          id: k.id,
          name: body.name.trim(),
          prefix: k.prefix,
          key: k.key,
          createdAt: k.createdAt,
          lastUsedAt: null,
        };
      },
      {
        auth: 'user',
        body: t.Object({ name: Name }),
        response: {
          201: t.Composite([
            ApiKey,
            t.Object({ key: t.String({ description: 'Shown once; store it now' }) }),
          ]),
        },
        detail: { summary: 'Create an API key (the key is shown once)' },
      },
    )
    .delete(
      '/api-keys/:id',
      ({ user, params }) => {
        if (!auth.revokeApiKey(user.id, params.id)) throw new HttpError(404, 'API key not found');
        audit.record({ action: 'auth.api-key.revoked', actorId: user.id, target: params.id });
        return { ok: true };
      },
      { auth: 'user', params: IdParams, response: Ok, detail: { summary: 'Revoke an API key' } },
    );
}
