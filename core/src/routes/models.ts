// TypeBox request/response schemas shared by the core routes.
import { t } from 'elysia';

export const ErrorBody = t.Object({ error: t.String() }, { $id: '#/components/schemas/Error' });
export const User = t.Object({
  id: t.String(),
  email: t.String(),
  name: t.String(),
  role: t.Union([t.Literal('admin'), t.Literal('user')]),
});
export const UserAdmin = t.Composite([
  User,
  t.Object({ disabled: t.Boolean(), createdAt: t.String(), updatedAt: t.String() }),
]);
export const TokenAndUser = t.Object({ token: t.String(), user: User, expiresAt: t.String() });
export const Email = t.String({ format: 'email', maxLength: 254 });
export const Password = t.String({ minLength: 8, maxLength: 256 });
export const Name = t.String({ minLength: 1, maxLength: 80 });
export const Ok = t.Object({ ok: t.Boolean() });
export const IdParams = t.Object({ id: t.String({ minLength: 1, maxLength: 64 }) });
export const ApiKey = t.Object({
  id: t.String(),
  name: t.String(),
  prefix: t.String(),
  createdAt: t.String(),
  lastUsedAt: t.Union([t.String(), t.Null()]),
});
