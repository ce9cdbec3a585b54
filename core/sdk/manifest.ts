// The plugin manifest: its TypeBox schema (checked by the host) and `defineManifest`, which keeps literal types.
import { Type as T, type TObject } from '@sinclair/typebox';

/** Capabilities a plugin asks for; the host hands out only what is granted. Not a sandbox. */
export type Permission = 'network' | 'exec:ffmpeg' | 'media:read' | 'media:write';

/** A scheduled or on-demand job declared by a plugin. */
export interface ManifestJob {
  readonly id: string;
  /** croner pattern; omit for jobs only started on demand. */
  readonly cron?: string;
  readonly description: string;
}

/** A feature flag a plugin declares; admins toggle it at `/v1/feature-flags`. */
export interface ManifestFlag {
  readonly key: string;
  readonly description: string;
  readonly default: boolean;
}

/** What a plugin declares about itself; pure data, readable without running plugin code. */
export interface Manifest {
  /** `^[a-z][a-z0-9-]{1,31}$`, equal to the plugin's folder name. */
  readonly id: string;
  readonly name: string;
  /** Semver of the plugin. */
  readonly version: string;
  /** Semver range of the SDK the plugin was built against. */
  readonly apiVersion: string;
  readonly description?: string;
  /** Hard dependencies: plugin id → semver range. The plugin is blocked while one is not active. */
  readonly dependsOn?: Readonly<Record<string, string>>;
  /** Optional peers: load after these when present. */
  readonly after?: readonly string[];
  readonly permissions?: readonly Permission[];
  /** Settings schema; fields with `'x-secret': true` are masked in responses and logs. */
  readonly config?: { readonly version: number; readonly schema: TObject };
  /** URL prefixes the plugin owns, e.g. `/v1/libraries`. */
  readonly routes?: readonly string[];
  /** Folder of drizzle migrations relative to the plugin folder, e.g. `./migrations`. */
  readonly migrations?: string;
  readonly jobs?: readonly ManifestJob[];
  readonly events?: { readonly emits?: readonly string[]; readonly listens?: readonly string[] };
  readonly featureFlags?: readonly ManifestFlag[];
}

/** Declares a manifest. Keeps literal types so `ctx.use()` and job handlers are checked at compile time. */
export function defineManifest<const M extends Manifest>(manifest: M): M {
  return manifest;
}

const Id = T.String({ pattern: '^[a-z][a-z0-9-]{1,31}$' });
const Semver = T.String({ pattern: '^\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$' });

/** The schema the host checks every manifest against (MANIFEST_INVALID when it fails). */
export const ManifestSchema = T.Object(
  {
    id: Id,
    name: T.String({ minLength: 1, maxLength: 80 }),
    version: Semver,
    apiVersion: T.String({ minLength: 1 }),
    description: T.Optional(T.String({ maxLength: 500 })),
    dependsOn: T.Optional(
      T.Record(T.String({ pattern: '^[a-z][a-z0-9-]{1,31}$' }), T.String({ minLength: 1 })),
    ),
    after: T.Optional(T.Array(Id)),
    permissions: T.Optional(
      T.Array(
        T.Union([
          T.Literal('network'),
          T.Literal('exec:ffmpeg'),
          T.Literal('media:read'),
          T.Literal('media:write'),
        ]),
      ),
    ),
    config: T.Optional(
      T.Object({ version: T.Integer({ minimum: 1 }), schema: T.Object({ type: T.Literal('object') }) }),
    ),
    routes: T.Optional(T.Array(T.String({ pattern: '^/(v1|api)/' }))),
    migrations: T.Optional(T.String({ minLength: 1 })),
    jobs: T.Optional(
      T.Array(
        T.Object({
          id: T.String({ pattern: '^[a-z][a-z0-9-]*$' }),
          cron: T.Optional(T.String()),
          description: T.String(),
        }),
      ),
    ),
    events: T.Optional(
      T.Object({
        emits: T.Optional(T.Array(T.String({ pattern: '^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*){2}$' }))),
        listens: T.Optional(T.Array(T.String())),
      }),
    ),
    featureFlags: T.Optional(
      T.Array(
        T.Object({
          key: T.String({ pattern: '^[a-z][a-z0-9.-]*$' }),
          description: T.String(),
          default: T.Boolean(),
        }),
      ),
    ),
  },
  { additionalProperties: false },
);
