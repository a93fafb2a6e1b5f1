/**
 * Field paths for the test API server's server-side apply: an object's leaves as key paths. Lists
 * are atomic (a list is one leaf), which is how structured-merge-diff treats lists without list
 * keys; the real server merges keyed lists (containers by name) item by item, which these tests do
 * not depend on.
 */
export type FieldPath = readonly string[];

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function isObject(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** Every leaf: scalars, lists, and empty maps. */
export function leafPaths(value: unknown, prefix: FieldPath = []): FieldPath[] {
  if (!isObject(value)) return prefix.length > 0 ? [prefix] : [];
  const keys = Object.keys(value);
  if (keys.length === 0) return prefix.length > 0 ? [prefix] : [];
  return keys.flatMap((key) => leafPaths(value[key], [...prefix, key]));
}

export function isPrefix(prefix: FieldPath, path: FieldPath): boolean {
  return prefix.length <= path.length && prefix.every((key, i) => path[i] === key);
}

export function overlaps(a: FieldPath, b: FieldPath): boolean {
  return isPrefix(a, b) || isPrefix(b, a);
}

export function hasPath(object: unknown, path: FieldPath): boolean {
  let node: unknown = object;
  for (const key of path) {
    if (!isObject(node) || !Object.hasOwn(node, key)) return false;
    node = node[key];
  }
  return true;
}

export function getPath(object: unknown, path: FieldPath): unknown {
  let node: unknown = object;
  for (const key of path) {
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

export function setPath(object: Record<string, Json>, path: FieldPath, value: Json): void {
  let node = object;
  for (const key of path.slice(0, -1)) {
    if (!isObject(node[key])) node[key] = {};
    node = node[key];
  }
  node[path[path.length - 1]] = value;
}

/** Removes a leaf and the maps it leaves empty. */
export function deletePath(object: Record<string, Json>, path: FieldPath): void {
  const parents: Record<string, Json>[] = [];
  let node: unknown = object;
  for (const key of path.slice(0, -1)) {
    if (!isObject(node)) return;
    parents.push(node);
    node = node[key];
  }
  if (!isObject(node)) return;
  delete node[path[path.length - 1]];
  for (let i = path.length - 2; i >= 0; i--) {
    const parent = parents[i];
    const child = parent[path[i]];
    if (isObject(child) && Object.keys(child).length === 0) delete parent[path[i]];
    else break;
  }
}

export function pathKey(path: FieldPath): string {
  return JSON.stringify(path);
}

/** `.spec.replicas`, as the API server names fields in conflicts. */
export function fieldName(path: FieldPath): string {
  return `.${path.join('.')}`;
}

/** managedFields' FieldsV1 form: {"f:spec":{"f:replicas":{}}}. */
export function toFieldsV1(paths: readonly FieldPath[]): Record<string, Json> {
  const root: Record<string, Json> = {};
  for (const path of paths) {
    let node = root;
    for (const key of path) {
      const k = `f:${key}`;
      if (!isObject(node[k])) node[k] = {};
      node = node[k];
    }
  }
  return root;
}
