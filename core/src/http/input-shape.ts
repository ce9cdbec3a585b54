// Which keys a query or body may carry, at every depth: a route's schema compiled once into a shape tree, and the
// undeclared keys of one request's input found by walking it. Pure; the route hooks are in unknown-input.ts.

/** One 422 detail. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** What the check looks at in a value, compiled from a schema when the route registers. */
export interface InputShape {
  /** The keys an object value may have; null when any key may (an open object, a record, no object schema). */
  readonly keys: ReadonlySet<string> | null;
  /** The message for a key outside `keys`, e.g. "Unknown field; expected a, b". */
  readonly message: string;
  /** Shapes for the values of declared keys that have something to check themselves. */
  readonly children: ReadonlyMap<string, InputShape>;
  /** The shape of each element of an array value, or null. */
  readonly items: InputShape | null;
}

export interface Schema {
  type?: unknown;
  properties?: Record<string, unknown>;
  anyOf?: unknown;
  allOf?: unknown;
  additionalProperties?: unknown;
  unevaluatedProperties?: unknown;
  items?: unknown;
}

/**
 * The keys one object schema declares, or null when it is not checked: not an object schema (a union, a string, a
 * model name), an object that allows extra keys (`additionalProperties` or `unevaluatedProperties` true or a schema,
 * `t.Record`), or none.
 */
export function declaredKeys(schema: unknown): string[] | null {
  if (schema === null || typeof schema !== 'object') return null;
  const s = schema as Schema;
  if (s.type !== 'object' || s.properties === null || typeof s.properties !== 'object') return null;
  if (s.additionalProperties !== undefined && s.additionalProperties !== false) return null;
  if (s.unevaluatedProperties !== undefined && s.unevaluatedProperties !== false) return null;
  if ('patternProperties' in s) return null;
  return Object.keys(s.properties);
}

/**
 * Adds to `out` the alternatives a value of `schema` is checked against: the variants of a union and the parts of an
 * intersection, flattened. False when one of them takes any value (`t.Any`, `t.Unknown`, a reference, a model name,
 * an intersection open to unevaluated keys): then the value is not checked at all.
 */
export function alternatives(schema: unknown, out: Schema[]): boolean {
  if (schema === null || typeof schema !== 'object') return false;
  const s = schema as Schema;
  const parts = s.anyOf ?? s.allOf;
  if (Array.isArray(parts)) {
    if (s.unevaluatedProperties !== undefined && s.unevaluatedProperties !== false) return false;
    return parts.every((p) => alternatives(p, out));
  }
  if (s.type === undefined) return false;
  out.push(s);
  return true;
}

const declares = (s: Schema, key: string) => s.properties !== undefined && Object.hasOwn(s.properties, key);

/**
 * The shape of a value that may match any of `schemas`. The rule for unions (and, alike, intersections): a key is
 * known when any object variant declares it, and its value is checked against the shapes of the variants declaring
 * it, merged by the same rule. A variant open to extra keys makes every key known, and leaves unchecked the values
 * of keys it does not declare itself. So a key valid in one variant is never refused, even next to keys of another
 * (which variant a value matches is validation's business; Elysia may then drop the other variant's keys).
 */
function shapeOf(schemas: readonly unknown[], what: string): InputShape | null {
  const all: Schema[] = [];
  if (!schemas.every((s) => alternatives(s, all))) return null;
  const objects = all.filter((s) => s.type === 'object');
  const open = objects.filter((s) => declaredKeys(s) === null);
  const names = [...new Set(objects.flatMap((s) => Object.keys(s.properties ?? {})))];
  const children = new Map<string, InputShape>();
  for (const name of names) {
    if (open.some((s) => !declares(s, name))) continue;
    const values = objects.filter((s) => declares(s, name)).map((s) => s.properties?.[name]);
    const child = shapeOf(values, what);
    if (child) children.set(name, child);
  }
  const elements = all.filter((s) => s.type === 'array').map((s) => s.items);
  const items = elements.length ? shapeOf(elements, what) : null;
  const keys = objects.length && !open.length ? names : null;
  if (!keys && !children.size && !items) return null;
  const expected = keys?.length ? `; expected ${keys.join(', ')}` : '';
  return { keys: keys && new Set(keys), message: `Unknown ${what}${expected}`, children, items };
}

