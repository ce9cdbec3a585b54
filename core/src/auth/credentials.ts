// Reads a request's credentials (bearer token, API key, session cookie, query token) and the client address.
export const SESSION_COOKIE = 'bijou_session';
export const CSRF_COOKIE = 'bijou_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export interface Credential {
  kind: 'session' | 'api-key';
  secret: string;
  fromCookie: boolean;
}

/** Parses a Cookie header into a map (first value wins). */
export function parseCookies(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const k = part.slice(0, i).trim();
    if (!(k in out)) {
      try {
        out[k] = decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        out[k] = part.slice(i + 1).trim();
      }
    }
  }
  return out;
}

/** Finds the credential a request carries; `allowQueryToken` for routes that players or EventSource call. */
export function readCredential(request: Request, allowQueryToken: boolean): Credential | null {
  const header = request.headers.get('authorization');
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (m) return { kind: m[1].startsWith('bij_') ? 'api-key' : 'session', secret: m[1], fromCookie: false };
  }
  const apiKey = request.headers.get('x-api-key');
  if (apiKey) return { kind: 'api-key', secret: apiKey, fromCookie: false };
  const cookie = parseCookies(request.headers.get('cookie'))[SESSION_COOKIE];
  if (cookie) return { kind: 'session', secret: cookie, fromCookie: true };
  if (allowQueryToken) {
    const q = new URL(request.url).searchParams.get('token');
    if (q) return { kind: q.startsWith('bij_') ? 'api-key' : 'session', secret: q, fromCookie: false };
  }
  return null;
}

/** Cookie-authenticated state changes need the CSRF header to match the CSRF cookie, and a same-origin Origin. */
export function csrfOk(request: Request): boolean {
  if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return true;
  const origin = request.headers.get('origin');
  if (origin && origin !== 'null') {
    const host = request.headers.get('host') ?? new URL(request.url).host;
    try {
      if (new URL(origin).host !== host) return false;
    } catch {
      return false;
    }
  }
  const expected = parseCookies(request.headers.get('cookie'))[CSRF_COOKIE];
  const got = request.headers.get(CSRF_HEADER);
  return !!expected && !!got && expected === got;
}

/** The client's address: the socket peer, or the first X-Forwarded-For hop when behind a trusted proxy. */
export function clientIp(
  request: Request,
  server: { requestIP(r: Request): { address: string } | null } | null,
  trustProxy: boolean,
): string {
  if (trustProxy) {
    const fwd = request.headers.get('x-forwarded-for');
    if (fwd) return fwd.split(',')[0].trim();
  }
  return server?.requestIP(request)?.address ?? 'local';
}
