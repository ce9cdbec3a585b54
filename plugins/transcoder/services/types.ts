// The transcoder's context type, shared by its services and routes.
import type { PluginContext } from '@bijou/sdk';
import type manifest from '../manifest.ts';
import type * as schema from '../schema.ts';

export type Ctx = PluginContext<typeof manifest, typeof schema>;
