// The request path without a URL object (pathOf in core/src/auth/macro.ts): the same pathname URL gives.
import { describe, expect, test } from 'bun:test';
import { pathOf } from '../../core/src/auth/macro.ts';

describe('pathOf', () => {
  test.each([
    'http://localhost/v1/movies?genre=Action&limit=20',
    'http://127.0.0.1:8080/v1/events?token=abc',
    'https://example.com/api/stream/x/seg-1.ts',
    'http://localhost/',
    'http://localhost',
    'http://localhost/a/b#frag',
    'http://localhost/a?x=/b/c',
    'http://user:pw@host:1/p/q?r#s',
    'http://localhost/%20space?q',
  ])('%p has the pathname URL gives', (url) => {
    expect(pathOf(url)).toBe(new URL(url).pathname);
  });
});
