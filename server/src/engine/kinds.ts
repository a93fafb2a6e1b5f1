/** Which Kubernetes kinds a document is, by API group and kind. */
import type { ParsedDocument } from './types';

/** A Kubernetes object of one of `kinds` whose apiVersion is in `group` (any version). */
export function isKind(document: ParsedDocument, group: string, kinds: readonly string[]): boolean {
  const k = document.kind;
  if (k.type !== 'kubernetes' || !kinds.includes(k.kind)) return false;
  const slash = k.apiVersion.lastIndexOf('/');
  const apiGroup = slash === -1 ? '' : k.apiVersion.slice(0, slash);
  return apiGroup === group;
}
