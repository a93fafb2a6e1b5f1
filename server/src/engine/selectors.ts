/**
 * Kubernetes label selectors (matchLabels and matchExpressions) evaluated against a label set.
 * Returns undefined when the selector cannot be evaluated from the file alone, so rules can stay
 * silent rather than guess.
 */
import { isMap } from 'yaml';
import { get, mapItems, scalarString, seqItems, stringMap } from './yaml-ast';

export function selectorMatches(selector: unknown, labels: Map<string, string>): boolean | undefined {
  // A null selector selects nothing; an empty one ({}) selects everything.
  if (selector == null || !isMap(selector)) return false;
  for (const [key, value] of stringMap(get(selector, 'matchLabels'))) {
    if (labels.get(key) !== value) return false;
  }
  for (const expr of seqItems(get(selector, 'matchExpressions'))) {
    const key = scalarString(get(expr, 'key'));
    const operator = scalarString(get(expr, 'operator'));
    const values = seqItems(get(expr, 'values')).map(scalarString);
    if (key === undefined || operator === undefined) return undefined;
    const has = labels.has(key);
    const value = labels.get(key);
    switch (operator) {
      case 'In':
        if (!has || !values.includes(value)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(value)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return undefined;
    }
  }
  return true;
}

/** Whether a pod-affinity term's namespaces include the workload's own namespace. */
export function termCoversOwnNamespace(term: unknown, ownNamespace: string | undefined): boolean | undefined {
  const namespaces = seqItems(get(term, 'namespaces')).map(scalarString);
  const nsSelector = get(term, 'namespaceSelector');
  if (nsSelector != null && isMap(nsSelector)) {
    // `{}` selects every namespace; anything else depends on namespace labels we cannot see.
    if (mapItems(nsSelector).length === 0) return true;
    if (ownNamespace !== undefined && namespaces.includes(ownNamespace)) return true;
    return undefined;
  }
  if (namespaces.length === 0) return true;
  return ownNamespace !== undefined ? namespaces.includes(ownNamespace) : undefined;
}
