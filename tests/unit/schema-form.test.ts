// Pure helpers of the web client's schema-rendered settings form: labels from keys, enum choices, and reading
// Elysia's widened scalar unions as their real type.
import { expect, test } from 'bun:test';
import { choicesOf, humanize, normalize } from '../../web/src/components/schema-fields.ts';

test.each([
  ['probeConcurrency', 'Probe concurrency'],
  ['meiliUrl', 'Meili URL'],
  ['rescan_cron', 'Rescan cron'],
  ['apiKey', 'API key'],
])('%p is labelled %p', (key, label) => {
  expect(humanize(key)).toBe(label);
});

test.each([
  [{ enum: ['a', 'b'] }, ['a', 'b']],
  [{ anyOf: [{ const: 'x' }, { const: 'y' }] }, ['x', 'y']],
  [{ anyOf: [{ const: 'x' }, { type: 'string' }] }, null],
  [{ type: 'string' }, null],
])('choices of %j are %j', (schema, choices) => {
  expect(choicesOf(schema)).toEqual(choices);
});

test('an integer widened with its string form reads as an integer with the outer limits and text', () => {
  const widened = {
    minimum: 1,
    maximum: 8,
    description: 'How many at once',
    anyOf: [
      { type: 'string', format: 'integer' },
      { type: 'integer', minimum: 1, maximum: 8 },
    ],
  };
  expect(normalize(widened)).toMatchObject({
    type: 'integer',
    minimum: 1,
    maximum: 8,
    description: 'How many at once',
  });
});

test('an enum union is left as it is', () => {
  const e = { anyOf: [{ const: 'a' }, { const: 'b' }] };
  expect(normalize(e)).toBe(e);
});
