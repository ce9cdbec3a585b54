// Coerced path and query values refused while decoding (core/src/http/coerced-params.ts): the 422 names the
// parameter with the words its schema gives any bad value; values taken decode as before; shared schemas untouched.
import { describe, expect, test } from 'bun:test';
import { Value } from '@sinclair/typebox/value';
import { t, ValidationError } from 'elysia';
import { type CoercedOptions, nameCoercedParameters } from '../../core/src/http/coerced-params.ts';
import { HttpError } from '../../core/src/http/errors.ts';
import { registerNumberFormats } from '../../core/src/http/number-formats.ts';

registerNumberFormats();

const Num = t.Integer({ minimum: 0, maximum: 100 });
const Params = t.Object({ id: t.String(), num: Num });
const Query = t.Object({
  limit: t.Optional(t.Integer({ minimum: 1, maximum: 100 })),
  ratio: t.Optional(t.Numeric({ maximum: 1 })),
  q: t.Optional(t.String()),
});

/** What decoding `value` against the route's `where` schema gives: the value, or the 422's details. */
function decode(
  options: CoercedOptions,
  where: 'params' | 'query',
  value: Record<string, string>,
): { value?: unknown; status?: number; details?: unknown } {
  try {
    return { value: Value.Decode(options[where] as never, value) as unknown };
  } catch (e) {
    const inner = (e as { error?: unknown }).error ?? e;
    if (!(inner instanceof HttpError)) throw inner;
    return { status: inner.status, details: inner.details };
  }
}

describe('nameCoercedParameters', () => {
  const options: CoercedOptions = { params: Params, query: Query };
  nameCoercedParameters(options);

  test.each([
    ['a path number below its range', 'params', { id: 'x', num: '-1' }, 'params.num', 'from 0 to 100'],
    ['a path number above its range', 'params', { id: 'x', num: '101' }, 'params.num', 'from 0 to 100'],
    ['a query number above its range', 'query', { limit: '100000' }, 'query.limit', 'from 1 to 100'],
    ['a query number with leading zeros', 'query', { limit: '007000' }, 'query.limit', 'from 1 to 100'],
    ['a value another parameter shares', 'query', { limit: '500', q: '500' }, 'query.limit', 'from 1 to 100'],
  ] as const)('%s is a 422 naming it', (_name, where, value, path, range) => {
    expect(decode(options, where, value)).toEqual({
      status: 422,
      details: [{ path, message: `Expected an integer ${range}` }],
    });
  });

  test('a decimal number over its bound names its parameter as a number', () => {
    expect(decode(options, 'query', { ratio: '1.5' })).toEqual({
      status: 422,
      details: [{ path: 'query.ratio', message: 'Expected a number of at most 1' }],
    });
  });

  test.each([
    [
      'a value of a comma-separated list too long',
      { tags: 'a,long' },
      'query.tags.1',
      'Expected string length less or equal to 3',
    ],
    [
      'a comma-separated list too long',
      { tags: 'a,b,c' },
      'query.tags',
      'Expected array length to be less or equal to 2',
    ],
  ])('%s is a 422 naming it', (_name, value, path, message) => {
    const list: CoercedOptions = {
      query: t.Object({ tags: t.Optional(t.ArrayQuery(t.String({ maxLength: 3 }), { maxItems: 2 })) }),
    };
    nameCoercedParameters(list);
    expect(decode(list, 'query', value)).toEqual({ status: 422, details: [{ path, message }] });
    expect(decode(list, 'query', { tags: 'a,b' })).toEqual({ value: { tags: ['a', 'b'] } });
  });

  test('values in range decode as before', () => {
    expect(decode(options, 'params', { id: 'x', num: '07' })).toEqual({ value: { id: 'x', num: 7 } });
    expect(decode(options, 'query', { limit: '100', ratio: '0.5', q: 'a' })).toEqual({
      value: { limit: 100, ratio: 0.5, q: 'a' },
    });
    expect(decode(options, 'query', {})).toEqual({ value: {} });
  });

  test('the schemas handed in are left as they were, for the other routes sharing them', () => {
    // Elysia's own error, saying nowhere which parameter it was.
    expect(() => decode({ params: Params }, 'params', { id: 'x', num: '-1' })).toThrow(ValidationError);
    expect(options.params).not.toBe(Params);
    expect(Params.properties.num).toBe(Num);
  });

  test('routes without decoded parameters keep their schemas', () => {
    const plain = { params: t.Object({ id: t.String() }), query: t.Record(t.String(), t.String()) };
    const copy = { ...plain };
    nameCoercedParameters(copy);
    expect(copy).toEqual(plain);
    expect([copy.params, copy.query]).toEqual([plain.params, plain.query]);
    const none: CoercedOptions = {};
    nameCoercedParameters(none);
    expect(none).toEqual({});
  });
});
