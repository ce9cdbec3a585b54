// Environment variables: TypeBox schema, defaults, coercion; every problem is listed before the process exits.
import { type Static, Type as T } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

export const EnvSchema = T.Object({
  BIJOU_PORT: T.Integer({ minimum: 0, maximum: 65535, default: 8096 }),
  BIJOU_HOST: T.String({ minLength: 1, default: '0.0.0.0' }),
  BIJOU_DATA_DIR: T.String({ minLength: 1, default: './data' }),
  BIJOU_LOG_LEVEL: T.Union([T.Literal('debug'), T.Literal('info'), T.Literal('warn'), T.Literal('error')], {
    default: 'info',
  }),
  BIJOU_RATE_LIMIT: T.Integer({
    minimum: 1,
    default: 100,
    description: 'General API requests per minute per client',
  }),
  BIJOU_BODY_LIMIT: T.Integer({
    minimum: 1024,
    default: 1_048_576,
    description: 'Max request body in bytes',
  }),
  BIJOU_TRUST_PROXY: T.Boolean({ default: false, description: 'Use X-Forwarded-For for client addresses' }),
  BIJOU_SECURE_COOKIES: T.Boolean({
    default: false,
    description: 'Mark session cookies Secure (behind HTTPS)',
  }),
  BIJOU_FIRST_PARTY_PLUGINS: T.Optional(T.String({ description: 'Folder of first-party plugins (tests)' })),
  // A pattern, not `format: 'uri'`: formats are a global registry that is empty until Elysia loads.
  BIJOU_MEILI_URL: T.Optional(
    T.String({ pattern: '^https?://\\S+$', description: 'http(s) URL of Meilisearch' }),
  ),
  BIJOU_MEILI_KEY: T.Optional(T.String()),
  BIJOU_MQTT_URL: T.Optional(T.String()),
  BIJOU_OLLAMA_URL: T.Optional(T.String()),
});
export type Env = Static<typeof EnvSchema>;

export type EnvResult = { ok: true; env: Env } | { ok: false; errors: string[] };

/** Reads BIJOU_* variables from `source`, applying defaults; returns every validation error at once. */
export function parseEnv(source: Record<string, string | undefined>): EnvResult {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(EnvSchema.properties)) {
    const v = source[key];
    if (v !== undefined && v !== '') raw[key] = v;
  }
  const converted = Value.Convert(EnvSchema, Value.Default(EnvSchema, { ...raw })) as Record<string, unknown>;
  // Convert reads '1e3' as 1 and '0x50' as 80; integers must be written as plain digits.
  for (const [key, schema] of Object.entries(EnvSchema.properties)) {
    const v = raw[key];
    if (schema.type === 'integer' && typeof v === 'string' && !/^\s*\d+\s*$/.test(v)) converted[key] = v;
  }
  const errors = [...Value.Errors(EnvSchema, converted)].map((e) => {
    const choices = (e.schema as { anyOf?: { const?: unknown }[] }).anyOf;
    const message = choices?.every((c) => c.const !== undefined)
      ? `Expected one of: ${choices.map((c) => String(c.const)).join(', ')}`
      : e.message;
    return `${e.path.slice(1) || '(root)'}: ${message}${e.value !== undefined ? ` (got ${JSON.stringify(e.value)})` : ''}`;
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, env: converted as Env };
}
