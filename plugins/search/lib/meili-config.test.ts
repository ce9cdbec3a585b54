// Table tests for choosing the Meilisearch instance from plugin config and environment.
import { expect, test } from 'bun:test';
import { resolveMeili } from './meili-config.ts';

test.each([
  ['nothing set → FTS5', {}, {}, null],
  [
    'env only',
    {},
    { BIJOU_MEILI_URL: 'http://m:7700', BIJOU_MEILI_KEY: 'k' },
    { url: 'http://m:7700', key: 'k', index: 'bijou' },
  ],
  ['env without key', {}, { BIJOU_MEILI_URL: 'http://m:7700' }, { url: 'http://m:7700', index: 'bijou' }],
  [
    'config wins over env',
    { meiliUrl: 'http://cfg:1', meiliKey: 'c' },
    { BIJOU_MEILI_URL: 'http://env:2', BIJOU_MEILI_KEY: 'e' },
    { url: 'http://cfg:1', key: 'c', index: 'bijou' },
  ],
  [
    'config url, env key',
    { meiliUrl: 'http://cfg:1' },
    { BIJOU_MEILI_KEY: 'e' },
    { url: 'http://cfg:1', key: 'e', index: 'bijou' },
  ],
  ['blank values are unset', { meiliUrl: '  ' }, { BIJOU_MEILI_URL: '' }, null],
])('%s', (_name, cfg, env, out) => expect(resolveMeili({ meiliIndex: 'bijou', ...cfg }, env)).toEqual(out));
