// The `integer` and `numeric` string formats behind Elysia's number coercion of path and query text (`t.Integer`,
// `t.Numeric`, `t.Number` in a query): decimal numbers only. Elysia's own checks test `+value`, so `0x1`, ` `,
// `1e2` or `Infinity` passed as a number (`/seasons/0x1` read as season 1, `/seasons/%20` as season 0).
import { FormatRegistry } from '@sinclair/typebox';

const INTEGER = /^-?\d+$/;
// What JavaScript writes for a finite number (`0.5`, `-3`, `1e-7`), and a leading dot.
const NUMERIC = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Whether `text` is a whole number in decimal digits, with an optional minus sign (`01` is 1). */
export function isIntegerText(text: string): boolean {
  return INTEGER.test(text) && Number.isSafeInteger(Number(text));
}

/** Whether `text` is a finite decimal number, as JavaScript would write it. */
export function isNumericText(text: string): boolean {
  return NUMERIC.test(text) && Number.isFinite(Number(text));
}

/**
 * Replaces Elysia's `integer` and `numeric` formats with the checks above. Idempotent; order-independent against
 * Elysia's own registration, which sets a format only when none is registered yet.
 */
export function registerNumberFormats(): void {
  FormatRegistry.Set('integer', isIntegerText);
  FormatRegistry.Set('numeric', isNumericText);
}
