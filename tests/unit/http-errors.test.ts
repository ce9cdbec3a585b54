// The error handler's status mapping (handleError in core/src/http/errors.ts): HttpErrors, request and response
// validation, parse errors, a full disk and unexpected errors, with what is logged and what is hidden.
import { describe, expect, test } from 'bun:test';
import { t, ValidationError } from 'elysia';
import { HttpError, handleError } from '../../core/src/http/errors.ts';
import { createLogger } from '../../core/src/log/logger.ts';

describe('handleError', () => {
  const request = new Request('http://localhost/v1/things');
  function run(code: string | number, error: unknown) {
    const lines: string[] = [];
    const log = createLogger({ sink: { write: (l) => void lines.push(l) } });
    const set: { status?: number | string; headers: Record<string, string | number> } = { headers: {} };
    const body = handleError(code, error, set, log, request);
    return { status: set.status, headers: set.headers, body, lines };
  }
  const schema = t.Object({ name: t.String() });

  test('an HttpError answers its status, message and headers', () => {
    const r = run('UNKNOWN', new HttpError(429, 'Slow down', { 'Retry-After': '7' }));
    expect([r.status, r.body, r.headers['Retry-After']]).toEqual([429, { error: 'Slow down' }, '7']);
  });

  test('a request validation failure is 422 with details', () => {
    const r = run('VALIDATION', new ValidationError('body', schema, { name: 5 }));
    expect(r.status).toBe(422);
    expect(r.body).toEqual({
      error: 'Validation error',
      details: [{ path: 'body.name', message: expect.any(String) }],
    });
  });

  test('a response that fails its own schema is a 500, not a 422', () => {
    expect(run('VALIDATION', new ValidationError('response', schema, { name: 5 })).status).toBe(500);
  });

  test('a response schema failure is logged without the response value', () => {
    const r = run('VALIDATION', new ValidationError('response', schema, { name: 'tok-secret-value', n: 1 }));
    expect(r.lines.join('')).toContain('response does not match its schema');
    expect(r.lines.join('')).not.toContain('tok-secret-value');
  });

  test.each([
    ['NOT_FOUND', 404],
    ['PARSE', 400],
    ['INVALID_COOKIE_SIGNATURE', 400],
  ])('%s is %i with an error body', (code, status) => {
    const r = run(code, new Error('x'));
    expect(r.status).toBe(status);
    expect(typeof (r.body as { error: unknown }).error).toBe('string');
  });

  test('a full disk (SQLITE_FULL) is a logged 507 saying nothing was saved', () => {
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL', errno: 13 });
    const r = run('UNKNOWN', full);
    expect([r.status, r.body]).toEqual([
      507,
      { error: 'The server is out of disk space: nothing was saved. Free some space and try again.' },
    ]);
    expect(r.lines.join('')).toContain('storage full');
  });

  test('a parse hook refusing the body answers its own status, not a 400', () => {
    const r = run('PARSE', new Error('Bad Request', { cause: new HttpError(415, 'Expected a JSON body') }));
    expect([r.status, r.body]).toEqual([415, { error: 'Expected a JSON body' }]);
  });

  test('an unexpected error is a logged 500 that hides its message', () => {
    const r = run('UNKNOWN', new Error('database exploded'));
    expect([r.status, r.body]).toEqual([500, { error: 'Internal server error' }]);
    expect(r.lines.join('')).toContain('database exploded');
  });
});
