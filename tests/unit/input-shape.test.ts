// The undeclared-input check's pure half (core/src/http/input-shape.ts): which keys one object schema declares, the
// shape tree a route's schema compiles to (nested objects, arrays, unions, intersections, open levels), and the
// unknown keys of a value found against it, with their paths and messages.
import { describe, expect, test } from 'bun:test';
import { t } from 'elysia';
import { declaredKeys, type InputShape, inputShape, unknownFields } from '../../core/src/http/input-shape.ts';

describe('declaredKeys', () => {
  test.each([
    ['an object', t.Object({ a: t.String(), b: t.Optional(t.Number()) }), ['a', 'b']],
    ['an object closed explicitly', t.Object({ a: t.String() }, { additionalProperties: false }), ['a']],
    ['an optional object (an optional body)', t.Optional(t.Object({ force: t.Boolean() })), ['force']],
    ['a partial of an omit', t.Partial(t.Omit(t.Object({ a: t.String(), b: t.String() }), ['b'])), ['a']],
    ['a composite', t.Composite([t.Object({ a: t.String() }), t.Object({ b: t.String() })]), ['a', 'b']],
    ['an object without properties', t.Object({}), []],
    ['an object open to any key', t.Object({ a: t.String() }, { additionalProperties: true }), null],
    ['an object open to keys of a schema', t.Object({}, { additionalProperties: t.String() }), null],
    [
      'an object open to unevaluated keys',
      t.Object({ a: t.String() }, { unevaluatedProperties: true }),
      null,
    ],
    ['a record', t.Record(t.String(), t.Unknown()), null],
    ['a union of objects', t.Union([t.Object({ a: t.String() }), t.Object({ b: t.String() })]), null],
    ['a string', t.String(), null],
    ['an array', t.Array(t.Object({ a: t.String() })), null],
    ['a model name', 'Settings', null],
    ['no schema', undefined, null],
  ])('%s → %p', (_name, schema, expected) => {
    expect(declaredKeys(schema)).toEqual(expected);
  });
});

type Plain = { keys?: string[] | null; children?: Record<string, Plain>; items?: Plain };

/** A shape as a plain object, leaving out empty children and missing items, for readable tables. */
function plain(shape: InputShape | null): Plain | null {
  if (!shape) return null;
  const out: Plain = { keys: shape.keys && [...shape.keys] };
  if (shape.children.size)
    out.children = Object.fromEntries([...shape.children].map(([k, v]) => [k, plain(v) as Plain]));
  if (shape.items) out.items = plain(shape.items) as Plain;
  return out;
}

const S = t.String();
const Cast = t.Object({ name: S, role: t.Optional(S) });

describe('inputShape', () => {
  test.each([
    ['a flat object', t.Object({ a: S, b: t.Number() }), { keys: ['a', 'b'] }],
    [
      'an object inside an object',
      t.Object({ a: S, ids: t.Object({ tmdb: S }) }),
      { keys: ['a', 'ids'], children: { ids: { keys: ['tmdb'] } } },
    ],
    [
      'an optional nullable object inside, two levels down',
      t.Object({ x: t.Optional(t.Union([t.Object({ y: t.Object({ z: S }) }), t.Null()])) }),
      { keys: ['x'], children: { x: { keys: ['y'], children: { y: { keys: ['z'] } } } } },
    ],
    [
      'an array of objects',
      t.Object({ cast: t.Array(Cast) }),
      { keys: ['cast'], children: { cast: { keys: null, items: { keys: ['name', 'role'] } } } },
    ],
    [
      'an array of arrays of objects',
      t.Object({ grid: t.Array(t.Array(Cast)) }),
      {
        keys: ['grid'],
        children: { grid: { keys: null, items: { keys: null, items: { keys: ['name', 'role'] } } } },
      },
    ],
    ['an array of strings inside', t.Object({ tags: t.Array(S) }), { keys: ['tags'] }],
    ['a top-level array of objects', t.Array(Cast), { keys: null, items: { keys: ['name', 'role'] } }],
    [
      'a union of objects: the keys of every variant, a shared key merged',
      t.Union([
        t.Object({ kind: t.Literal('a'), opts: t.Object({ x: S }) }),
        t.Object({ kind: t.Literal('b'), opts: t.Object({ y: S }), b: S }),
      ]),
      { keys: ['kind', 'opts', 'b'], children: { opts: { keys: ['x', 'y'] } } },
    ],
    [
      'an intersection of objects: the keys of every part',
      t.Intersect([t.Object({ a: S }), t.Object({ b: t.Object({ c: S }) })]),
      { keys: ['a', 'b'], children: { b: { keys: ['c'] } } },
    ],
    [
      'an open object: its own level unchecked, its closed children checked',
      t.Object({ ids: t.Object({ tmdb: S }) }, { additionalProperties: true }),
      { keys: null, children: { ids: { keys: ['tmdb'] } } },
    ],
    [
      'a closed object inside a record is not checked',
      t.Object({ m: t.Record(S, t.Object({ a: S })) }),
      { keys: ['m'] },
    ],
    [
      'a union with an open variant: every key known, a key the open one lacks unchecked',
      t.Union([
        t.Object({ a: t.Object({ x: S }), b: t.Object({ y: S }) }),
        t.Object({ a: t.Object({ z: S }) }, { additionalProperties: true }),
      ]),
      { keys: null, children: { a: { keys: ['x', 'z'] } } },
    ],
    [
      'a key that may be anything',
      t.Object({ a: t.Union([t.Object({ x: S }), t.Unknown()]) }),
      { keys: ['a'] },
    ],
    [
      'an intersection open to unevaluated keys',
      t.Intersect([t.Object({ a: S }), t.Object({ b: t.Object({ c: S }) })], {
        unevaluatedProperties: true,
      }),
      null,
    ],
    ['an open object, nothing closed inside', t.Object({ a: S }, { additionalProperties: true }), null],
    ['a record', t.Record(S, t.Unknown()), null],
    ['a union of scalars', t.Union([S, t.Number()]), null],
    ['a string', S, null],
    ['an array of strings', t.Array(S), null],
    ['a model name', 'Settings', null],
    ['no schema', undefined, null],
  ])('%s', (_name, schema, expected) => {
    expect(plain(inputShape(schema, 'body'))).toEqual(expected as Plain | null);
  });

  test('the message lists the keys of its level, or none when it has none', () => {
    const shape = inputShape(t.Object({ a: t.String(), n: t.Object({}) }), 'body');
    expect([shape?.message, shape?.children.get('n')?.message]).toEqual([
      'Unknown field; expected a, n',
      'Unknown field',
    ]);
  });
});

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
