// The scan's code stays below JavaScriptCore's top tier (services/scan-tiering.ts): which modules count as scan code,
// and, in a fresh process with the JIT's own compile report on, that a marked function no longer reaches FTL while
// the same loop without the marking does.
import { expect, test } from 'bun:test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { scanModulePaths } from '../services/scan-tiering.ts';

const plugin = join(import.meta.dir, '..');

test('every naming, NFO and scan module counts as scan code; tests and the worker entry do not', () => {
  const paths = scanModulePaths();
  for (const dir of ['lib/naming', 'lib/nfo'])
    for (const name of readdirSync(join(plugin, dir)))
      if (name.endsWith('.ts') && !name.endsWith('.test.ts')) expect(paths).toContain(`${dir}/${name}`);
  for (const name of readdirSync(join(plugin, 'services')))
    if (name.startsWith('scan-') && name !== 'scan-worker.ts') expect(paths).toContain(`services/${name}`);
  for (const p of [
    'services/walker.ts',
    'services/catalog-writer.ts',
    'lib/sortable-id.ts',
    'lib/item-row.ts',
  ])
    expect(paths).toContain(p);
  expect(paths).not.toContain('services/scan-worker.ts');
  expect(paths.filter((p) => p.endsWith('.test.ts'))).toEqual([]);
  // Request-serving code keeps every tier.
  expect(paths).not.toContain('services/catalog.ts');
  expect(paths).not.toContain('lib/page-cache.ts');
});

/** Runs a hot loop over `extensionOf` in a fresh process; returns its output and JavaScriptCore's FTL compiles. */
function hotLoop(mark: boolean): { out: string; ftl: string[] } {
  const script = `
    const { keepScanCodeBelowTopTier } = await import(${JSON.stringify(join(plugin, 'services/scan-tiering.ts'))});
    const { extensionOf } = await import(${JSON.stringify(join(plugin, 'lib/naming/path-parts.ts'))});
    if (${mark}) console.log('marked', keepScanCodeBelowTopTier(), 'again', keepScanCodeBelowTopTier());
    let n = 0;
    for (let i = 0; i < 2_000_000; i++) n += extensionOf(i % 2 ? 'Movie.2019.mkv' : 'poster.jpg').length;
    console.log('sum', n);
  `;
  const p = Bun.spawnSync([process.execPath, '-e', script], {
    env: { ...process.env, BUN_JSC_reportFTLCompileTimes: '1' },
  });
  const out = p.stdout.toString();
  const ftl = p.stderr
    .toString()
    .split('\n')
    .filter((l) => /^Optimized extensionOf#.* using FTL/.test(l));
  expect(p.exitCode).toBe(0);
  return { out, ftl };
}

test('a marked scan function is not compiled by the top tier; unmarked, the same loop is', () => {
  const unmarked = hotLoop(false);
  expect(unmarked.out).toContain('sum 8000000');
  expect(unmarked.ftl.length).toBeGreaterThan(0);

  const marked = hotLoop(true);
  expect(marked.out).toContain('sum 8000000');
  expect(marked.ftl).toEqual([]);
  // Every exported function of some sixty modules is marked once; a second call does nothing.
  const [, count, , again] = marked.out.split('\n')[0].split(' ');
  expect(Number(count)).toBeGreaterThan(200);
  expect(Number(again)).toBe(0);
});
