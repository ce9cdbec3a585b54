// 422 for query parameters and body fields a route does not declare, nested ones included, for any query parameter
// of a route that declares none, and for a parameter that takes one value given more than once. Elysia drops unknown
// keys silently before validating (`normalize`), so `additionalProperties: false` alone rejects nothing, and keeps
// one value of a repeated one (repeated-query.ts); every route gets this check.
import { HttpError } from './errors.ts';
import {
  type FieldProblem,
  type InputShape,
  inputShape,
  queryShapeOfAll,
  unknownFields,
} from './input-shape.ts';
import { repeatedParameters, singleValuedKeys } from './repeated-query.ts';

type Hook = (ctx: never) => unknown;

const NOTES = 'x-bijou-input-notes';

/** A route's options as Elysia hands them to a macro's `introspect`, as far as this check reads and extends them. */
export interface RouteOptions {
  query?: unknown;
  body?: unknown;
  detail?: { [NOTES]?: Readonly<Record<string, string>>; [other: string]: unknown };
  transform?: Hook | Hook[];
  beforeHandle?: Hook | Hook[];
}

/**
 * Spread into a route's `detail` to give some undeclared keys a message of their own instead of "Unknown field",
 * e.g. `{ kind: 'The kind of a library cannot be changed' }`. Shown in the OpenAPI document as well.
 */
export function unknownInputNotes(notes: Readonly<Record<string, string>>): {
  [NOTES]: Record<string, string>;
} {
  return { [NOTES]: { ...notes } };
}

/** Adds `hook` after the route's own hooks of that stage. */
export function appendHook(options: RouteOptions, stage: 'transform' | 'beforeHandle', hook: Hook): void {
  const had = options[stage];
  options[stage] = had === undefined ? hook : [...(Array.isArray(had) ? had : [had]), hook];
}

const found = new WeakMap<Request, FieldProblem[]>();

/** What a route's query is checked against: its keys, and those of them that take one value. */
interface QueryCheck {
  query: InputShape | null;
  single: ReadonlySet<string>;
}

/** The query check of each route that showed no query schema as it registered, by the hook that notes problems. */
const undeclared = new WeakMap<Hook, QueryCheck>();

/**
 * Given a route's options while it is registered (the auth macro's `introspect`, which every route passes through),
 * adds the check when its query or body schema has a closed object anywhere, its query declares a parameter that
 * takes one value, or it has no query schema (then it takes no query parameters unless a guard gives it some:
 * settleGuardedQueries). Unknown and repeated keys are noted in `transform`, before validation strips them, and
 * reported in `beforeHandle`. So auth (an earlier transform) answers 401/403 first, an invalid value its own 422
 * (validation, or the route's own beforeHandle), and only then the unknown or repeated keys. `tolerated` names
 * query parameters the shell itself reads on a request (`?token=` where it is accepted).
 */
export function rejectUnknownInput(
  options: RouteOptions,
  tolerated: (request: Request) => readonly string[] = () => [],
): void {
  const shapes: QueryCheck = {
    query: inputShape(options.query, 'query'),
    single: singleValuedKeys(options.query === undefined ? [] : [options.query]),
  };
  const bodyShape = inputShape(options.body, 'body');
  if (!shapes.query && !shapes.single.size && !bodyShape) return;
  const notes = options.detail?.[NOTES] ?? {};
  // Destructured, not the whole context: Elysia's inference reads the names and parses no headers or cookies for it.
  const note = ({ query, body, request }: { query: unknown; body: unknown; request: Request }) => {
    let inQuery = unknownFields(query, shapes.query, 'query', notes);
    const inBody = unknownFields(body, bodyShape, 'body', notes);
    if (inQuery.length) {
      const skip = tolerated(request).map((k) => `query.${k}`);
      inQuery = inQuery.filter((p) => !skip.includes(p.path));
    }
    const repeated = repeatedParameters(request.url, shapes.single);
    if (inQuery.length || repeated.length || inBody.length)
      found.set(request, [...inQuery, ...repeated, ...inBody]);
  };
  if (options.query === undefined) undeclared.set(note, shapes);
  appendHook(options, 'transform', note);
  appendHook(options, 'beforeHandle', ({ request }: { request: Request }) => {
    const problems = found.get(request);
    if (problems) throw new HttpError(422, 'Validation error', {}, problems);
  });
}

/** A mounted route as `app.routes` lists it, as far as settleGuardedQueries reads it. */
interface MountedRoute {
  hooks?: {
    query?: unknown;
    standaloneValidator?: readonly { query?: unknown }[];
    transform?: readonly (Hook | { fn: Hook })[];
  };
}

/**
 * A route's query schema may come from a `guard` around it, which its options do not show as it registers. Once
 * routes are mounted, each that registered without one but carries some after all (the guard's, kept by Elysia in
 * the route's hooks) is checked against them instead of taking no query parameters. Idempotent.
 */
export function settleGuardedQueries(routes: readonly MountedRoute[]): void {
  for (const { hooks } of routes) {
    if (!hooks?.transform) continue;
    const schemas = [hooks.query, ...(hooks.standaloneValidator ?? []).map((v) => v.query)].filter(
      (s) => s !== undefined,
    );
    if (!schemas.length) continue;
    for (const entry of hooks.transform) {
      const shapes = undeclared.get(typeof entry === 'function' ? entry : entry.fn);
      if (!shapes) continue;
      shapes.query = queryShapeOfAll(schemas);
      shapes.single = singleValuedKeys(schemas);
    }
  }
}
