// Session lifetime (AuthService on a migrated SQLite file, with an injected clock): 7 days from sign-in, extended
// to 7 days from a use at most once per 24 hours, expired when unused for 7 days. Signing in over HTTP:
// auth-sign-in.test.ts.
import { afterAll, beforeEach, describe, expect, test } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthService } from '../../core/src/auth/service.ts';
import { CORE_MIGRATIONS, runMigrations } from '../../core/src/db/migrate.ts';
import { openDatabase } from '../../core/src/db/open.ts';

describe('session lifetime (AuthService, injected clock)', () => {
  const HOUR = 3_600_000;
  const DAY = 24 * HOUR;
  const dir = mkdtempSync(join(tmpdir(), 'bijou-auth-'));
  const { sqlite, db } = openDatabase(join(dir, 'bijou.sqlite'));
  runMigrations(sqlite, CORE_MIGRATIONS, 'core');
  afterAll(() => {
    sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });
  let now = Date.parse('2026-03-01T12:00:00.000Z');
  const auth = new AuthService(db, () => now);
  const user = auth.createUser({
    email: 'c@example.com',
    name: 'C',
    password: 'clock-password',
    role: 'user',
  });
  let token: string;
  let signedInAt: number;
  beforeEach(async () => {
    token = auth.createSession((await user).id, {}).token;
    signedInAt = now;
  });
  const expiry = () => Date.parse(auth.resolveSession(token)!.expiresAt);

  test('a new session expires 7 days after sign-in', () => {
    expect(expiry() - signedInAt).toBe(7 * DAY);
  });

  test('use within 24 hours does not extend the session', () => {
    now += 23 * HOUR;
    expect(expiry()).toBe(signedInAt + 7 * DAY);
  });

  test('use after 24 hours extends it to 7 days from that use', () => {
    now += 25 * HOUR;
    expect(expiry()).toBe(now + 7 * DAY);
  });

  test('it is extended at most once per 24 hours', () => {
    now += 25 * HOUR;
    const first = expiry();
    now += 23 * HOUR;
    expect(expiry()).toBe(first);
  });

  test('a session unused for 7 days has expired', () => {
    now += 7 * DAY;
    expect(auth.resolveSession(token)).toBeNull();
  });

  test('an extended session outlives its first expiry', () => {
    now += 6 * DAY;
    auth.resolveSession(token);
    now += 6 * DAY;
    expect(auth.resolveSession(token)).not.toBeNull();
  });
});
