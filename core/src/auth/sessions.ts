// Sessions: 7-day tokens kept as hashes, extended at most daily, and resolved on every request through prepared
// statements and a cache that any database write empties.
import type { Database, Statement } from 'bun:sqlite';
import { eq } from 'drizzle-orm';
import { nanoid } from 'nanoid';
import { changeStamp } from '../db/change-stamp.ts';
import type { CoreDb } from '../db/open.ts';
import { sessions, type users } from '../db/schema.ts';
import { randomSecret, sha256 } from './tokens.ts';

const DAY = 24 * 60 * 60_000;
export const SESSION_TTL_MS = 7 * DAY;
const EXTEND_EVERY_MS = DAY;

export type UserRow = typeof users.$inferSelect;
interface SessionJoin {
  sid: string;
  expiresAt: string;
  extendedAt: string;
  id: string;
  email: string;
  name: string;
  role: UserRow['role'];
  password_hash: string;
  disabled: number;
  created_at: string;
  updated_at: string;
}

/** The session half of `AuthService` (which extends it): create, end and resolve sessions. */
export class SessionStore {
  constructor(
    protected readonly db: CoreDb,
    protected readonly now: () => number = Date.now,
  ) {}

  createSession(
    userId: string,
    meta: { ip?: string; userAgent?: string },
  ): { token: string; expiresAt: string } {
    const token = randomSecret();
    const t = this.now();
    const expiresAt = new Date(t + SESSION_TTL_MS).toISOString();
    this.db
      .insert(sessions)
      .values({
        id: nanoid(),
        userId,
        tokenHash: sha256(token),
        createdAt: new Date(t).toISOString(),
        expiresAt,
        extendedAt: new Date(t).toISOString(),
        ip: meta.ip ?? null,
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
      })
      .run();
    return { token, expiresAt };
  }

  deleteSession(token: string): void {
    this.db
      .delete(sessions)
      .where(eq(sessions.tokenHash, sha256(token)))
      .run();
  }

  deleteUserSessions(userId: string): void {
    this.db.delete(sessions).where(eq(sessions.userId, userId)).run();
  }

  /** Hot-path statements (every authenticated request), prepared once on the raw connection. */
  private get hot() {
    if (this._hot) return this._hot;
    const raw = (this.db as unknown as { $client: Database }).$client;
    this._hot = {
      stamp: changeStamp(raw),
      session: raw.query<SessionJoin, [string]>(
        `SELECT s.id AS sid, s.expires_at AS expiresAt, s.extended_at AS extendedAt, u.* FROM core_sessions s
         JOIN core_users u ON u.id = s.user_id WHERE s.token_hash = ?`,
      ),
    };
    return this._hot;
  }
  private _hot: {
    stamp: () => string;
    session: Statement<SessionJoin, [string]>;
  } | null = null;

  /**
   * Session rows by token hash, kept only while nothing at all has been written to the database (see `changeStamp`):
   * a sign-out, a password change, a disabled user or an extension empties it, so it never outlives a change.
   */
  private readonly sessionRows = new Map<string, SessionJoin>();
  private sessionRowsStamp = '';

  private sessionRow(hash: string): SessionJoin | null {
    const stamp = this.hot.stamp();
    if (stamp !== this.sessionRowsStamp) {
      this.sessionRows.clear();
      this.sessionRowsStamp = stamp;
    }
    const cached = this.sessionRows.get(hash);
    if (cached) return cached;
    const row = this.hot.session.get(hash);
    if (!row) return null;
    if (this.sessionRows.size >= 10_000) this.sessionRows.clear();
    this.sessionRows.set(hash, row);
    return row;
  }

  /** Resolves a session token; extends it when the last extension is more than a day old. */
  resolveSession(token: string): { user: UserRow; sessionId: string; expiresAt: string } | null {
    const row = this.sessionRow(sha256(token));
    if (!row || row.disabled) return null;
    const t = this.now();
    if (Date.parse(row.expiresAt) <= t) {
      this.db.delete(sessions).where(eq(sessions.id, row.sid)).run();
      return null;
    }
    let expiresAt = row.expiresAt;
    if (t - Date.parse(row.extendedAt) >= EXTEND_EVERY_MS) {
      expiresAt = new Date(t + SESSION_TTL_MS).toISOString();
      this.db
        .update(sessions)
        .set({ expiresAt, extendedAt: new Date(t).toISOString() })
        .where(eq(sessions.id, row.sid))
        .run();
    }
    const user: UserRow = {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      passwordHash: row.password_hash,
      disabled: !!row.disabled,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
    return { user, sessionId: row.sid, expiresAt };
  }
}
