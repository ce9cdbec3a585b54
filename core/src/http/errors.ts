// HTTP error type and the one error handler that turns every failure into `{ "error": ... }` JSON.
import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { Logger } from '../log/logger.ts';

/** Throw from any route, hook or service to answer `{ error: message }` with `status`. */
export class HttpError extends Error {
  constructor(
    public readonly status: number,
    message: string,
    public readonly headers: Record<string, string> = {},
    public readonly details?: unknown,
  ) {
    super(message);
  }
}

interface Choice {
  anyOf?: Choice[];
  const?: unknown;
  type?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
}

interface ValidationIssue {
  path?: string;
  message?: string;
  summary?: string;
  value?: unknown;
  /** `errorMessage`: what a schema whose own failure reads badly (a pattern) means, in words. */
  schema?: { anyOf?: Choice[]; errorMessage?: unknown };
}

/** " from 0 to 10", " of at least 1", " of at most 5" or "" for the bounds of a numeric choice. */
function range(choices: Choice[]): string {
  const n = choices.find((c) => c.type === 'number' || c.type === 'integer');
  if (n?.minimum !== undefined && n.maximum !== undefined) return ` from ${n.minimum} to ${n.maximum}`;
  if (n?.minimum !== undefined) return ` of at least ${n.minimum}`;
  if (n?.maximum !== undefined) return ` of at most ${n.maximum}`;
  return '';
}

/** The choices of a union with nested unions spread out (Elysia's `t.Integer` is one: a numeric string or a number). */
function flatten(choices: Choice[] | undefined): Choice[] | undefined {
  return choices?.flatMap((c) => (c.anyOf ? (flatten(c.anyOf) ?? []) : [c]));
}

/**
 * "Expected union value" says nothing: for a choice between literals, name the allowed values; for a boolean, say
 * true or false; for a number (Elysia's numeric coercion of a numeric string, or a number or null), say so with its
 * allowed range. A schema's own `errorMessage` goes first ("Expected string to match '^(100|[1-9][0-9]?)$'" says
 * nothing either).
 */
function describe(i: ValidationIssue): string {
  if (typeof i.schema?.errorMessage === 'string') return i.schema.errorMessage;
  const choices = flatten(i.schema?.anyOf);
  if (choices?.length && choices.every((c) => c.const !== undefined)) {
    return `Expected one of: ${choices.map((c) => JSON.stringify(c.const)).join(', ')}`;
  }
  // Elysia's boolean query parameter: a boolean or the strings "true" / "false".
  if (choices?.some((c) => c.type === 'boolean' || c.format === 'boolean')) return 'Expected true or false';
  const noun = choices?.some((c) => c.format === 'integer' || c.type === 'integer')
    ? 'an integer'
    : choices?.some((c) => c.format === 'numeric' || c.type === 'number')
      ? 'a number'
      : null;
  if (choices && noun) {
    const orNull = choices.some((c) => c.type === 'null') ? ', or null' : '';
    return `Expected ${noun}${range(choices)}${orNull}`;
  }
  return i.message ?? i.summary ?? 'Invalid value';
}

/**
 * Elysia reports a coerced number that breaks its limits (`?limit=500`) as type "property" without saying which
 * parameter it was. Routes name their own parameters (coerced-params.ts); for a schema they do not see (a guard's),
 * the query parameter carrying exactly that value is named instead, when there is one.
 */
export function coercedLocation(url: string, value: unknown): string | undefined {
  if (value === undefined || value === null || typeof value === 'object') return undefined;
  const matches = [...new URL(url).searchParams].filter(([, v]) => v === String(value));
  return matches.length === 1 ? `query.${matches[0][0]}` : undefined;
}

/**
 * A list refused as a whole by a union of one value or a list (`t.ArrayQuery`, a query parameter given repeatedly):
 * "Expected union value" says nothing, so the list's first problem instead, where it is (too many values, one too
 * long). Null for any other issue.
 */
function listIssue(i: ValidationIssue): ValidationIssue | null {
  if (!Array.isArray(i.value)) return null;
  const list = i.schema?.anyOf?.find((c) => c.type === 'array');
  if (!list) return null;
  try {
    const first = Value.Errors(list as TSchema, i.value).First();
    return first ? { path: `${i.path ?? ''}${first.path}`, message: first.message } : null;
  } catch {
    return null; // not a schema TypeBox can check (one written out as plain JSON)
  }
}

/** Maps Elysia's validation issues to `{ path, message }` with the location (body, query, params) first. */
export function validationDetails(where: string | undefined, issues: ValidationIssue[]) {
  const seen = new Set<string>();
  const out: { path: string; message: string }[] = [];
  for (const issue of issues) {
    const i = listIssue(issue) ?? issue;
    const field = (i.path ?? '').replace(/^\//, '').replace(/\//g, '.');
    const path = [where, field].filter(Boolean).join('.');
    const message = describe(i);
    const k = `${path}|${message}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ path, message });
  }
  return out;
}

/** The global error handler; returns the response body and sets status and headers. */
export function handleError(
  code: string | number,
  error: unknown,
  set: { status?: number | string; headers: Record<string, string | number> },
  log: Logger,
  request: Request,
): unknown {
  // Elysia wraps what a parse hook throws (json-body.ts: a 415, a 400 for malformed JSON) in its own PARSE error.
  if (code === 'PARSE' && (error as { cause?: unknown }).cause instanceof HttpError)
    return handleError(code, (error as { cause: HttpError }).cause, set, log, request);
  if (error instanceof HttpError) {
    set.status = error.status;
    Object.assign(set.headers, error.headers);
    return error.details ? { error: error.message, details: error.details } : { error: error.message };
  }
  switch (code) {
    case 'VALIDATION': {
      const e = error as { type?: string; all?: ValidationIssue[]; value?: unknown };
      if (e.type === 'response') {
        // A handler returning data its own schema rejects is a server bug, not the client's input. The error's
        // message embeds the response (maybe a token), so only paths and messages are logged.
        const path = new URL(request.url).pathname;
        log.error('response does not match its schema', {
          method: request.method,
          path,
          issues: validationDetails('response', e.all ?? []),
        });
        set.status = 500;
        return { error: 'Internal server error' };
      }
      set.status = 422;
      const where = e.type === 'property' ? (coercedLocation(request.url, e.value) ?? 'request') : e.type;
      return { error: 'Validation error', details: validationDetails(where, e.all ?? []) };
    }
    case 'NOT_FOUND':
      set.status = 404;
      return { error: 'Not found' };
    case 'PARSE':
      set.status = 400;
      return { error: 'Malformed request body' };
    case 'INVALID_COOKIE_SIGNATURE':
    case 'INVALID_FILE_TYPE':
      set.status = 400;
      return { error: 'Bad request' };
  }
  // SQLite cannot grow the database: the change was rolled back; say so rather than a bare 500.
  if ((error as { code?: unknown } | null)?.code === 'SQLITE_FULL') {
    log.error('storage full', { method: request.method, path: new URL(request.url).pathname });
    set.status = 507;
    return { error: 'The server is out of disk space: nothing was saved. Free some space and try again.' };
  }
  if (typeof code === 'number' && code >= 400 && code < 500) {
    set.status = code;
    return { error: error instanceof Error ? error.message : 'Bad request' };
  }
  log.error('unhandled error', { method: request.method, path: new URL(request.url).pathname, err: error });
  set.status = 500;
  return { error: 'Internal server error' };
}
