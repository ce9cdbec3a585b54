// Query parameters that take one value, given more than once (`?sort=year&sort=title`): Elysia keeps the last value
// without a word, so the undeclared-input check (unknown-input.ts) reports each as a 422 naming it. Pure: which keys
// of a query schema take one value, and which of them a request's query string repeats.
import { alternatives, type FieldProblem, type Schema } from './input-shape.ts';

const NO_KEYS: ReadonlySet<string> = Object.freeze(new Set<string>());
const NO_PROBLEMS: readonly FieldProblem[] = Object.freeze([]);

/**
 * The keys the query `schemas` (a route's, and the guards' around it) declare that take one value: no variant of
 * any schema declaring the key is an array. An array parameter (`t.Array`) takes several, repeated or
 * comma-separated, and a key no object declares is left to the unknown-parameter check; a schema that takes any
 * value (`t.Any`, a model name) declares nothing here.
 */
export function singleValuedKeys(schemas: readonly unknown[]): ReadonlySet<string> {
  const all: Schema[] = [];
  if (!schemas.every((s) => alternatives(s, all))) return NO_KEYS;
  const single = new Set<string>();
  const several = new Set<string>();
  for (const s of all) {
    if (s.type !== 'object' || !s.properties) continue;
    for (const [key, value] of Object.entries(s.properties)) {
      const variants: Schema[] = [];
      const one = alternatives(value, variants) && variants.every((v) => v.type !== 'array');
      (one ? single : several).add(key);
    }
  }
  for (const key of several) single.delete(key);
  return single.size ? single : NO_KEYS;
}

/** A query key as Elysia reads it: `+` is a space, percent escapes decoded (an invalid one left as it is). */
function keyOf(raw: string): string {
  const key = raw.includes('+') ? raw.replaceAll('+', ' ') : raw;
  if (!key.includes('%')) return key;
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
}

/**
 * Each key of `single` that the query string of `url` gives more than once, as a 422 detail (`query.sort`), in the
 * order first given. Runs on every request: a shared empty list, allocating nothing, when the URL has no query.
 */
export function repeatedParameters(url: string, single: ReadonlySet<string>): readonly FieldProblem[] {
  if (!single.size) return NO_PROBLEMS;
  const start = url.indexOf('?');
  if (start < 0) return NO_PROBLEMS;
  const counts = new Map<string, number>();
  for (const pair of url.slice(start + 1).split('&')) {
    const eq = pair.indexOf('=');
    const key = keyOf(eq < 0 ? pair : pair.slice(0, eq));
    if (single.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const found: FieldProblem[] = [];
  for (const [key, n] of counts)
    if (n > 1)
      found.push({ path: `query.${key}`, message: `Given ${n} times; this parameter takes one value` });
  return found.length ? found : NO_PROBLEMS;
}
