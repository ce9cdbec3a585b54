// Names the path or query parameter behind a coerced value its schema refuses. Elysia checks the bounds of a number
// read from text (`t.Integer({ minimum: 0 })` on `/seasons/-1`, `?limit=100000`), and the values of a list read
// from comma-separated text (`t.ArrayQuery`: one too long, too many), only while decoding, and reports a failure
// there without saying where; each such parameter's decoding is wrapped as its route registers, so the 422 names it
// (`params.num`, `query.limit`, `query.tags.2`) with the message its schema gives any other bad value.
import { TransformKind } from '@sinclair/typebox';
import { TransformDecodeCheckError } from '@sinclair/typebox/value';
import { ValidationError } from 'elysia';
import { HttpError, validationDetails } from './errors.ts';

interface Codec {
  Decode(value: unknown): unknown;
  Encode(value: unknown): unknown;
}

type Schema = { properties?: Record<string, unknown>; [TransformKind]?: Codec };

/** A route's options as the auth macro's `introspect` hands them over, as far as this reads and replaces them. */
export interface CoercedOptions {
  params?: unknown;
  query?: unknown;
}

const codecOf = (schema: unknown): Codec | undefined =>
  schema !== null && typeof schema === 'object' ? (schema as Schema)[TransformKind] : undefined;

/** `schema` (a parameter's) decoding as before, a refusal while decoding thrown as a 422 naming `path`. */
function located(schema: object, codec: Codec, path: string): object {
  const Decode = (value: unknown) => {
    try {
      return codec.Decode(value);
    } catch (e) {
      // Elysia's own refusal (a number out of range), or TypeBox's check of a list's values and their count.
      const issue =
        e instanceof ValidationError
          ? { path: '', message: e.valueError?.message, schema }
          : e instanceof TransformDecodeCheckError
            ? { path: e.error.path, message: e.error.message, schema: e.error.schema }
            : null;
      if (!issue) throw e;
      throw new HttpError(422, 'Validation error', {}, validationDetails(path, [issue]));
    }
  };
  return { ...schema, [TransformKind]: { Decode, Encode: codec.Encode } };
}

/**
 * Replaces the route's `params` and `query` schemas (when objects with decoded properties) by copies whose decoded
 * properties name themselves when they refuse a value. The schemas handed in, often shared, are left as they are.
 */
export function nameCoercedParameters(options: CoercedOptions): void {
  for (const where of ['params', 'query'] as const) {
    const schema = options[where] as Schema | undefined;
    if (!schema?.properties) continue;
    let properties: Record<string, unknown> | null = null;
    for (const [key, property] of Object.entries(schema.properties)) {
      const codec = codecOf(property);
      if (!codec) continue;
      properties ??= { ...schema.properties };
      properties[key] = located(property as object, codec, `${where}.${key}`);
    }
    if (properties) options[where] = { ...schema, properties };
  }
}
