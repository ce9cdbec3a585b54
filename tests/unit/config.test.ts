// Plugin config (core/src/settings/config.ts): resolveConfig defaults, conversion and errors (the `cron` string
// format included); maskSecrets and mergeSecrets for `x-secret` fields, including nested objects.
import { describe, expect, test } from 'bun:test';
import { Type as T } from '@sinclair/typebox';
import { t } from '../../core/sdk/index.ts';
import { MASK } from '../../core/src/log/logger.ts';
import { maskSecrets, mergeSecrets, resolveConfig, secretValues } from '../../core/src/settings/config.ts';

const Schema = T.Object({
  greeting: T.String({ default: 'Hello', minLength: 1 }),
  schedule: T.String({ format: 'cron', default: '0 */6 * * *' }),
  port: T.Integer({ default: 1883, minimum: 1, maximum: 65535 }),
  shout: T.Boolean({ default: false }),
  apiKey: T.Optional(T.String({ 'x-secret': true })),
  broker: T.Optional(
    T.Object({
      url: T.String(),
      password: T.Optional(T.String({ 'x-secret': true })),
    }),
  ),
});

describe('resolveConfig', () => {
  test.each([
    ['nothing stored', null, { greeting: 'Hello', schedule: '0 */6 * * *', port: 1883, shout: false }],
    [
      'a non-object stored value',
      'garbage',
      { greeting: 'Hello', schedule: '0 */6 * * *', port: 1883, shout: false },
    ],
    [
      'a partial value',
      { greeting: 'Hi' },
      { greeting: 'Hi', schedule: '0 */6 * * *', port: 1883, shout: false },
    ],
    [
      'scalar strings',
      { port: '8883', shout: 'true' },
      { greeting: 'Hello', schedule: '0 */6 * * *', port: 8883, shout: true },
    ],
    [
      'a secret and a nested object',
      { apiKey: 'k-123', broker: { url: 'mqtt://x', password: 'pw' } },
      {
        greeting: 'Hello',
        schedule: '0 */6 * * *',
        port: 1883,
        shout: false,
        apiKey: 'k-123',
        broker: { url: 'mqtt://x', password: 'pw' },
      },
    ],
    [
      'keys the schema does not declare, at the top and nested',
      { greting: 'x', port: 1884, broker: { url: 'mqtt://x', pasword: 'pw' } },
      { greeting: 'Hello', schedule: '0 */6 * * *', port: 1884, shout: false, broker: { url: 'mqtt://x' } },
    ],
  ])('%s resolves with defaults applied', (_name, stored, expected) => {
    expect(resolveConfig(Schema, stored)).toEqual({ ok: true, value: expected });
  });

  test.each([
    ['an empty greeting', { greeting: '' }, 'greeting'],
    ['a port out of range', { port: 70000 }, 'port'],
    ['a port that is not a number', { port: 'abc' }, 'port'],
    ['a nested object missing its url', { broker: {} }, 'broker.url'],
    ['a schedule that is not a cron pattern', { schedule: 'every night' }, 'schedule'],
    ['a cron pattern with a field out of range', { schedule: '0 25 * * *' }, 'schedule'],
  ])('%s is an error at %s', (_name, stored, path) => {
    const r = resolveConfig(Schema, stored);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain(path);
  });

  test.each([
    ['a five-field pattern', '*/30 * * * *'],
    ['a six-field pattern with seconds', '0 0 3 * * 1-5'],
    ['a nickname', '@daily'],
    ['empty (no schedule)', ''],
    ['blank (no schedule)', '  '],
  ])('%s is a valid cron setting', (_name, schedule) => {
    expect(resolveConfig(Schema, { schedule })).toMatchObject({ ok: true, value: { schedule } });
  });

  test('a bad cron pattern says what is expected', () => {
    expect(resolveConfig(Schema, { schedule: 'hourly' })).toEqual({
      ok: false,
      errors: [
        {
          path: 'schedule',
          message:
            "Expected a cron pattern of five to seven space-separated fields (e.g. '0 */6 * * *'), or empty for none",
        },
      ],
    });
  });

  test('the stored value is not mutated', () => {
    const stored = { greeting: 'Hi' };
    resolveConfig(Schema, stored);
    expect(stored).toEqual({ greeting: 'Hi' });
  });
});

