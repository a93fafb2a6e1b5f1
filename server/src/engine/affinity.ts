/** Required pod anti-affinity terms on kubernetes.io/hostname that select a workload's own pods. */
import { findPair, get, getIn, scalarString, seqItems, stringMap, type MapPair } from './yaml-ast';
import { selectorMatches, termCoversOwnNamespace } from './selectors';

export const HOSTNAME_TOPOLOGY_KEY = 'kubernetes.io/hostname';

export interface OwnHostnameAntiAffinity {
  /** The podAntiAffinity mapping (where preferred terms go). */
  antiAffinity: unknown;
  /** The requiredDuringSchedulingIgnoredDuringExecution pair. */
  required: MapPair;
  /** The terms that keep two of the workload's own pods off one node. */
  offending: unknown[];
}

/**
 * The workload's required hostname anti-affinity against its own pods, if any. Terms whose
 * selector or namespaces cannot be evaluated from the file are left out: rules stay silent rather
 * than guess.
 */
export function ownHostnameAntiAffinity(root: unknown, podSpecPath: readonly string[]): OwnHostnameAntiAffinity | undefined {
  const podLabels = stringMap(getIn(root, ['spec', 'template', 'metadata', 'labels']));
  const namespace = scalarString(getIn(root, ['metadata', 'namespace']));
  const antiAffinity = getIn(root, [...podSpecPath, 'affinity', 'podAntiAffinity']);
  const required = findPair(antiAffinity, 'requiredDuringSchedulingIgnoredDuringExecution');
  if (!required) return undefined;
  const offending = seqItems(required.value).filter(
    (term) =>
      scalarString(get(term, 'topologyKey')) === HOSTNAME_TOPOLOGY_KEY &&
      selectorMatches(get(term, 'labelSelector'), podLabels) === true &&
      termCoversOwnNamespace(term, namespace) === true,
  );
  return offending.length > 0 ? { antiAffinity, required, offending } : undefined;
}
