// /v1/admin/users: user management for admins (list, create, read, update, delete); the last admin is protected.
import { and, asc, eq, gt, or } from 'drizzle-orm';
import { Elysia, t } from 'elysia';
import { users } from '../db/schema.ts';
import { HttpError } from '../http/errors.ts';
import { decodeCursor, PageOf, PageQuery, toPage } from '../http/pagination.ts';
import type { CoreServices } from '../services.ts';
import { Email, IdParams, Name, Ok, Password, UserAdmin } from './models.ts';

const Role = t.Union([t.Literal('admin'), t.Literal('user')]);
type Row = typeof users.$inferSelect;
const view = (u: Row) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  disabled: u.disabled,
  createdAt: u.createdAt,
  updatedAt: u.updatedAt,
});

export function adminUserRoutes(core: CoreServices) {
  const { auth, audit, db } = core;
  const mustGet = (id: string) => {
    const u = auth.getUser(id);
    if (!u) throw new HttpError(404, 'User not found');
    return u;
  };
  const keepsAnAdmin = (u: Row, next: { role?: string; disabled?: boolean } | null) => {
    const losesAdmin =
      u.role === 'admin' && !u.disabled && (next === null || next.role === 'user' || next.disabled === true);
    if (losesAdmin && auth.countActiveAdmins() <= 1)
      throw new HttpError(409, 'At least one active admin must remain');
  };
  return new Elysia({ name: 'core-admin-users', prefix: '/v1/admin/users', tags: ['admin'] })
    .use(core.authPlugin)
    .get(
      '',
      ({ query }) => {
        const limit = query.limit ?? 20;
        const c = decodeCursor(query.cursor, 2) as [string, string] | null;
        const rows = db
          .select()
          .from(users)
          .where(
            c ? or(gt(users.createdAt, c[0]), and(eq(users.createdAt, c[0]), gt(users.id, c[1]))) : undefined,
          )
          .orderBy(asc(users.createdAt), asc(users.id))
          .limit(limit + 1)
          .all();
        return toPage(rows, limit, (r) => [r.createdAt, r.id], view);
      },
      { auth: 'admin', query: PageQuery, response: PageOf(UserAdmin), detail: { summary: 'List users' } },
    )
    .post(
      '',
      async ({ body, user, set }) => {
        if (auth.findByEmail(body.email)) throw new HttpError(409, 'A user with that email exists');
        const u = await auth.createUser({ ...body, role: body.role ?? 'user' });
        audit.record({
          action: 'admin.user.created',
          actorId: user.id,
          target: u.id,
          details: { email: u.email, role: u.role },
        });
        set.status = 201;
        return view(u);
      },
      {
        auth: 'admin',
        body: t.Object({ email: Email, name: Name, password: Password, role: t.Optional(Role) }),
        response: { 201: UserAdmin },
        detail: { summary: 'Create a user' },
      },
    )
    .get('/:id', ({ params }) => view(mustGet(params.id)), {
      auth: 'admin',
      params: IdParams,
      response: UserAdmin,
      detail: { summary: 'Get a user' },
    })
    .patch(
      '/:id',
      async ({ params, body, user }) => {
        const u = mustGet(params.id);
        keepsAnAdmin(u, body);
        if (body.email && auth.findByEmail(body.email) && auth.findByEmail(body.email)!.id !== u.id) {
          throw new HttpError(409, 'A user with that email exists');
        }
        const { password, ...rest } = body;
        const next = auth.updateUser(u.id, rest)!;
        if (password) await auth.setPassword(u.id, password);
        audit.record({
          action: 'admin.user.updated',
          actorId: user.id,
          target: u.id,
          details: { fields: Object.keys(body) },
        });
        return view(next);
      },
      {
        auth: 'admin',
        params: IdParams,
        body: t.Object({
          name: t.Optional(Name),
          email: t.Optional(Email),
          role: t.Optional(Role),
          disabled: t.Optional(t.Boolean()),
          password: t.Optional(Password),
        }),
        response: UserAdmin,
        detail: { summary: 'Update a user (a new password ends their sessions)' },
      },
    )
    .delete(
      '/:id',
      ({ params, user }) => {
        const u = mustGet(params.id);
        if (u.id === user.id) throw new HttpError(409, 'You cannot delete yourself');
        keepsAnAdmin(u, null);
        auth.deleteUser(u.id);
        audit.record({
          action: 'admin.user.deleted',
          actorId: user.id,
          target: u.id,
          details: { email: u.email },
        });
        return { ok: true };
      },
      { auth: 'admin', params: IdParams, response: Ok, detail: { summary: 'Delete a user' } },
    );
}
