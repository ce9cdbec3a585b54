// Plugin config against its TypeBox schema: defaults, validation errors, and `x-secret` masking and merging.
import type { TObject, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { CRON_FORMAT_MESSAGE, registerCronFormat } from '../jobs/cron-pattern.ts';
import { MASK } from '../log/logger.ts';

registerCronFormat();

export type ConfigResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; errors: { path: string; message: string }[] };

/**
 * Applies defaults, converts scalar strings, drops keys the schema does not declare (stored by an older version or
 * before the API refused them: nothing reads them), and validates.
 */
export function resolveConfig(declared: TObject, stored: unknown): ConfigResult {
  const schema = numbersOnly(declared) as TObject;
  const base = stored && typeof stored === 'object' ? structuredClone(stored) : {};
  const value = Value.Clean(schema, Value.Convert(schema, Value.Default(schema, base))) as Record<
    string,
    unknown
  >;
  const errors = [...Value.Errors(schema, value)].map((e) => ({
    path: e.path.replace(/^\//, '').replace(/\//g, '.'),
    message: (e.schema as { format?: string }).format === 'cron' ? CRON_FORMAT_MESSAGE : e.message,
  }));
  return errors.length ? { ok: false, errors } : { ok: true, value };
}

/** The SDK's (Elysia's) `t.Integer` and `t.Numeric`: an anyOf of a digit string and the number with its bounds. */
function numberOfDigitsUnion(s: TSchema): TSchema | null {
  const options = s.anyOf as TSchema[];
  if (options.length !== 2) return null;
  const [text, num] = options;
  const digits = text.type === 'string' && (text.format === 'integer' || text.format === 'numeric');
  return digits && (num.type === 'integer' || num.type === 'number') ? num : null;
}

/**
 * The schema with each digit-string-or-number union reduced to its number: its string branch has no bounds, so a
 * setting out of range would pass as a string (and be stored as one); converting turns digit strings into numbers.
 */
function numbersOnly(s: TSchema): TSchema {
  if (s.anyOf) return numberOfDigitsUnion(s) ?? s;
  const props = (s as TObject).properties;
  if (!props) return s;
  const properties = Object.fromEntries(Object.entries(props).map(([k, p]) => [k, numbersOnly(p)]));
  return { ...s, properties };
}

function isSecret(s: TSchema | undefined): boolean {
  return !!s && (s as Record<string, unknown>)['x-secret'] === true;
}

function walk(
  schema: TSchema | undefined,
  value: unknown,
  fn: (schema: TSchema, value: unknown) => unknown,
): unknown {
  if (!schema || value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const props = (schema as TObject).properties;
  if (!props) return value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [k, s] of Object.entries(props)) {
    if (!(k in out)) continue;
    out[k] = isSecret(s) ? fn(s, out[k]) : walk(s, out[k], fn);
  }
  return out;
}

/** Replaces every non-empty `x-secret` value with the mask. */
export function maskSecrets(schema: TObject, value: Record<string, unknown>): Record<string, unknown> {
  return walk(schema, value, (_s, v) => (v === undefined || v === null || v === '' ? v : MASK)) as Record<
    string,
    unknown
  >;
}

/** Keeps the stored secret wherever the client sent back the mask. */
export function mergeSecrets(
  schema: TObject,
  incoming: Record<string, unknown>,
  previous: Record<string, unknown> | null,
): Record<string, unknown> {
  const walkMerge = (s: TSchema | undefined, inc: unknown, prev: unknown): unknown => {
    if (isSecret(s)) return inc === MASK ? prev : inc;
    const props = (s as TObject | undefined)?.properties;
    if (!props || !inc || typeof inc !== 'object' || Array.isArray(inc)) return inc;
    const out: Record<string, unknown> = { ...(inc as Record<string, unknown>) };
    for (const [k, ps] of Object.entries(props)) {
      if (k in out) out[k] = walkMerge(ps, out[k], (prev as Record<string, unknown> | null)?.[k]);
    }
    return out;
  };
  return walkMerge(schema, incoming, previous) as Record<string, unknown>;
}

/** Every secret string in a config, for the log scrubber. */
export function secretValues(schema: TObject, value: Record<string, unknown>): string[] {
  const found: string[] = [];
  walk(schema, value, (_s, v) => {
    if (typeof v === 'string') found.push(v);
    return v;
  });
  return found;
}
