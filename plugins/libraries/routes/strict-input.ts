// Route hooks that answer 422 for query parameters or body fields a route does not declare. Elysia drops them
// silently before validating (`normalize`), so `additionalProperties: false` alone rejects nothing.
import { HttpError } from '@bijou/sdk';
import { type FieldProblem, unknownFields } from '../lib/unknown-fields.ts';

/** A TypeBox object schema, as far as these hooks read it. */
interface Declared {
  properties: Record<string, unknown>;
}

const FOUND = Symbol('libraries.unknownInput');

/**
 * `transform` and `beforeHandle` hooks to spread into a route's options. Unknown keys are noted in `transform`,
 * before validation strips them, and reported in `beforeHandle`, after the auth macro, so an anonymous caller still
 * gets 401 and an invalid value its own 422 first. `notes` gives some keys a message of their own.
 */
export function strictInput(
  declared: { query?: Declared; body?: Declared },
  notes: Readonly<Record<string, string>> = {},
) {
  const allowed = (d: Declared | undefined) => (d ? Object.keys(d.properties) : null);
  const query = allowed(declared.query);
  const body = allowed(declared.body);
  return {
    transform(ctx: { query: unknown; body: unknown }) {
      const found = [
        ...(query ? unknownFields(ctx.query, query, 'query', notes) : []),
        ...(body ? unknownFields(ctx.body, body, 'body', notes) : []),
      ];
      if (found.length) (ctx as unknown as Record<symbol, FieldProblem[]>)[FOUND] = found;
    },
    beforeHandle(ctx: object) {
      const found = (ctx as Record<symbol, FieldProblem[] | undefined>)[FOUND];
      if (found) throw new HttpError(422, 'Validation error', {}, found);
    },
  };
}
