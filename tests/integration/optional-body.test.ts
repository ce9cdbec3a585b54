// Routes whose body is optional (`body: t.Optional(...)`, e.g. POST /v1/libraries/:id/scan) read a body as strictly
// as the others: malformed JSON is a 400, a well-formed body of the wrong shape a 422 naming it, and only a body with
// no bytes at all counts as none. Mounted through the shared auth plugin, as every core and plugin route is.
import { describe, expect, test } from 'bun:test';
import { Elysia, t } from 'elysia';
import { hostForFile } from './cleanup.ts';

const { h } = await hostForFile();

h.app.use(
  new Elysia()
    .use(h.core.authPlugin)
    .post('/v1/test-optional/scan', ({ body }) => ({ got: body === undefined ? 'nothing' : body }), {
      auth: 'public',
      body: t.Optional(t.Object({ force: t.Optional(t.Boolean()) })),
      response: t.Any(),
    })
    .post('/v1/test-optional/required-key', ({ body }) => ({ got: body === undefined ? 'nothing' : body }), {
      auth: 'public',
      body: t.Optional(t.Object({ fields: t.Array(t.String()) })),
      response: t.Any(),
    }),
);
h.app.compile();

const post = (body: string, path = '/v1/test-optional/scan', headers: Record<string, string> = {}) =>
  h.request('POST', path, { body, headers: { 'content-type': 'application/json', ...headers } });

describe('an optional body', () => {
  test.each([
    ['an unfinished object', '{"force":'],
    ['a bare word', 'force'],
    ['a trailing comma', '{"force":true,}'],
    ['only white space', '  \n'],
  ])('%s is a 400 and the handler does not run', async (_name, body) => {
    const r = await post(body);
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ error: expect.stringMatching(/JSON/) });
  });

  test.each([
    ['a string', '"str"'],
    ['an empty array', '[]'],
    ['an array', '[1]'],
    ['null', 'null'],
    ['a number', '42'],
    ['false', 'false'],
  ])('%s is a 422 naming the body', async (_name, body) => {
    const r = await post(body);
    expect(r.status).toBe(422);
    expect(r.body.error).toBe('Validation error');
    expect(r.body.details).toEqual([{ path: 'body', message: expect.any(String) }]);
  });

  test('an empty object still lacking a required key is a 422 naming that key', async () => {
    const r = await post('{}', '/v1/test-optional/required-key');
    const paths = new Set(r.body.details?.map((d: { path: string }) => d.path));
    expect([r.status, [...paths]]).toEqual([422, ['body.fields']]);
  });

  test('a wrongly typed field is a 422 naming it (as before)', async () => {
    const r = await post('{"force":"yes"}');
    expect([r.status, r.body.details?.map((d: { path: string }) => d.path)]).toEqual([422, ['body.force']]);
  });

  test.each([
    ['an object', '{"force":true}', { force: true }],
    ['an empty object', '{}', {}],
    ['an object with white space around it', ' {"force":false} \n', { force: false }],
  ])('%s is read', async (_name, body, got) => {
    const r = await post(body);
    expect([r.status, r.body]).toEqual([200, { got }]);
  });

  test('no bytes with a JSON content type is no body', async () => {
    const r = await post('');
    expect([r.status, r.body]).toEqual([200, { got: 'nothing' }]);
  });

  test('no bytes sent chunked (no declared length) is no body', async () => {
    const res = await h.app.handle(
      new Request('http://localhost/v1/test-optional/scan', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: new ReadableStream({ start: (c) => c.close() }),
      }),
    );
    expect([res.status, await res.json()]).toEqual([200, { got: 'nothing' }]);
  });

  test('no body and no content type is no body', async () => {
    const r = await h.request('POST', '/v1/test-optional/scan');
    expect([r.status, r.body]).toEqual([200, { got: 'nothing' }]);
  });

  test('a JSON body under a +json content type with a charset is read', async () => {
    const r = await post('{"force":true}', undefined, {
      'content-type': 'application/merge-patch+json; charset=utf-8',
    });
    expect([r.status, r.body]).toEqual([200, { got: { force: true } }]);
  });
});
