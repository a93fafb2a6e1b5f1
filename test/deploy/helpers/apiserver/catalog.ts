/**
 * The resource types the test API server serves: a few built-in kinds, plus every
 * CustomResourceDefinition in its store once established (as the real server derives discovery
 * from CRDs). The CRDs of the single-node platforms (Longhorn and Harvester Settings, KubeVirt VMs,
 * OpenShift MachineConfigs and pools) are ready to seed.
 */
import type { Json } from './fields';

export interface ResourceType {
  group: string;
  version: string;
  kind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
}

export const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function t(group: string, version: string, kind: string, plural: string, namespaced: boolean, shortNames?: string[]): ResourceType {
  return { group, version, kind, plural, singular: kind.toLowerCase(), namespaced, ...(shortNames ? { shortNames } : {}) };
}

export const BUILTIN_TYPES: ResourceType[] = [
  t('', 'v1', 'Namespace', 'namespaces', false, ['ns']),
  t('', 'v1', 'ConfigMap', 'configmaps', true, ['cm']),
  t('', 'v1', 'Secret', 'secrets', true),
  t('', 'v1', 'Service', 'services', true, ['svc']),
  t('', 'v1', 'ServiceAccount', 'serviceaccounts', true, ['sa']),
  t('', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', true, ['pvc']),
  t('', 'v1', 'Node', 'nodes', false, ['no']),
  t('apps', 'v1', 'Deployment', 'deployments', true, ['deploy']),
  t('apps', 'v1', 'StatefulSet', 'statefulsets', true, ['sts']),
  t('apps', 'v1', 'DaemonSet', 'daemonsets', true, ['ds']),
  t('storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', false, ['sc']),
  t('policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets', true, ['pdb']),
  t('apiextensions.k8s.io', 'v1', 'CustomResourceDefinition', 'customresourcedefinitions', false, ['crd', 'crds']),
];

/** A CustomResourceDefinition object for a custom type (schema-less: preserve unknown fields). */
export function crdFor(type: ResourceType): Record<string, Json> {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${type.plural}.${type.group}` },
    spec: {
      group: type.group,
      names: { kind: type.kind, plural: type.plural, singular: type.singular, listKind: `${type.kind}List`, ...(type.shortNames ? { shortNames: type.shortNames } : {}) },
      scope: type.namespaced ? 'Namespaced' : 'Cluster',
      versions: [{ name: type.version, served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
    },
  };
}

/** The custom types of the platforms OneNode deploys to. */
export const PLATFORM_TYPES: ResourceType[] = [
  t('longhorn.io', 'v1beta2', 'Setting', 'settings', true, ['lhs']),
  t('harvesterhci.io', 'v1beta1', 'Setting', 'settings', false),
  t('kubevirt.io', 'v1', 'VirtualMachine', 'virtualmachines', true, ['vm', 'vms']),
  t('machineconfiguration.openshift.io', 'v1', 'MachineConfig', 'machineconfigs', false, ['mc']),
  t('machineconfiguration.openshift.io', 'v1', 'MachineConfigPool', 'machineconfigpools', false, ['mcp']),
  t('machineconfiguration.openshift.io', 'v1', 'KubeletConfig', 'kubeletconfigs', false),
];

/** The types a CRD object defines (one per served version). */
export function typesOfCrd(crd: Record<string, Json>): ResourceType[] {
  const spec = crd.spec as { group?: string; scope?: string; names?: { kind?: string; plural?: string; singular?: string; shortNames?: string[] }; versions?: { name?: string; served?: boolean }[] } | undefined;
  if (!spec?.group || !spec.names?.kind || !spec.names.plural) return [];
  return (spec.versions ?? [])
    .filter((v) => v.served !== false && typeof v.name === 'string')
    .map((v) => ({
      group: spec.group ?? '',
      version: v.name ?? '',
      kind: spec.names?.kind ?? '',
      plural: spec.names?.plural ?? '',
      singular: spec.names?.singular ?? (spec.names?.kind ?? '').toLowerCase(),
      namespaced: spec.scope !== 'Cluster',
      ...(spec.names?.shortNames ? { shortNames: spec.names.shortNames } : {}),
    }));
}

export function groupVersion(type: Pick<ResourceType, 'group' | 'version'>): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}
