// Tests of stream tokens: round trip, tampering, expiry and malformed input.
import { expect, test } from 'bun:test';
import { signToken, verifyToken } from './token.ts';

const key = new Uint8Array(32).fill(7);
const claims = { sid: 'session1', uid: 'user1', exp: 2000 };
const token = signToken(key, claims);

test('a token verifies with its key before it expires', () => {
  expect(verifyToken(key, token, 1999)).toEqual({ ok: true, claims });
});

test.each([
  ['at its expiry', token, key, 2000, 'expired'],
  ['with another key', token, new Uint8Array(32).fill(8), 1000, 'signature'],
  [
    'with edited claims',
    `${Buffer.from(JSON.stringify({ ...claims, sid: 'x' })).toString('base64url')}.${token.split('.')[1]}`,
    key,
    1000,
    'signature',
  ],
  ['with a truncated signature', token.slice(0, -4), key, 1000, 'signature'],
  ['without a dot', 'abc', key, 1000, 'malformed'],
  ['with two dots', `${token}.x`, key, 1000, 'malformed'],
  ['signed but not claims', signText('not json'), key, 1000, 'malformed'],
])('a token %s is refused as %s', (_what, t, k, now, reason) => {
  expect(verifyToken(k, t, now)).toEqual({ ok: false, reason: reason as never });
});

/** A correctly signed token whose body is not claims (to prove the body is still checked). */
function signText(text: string): string {
  const { createHmac } = require('node:crypto');
  const body = Buffer.from(text).toString('base64url');
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
}
