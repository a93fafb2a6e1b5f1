/**
 * Server-side apply as the API server does it, for the test API server: the applied
 * configuration's fields are set, fields this manager applied before and no longer applies are
 * removed (unless another manager owns them), and a field another manager owns with a different
 * value is a conflict unless the apply is forced, in which case the field changes owner.
 * https://kubernetes.io/docs/reference/using-api/server-side-apply/
 */
import { clone, deepEqual, deletePath, getPath, isPrefix, leafPaths, overlaps, pathKey, setPath, type FieldPath, type Json } from './fields';

export interface ManagerEntry {
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  paths: FieldPath[];
}

export type Owners = Map<string, ManagerEntry>;

export interface Conflict {
  manager: string;
  apiVersion: string;
  path: FieldPath;
}

export type ApplyResult = { ok: true; object: Record<string, Json>; owners: Owners } | { ok: false; conflicts: Conflict[] };

/** Fields the server sets itself, and the status subresource: never owned through an apply. */
const NOT_OWNED: FieldPath[] = [
  ['apiVersion'],
  ['kind'],
  ['metadata', 'name'],
  ['metadata', 'namespace'],
  ['metadata', 'uid'],
  ['metadata', 'resourceVersion'],
  ['metadata', 'generation'],
  ['metadata', 'creationTimestamp'],
  ['metadata', 'managedFields'],
  ['metadata', 'selfLink'],
  ['status'],
];

export function ownedPaths(config: unknown): FieldPath[] {
  return leafPaths(config).filter((p) => !NOT_OWNED.some((n) => isPrefix(n, p)));
}

export function serverSideApply(
  live: Record<string, Json> | undefined,
  liveOwners: Owners,
  config: Record<string, Json>,
  manager: string,
  options: { force: boolean; apiVersion: string; now: string },
): ApplyResult {
  const applied = ownedPaths(config);
  const entry: ManagerEntry = { operation: 'Apply', apiVersion: options.apiVersion, time: options.now, paths: applied };
  if (!live) {
    const object = clone(config);
    delete object.status;
    return { ok: true, object, owners: new Map([[manager, entry]]) };
  }

  const conflicts: Conflict[] = [];
  for (const path of applied) {
    if (deepEqual(getPath(live, path), getPath(config, path))) continue;
    for (const [other, owned] of liveOwners) {
      if (other === manager) continue;
      if (owned.paths.some((q) => overlaps(path, q))) conflicts.push({ manager: other, apiVersion: owned.apiVersion, path });
    }
  }
  if (conflicts.length > 0 && !options.force) return { ok: false, conflicts };

  const object = clone(live);
  const appliedKeys = new Set(applied.map(pathKey));
  const previous = liveOwners.get(manager)?.paths ?? [];
  for (const path of previous) {
    if (appliedKeys.has(pathKey(path))) continue;
    const sharedWithOthers = [...liveOwners].some(([other, owned]) => other !== manager && owned.paths.some((q) => overlaps(path, q)));
    // A field this manager gave up: removed, unless another manager still wants it.
    if (!sharedWithOthers && !applied.some((p) => overlaps(p, path))) deletePath(object, path);
  }
  for (const path of applied) setPath(object, path, clone(getPath(config, path) as Json));

  const owners: Owners = new Map();
  for (const [other, owned] of liveOwners) {
    if (other === manager) continue;
    // Forced: the conflicting fields now belong to this manager alone.
    const kept = owned.paths.filter((q) => !conflicts.some((c) => c.manager === other && overlaps(c.path, q)));
    if (kept.length > 0) owners.set(other, { ...owned, paths: kept });
  }
  const unchangedEntry = liveOwners.get(manager);
  // A no-op apply keeps the entry's time, so the object is not rewritten (as the API server does).
  const sameAsBefore = unchangedEntry && unchangedEntry.operation === 'Apply' && samePaths(unchangedEntry.paths, applied);
  owners.set(manager, sameAsBefore ? unchangedEntry : entry);
  return { ok: true, object, owners };
}

/** Ownership of an object written with another tool (kubectl create, a controller, Helm): every field to one manager. */
export function ownedByUpdate(object: Record<string, Json>, manager: string, apiVersion: string, now: string): Owners {
  return new Map([[manager, { operation: 'Update', apiVersion, time: now, paths: ownedPaths(object) }]]);
}

/** The same fields, in any order (field sets are sets: key order in the YAML does not matter). */
export function samePaths(a: readonly FieldPath[], b: readonly FieldPath[]): boolean {
  const keys = new Set(a.map(pathKey));
  return a.length === b.length && b.every((p) => keys.has(pathKey(p)));
}

export function ownersEqual(a: Owners, b: Owners): boolean {
  if (a.size !== b.size) return false;
  for (const [manager, entry] of a) {
    const other = b.get(manager);
    if (!other || other.operation !== entry.operation || !samePaths(other.paths, entry.paths)) return false;
  }
  return true;
}
