/**
 * What a server dry-run would change in a live object: the fields that differ between the object
 * as it is and as the server says it would be after the apply. Fields the server maintains on
 * every write (managedFields, resourceVersion, generation) and the status are not compared.
 */
import type { FieldChange, KubeObject } from './types';

const SERVER_MAINTAINED_METADATA = new Set(['managedFields', 'resourceVersion', 'generation', 'uid', 'creationTimestamp', 'selfLink']);
const MAX_VALUE_LENGTH = 80;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object without its status and the metadata the server rewrites on each write. */
export function comparable(object: KubeObject): KubeObject {
  const out: KubeObject = {};
  // Keys stay in the object's order, so changes are listed as the object reads (metadata first).
  for (const [key, value] of Object.entries(object)) {
    if (key === 'status') continue;
    if (key !== 'metadata' || !isPlainObject(value)) {
      out[key] = value;
      continue;
    }
    const kept: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!SERVER_MAINTAINED_METADATA.has(k)) kept[k] = v;
    out.metadata = kept;
  }
  return out;
}

/** `spec.template.spec.containers[0].image`; keys that are not identifiers are quoted: `annotations["a.b/c"]`. */
function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)) return parent === '' ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`;
}

function render(value: unknown): string {
  const text = JSON.stringify(value) ?? 'null';
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => equal(item, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && equal(a[k], b[k]));
  }
  return false;
}

function walk(before: unknown, after: unknown, path: string, out: FieldChange[], hideValues: boolean): void {
  if (equal(before, after)) return;
  const values = (change: FieldChange): FieldChange => (hideValues ? { path: change.path, kind: change.kind } : change);
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...Object.keys(after), ...Object.keys(before).filter((k) => !Object.hasOwn(after, k))];
    for (const key of keys) {
      const next = childPath(path, key);
      if (!Object.hasOwn(before, key)) out.push(values({ path: next, kind: 'added', after: render(after[key]) }));
      else if (!Object.hasOwn(after, key)) out.push(values({ path: next, kind: 'removed', before: render(before[key]) }));
      else walk(before[key], after[key], next, out, hideValues);
    }
    return;
  }
  // Lists of the same length are compared item by item, so one changed image is one line.
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    before.forEach((item, i) => walk(item, after[i], childPath(path, i), out, hideValues));
    return;
  }
  out.push(values({ path, kind: 'changed', before: render(before), after: render(after) }));
}

/**
 * The changes from `live` to `planned` (the dry-run result). Values are left out for Secrets, so
 * no secret reaches a plan, a log or a terminal.
 */
export function diffObjects(live: KubeObject, planned: KubeObject): FieldChange[] {
  const out: FieldChange[] = [];
  walk(comparable(live), comparable(planned), '', out, planned.kind === 'Secret' || live.kind === 'Secret');
  return out;
}
