// unknownFields: which keys of a parsed query or body a route does not declare, and how each is reported.
import { expect, test } from 'bun:test';
import { unknownFields } from './unknown-fields.ts';

const LIST = ['library', 'q', 'limit'];

test.each([
  ['declared keys only', { library: 'x', q: 'y' }, LIST, 'query', {}, []],
  ['no keys', {}, LIST, 'query', {}, []],
  [
    'a misspelt parameter, with what is expected',
    { libraryId: 'x' },
    LIST,
    'query',
    {},
    [{ path: 'query.libraryId', message: 'Unknown parameter; expected library, q, limit' }],
  ],
  [
    'each unknown key, in the order sent',
    { text: 'm', library: 'x', foo: '1' },
    ['library'],
    'query',
    {},
    [
      { path: 'query.text', message: 'Unknown parameter; expected library' },
      { path: 'query.foo', message: 'Unknown parameter; expected library' },
    ],
  ],
  [
    'a body field',
    { name: 'A', bogus: 1 },
    ['name'],
    'body',
    {},
    [{ path: 'body.bogus', message: 'Unknown field; expected name' }],
  ],
  [
    'a note for a key that has one',
    { kind: 'shows' },
    ['name', 'paths'],
    'body',
    { kind: 'kind cannot be changed' },
    [{ path: 'body.kind', message: 'kind cannot be changed' }],
  ],
  ['a route that declares nothing', { a: 1 }, [], 'body', {}, [{ path: 'body.a', message: 'Unknown field' }]],
  [
    'an inherited name is no note',
    { toString: 1 },
    [],
    'body',
    {},
    [{ path: 'body.toString', message: 'Unknown field' }],
  ],
  ['no body', undefined, ['name'], 'body', {}, []],
  ['a null body', null, ['name'], 'body', {}, []],
  ['an array body', [1, 2], ['name'], 'body', {}, []],
  ['a string body', 'text', ['name'], 'body', {}, []],
] as const)('%s', (_name, value, allowed, where, notes, expected) => {
  expect(unknownFields(value, allowed, where, notes)).toEqual([...expected]);
});
