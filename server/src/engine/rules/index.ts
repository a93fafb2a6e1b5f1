/**
 * The rule registry: every rule, in one list. Ids are stable and never renumbered; docs pages
 * under docs/rules/ and the severity settings in package.json are generated from this list.
 * Rules are grouped by what they read; add a rule to the end of its group.
 */
import type { Rule } from '../types';
import { yamlSyntax } from './yaml-syntax';
import { templatedFile } from './templated-file';
// Harvester install config
import { harvesterReplicaCount } from './harvester-replica-count';
// Longhorn and Harvester storage
import { longhornReplicaCount } from './longhorn-replica-count';
import { storageclassParameterType } from './storageclass-parameter-type';
// KubeVirt
import { kubevirtEvictionStrategy } from './kubevirt-eviction-strategy';
// Kube-V
// OpenShift
import { ingressReplicas } from './ingress-replicas';
import { snoControlPlaneReplicas } from './sno-control-plane-replicas';
import { machineconfigPoolRole } from './machineconfig-pool-role';
// Workloads
import { requiredAntiAffinity } from './required-anti-affinity';
import { pdbBlocksDrain } from './pdb-blocks-drain';
// Across files
import { defaultStorageclassConflict } from './default-storageclass-conflict';

export const RULES: readonly Rule[] = [
  yamlSyntax,
  templatedFile,
  // Harvester install config
  harvesterReplicaCount,
  // Longhorn and Harvester storage
  longhornReplicaCount,
  storageclassParameterType,
  // KubeVirt
  kubevirtEvictionStrategy,
  // Kube-V
  // OpenShift
  ingressReplicas,
  snoControlPlaneReplicas,
  machineconfigPoolRole,
  // Workloads
  requiredAntiAffinity,
  pdbBlocksDrain,
  // Across files
  defaultStorageclassConflict,
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}
