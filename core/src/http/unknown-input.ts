// 422 for query parameters and body fields a route does not declare. Elysia drops them silently before validating
// (`normalize`), so `additionalProperties: false` alone rejects nothing; every route gets this check at registration.
import { HttpError } from './errors.ts';

/** One 422 detail. */
export interface FieldProblem {
  path: string;
  message: string;
}

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

/**
 * The keys an input schema declares, or null when it is not checked: not an object schema (a union, a string, a
 * model name), an object that allows extra keys (`additionalProperties` true or a schema, `t.Record`), or none.
 */
export function declaredKeys(schema: unknown): string[] | null {
  if (schema === null || typeof schema !== 'object') return null;
  const s = schema as { type?: unknown; properties?: unknown; additionalProperties?: unknown };
  if (s.type !== 'object' || s.properties === null || typeof s.properties !== 'object') return null;
  if (s.additionalProperties !== undefined && s.additionalProperties !== false) return null;
  if ('patternProperties' in s) return null;
  return Object.keys(s.properties);
}

/**
 * Keys of `value` (a parsed query or JSON body) outside `allowed`, each as `{ path: 'query.x', message }`; `notes`
 * replaces the message for keys that deserve their own explanation. Anything but a plain object has no keys.
 */
export function unknownFields(
  value: unknown,
  allowed: readonly string[],
  where: 'query' | 'body',
  notes: Readonly<Record<string, string>> = {},
): FieldProblem[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  // Runs on every request of a checked route: no Set nor message is built unless a key is unknown.
  const unknown = Object.keys(value).filter((k) => !allowed.includes(k));
  if (unknown.length === 0) return [];
  const what = where === 'query' ? 'parameter' : 'field';
  const expected = allowed.length ? `; expected ${allowed.join(', ')}` : '';
  return unknown.map((k) => ({
    path: `${where}.${k}`,
    message: Object.hasOwn(notes, k) ? notes[k] : `Unknown ${what}${expected}`,
  }));
}

function append(options: RouteOptions, stage: 'transform' | 'beforeHandle', hook: Hook): void {
  const had = options[stage];
  options[stage] = had === undefined ? hook : [...(Array.isArray(had) ? had : [had]), hook];
}

const found = new WeakMap<Request, FieldProblem[]>();

/**
 * Given a route's options while it is registered (the auth macro's `introspect`, which every route passes through),
 * adds the check when its query or body schema is a closed object: unknown keys are noted in `transform`, before
 * validation strips them, and reported in `beforeHandle`. So auth (an earlier transform) answers 401/403 first, an
 * invalid value its own 422 (validation, or the route's own beforeHandle), and only then the unknown keys.
 * `tolerated` names query parameters the shell itself reads on a request (`?token=` where it is accepted).
 */
export function rejectUnknownInput(
  options: RouteOptions,
  tolerated: (request: Request) => readonly string[] = () => [],
): void {
  const queryKeys = declaredKeys(options.query);
  const bodyKeys = declaredKeys(options.body);
  if (!queryKeys && !bodyKeys) return;
  const notes = options.detail?.[NOTES] ?? {};
  // Destructured, not the whole context: Elysia's inference reads the names and parses no headers or cookies for it.
  append(
    options,
    'transform',
    ({ query, body, request }: { query: unknown; body: unknown; request: Request }) => {
      const inQuery = queryKeys ? unknownFields(query, queryKeys, 'query', notes) : [];
      const skip = inQuery.length ? tolerated(request).map((k) => `query.${k}`) : [];
      const problems = [
        ...inQuery.filter((p) => !skip.includes(p.path)),
        ...(bodyKeys ? unknownFields(body, bodyKeys, 'body', notes) : []),
      ];
      if (problems.length) found.set(request, problems);
    },
  );
  append(options, 'beforeHandle', ({ request }: { request: Request }) => {
    const problems = found.get(request);
    if (problems) throw new HttpError(422, 'Validation error', {}, problems);
  });
}
