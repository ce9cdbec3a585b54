#!/usr/bin/env bun
// `npm run db:generate [-- <plugin-id>]`: drizzle-kit migrations for core tables or one plugin's schema.ts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const id = process.argv[2];
const root = join(import.meta.dir, '..', '..', '..');
const args = id
  ? [
      'generate',
      '--dialect',
      'sqlite',
      '--schema',
      `plugins/${id}/schema.ts`,
      '--out',
      `plugins/${id}/migrations`,
    ]
  : ['generate', '--config', 'core/drizzle.config.ts'];
if (id && !existsSync(join(root, 'plugins', id, 'schema.ts'))) {
  console.error(`plugins/${id}/schema.ts not found`);
  process.exit(2);
}
const p = Bun.spawnSync(
  [join(root, 'node_modules', '.bin', 'drizzle-kit'), ...args, ...process.argv.slice(3)],
  {
    cwd: root,
    stdout: 'inherit',
    stderr: 'inherit',
  },
);
process.exit(p.exitCode ?? 1);
