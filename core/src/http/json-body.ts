// Reading request bodies: the parse hook every body passes (JSON only, else 415; malformed JSON a 400), and the check
// that gives routes with an optional body the same strictness as the others (a well-formed body of the wrong shape is
// a 422 naming it, where Elysia would take it for no body).
import { OptionalKind, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { HttpError, validationDetails } from './errors.ts';
import { appendHook, type RouteOptions } from './unknown-input.ts';

/**
 * The global parse hook. Every route reads JSON: a body of another type (a form, as `curl -d` sends without a content
 * type, or text) is a 415 naming the type to send, rather than being read as odd keys. A JSON body is parsed here
 * rather than by Elysia, whose parser on a route with an optional body swallows a syntax error and carries on as if
 * nothing was sent: malformed JSON is a 400 on every route. No bytes at all is no body (undefined: an optional body
 * is then absent, a required one refused as before).
 */
export async function readJsonBody(request: Request, contentType: string): Promise<unknown> {
  if (!contentType || request.headers.get('content-length') === '0') return undefined;
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (type !== 'application/json' && !type.endsWith('+json'))
    throw new HttpError(415, 'Expected a JSON body (Content-Type: application/json)');
  const text = await request.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // The parser's own message may quote part of the body (a password), so it is not passed on.
    throw new HttpError(400, 'Malformed JSON in the request body');
  }
}

/** An object with a key: the only bodies Elysia validates on a route whose body is optional. */
const hasKeys = (v: unknown) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 0;

/**
 * Given a route's options while it is registered (as `rejectUnknownInput`): when its body schema is optional, adds a
 * transform that validates what Elysia lets through unchecked there: any body sent that is not an object with keys
 * (`"str"`, `[]`, `null`, `42`, or `{}` lacking a required key) is a 422 with details, as on any other route.
 */
export function checkOptionalBody(options: RouteOptions): void {
  const schema = options.body as TSchema | undefined;
  if (!schema || typeof schema !== 'object' || !(OptionalKind in schema)) return;
  appendHook(options, 'transform', ({ body }: { body: unknown }) => {
    if (body === undefined || hasKeys(body)) return;
    const value = Value.Default(schema, Value.Clone(body));
    if (Value.Check(schema, value)) return;
    // TypeBox's errors carry what Elysia's do (path, message, schema), which is what validationDetails reads.
    const issues = [...Value.Errors(schema, value)] as Parameters<typeof validationDetails>[1];
    throw new HttpError(422, 'Validation error', {}, validationDetails('body', issues));
  });
}
