// Pure stream tokens: `<claims>.<HMAC-SHA256>` in base64url, binding a session and user until an expiry, for
// players that cannot send headers (the `st` query parameter of /api/stream).
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface StreamClaims {
  /** Session id. */
  sid: string;
  /** User id. */
  uid: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export type VerifyResult =
  | { ok: true; claims: StreamClaims }
  | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

const mac = (secret: Uint8Array, body: string) => createHmac('sha256', secret).update(body).digest();

export function signToken(secret: Uint8Array, claims: StreamClaims): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${body}.${mac(secret, body).toString('base64url')}`;
}

/** Checks shape, signature (constant time) and expiry at `nowSeconds`. */
export function verifyToken(secret: Uint8Array, token: string, nowSeconds: number): VerifyResult {
  const dot = token.indexOf('.');
  if (dot <= 0 || dot !== token.lastIndexOf('.')) return { ok: false, reason: 'malformed' };
  const body = token.slice(0, dot);
  const sig = Buffer.from(token.slice(dot + 1), 'base64url');
  const want = mac(secret, body);
  if (sig.length !== want.length || !timingSafeEqual(sig, want)) return { ok: false, reason: 'signature' };
  let claims: StreamClaims;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof claims?.sid !== 'string' || typeof claims.uid !== 'string' || typeof claims.exp !== 'number')
    return { ok: false, reason: 'malformed' };
  if (claims.exp <= nowSeconds) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
