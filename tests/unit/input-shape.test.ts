// The undeclared-input check's pure half (core/src/http/input-shape.ts), its schema side: which keys one object
// schema declares, and the shape tree a route's schema compiles to (nested objects, arrays, unions, intersections,
// open levels). The unknown keys of a value found against a shape are input-shape-unknown.test.ts.
import { describe, expect, test } from 'bun:test';
import { t } from 'elysia';
import { declaredKeys, type InputShape, inputShape } from '../../core/src/http/input-shape.ts';

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

  test('no query schema is a query with no keys; no body schema checks nothing', () => {
    const none = inputShape(undefined, 'query');
    expect([plain(none), none?.message, inputShape(undefined, 'body')]).toEqual([
      { keys: [] },
      'Unknown parameter; this route takes none',
      null,
    ]);
  });

  test('the message lists the keys of its level, or none when it has none', () => {
    const shape = inputShape(t.Object({ a: t.String(), n: t.Object({}) }), 'body');
    expect([shape?.message, shape?.children.get('n')?.message]).toEqual([
      'Unknown field; expected a, n',
      'Unknown field',
    ]);
  });
});
