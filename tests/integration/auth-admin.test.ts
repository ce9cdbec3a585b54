// Admin user management (create, read, update, delete; duplicate emails; the last admin is protected) and the
// audit log of sign-ins, failed sign-ins and user creation.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'bun:test';
import { createTestHost, type TestHost } from '../../core/sdk/testing.ts';

const h = await createTestHost();
const admin = await h.admin();
afterAll(() => h.stop());
const newUser = (email: string) =>
  h.request('POST', '/v1/admin/users', {
    token: admin,
    body: { email, name: 'N', password: 'user-password' },
  });
const signIn = (email: string, password: string) =>
  h.request('POST', '/api/auth/sign-in/email', { body: { email, password } });

describe('admin user management', () => {
  test('an admin creates a user (201) and reads it back', async () => {
    const created = await newUser('crud@example.com');
    expect(created.status).toBe(201);
    const read = await h.request('GET', `/v1/admin/users/${created.body.id}`, { token: admin });
    expect(read.body).toMatchObject({ email: 'crud@example.com', role: 'user', disabled: false });
  });

  test('an admin updates a user’s name and role', async () => {
    const { id } = (await newUser('update@example.com')).body;
    const r = await h.request('PATCH', `/v1/admin/users/${id}`, {
      token: admin,
      body: { name: 'New', role: 'admin' },
    });
    expect(r.body).toMatchObject({ id, name: 'New', role: 'admin' });
  });

  test('a deleted user is gone and cannot sign in', async () => {
    const { id } = (await newUser('delete@example.com')).body;
    expect((await h.request('DELETE', `/v1/admin/users/${id}`, { token: admin })).status).toBe(200);
    expect((await h.request('GET', `/v1/admin/users/${id}`, { token: admin })).status).toBe(404);
    expect((await signIn('delete@example.com', 'user-password')).status).toBe(401);
  });

  test.each(['dup@example.com', 'DUP@Example.com'])('creating a second user as %s is 409', async (email) => {
    await newUser('dup@example.com');
    expect((await newUser(email)).status).toBe(409);
  });

  test('two simultaneous creates with one email give one 201 and one 409, never a 500', async () => {
    const r = await Promise.all([newUser('race@example.com'), newUser('race@example.com')]);
    expect(r.map((x) => x.status).sort()).toEqual([201, 409]);
  });

  test('changing a user’s email to one in use is 409', async () => {
    const { id } = (await newUser('mover@example.com')).body;
    const r = await h.request('PATCH', `/v1/admin/users/${id}`, {
      token: admin,
      body: { email: 'admin@example.com' },
    });
    expect(r.status).toBe(409);
  });

  describe('the last admin', () => {
    let s: TestHost;
    let token: string;
    let id: string;
    beforeEach(async () => {
      s = await createTestHost();
      token = await s.admin();
      id = (await s.request('GET', '/v1/users/me', { token })).body.id;
    });
    afterEach(() => s.stop());

    test.each([
      ['demoting', { role: 'user' }],
      ['disabling', { disabled: true }],
    ])('%s the last admin is 409', async (_name, body) => {
      expect((await s.request('PATCH', `/v1/admin/users/${id}`, { token, body })).status).toBe(409);
    });

    test('deleting the last admin is 409', async () => {
      expect((await s.request('DELETE', `/v1/admin/users/${id}`, { token })).status).toBe(409);
    });

    test('with a second admin, one of them may be demoted', async () => {
      await s.user('admin');
      const r = await s.request('PATCH', `/v1/admin/users/${id}`, { token, body: { role: 'user' } });
      expect([r.status, r.body.role]).toEqual([200, 'user']);
    });
  });
});

describe('audit log', () => {
  let user: { id: string; email: string };
  beforeAll(async () => {
    user = await h.user();
    await signIn('audited-nobody@example.com', 'wrong-password');
  });
  const find = async (action: string): Promise<{ actorId: string; target: string }[]> =>
    (await h.request('GET', `/v1/audit-logs?action=${action}&limit=100`, { token: admin })).body.items;

  test('records sign-ins with the user as actor', async () => {
    expect((await find('auth.sign-in')).map((e) => e.actorId)).toContain(user.id);
  });

  test('records failed sign-ins with the email tried', async () => {
    expect((await find('auth.sign-in.failed')).map((e) => e.target)).toContain('audited-nobody@example.com');
  });

  test('records user creation with the new user as target', async () => {
    expect((await find('admin.user.created')).map((e) => e.target)).toContain(user.id);
  });
});
