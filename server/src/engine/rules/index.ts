/**
 * The rule registry: every rule, in one list. Ids are stable and never renumbered; docs pages
 * under docs/rules/ and the severity settings in package.json are generated from this list.
 * Rules are grouped by what they read; add a rule to the end of its group.
 */
import type { Rule } from '../types';
import { yamlSyntax } from './yaml-syntax';
import { templatedFile } from './templated-file';
import { schema } from './schema';
// Harvester install config
import { harvesterReplicaCount } from './harvester-replica-count';
import { harvesterInstallMode } from './harvester-install-mode';
import { harvesterToken } from './harvester-token';
import { harvesterLogin } from './harvester-login';
import { harvesterNetwork } from './harvester-network';
import { harvesterVip } from './harvester-vip';
import { harvesterDiskSize } from './harvester-disk-size';
import { harvesterSkipchecks } from './harvester-skipchecks';
import { harvesterSchemeVersion } from './harvester-scheme-version';
// Longhorn and Harvester storage
import { longhornReplicaCount } from './longhorn-replica-count';
import { storageclassParameterType } from './storageclass-parameter-type';
import { longhornDefaultReplicaCount } from './longhorn-default-replica-count';
import { longhornNodeDrainPolicy } from './longhorn-node-drain-policy';
import { longhornDataLocality } from './longhorn-data-locality';
import { harvesterVmImageReplicaCount } from './harvester-vm-image-replica-count';
// KubeVirt
import { kubevirtEvictionStrategy } from './kubevirt-eviction-strategy';
import { kubevirtRunningAndRunstrategy } from './kubevirt-running-and-runstrategy';
// Kube-V
import { kubevControlPlaneHosts } from './kubev-control-plane-hosts';
import { kubevNetwork } from './kubev-network';
import { kubevEmulation } from './kubev-emulation';
import { kubevLonghornReplicas } from './kubev-longhorn-replicas';
// OpenShift
import { ingressReplicas } from './ingress-replicas';
import { snoControlPlaneReplicas } from './sno-control-plane-replicas';
import { machineconfigPoolRole } from './machineconfig-pool-role';
import { snoComputeReplicas } from './sno-compute-replicas';
import { snoPlatform } from './sno-platform';
import { snoNetworkType } from './sno-network-type';
import { snoInstallationDisk } from './sno-installation-disk';
import { agentConfigApiVersion } from './agent-config-api-version';
import { machineconfigKernelType } from './machineconfig-kernel-type';
import { machineconfigRebootsNode } from './machineconfig-reboots-node';
import { mcpPaused } from './mcp-paused';
import { kubeletconfigPoolSelector } from './kubeletconfig-pool-selector';
import { performanceProfileNodeSelector } from './performance-profile-node-selector';
import { performanceProfileCpuSets } from './performance-profile-cpu-sets';
import { gracefulShutdown } from './graceful-shutdown';
// Workloads
import { requiredAntiAffinity } from './required-anti-affinity';
import { pdbBlocksDrain } from './pdb-blocks-drain';
import { antiAffinityRolloutDeadlock } from './anti-affinity-rollout-deadlock';
import { hostPortReplicas } from './host-port-replicas';
import { topologySpreadUnsatisfiable } from './topology-spread-unsatisfiable';
// Across files
import { defaultStorageclassConflict } from './default-storageclass-conflict';

export const RULES: readonly Rule[] = [
  yamlSyntax,
  templatedFile,
  schema,
  // Harvester install config
  harvesterReplicaCount,
  harvesterInstallMode,
  harvesterToken,
  harvesterLogin,
  harvesterNetwork,
  harvesterVip,
  harvesterDiskSize,
  harvesterSkipchecks,
  harvesterSchemeVersion,
  // Longhorn and Harvester storage
  longhornReplicaCount,
  storageclassParameterType,
  longhornDefaultReplicaCount,
  longhornNodeDrainPolicy,
  longhornDataLocality,
  harvesterVmImageReplicaCount,
  // KubeVirt
  kubevirtEvictionStrategy,
  kubevirtRunningAndRunstrategy,
  // Kube-V
  kubevControlPlaneHosts,
  kubevNetwork,
  kubevEmulation,
  kubevLonghornReplicas,
  // OpenShift
  ingressReplicas,
  snoControlPlaneReplicas,
  machineconfigPoolRole,
  snoComputeReplicas,
  snoPlatform,
  snoNetworkType,
  snoInstallationDisk,
  agentConfigApiVersion,
  machineconfigKernelType,
  machineconfigRebootsNode,
  mcpPaused,
  kubeletconfigPoolSelector,
  performanceProfileNodeSelector,
  performanceProfileCpuSets,
  gracefulShutdown,
  // Workloads
  requiredAntiAffinity,
  pdbBlocksDrain,
  antiAffinityRolloutDeadlock,
  hostPortReplicas,
  topologySpreadUnsatisfiable,
  // Across files
  defaultStorageclassConflict,
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}