/** A route that declares no query schema takes no query parameters: every one is unknown. */
const NO_QUERY: InputShape = Object.freeze({
  keys: new Set<string>(),
  message: 'Unknown parameter; this route takes none',
  children: new Map<string, InputShape>(),
  items: null,
});

/**
 * The shape of a route's query or body schema, or null when it has nothing to check: no closed object anywhere in
 * it (a string, a record, an open object without closed ones inside, a model name), or no body schema. No query
 * schema at all is a query that may have no keys (a route reading parameters it does not list declares them, or
 * an open schema such as `t.Record`).
 */
export function inputShape(schema: unknown, where: 'query' | 'body'): InputShape | null {
  if (schema === undefined && where === 'query') return NO_QUERY;
  return shapeOf([schema], where === 'query' ? 'parameter' : 'field');
}

/**
 * The shape of a query several schemas describe at once (a route's and the guards' around it): a key any of them
 * declares is known, as in a union.
 */
export function queryShapeOfAll(schemas: readonly unknown[]): InputShape | null {
  return schemas.length ? shapeOf(schemas, 'parameter') : NO_QUERY;
}

const NONE: Readonly<Record<string, string>> = {};

/** `inner` (problems found under `prefix`) with their paths prefixed, added to `found`. */
function prefixed(found: FieldProblem[] | null, prefix: string, inner: FieldProblem[]): FieldProblem[] {
  for (const p of inner) p.path = prefix + p.path;
  return found ? found.concat(inner) : inner;
}

/** Problems in `value`, with paths relative to it (".a", "[2].b"); null when none, then having allocated nothing. */
function problemsIn(
  value: unknown,
  shape: InputShape,
  notes: Readonly<Record<string, string>>,
): FieldProblem[] | null {
  if (value === null || typeof value !== 'object') return null;
  let found: FieldProblem[] | null = null;
  if (Array.isArray(value)) {
    if (!shape.items) return null;
    for (let i = 0; i < value.length; i++) {
      const inner = problemsIn(value[i], shape.items, NONE);
      if (inner) found = prefixed(found, `[${i}]`, inner);
    }
    return found;
  }
  if (!shape.keys && !shape.children.size) return null;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (shape.keys && !shape.keys.has(key)) {
      found ??= [];
      found.push({ path: `.${key}`, message: Object.hasOwn(notes, key) ? notes[key] : shape.message });
      continue;
    }
    const child = shape.children.get(key);
    const inner = child && problemsIn((value as Record<string, unknown>)[key], child, NONE);
    if (inner) found = prefixed(found, `.${key}`, inner);
  }
  return found;
}

const NO_PROBLEMS: readonly FieldProblem[] = Object.freeze([]);

/**
 * Keys of `value` (a parsed query or JSON body) that `shape` does not declare, at any depth, each as
 * `{ path: 'body.items[2].titel', message }`, in the order sent; `notes` replaces the message for top-level keys that
 * deserve their own explanation. A value not of the type declared (a string where an object is) is skipped: that is
 * validation's to report. Runs on every request: returns a shared empty list, allocating nothing, when all is known.
 */
export function unknownFields(
  value: unknown,
  shape: InputShape | null,
  where: 'query' | 'body',
  notes: Readonly<Record<string, string>> = NONE,
): readonly FieldProblem[] {
  const found = shape && problemsIn(value, shape, notes);
  if (!found) return NO_PROBLEMS;
  for (const p of found) p.path = where + p.path;
  return found;
}
