// Setup and sign-in for the authentication tests: the setup wizard's body, and a sign-in that returns the bearer
// token with the cookies it set (session and CSRF) as a cookie header and the CSRF token.
import type { TestHost } from '@bijou/sdk/testing';

export const SETUP = {
  serverName: 'Home',
  name: 'Owner',
  email: 'owner@example.com',
  password: 'owner-password',
};

export async function signIn(host: TestHost, email: string, password: string) {
  const r = await host.request('POST', '/api/auth/sign-in/email', { body: { email, password } });
  const setCookie = r.headers.getSetCookie();
  const jar = Object.fromEntries(setCookie.map((c) => c.split(';')[0].split('=') as [string, string]));
  const cookie = `bijou_session=${jar.bijou_session}; bijou_csrf=${jar.bijou_csrf}`;
  return { ...r, token: r.body?.token as string, setCookie, cookie, csrf: jar.bijou_csrf };
}
