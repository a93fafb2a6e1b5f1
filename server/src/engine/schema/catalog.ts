/**
 * Which JSON Schema describes which document: OneNode's own schemas in schemas/ (installer
 * configs and the custom resources the rules read) and, for core Kubernetes kinds, the
 * kubernetes-models validators. The language server hands the same schemas to
 * yaml-language-server for completion and hovers, so editor and CLI agree.
 */
import type { ParsedDocument } from '../types';
import { isKind } from '../kinds';
import machineConfig from '../../../../schemas/machineconfig.schema.json';
import harvesterConfig from '../../../../schemas/harvester-config.schema.json';
import installConfig from '../../../../schemas/install-config.schema.json';
import agentConfig from '../../../../schemas/agent-config.schema.json';
import kubevCluster from '../../../../schemas/kubevcluster.schema.json';
import machineConfigPool from '../../../../schemas/machineconfigpool.schema.json';
import kubeletConfig from '../../../../schemas/kubeletconfig.schema.json';
import containerRuntimeConfig from '../../../../schemas/containerruntimeconfig.schema.json';
import performanceProfile from '../../../../schemas/performanceprofile.schema.json';
import ingressController from '../../../../schemas/ingresscontroller.schema.json';
import virtualMachine from '../../../../schemas/virtualmachine.schema.json';
import virtualMachineInstance from '../../../../schemas/virtualmachineinstance.schema.json';
import longhornSetting from '../../../../schemas/longhorn-setting.schema.json';
import harvesterSetting from '../../../../schemas/harvester-setting.schema.json';
import virtualMachineImage from '../../../../schemas/virtualmachineimage.schema.json';

export interface SchemaEntry {
  /** Stable id, also the URI yaml-language-server knows the schema by. */
  id: string;
  /** What the document is, in messages ("MachineConfig", "Harvester install config"). */
  label: string;
  schema: object;
  appliesTo(document: ParsedDocument): boolean;
  /** Harvester's installer accepts camelCase, lower-case and snake_case spellings of each key. */
  fuzzyKeys?: boolean;
  /** How an unknown key is described: the installer silently ignores it, or the API server drops it. */
  unknownKey: 'ignored-by-installer' | 'dropped-by-api-server' | 'rejected';
}

export const SCHEMA_CATALOG: readonly SchemaEntry[] = [
  {
    id: 'onenode:schemas/machineconfig.schema.json',
    label: 'MachineConfig',
    schema: machineConfig,
    appliesTo: (d) => isKind(d, 'machineconfiguration.openshift.io', ['MachineConfig']),
    unknownKey: 'dropped-by-api-server',
  },
  {
    id: 'onenode:schemas/harvester-config.schema.json',
    label: 'Harvester install config',
    schema: harvesterConfig,
    appliesTo: (d) => d.kind.type === 'harvester-config',
    fuzzyKeys: true,
    unknownKey: 'ignored-by-installer',
  },
  {
    id: 'onenode:schemas/install-config.schema.json',
    label: 'install-config.yaml',
    schema: installConfig,
    appliesTo: (d) => d.kind.type === 'install-config',
    unknownKey: 'ignored-by-installer',
  },
  {
    id: 'onenode:schemas/agent-config.schema.json',
    label: 'agent-config.yaml',
    schema: agentConfig,
    appliesTo: (d) => d.kind.type === 'agent-config',
    unknownKey: 'rejected',
  },
  {
    id: 'onenode:schemas/kubevcluster.schema.json',
    label: 'KubeVCluster',
    schema: kubevCluster,
    appliesTo: (d) => isKind(d, 'virtualization.k8c.io', ['KubeVCluster']),
    unknownKey: 'ignored-by-installer',
  },
  {
    id: 'onenode:schemas/machineconfigpool.schema.json',
    label: 'MachineConfigPool',
    schema: machineConfigPool,
    appliesTo: (d) => isKind(d, 'machineconfiguration.openshift.io', ['MachineConfigPool']),
    unknownKey: 'dropped-by-api-server',
  },
  {
    id: 'onenode:schemas/kubeletconfig.schema.json',
    label: 'KubeletConfig',
    schema: kubeletConfig,
    appliesTo: (d) => isKind(d, 'machineconfiguration.openshift.io', ['KubeletConfig']),
    unknownKey: 'dropped-by-api-server',
  },
  {
    id: 'onenode:schemas/containerruntimeconfig.schema.json',
    label: 'ContainerRuntimeConfig',
    schema: containerRuntimeConfig,
    appliesTo: (d) => isKind(d, 'machineconfiguration.openshift.io', ['ContainerRuntimeConfig']),
    unknownKey: 'dropped-by-api-server',
  },
  {
    id: 'onenode:schemas/performanceprofile.schema.json',
    label: 'PerformanceProfile',
    schema: performanceProfile,
    appliesTo: (d) => isKind(d, 'performance.openshift.io', ['PerformanceProfile']),
    unknownKey: 'dropped-by-api-server',
  },
  {
    id: 'onenode:schemas/ingresscontroller.schema.json',
    label: 'IngressController',
    schema: ingressController,
    appliesTo: (d) => isKind(d, 'operator.openshift.io', ['IngressController']),
    unknownKey: 'dropped-by-api-server',
  },
  {
    id: 'onenode:schemas/virtualmachine.schema.json',
    label: 'VirtualMachine',
    schema: virtualMachine,
    appliesTo: (d) => isKind(d, 'kubevirt.io', ['VirtualMachine']),
    unknownKey: 'dropped-by-api-server',
  },
  {
    id: 'onenode:schemas/virtualmachineinstance.schema.json',
    label: 'VirtualMachineInstance',
    schema: virtualMachineInstance,
    appliesTo: (d) => isKind(d, 'kubevirt.io', ['VirtualMachineInstance']),
    unknownKey: 'dropped-by-api-server',
  },
  {
    id: 'onenode:schemas/longhorn-setting.schema.json',
    label: 'Longhorn Setting',
    schema: longhornSetting,
    appliesTo: (d) => isKind(d, 'longhorn.io', ['Setting']),
    unknownKey: 'dropped-by-api-server',
  },
  {
    id: 'onenode:schemas/harvester-setting.schema.json',
    label: 'Harvester Setting',
    schema: harvesterSetting,
    appliesTo: (d) => isKind(d, 'harvesterhci.io', ['Setting']),
    unknownKey: 'dropped-by-api-server',
  },
  {
    id: 'onenode:schemas/virtualmachineimage.schema.json',
    label: 'VirtualMachineImage',
    schema: virtualMachineImage,
    appliesTo: (d) => isKind(d, 'harvesterhci.io', ['VirtualMachineImage']),
    unknownKey: 'dropped-by-api-server',
  },
];

export function schemaEntryFor(document: ParsedDocument): SchemaEntry | undefined {
  return SCHEMA_CATALOG.find((entry) => entry.appliesTo(document));
}