// Plugins declare settings with the SDK's `t`, whose Integer and Numeric also accept digit strings (an anyOf of a
// string branch and the number): the bounds still hold, and the value is stored as a number.
describe("resolveConfig with the SDK's numbers", () => {
  const Sdk = t.Object({
    workers: t.Integer({ minimum: 1, maximum: 8, default: 2 }),
    ratio: t.Numeric({ minimum: 0.5, maximum: 4, default: 1 }),
    nested: t.Optional(t.Object({ depth: t.Integer({ minimum: 1, default: 1 }) })),
  });

  test.each([
    ['zero workers', { workers: 0 }, 'workers'],
    ['too many workers', { workers: 100000 }, 'workers'],
    ['too many workers as a string', { workers: '9' }, 'workers'],
    ['a ratio under its minimum', { ratio: 0.1 }, 'ratio'],
    ['a nested integer under its minimum', { nested: { depth: 0 } }, 'nested.depth'],
  ])('%s is an error at %s', (_name, stored, path) => {
    const r = resolveConfig(Sdk, stored);
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.errors.map((e) => e.path)).toEqual([path]);
  });

  test.each([
    ['numbers', { workers: 3, ratio: 2 }, { workers: 3, ratio: 2 }],
    ['digit strings', { workers: '4', ratio: '1.5' }, { workers: 4, ratio: 1.5 }],
    ['nothing (the defaults)', {}, { workers: 2, ratio: 1 }],
  ])('%s resolve to numbers', (_name, stored, expected) => {
    expect(resolveConfig(Sdk, stored)).toEqual({ ok: true, value: expected });
  });
});

describe('maskSecrets', () => {
  test.each([
    ['a top-level secret', { apiKey: 'k-123' }, { apiKey: MASK }],
    ['a nested secret', { broker: { url: 'u', password: 'pw' } }, { broker: { url: 'u', password: MASK } }],
    ['an empty secret stays empty', { apiKey: '' }, { apiKey: '' }],
    ['a null secret stays null', { apiKey: null }, { apiKey: null }],
    ['an absent secret stays absent', { greeting: 'Hi' }, { greeting: 'Hi' }],
    ['non-secret fields are untouched', { greeting: 'Hi', port: 1 }, { greeting: 'Hi', port: 1 }],
  ])('%s', (_name, value, expected) => {
    expect(maskSecrets(Schema, value)).toEqual(expected);
  });

  test('the input is not mutated', () => {
    const value = { apiKey: 'k-123' };
    maskSecrets(Schema, value);
    expect(value.apiKey).toBe('k-123');
  });
});

describe('mergeSecrets', () => {
  const previous = { greeting: 'Hi', apiKey: 'old-key', broker: { url: 'u', password: 'old-pw' } };

  test.each([
    ['the mask keeps the stored secret', { apiKey: MASK }, { apiKey: 'old-key' }],
    ['a new value replaces the secret', { apiKey: 'new-key' }, { apiKey: 'new-key' }],
    ['an empty string clears the secret', { apiKey: '' }, { apiKey: '' }],
    [
      'the mask in a nested object keeps the nested secret',
      { broker: { url: 'v', password: MASK } },
      { broker: { url: 'v', password: 'old-pw' } },
    ],
    ['non-secret fields are taken as sent', { greeting: MASK }, { greeting: MASK }],
  ])('%s', (_name, incoming, expected) => {
    expect(mergeSecrets(Schema, incoming, previous)).toEqual(expected);
  });

  test('the mask with nothing stored leaves the secret unset', () => {
    expect(mergeSecrets(Schema, { apiKey: MASK }, null).apiKey).toBeUndefined();
  });
});

describe('secretValues', () => {
  test('lists every secret string, nested ones included', () => {
    const value = { greeting: 'Hi', apiKey: 'k-123', broker: { url: 'u', password: 'pw-1' } };
    expect(secretValues(Schema, value).sort()).toEqual(['k-123', 'pw-1']);
  });
});
