/**
 * The rule registry: every rule, in one list. Ids are stable and never renumbered; docs pages
 * under docs/rules/ are generated from this list.
 */
import type { Rule } from '../types';
import { yamlSyntax } from './yaml-syntax';
import { longhornReplicaCount } from './longhorn-replica-count';
import { storageclassParameterType } from './storageclass-parameter-type';
import { harvesterReplicaCount } from './harvester-replica-count';
import { kubevirtEvictionStrategy } from './kubevirt-eviction-strategy';
import { requiredAntiAffinity } from './required-anti-affinity';
import { ingressReplicas } from './ingress-replicas';
import { snoControlPlaneReplicas } from './sno-control-plane-replicas';
import { machineconfigPoolRole } from './machineconfig-pool-role';

export const RULES: readonly Rule[] = [
  yamlSyntax,
  longhornReplicaCount,
  storageclassParameterType,
  harvesterReplicaCount,
  kubevirtEvictionStrategy,
  requiredAntiAffinity,
  ingressReplicas,
  snoControlPlaneReplicas,
  machineconfigPoolRole,
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}
