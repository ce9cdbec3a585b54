// Makes `@bijou/sdk` importable from plugins anywhere on disk (the data directory too): it resolves to this
// process's SDK, so third-party plugins share the host's Elysia, TypeBox and types.
import { plugin as registerBunPlugin } from 'bun';
import * as sdk from '../../sdk/index.ts';

let registered = false;

export function registerSdkModule(): void {
  if (registered) return;
  registered = true;
  registerBunPlugin({
    name: 'bijou-sdk',
    setup(build) {
      build.module('@bijou/sdk', () => ({ exports: { ...sdk }, loader: 'object' }));
    },
  });
}
