// parseEnv (core/src/env.ts): defaults, coercion of strings to numbers and booleans, and every bad value
// reported at once.
import { describe, expect, test } from 'bun:test';
import { parseEnv } from '../../core/src/env.ts';

function envOf(source: Record<string, string>) {
  const r = parseEnv(source);
  if (!r.ok) throw new Error(`expected a valid environment, got: ${r.errors.join('; ')}`);
  return r.env;
}

function errorsOf(source: Record<string, string>): string[] {
  const r = parseEnv(source);
  if (r.ok) throw new Error('expected the environment to be rejected');
  return r.errors;
}

describe('parseEnv defaults', () => {
  test.each([
    ['BIJOU_PORT', 8096],
    ['BIJOU_HOST', '0.0.0.0'],
    ['BIJOU_DATA_DIR', './data'],
    ['BIJOU_LOG_LEVEL', 'info'],
    ['BIJOU_RATE_LIMIT', 100],
    ['BIJOU_BODY_LIMIT', 1_048_576],
    ['BIJOU_TRUST_PROXY', false],
    ['BIJOU_SECURE_COOKIES', false],
  ] as const)('%s defaults to %p when unset', (key, expected) => {
    expect(envOf({})[key]).toBe(expected);
  });

  test('an empty string counts as unset', () => {
    expect(envOf({ BIJOU_PORT: '' }).BIJOU_PORT).toBe(8096);
  });

  test('optional service URLs stay undefined when unset', () => {
    const env = envOf({});
    expect([env.BIJOU_MEILI_URL, env.BIJOU_MQTT_URL, env.BIJOU_OLLAMA_URL]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  test('variables outside BIJOU_* are ignored', () => {
    expect(envOf({ PATH: '/bin', OTHER: 'x' })).toEqual(envOf({}));
  });
});

describe('parseEnv coercion', () => {
  test.each([
    ['BIJOU_PORT', '8080', 8080],
    ['BIJOU_PORT', '0', 0],
    ['BIJOU_RATE_LIMIT', '5', 5],
    ['BIJOU_BODY_LIMIT', '2048', 2048],
    ['BIJOU_TRUST_PROXY', 'true', true],
    ['BIJOU_TRUST_PROXY', '1', true],
    ['BIJOU_TRUST_PROXY', 'false', false],
    ['BIJOU_SECURE_COOKIES', '0', false],
    ['BIJOU_LOG_LEVEL', 'debug', 'debug'],
    ['BIJOU_MEILI_URL', 'http://127.0.0.1:7700', 'http://127.0.0.1:7700'],
    ['BIJOU_MEILI_URL', 'https://search.example.com', 'https://search.example.com'],
  ] as const)('%s=%p becomes %p', (key, raw, expected) => {
    expect(envOf({ [key]: raw })[key]).toBe(expected);
  });
});

describe('parseEnv rejects bad values', () => {
  test.each([
    ['BIJOU_PORT', 'abc'],
    ['BIJOU_PORT', '65536'],
    ['BIJOU_PORT', '-1'],
    ['BIJOU_PORT', '80.5'],
    ['BIJOU_PORT', '1e3'],
    ['BIJOU_PORT', '0x50'],
    ['BIJOU_LOG_LEVEL', 'loud'],
    ['BIJOU_LOG_LEVEL', 'DEBUG'],
    ['BIJOU_RATE_LIMIT', '0'],
    ['BIJOU_BODY_LIMIT', '100'],
    ['BIJOU_TRUST_PROXY', 'yes'],
    ['BIJOU_MEILI_URL', 'not a url'],
  ])('%s=%p is an error naming the variable and the value', (key, raw) => {
    const errors = errorsOf({ [key]: raw });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toStartWith(`${key}:`);
    expect(errors[0]).toContain(JSON.stringify(raw).slice(1, -1));
  });

  test('every bad value is listed at once, not only the first', () => {
    const errors = errorsOf({
      BIJOU_PORT: 'abc',
      BIJOU_LOG_LEVEL: 'loud',
      BIJOU_RATE_LIMIT: '0',
      BIJOU_TRUST_PROXY: 'maybe',
    });
    expect(errors.map((e) => e.split(':')[0]).sort()).toEqual([
      'BIJOU_LOG_LEVEL',
      'BIJOU_PORT',
      'BIJOU_RATE_LIMIT',
      'BIJOU_TRUST_PROXY',
    ]);
  });
});
