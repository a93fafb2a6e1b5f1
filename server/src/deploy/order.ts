/**
 * The order objects are applied in: what others depend on first (Namespaces, then
 * CustomResourceDefinitions, then what pods consume, then workloads), custom resources after the
 * built-in kinds, and whatever reboots the node last, so everything else is in place before the
 * only node goes down. Objects of the same rank keep their order in the files. Helm's install
 * order is the model for the built-in kinds.
 */
import type { ManifestObject } from './types';

const FIRST = [
  'Namespace',
  'CustomResourceDefinition',
  'NetworkPolicy',
  'ResourceQuota',
  'LimitRange',
  'PriorityClass',
  'ServiceAccount',
  'Secret',
  'ConfigMap',
  'StorageClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'ClusterRole',
  'ClusterRoleBinding',
  'Role',
  'RoleBinding',
  'Service',
  'DaemonSet',
  'Pod',
  'ReplicaSet',
  'Deployment',
  'HorizontalPodAutoscaler',
  'StatefulSet',
  'Job',
  'CronJob',
  'PodDisruptionBudget',
  'IngressClass',
  'Ingress',
  'APIService',
];

/** Kinds whose apply reboots the single node (directly, or through a MachineConfig they render). */
export const REBOOTING_KINDS = new Set(['MachineConfig', 'KubeletConfig', 'ContainerRuntimeConfig', 'PerformanceProfile']);

function rank(kind: string): number {
  const index = FIRST.indexOf(kind);
  if (index !== -1) return index;
  // A MachineConfigPool goes right before the MachineConfigs it rolls out.
  if (kind === 'MachineConfigPool') return FIRST.length + 1;
  if (REBOOTING_KINDS.has(kind)) return FIRST.length + 2;
  return FIRST.length;
}

export function dependencyOrder<T extends Pick<ManifestObject, 'kind'>>(objects: readonly T[]): T[] {
  return objects
    .map((object, index) => ({ object, index, rank: rank(object.kind) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.object);
}
