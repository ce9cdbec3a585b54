// Plugin manifests: validateManifest's coded errors (core/src/plugin-host/validate.ts) and the load order from
// resolveOrder (core/src/plugin-host/order.ts): ties by id, after edges, missing or mismatched deps, cycles.
import { describe, expect, test } from 'bun:test';
import type { Manifest } from '../../core/sdk/manifest.ts';
import { resolveOrder } from '../../core/src/plugin-host/order.ts';
import { validateManifest } from '../../core/src/plugin-host/validate.ts';

const SDK = '1.0.0';

function manifest(id: string, extra: Partial<Manifest> = {}): Manifest {
  return { id, name: id, version: '1.0.0', apiVersion: '^1.0.0', ...extra };
}

const codes = (m: unknown, folder: string) => validateManifest(m, folder, SDK).map((e) => e.code);

describe('validateManifest', () => {
  test('a minimal manifest whose id equals its folder has no errors', () => {
    expect(validateManifest(manifest('podcasts'), 'podcasts', SDK)).toEqual([]);
  });

  test('a full manifest (deps, jobs with cron, own events, config) has no errors', () => {
    const m = manifest('podcasts', {
      dependsOn: { libraries: '^1.0.0' },
      after: ['search'],
      permissions: ['network'],
      routes: ['/v1/podcasts'],
      jobs: [{ id: 'refresh', cron: '0 */6 * * *', description: 'Refresh feeds' }],
      events: { emits: ['podcasts.episode.added'], listens: ['libraries.scan.finished'] },
    });
    expect(validateManifest(m, 'podcasts', SDK)).toEqual([]);
  });

  test.each([
    ['a missing name', { id: 'x1', version: '1.0.0', apiVersion: '^1.0.0' }],
    ['an id with capitals', manifest('Bad')],
    ['a version that is not semver', manifest('x1', { version: 'one' })],
    ['an unknown permission', manifest('x1', { permissions: ['root' as never] })],
    ['a route outside /v1 and /api', manifest('x1', { routes: ['/admin'] })],
    ['an unknown top-level field', { ...manifest('x1'), extra: true }],
    ['an apiVersion that is not a semver range', manifest('x1', { apiVersion: 'latest!' })],
    ['a dependency range that is not semver', manifest('x1', { dependsOn: { libraries: 'newest' } })],
    ['not an object at all', 'manifest'],
  ])('%s is MANIFEST_INVALID', (_name, m) => {
    const folder = (m as { id?: string }).id ?? 'x1';
    expect(codes(m, folder)).toContain('MANIFEST_INVALID');
  });

  test.each([
    ['an id that differs from the folder', manifest('greeter'), 'greetings', 'MANIFEST_ID_MISMATCH'],
    [
      'an SDK range the host does not satisfy',
      manifest('x1', { apiVersion: '^2.0.0' }),
      'x1',
      'MANIFEST_API_UNSATISFIED',
    ],
    [
      'a job with a bad cron pattern',
      manifest('x1', { jobs: [{ id: 'tick', cron: 'every minute', description: 'd' }] }),
      'x1',
      'MANIFEST_BAD_CRON',
    ],
    [
      'an emitted event outside its own namespace',
      manifest('x1', { events: { emits: ['libraries.scan.finished'] } }),
      'x1',
      'MANIFEST_UNKNOWN_EVENT',
    ],
  ] as const)('%s is %s', (_name, m, folder, code) => {
    expect(codes(m, folder)).toEqual([code]);
  });

  test('all independent problems are reported together', () => {
    const m = manifest('x1', {
      apiVersion: '^9.0.0',
      jobs: [{ id: 'tick', cron: 'nope', description: 'd' }],
      events: { emits: ['other.thing.done'] },
    });
    expect(codes(m, 'x2').sort()).toEqual([
      'MANIFEST_API_UNSATISFIED',
      'MANIFEST_BAD_CRON',
      'MANIFEST_ID_MISMATCH',
      'MANIFEST_UNKNOWN_EVENT',
    ]);
  });
});

