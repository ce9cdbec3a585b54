// Manifest checks with coded errors: shape, id vs folder, SDK range, cron patterns, declared event names.
import { Value } from '@sinclair/typebox/value';
import semver from 'semver';
import { type Manifest, ManifestSchema } from '../../sdk/manifest.ts';
import { cronProblem } from '../jobs/cron-pattern.ts';

export type PluginErrorCode =
  | 'MANIFEST_MISSING'
  | 'MANIFEST_INVALID'
  | 'MANIFEST_ID_MISMATCH'
  | 'MANIFEST_API_UNSATISFIED'
  | 'MANIFEST_BAD_CRON'
  | 'MANIFEST_UNKNOWN_EVENT'
  | 'MANIFEST_DUPLICATE_ID'
  | 'DEPENDENCY_MISSING'
  | 'DEPENDENCY_VERSION'
  | 'DEPENDENCY_CYCLE';

export interface PluginError {
  code: PluginErrorCode;
  message: string;
}

/** Checks one manifest on its own. `incompatible` errors (API range) are told apart from `invalid` ones. */
export function validateManifest(m: unknown, folder: string, sdkVersion: string): PluginError[] {
  if (!Value.Check(ManifestSchema, m)) {
    const details = [...Value.Errors(ManifestSchema, m)]
      .slice(0, 5)
      .map((e) => `${e.path || '/'} ${e.message}`);
    return [
      { code: 'MANIFEST_INVALID', message: `manifest does not match the schema: ${details.join('; ')}` },
    ];
  }
  const man = m as Manifest;
  const errors: PluginError[] = [];
  if (man.id !== folder)
    errors.push({ code: 'MANIFEST_ID_MISMATCH', message: `id "${man.id}" differs from folder "${folder}"` });
  for (const job of man.jobs ?? []) {
    const problem = job.cron ? cronProblem(job.cron) : null;
    if (problem)
      errors.push({
        code: 'MANIFEST_BAD_CRON',
        message: `job "${job.id}": bad cron "${job.cron}" (${problem})`,
      });
  }
  for (const name of man.events?.emits ?? []) {
    if (!name.startsWith(`${man.id}.`))
      errors.push({ code: 'MANIFEST_UNKNOWN_EVENT', message: `emits "${name}" outside its own namespace` });
  }
  if (!semver.validRange(man.apiVersion)) {
    errors.push({
      code: 'MANIFEST_INVALID',
      message: `apiVersion "${man.apiVersion}" is not a semver range`,
    });
  } else if (!semver.satisfies(sdkVersion, man.apiVersion)) {
    errors.push({
      code: 'MANIFEST_API_UNSATISFIED',
      message: `needs SDK ${man.apiVersion}, host has ${sdkVersion}`,
    });
  }
  for (const range of Object.values(man.dependsOn ?? {})) {
    if (!semver.validRange(range))
      errors.push({ code: 'MANIFEST_INVALID', message: `dependency range "${range}" is not semver` });
  }
  return errors;
}

/** Events every plugin may listen to without declaring a dependency. */
export const CORE_EVENTS = [
  'core.job.started',
  'core.job.progressed',
  'core.job.finished',
  'core.plugin.state-changed',
];

/** Checks that each `listens` entry is a core event or one emitted by a plugin this one depends on or loads after. */
export function checkListens(m: Manifest, all: Map<string, Manifest>): PluginError[] {
  const errors: PluginError[] = [];
  const peers = [...Object.keys(m.dependsOn ?? {}), ...(m.after ?? []), m.id];
  for (const name of m.events?.listens ?? []) {
    if (CORE_EVENTS.includes(name)) continue;
    const owner = name.split('.')[0];
    const known = peers.includes(owner) && (all.get(owner)?.events?.emits ?? []).includes(name);
    const optionalPeerMissing = (m.after ?? []).includes(owner) && !all.has(owner);
    if (!known && !optionalPeerMissing) {
      errors.push({
        code: 'MANIFEST_UNKNOWN_EVENT',
        message: `listens to "${name}", which no declared dependency emits`,
      });
    }
  }
  return errors;
}
