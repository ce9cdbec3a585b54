// Session and CSRF cookies: HttpOnly SameSite=Lax session cookie plus a readable CSRF cookie for double submit.
import { CSRF_COOKIE, SESSION_COOKIE } from './credentials.ts';
import { SESSION_TTL_MS } from './sessions.ts';
import { randomSecret } from './tokens.ts';

type CookieJar = Record<string, { set(v: Record<string, unknown>): unknown; remove(): unknown }>;

export function setSessionCookies(cookie: CookieJar, token: string, secure: boolean): void {
  const maxAge = Math.floor(SESSION_TTL_MS / 1000);
  cookie[SESSION_COOKIE].set({ value: token, httpOnly: true, sameSite: 'lax', path: '/', maxAge, secure });
  cookie[CSRF_COOKIE].set({
    value: randomSecret(18),
    httpOnly: false,
    sameSite: 'lax',
    path: '/',
    maxAge,
    secure,
  });
}

export function clearSessionCookies(cookie: CookieJar): void {
  for (const name of [SESSION_COOKIE, CSRF_COOKIE]) {
    cookie[name].set({ value: '', path: '/', maxAge: 0 });
  }
}
