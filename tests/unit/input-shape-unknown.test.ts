// The undeclared-input check's unknown keys (unknownFields in core/src/http/input-shape.ts): the keys of a value
// that its route's shape does not declare, found at every depth with their paths, messages and notes. Which keys a
// schema declares and the shape it compiles to are input-shape.test.ts.
import { describe, expect, test } from 'bun:test';
import { t } from 'elysia';
import { inputShape, unknownFields } from '../../core/src/http/input-shape.ts';

describe('unknownFields', () => {
  const LIST = inputShape(t.Object({ library: t.String(), q: t.String(), limit: t.String() }), 'query');
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
      inputShape(t.Object({ library: t.String() }), 'query'),
      'query',
      {},
      [
        { path: 'query.text', message: 'Unknown parameter; expected library' },
        { path: 'query.foo', message: 'Unknown parameter; expected library' },
      ],
    ],
    ['no shape: nothing to check', { a: 1 }, null, 'body', {}, []],
    ['no body', undefined, LIST, 'body', {}, []],
    ['a null body', null, LIST, 'body', {}, []],
    ['an array body where an object is declared', [1, 2], LIST, 'body', {}, []],
    ['a string body', 'text', LIST, 'body', {}, []],
  ] as const)('%s', (_name, value, shape, where, notes, expected) => {
    expect(unknownFields(value, shape, where, notes)).toEqual([...expected]);
  });

  const BODY = inputShape(
    t.Object({
      name: t.String(),
      ids: t.Optional(t.Object({ tmdb: t.String(), imdb: t.Optional(t.String()) })),
      items: t.Optional(
        t.Array(t.Object({ title: t.String(), art: t.Optional(t.Nullable(t.Object({ url: t.String() }))) })),
      ),
    }),
    'body',
  );
  test.each([
    [
      'a body field',
      { name: 'A', bogus: 1 },
      {},
      [['body.bogus', 'Unknown field; expected name, ids, items']],
    ],
    ['a known nested key', { name: 'A', ids: { tmdb: '1', imdb: 'tt1' } }, {}, []],
    [
      'a misspelt nested key',
      { ids: { tmdb: '1', imbd: 'tt1' } },
      {},
      [['body.ids.imbd', 'Unknown field; expected tmdb, imdb']],
    ],
    [
      'a misspelt key in the third element of an array',
      { items: [{ title: 'a' }, { title: 'b' }, { titel: 'c' }] },
      {},
      [['body.items[2].titel', 'Unknown field; expected title, art']],
    ],
    [
      'a misspelt key under a nullable object in an array',
      {
        items: [
          { title: 'a', art: null },
          { title: 'b', art: { url: 'u', uri: 'v' } },
        ],
      },
      {},
      [['body.items[1].art.uri', 'Unknown field; expected url']],
    ],
    [
      'unknown keys at every depth, depth first in the order sent',
      { ids: { x: 1 }, bogus: 2, items: [{ y: 3 }] },
      {},
      [
        ['body.ids.x', 'Unknown field; expected tmdb, imdb'],
        ['body.bogus', 'Unknown field; expected name, ids, items'],
        ['body.items[0].y', 'Unknown field; expected title, art'],
      ],
    ],
    ['a value not of the type declared is left to validation', { ids: 'tmdb', items: { x: 1 } }, {}, []],
    ['array elements that are not objects are skipped', { items: [1, null, 'x', [{ y: 1 }]] }, {}, []],
    [
      'a note for a top-level key that has one',
      { kind: 'shows' },
      { kind: 'kind cannot be changed' },
      [['body.kind', 'kind cannot be changed']],
    ],
    [
      'a note applies to top-level keys only',
      { ids: { kind: 1 } },
      { kind: 'no' },
      [['body.ids.kind', 'Unknown field; expected tmdb, imdb']],
    ],
    [
      'an inherited name is no note',
      { toString: 1 },
      {},
      [['body.toString', 'Unknown field; expected name, ids, items']],
    ],
  ] as const)('%s', (_name, value, notes, expected) => {
    const found = unknownFields(value, BODY, 'body', notes).map((p) => [p.path, p.message]);
    expect(found).toEqual(expected.map((e) => [...e]));
  });

  test('a union body: a key is unknown only when no variant declares it', () => {
    const shape = inputShape(t.Union([t.Object({ a: t.String() }), t.Object({ b: t.String() })]), 'body');
    expect(unknownFields({ a: 'x', b: 'y', c: 'z' }, shape, 'body')).toEqual([
      { path: 'body.c', message: 'Unknown field; expected a, b' },
    ]);
  });

  test('a route that declares nothing: every key is unknown', () => {
    expect(unknownFields({ a: 1 }, inputShape(t.Object({}), 'body'), 'body')).toEqual([
      { path: 'body.a', message: 'Unknown field' },
    ]);
  });

  test('with nothing unknown, every call returns the same empty list', () => {
    const a = unknownFields({ name: 'A', ids: { tmdb: '1' }, items: [{ title: 't' }] }, BODY, 'body');
    expect([a.length, a === unknownFields({ name: 'B' }, BODY, 'body')]).toEqual([0, true]);
  });
});
