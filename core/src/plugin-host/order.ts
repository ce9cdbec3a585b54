// Load order: topological sort over dependsOn ∪ after (ties by id), with missing, version and cycle errors.
import semver from 'semver';
import type { Manifest } from '../../sdk/manifest.ts';
import type { PluginError } from './validate.ts';

export interface OrderResult {
  order: string[];
  errors: Map<string, PluginError>;
}

/** Orders valid manifests; plugins with unmet hard dependencies or in a cycle get an error and no place. */
export function resolveOrder(manifests: Map<string, Manifest>): OrderResult {
  const errors = new Map<string, PluginError>();
  for (const m of manifests.values()) {
    for (const [dep, range] of Object.entries(m.dependsOn ?? {})) {
      const d = manifests.get(dep);
      if (!d)
        errors.set(m.id, {
          code: 'DEPENDENCY_MISSING',
          message: `depends on "${dep}", which is not installed`,
        });
      else if (!semver.satisfies(d.version, range, { includePrerelease: true }))
        errors.set(m.id, {
          code: 'DEPENDENCY_VERSION',
          message: `needs ${dep}@${range}, found ${d.version}`,
        });
    }
  }
  const edges = (m: Manifest) =>
    [...Object.keys(m.dependsOn ?? {}), ...(m.after ?? [])].filter((d) => manifests.has(d));
  const ids = [...manifests.keys()].sort();
  const state = new Map<string, 'visiting' | 'done'>();
  const inCycle = new Set<string>();
  const visit = (id: string, stack: string[]) => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      for (const s of stack.slice(stack.indexOf(id))) inCycle.add(s);
      return;
    }
    state.set(id, 'visiting');
    for (const d of edges(manifests.get(id)!).sort()) visit(d, [...stack, id]);
    state.set(id, 'done');
  };
  for (const id of ids) visit(id, []);
  // Kahn's algorithm, always taking the smallest ready id: a depth-first post-order would place a dependency
  // (e.g. "zeta") ahead of an unrelated plugin that sorts before it ("beta").
  const rest = new Set(ids.filter((id) => !inCycle.has(id)));
  const order: string[] = [];
  while (rest.size > 0) {
    const next = [...rest].find((id) => edges(manifests.get(id)!).every((d) => !rest.has(d)));
    if (!next) {
      for (const id of rest) inCycle.add(id);
      break;
    }
    rest.delete(next);
    order.push(next);
  }
  for (const id of inCycle) {
    errors.set(id, {
      code: 'DEPENDENCY_CYCLE',
      message: `dependency cycle through ${[...inCycle].sort().join(' → ')}`,
    });
  }
  return { order, errors };
}