function order(...ms: Manifest[]) {
  const r = resolveOrder(new Map(ms.map((m) => [m.id, m])));
  return { order: r.order, errors: Object.fromEntries([...r.errors].map(([id, e]) => [id, e.code])) };
}

describe('resolveOrder', () => {
  test.each([
    [
      'unrelated plugins load in id order',
      [manifest('cc'), manifest('aa'), manifest('bb')],
      ['aa', 'bb', 'cc'],
    ],
    [
      'a hard dependency loads first',
      [manifest('aa', { dependsOn: { zz: '^1.0.0' } }), manifest('zz')],
      ['zz', 'aa'],
    ],
    [
      'an after edge orders like a dependency',
      [manifest('aa', { after: ['bb'] }), manifest('bb')],
      ['bb', 'aa'],
    ],
    ['an after edge to an absent plugin is ignored', [manifest('aa', { after: ['missing'] })], ['aa']],
    [
      'a chain orders transitively',
      [
        manifest('aa', { dependsOn: { bb: '*' } }),
        manifest('bb', { after: ['cc'] }),
        manifest('cc'),
        manifest('dd'),
      ],
      ['cc', 'bb', 'aa', 'dd'],
    ],
    [
      'two dependents of one plugin keep id order after it',
      [
        manifest('yy', { dependsOn: { base: '*' } }),
        manifest('xx', { dependsOn: { base: '*' } }),
        manifest('base'),
      ],
      ['base', 'xx', 'yy'],
    ],
  ])('%s', (_name, ms, expected) => {
    const r = order(...ms);
    expect(r.order).toEqual(expected);
    expect(r.errors).toEqual({});
  });

  test('a missing hard dependency is DEPENDENCY_MISSING for the dependent only', () => {
    expect(order(manifest('aa', { dependsOn: { gone: '^1.0.0' } }), manifest('bb')).errors).toEqual({
      aa: 'DEPENDENCY_MISSING',
    });
  });

  test.each([
    ['^2.0.0', '1.4.0'],
    ['~1.2.0', '1.3.0'],
    ['>=1.5.0', '1.4.9'],
  ])('needing %s when %s is installed is DEPENDENCY_VERSION', (range, version) => {
    const r = order(manifest('aa', { dependsOn: { base: range } }), manifest('base', { version }));
    expect(r.errors).toEqual({ aa: 'DEPENDENCY_VERSION' });
  });

  test('a satisfied prerelease dependency is accepted', () => {
    const r = order(
      manifest('aa', { dependsOn: { base: '^1.0.0' } }),
      manifest('base', { version: '1.1.0-beta.1' }),
    );
    expect(r.errors).toEqual({});
  });

  test.each([
    [
      'a two-plugin dependsOn cycle',
      [manifest('aa', { dependsOn: { bb: '*' } }), manifest('bb', { dependsOn: { aa: '*' } })],
    ],
    ['a cycle made of after edges', [manifest('aa', { after: ['bb'] }), manifest('bb', { after: ['aa'] })]],
    ['a plugin depending on itself', [manifest('aa', { dependsOn: { aa: '*' } }), manifest('bb')]],
  ])('%s is DEPENDENCY_CYCLE and leaves the load order', (_name, ms) => {
    const r = order(...ms);
    const inCycle = Object.keys(r.errors);
    expect(inCycle.length).toBeGreaterThan(0);
    for (const id of inCycle) {
      expect(r.errors[id]).toBe('DEPENDENCY_CYCLE');
      expect(r.order).not.toContain(id);
    }
  });

  test('a three-plugin cycle marks all three and spares a bystander', () => {
    const r = order(
      manifest('aa', { dependsOn: { bb: '*' } }),
      manifest('bb', { dependsOn: { cc: '*' } }),
      manifest('cc', { after: ['aa'] }),
      manifest('dd'),
    );
    expect(r.errors).toEqual({ aa: 'DEPENDENCY_CYCLE', bb: 'DEPENDENCY_CYCLE', cc: 'DEPENDENCY_CYCLE' });
    expect(r.order).toEqual(['dd']);
  });
});
