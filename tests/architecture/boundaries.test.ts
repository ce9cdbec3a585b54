// Architecture rules over the source tree: file size cap, header comments, and import boundaries between core,
// plugins (first-party and fixture plugins) and each other.
import { expect, test } from 'bun:test';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Manifest } from '@bijou/sdk';

const ROOT = resolve(import.meta.dir, '../..');
const SCANNED = ['core', 'plugins', 'tests', 'web/src', 'appliance'];
const SKIPPED_DIRS = new Set(['node_modules', 'migrations', 'dist', '.git']);
const PLUGIN_ROOTS = [join(ROOT, 'plugins'), join(ROOT, 'tests/fixtures/plugins')];
const SDK_SPECIFIERS = new Set(['@bijou/sdk', '@bijou/sdk/testing']);

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (!SKIPPED_DIRS.has(name) && !name.startsWith('.')) walk(p, out);
    } else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const files = SCANNED.flatMap((d) => walk(join(ROOT, d))).map((path) => ({
  path,
  rel: relative(ROOT, path),
  text: readFileSync(path, 'utf8'),
}));

/** Import specifiers of a TypeScript source: static, type-only, re-exports, side-effect, dynamic and require. */
function importsOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
  const patterns = [
    /^\s*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"\n]+)['"]/gm,
    /^\s*import\s*['"]([^'"\n]+)['"]/gm,
    /\bimport\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((re) => [...code.matchAll(re)].map((m) => m[1]));
}

/** Absolute target of a relative or absolute specifier; null for packages. */
function target(file: string, spec: string): string | null {
  if (spec.startsWith('.') || spec.startsWith('/')) return resolve(dirname(file), spec);
  return null;
}

const inside = (path: string, dir: string) => path === dir || path.startsWith(dir + sep);

/** The plugin folder a file belongs to, if any. */
function pluginOf(path: string): { id: string; dir: string } | null {
  for (const root of PLUGIN_ROOTS) {
    if (!inside(path, root) || path === root) continue;
    const id = relative(root, path).split(sep)[0];
    return { id, dir: join(root, id) };
  }
  return null;
}

const declared = new Map<string, Set<string>>();
for (const root of PLUGIN_ROOTS) {
  for (const id of existsSync(root) ? readdirSync(root) : []) {
    const file = join(root, id, 'manifest.ts');
    if (!existsSync(file)) continue;
    const m = (await import(file)).default as Manifest | undefined;
    declared.set(join(root, id), new Set([...Object.keys(m?.dependsOn ?? {}), ...(m?.after ?? [])]));
  }
}

/** Failure text: one line per offending file. */
const report = (offenders: string[]) => offenders.join('\n');

test.each([
  ["import { a } from './a.ts';", ['./a.ts']],
  ["import type { B } from '../../core/src/b.ts';", ['../../core/src/b.ts']],
  ["import {\n  c,\n  d,\n} from 'pkg';", ['pkg']],
  ["export * from './e.ts';\nexport { f } from './f.ts';", ['./e.ts', './f.ts']],
  ["import './side-effect.ts';", ['./side-effect.ts']],
  ["const m = await import('./lazy.ts');", ['./lazy.ts']],
  ["// import x from './commented.ts';\nconst s = 'https://example.com';", []],
])('the import scanner reads %p', (source, expected) => {
  expect(importsOf(source).sort()).toEqual([...expected].sort());
});

test('the scan covers core, plugins and tests', () => {
  for (const dir of ['core/src', 'core/sdk', 'tests/fixtures/plugins/greeter'])
    expect(files.some((f) => f.rel.startsWith(dir))).toBe(true);
});

test('no source file is over 600 lines', () => {
  const offenders = files
    .map((f) => ({ rel: f.rel, lines: f.text.split('\n').length - (f.text.endsWith('\n') ? 1 : 0) }))
    .filter((f) => f.lines > 600)
    .map((f) => `${f.rel} (${f.lines} lines)`);
  expect(report(offenders)).toBe('');
});

test('every source file opens with a // header comment (after a shebang, if any)', () => {
  const offenders = files
    .filter((f) => {
      const lines = f.text.split('\n');
      const first = lines[0].startsWith('#!') ? lines[1] : lines[0];
      return !first?.startsWith('//');
    })
    .map((f) => f.rel);
  expect(report(offenders)).toBe('');
});

test('plugins import core only through @bijou/sdk', () => {
  const core = join(ROOT, 'core');
  const offenders = files.flatMap((f) => {
    if (!pluginOf(f.path)) return [];
    return importsOf(f.text)
      .filter((spec) => {
        const to = target(f.path, spec);
        if (to) return inside(to, core);
        return !SDK_SPECIFIERS.has(spec) && (spec.startsWith('@bijou/') || /(^|\/)core\//.test(spec));
      })
      .map((spec) => `${f.rel} imports '${spec}'`);
  });
  expect(report(offenders)).toBe('');
});

test('core never imports from plugins', () => {
  const roots = PLUGIN_ROOTS;
  const offenders = files.flatMap((f) => {
    if (!inside(f.path, join(ROOT, 'core'))) return [];
    return importsOf(f.text)
      .filter((spec) => {
        const to = target(f.path, spec);
        return to ? roots.some((r) => inside(to, r)) : /(^|\/)plugins\//.test(spec);
      })
      .map((spec) => `${f.rel} imports '${spec}'`);
  });
  expect(report(offenders)).toBe('');
});

test('a plugin imports another plugin only via its api.ts, and only when declared in dependsOn or after', () => {
  const offenders = files.flatMap((f) => {
    const own = pluginOf(f.path);
    if (!own) return [];
    return importsOf(f.text).flatMap((spec) => {
      const to = target(f.path, spec);
      const other = to ? pluginOf(to) : null;
      if (!to || !other || other.dir === own.dir) return [];
      const viaApi = to === join(other.dir, 'api.ts') || to === join(other.dir, 'api');
      const allowed = declared.get(own.dir)?.has(other.id) ?? false;
      if (viaApi && allowed) return [];
      const why = viaApi ? `"${other.id}" is not in dependsOn or after` : `not through ${other.id}/api.ts`;
      return [`${f.rel} imports '${spec}' (${why})`];
    });
  });
  expect(report(offenders)).toBe('');
});
