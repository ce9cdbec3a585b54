// Pure validation details (core/src/http/errors.ts): how schema issues become `details` paths and messages
// (Elysia's coercions and bounds in words, a list's own problem rather than its union's, duplicates collapsed), and
// which query parameter a coerced value came from.
import { describe, expect, test } from 'bun:test';
import { t } from 'elysia';
import { coercedLocation, validationDetails } from '../../core/src/http/errors.ts';

/** A list query parameter: one value or several (`t.ArrayQuery`), at most two of at most three characters. */
const Tags = t.ArrayQuery(t.String({ maxLength: 3 }), { maxItems: 2 });

describe('validationDetails', () => {
  test.each([
    [
      'a body field',
      'body',
      [{ path: '/email', message: 'Expected email' }],
      [{ path: 'body.email', message: 'Expected email' }],
    ],
    [
      'a nested path',
      'body',
      [{ path: '/broker/url', message: 'Required' }],
      [{ path: 'body.broker.url', message: 'Required' }],
    ],
    [
      'the root of the body',
      'body',
      [{ path: '', message: 'Expected object' }],
      [{ path: 'body', message: 'Expected object' }],
    ],
    [
      'no location',
      undefined,
      [{ path: '/limit', message: 'Expected integer' }],
      [{ path: 'limit', message: 'Expected integer' }],
    ],
    [
      "a schema's own errorMessage over the validator's",
      'query',
      [
        {
          path: '/limit',
          message: "Expected string to match '^(100|[1-9][0-9]?)$'",
          schema: { pattern: '^(100|[1-9][0-9]?)$', errorMessage: 'Expected an integer from 1 to 100' },
        },
      ],
      [{ path: 'query.limit', message: 'Expected an integer from 1 to 100' }],
    ],
    [
      'a summary when there is no message',
      'query',
      [{ path: '/limit', summary: 'Too small' }],
      [{ path: 'query.limit', message: 'Too small' }],
    ],
    [
      'neither message nor summary',
      'params',
      [{ path: '/id' }],
      [{ path: 'params.id', message: 'Invalid value' }],
    ],
    [
      "Elysia's integer coercion",
      'query',
      [
        {
          path: '/limit',
          message: 'Expected union value',
          schema: { anyOf: [{ format: 'integer' }, { type: 'integer' }] },
        },
      ],
      [{ path: 'query.limit', message: 'Expected an integer' }],
    ],
    [
      "Elysia's number coercion",
      'query',
      [
        {
          path: '/x',
          message: 'Expected union value',
          schema: { anyOf: [{ format: 'numeric' }, { type: 'number' }] },
        },
      ],
      [{ path: 'query.x', message: 'Expected a number' }],
    ],
    [
      "Elysia's integer coercion with bounds",
      'query',
      [
        {
          path: '/limit',
          message: 'Expected union value',
          schema: { anyOf: [{ format: 'integer' }, { type: 'integer', minimum: 1, maximum: 100 }] },
        },
      ],
      [{ path: 'query.limit', message: 'Expected an integer from 1 to 100' }],
    ],
    [
      'a bounded number or null',
      'body',
      [
        {
          path: '/rating',
          message: 'Expected union value',
          schema: { anyOf: [{ type: 'number', minimum: 0, maximum: 10 }, { type: 'null' }] },
        },
      ],
      [{ path: 'body.rating', message: 'Expected a number from 0 to 10, or null' }],
    ],
    [
      'a bounded integer or null',
      'body',
      [
        {
          path: '/year',
          message: 'Expected union value',
          schema: { anyOf: [{ type: 'integer', minimum: 1800, maximum: 3000 }, { type: 'null' }] },
        },
      ],
      [{ path: 'body.year', message: 'Expected an integer from 1800 to 3000, or null' }],
    ],
    [
      "Elysia's bounded integer (itself a union) or null, as a body field",
      'body',
      [
        {
          path: '/year',
          message: 'Expected union value',
          schema: {
            anyOf: [
              {
                minimum: 1800,
                maximum: 3000,
                anyOf: [
                  { format: 'integer', type: 'string' },
                  { type: 'integer', minimum: 1800, maximum: 3000 },
                ],
              },
              { type: 'null' },
            ],
          },
        },
      ],
      [{ path: 'body.year', message: 'Expected an integer from 1800 to 3000, or null' }],
    ],
    [
      "Elysia's boolean query parameter",
      'query',
      [
        {
          path: '/watched',
          message: 'Expected union value',
          schema: { anyOf: [{ type: 'boolean' }, { type: 'string', format: 'boolean' }] },
        },
      ],
      [{ path: 'query.watched', message: 'Expected true or false' }],
    ],
    [
      'a number with a lower bound only',
      'body',
      [{ path: '/n', message: 'Expected union value', schema: { anyOf: [{ type: 'number', minimum: 1 }] } }],
      [{ path: 'body.n', message: 'Expected a number of at least 1' }],
    ],
    [
      'a number with an upper bound only',
      'body',
      [{ path: '/n', message: 'Expected union value', schema: { anyOf: [{ type: 'number', maximum: 5 }] } }],
      [{ path: 'body.n', message: 'Expected a number of at most 5' }],
    ],
    [
      'a list of too many values, given by repeating a parameter (a union of one value or a list)',
      'query',
      [{ path: '/tags', message: 'Expected union value', schema: Tags, value: ['a', 'b', 'c'] }],
      [{ path: 'query.tags', message: 'Expected array length to be less or equal to 2' }],
    ],
    [
      'a list with a value too long, given by repeating a parameter',
      'query',
      [{ path: '/tags', message: 'Expected union value', schema: Tags, value: ['a', 'long'] }],
      [{ path: 'query.tags.1', message: 'Expected string length less or equal to 3' }],
    ],
    [
      'a list whose union is written out as plain JSON (nothing to check it with)',
      'query',
      [
        {
          path: '/tags',
          message: 'Expected union value',
          schema: JSON.parse(JSON.stringify(Tags)),
          value: ['a', 'b', 'c'],
        },
      ],
      [{ path: 'query.tags', message: 'Expected union value' }],
    ],
    [
      'duplicates collapse',
      'body',
      [
        { path: '/a', message: 'm' },
        { path: '/a', message: 'm' },
        { path: '/a', message: 'other' },
      ],
      [
        { path: 'body.a', message: 'm' },
        { path: 'body.a', message: 'other' },
      ],
    ],
  ])('%s', (_name, where, issues, expected) => {
    expect(validationDetails(where, issues)).toEqual(expected);
  });
});

describe('coercedLocation', () => {
  test.each([
    [
      'the one parameter with that value',
      'http://localhost/v1/movies?limit=500&sort=title',
      500,
      'query.limit',
    ],
    ['a value two parameters share', 'http://localhost/v1/movies?yearFrom=3001&yearTo=3001', 3001, undefined],
    ['no parameter with the value', 'http://localhost/v1/movies?limit=5', 500, undefined],
    ['no value', 'http://localhost/v1/movies?limit=5', undefined, undefined],
    ['an object value', 'http://localhost/v1/movies?limit=5', { a: 1 }, undefined],
  ])('%s', (_name, url, value, expected) => {
    expect(coercedLocation(url, value)).toBe(expected);
  });
});
