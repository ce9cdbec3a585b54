// Users and API keys: password hashing, profile changes, hashed API keys; sessions come from SessionStore.
import { and, eq, isNull, ne } from 'drizzle-orm';
import { nanoid } from 'nanoid';
import { apiKeys, sessions, users } from '../db/schema.ts';
import { HttpError } from '../http/errors.ts';
import { SessionStore, type UserRow } from './sessions.ts';
import { randomSecret, sha256 } from './tokens.ts';

export type Role = 'admin' | 'user';
/** The user a request acts as. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}
export interface Principal {
  user: AuthUser;
  via: 'session' | 'api-key';
  sessionId: string | null;
  /** True when the credential came from the session cookie (CSRF rules apply). */
  cookie: boolean;
}

export function toAuthUser(u: UserRow): AuthUser {
  return { id: u.id, email: u.email, name: u.name, role: u.role };
}

export class AuthService extends SessionStore {
  countUsers(): number {
    return this.db.select({ id: users.id }).from(users).all().length;
  }

  findByEmail(email: string): UserRow | undefined {
    return this.db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
  }

  getUser(id: string): UserRow | undefined {
    return this.db.select().from(users).where(eq(users.id, id)).get();
  }

  async createUser(input: { email: string; name: string; password: string; role: Role }): Promise<UserRow> {
    const t = new Date(this.now()).toISOString();
    const row: UserRow = {
      id: nanoid(),
      email: input.email.trim().toLowerCase(),
      name: input.name.trim(),
      role: input.role,
      passwordHash: await Bun.password.hash(input.password, { algorithm: 'argon2id' }),
      disabled: false,
      createdAt: t,
      updatedAt: t,
    };
    try {
      this.db.insert(users).values(row).run();
    } catch (e) {
      // Two requests for one email can both pass the route's check while the password hashes.
      if (/UNIQUE constraint failed: core_users\.email/.test(String(e)))
        throw new HttpError(409, 'A user with that email exists');
      throw e;
    }
    return row;
  }

  rename(userId: string, name: string): void {
    this.db
      .update(users)
      .set({ name: name.trim(), updatedAt: new Date(this.now()).toISOString() })
      .where(eq(users.id, userId))
      .run();
  }

  /** Updates profile fields an admin may change; disabling a user ends their sessions. */
  updateUser(
    userId: string,
    patch: { name?: string; email?: string; role?: Role; disabled?: boolean },
  ): UserRow | undefined {
    const set: Partial<UserRow> = { updatedAt: new Date(this.now()).toISOString() };
    if (patch.name !== undefined) set.name = patch.name.trim();
    if (patch.email !== undefined) set.email = patch.email.trim().toLowerCase();
    if (patch.role !== undefined) set.role = patch.role;
    if (patch.disabled !== undefined) set.disabled = patch.disabled;
    this.db.transaction((tx) => {
      tx.update(users).set(set).where(eq(users.id, userId)).run();
      if (patch.disabled) tx.delete(sessions).where(eq(sessions.userId, userId)).run();
    });
    return this.getUser(userId);
  }

  deleteUser(userId: string): boolean {
    return this.db.delete(users).where(eq(users.id, userId)).returning({ id: users.id }).all().length > 0;
  }

  countActiveAdmins(): number {
    return this.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.disabled, false)))
      .all().length;
  }

  async verifyPassword(user: UserRow, password: string): Promise<boolean> {
    try {
      return await Bun.password.verify(password, user.passwordHash);
    } catch {
      return false;
    }
  }

  /** Sets a new password and ends every session of the user except `keepSessionId`. */
  async setPassword(userId: string, password: string, keepSessionId: string | null = null): Promise<void> {
    const hash = await Bun.password.hash(password, { algorithm: 'argon2id' });
    this.db.transaction((tx) => {
      tx.update(users)
        .set({ passwordHash: hash, updatedAt: new Date(this.now()).toISOString() })
        .where(eq(users.id, userId))
        .run();
      const keep = keepSessionId ? ne(sessions.id, keepSessionId) : undefined;
      tx.delete(sessions)
        .where(and(eq(sessions.userId, userId), keep))
        .run();
    });
  }

  createApiKey(userId: string, name: string): { id: string; key: string; prefix: string; createdAt: string } {
    const key = `bij_${randomSecret(24)}`;
    const row = {
      id: nanoid(),
      userId,
      name,
      prefix: key.slice(0, 10),
      keyHash: sha256(key),
      createdAt: new Date(this.now()).toISOString(),
    };
    this.db.insert(apiKeys).values(row).run();
    return { id: row.id, key, prefix: row.prefix, createdAt: row.createdAt };
  }

  listApiKeys(userId: string) {
    return this.db
      .select({
        id: apiKeys.id,
        name: apiKeys.name,
        prefix: apiKeys.prefix,
        createdAt: apiKeys.createdAt,
        lastUsedAt: apiKeys.lastUsedAt,
      })
      .from(apiKeys)
      .where(and(eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
      .all();
  }

  revokeApiKey(userId: string, id: string): boolean {
    const r = this.db
      .update(apiKeys)
      .set({ revokedAt: new Date(this.now()).toISOString() })
      .where(and(eq(apiKeys.id, id), eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id })
      .all();
    return r.length > 0;
  }

  resolveApiKey(key: string): UserRow | null {
    const row = this.db
      .select({ k: apiKeys, u: users })
      .from(apiKeys)
      .innerJoin(users, eq(users.id, apiKeys.userId))
      .where(and(eq(apiKeys.keyHash, sha256(key)), isNull(apiKeys.revokedAt)))
      .get();
    if (!row || row.u.disabled) return null;
    const t = this.now();
    if (!row.k.lastUsedAt || t - Date.parse(row.k.lastUsedAt) > 60_000) {
      this.db
        .update(apiKeys)
        .set({ lastUsedAt: new Date(t).toISOString() })
        .where(eq(apiKeys.id, row.k.id))
        .run();
    }
    return row.u;
  }
}
