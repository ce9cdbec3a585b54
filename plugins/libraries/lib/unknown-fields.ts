// Names the query parameters or body fields of a request that its route does not declare, as 422 details.

export interface FieldProblem {
  path: string;
  message: string;
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
  const known = new Set(allowed);
  const what = where === 'query' ? 'parameter' : 'field';
  const expected = allowed.length ? `; expected ${allowed.join(', ')}` : '';
  return Object.keys(value)
    .filter((k) => !known.has(k))
    .map((k) => ({
      path: `${where}.${k}`,
      message: Object.hasOwn(notes, k) ? notes[k] : `Unknown ${what}${expected}`,
    }));
}
