/** Required hostname anti-affinity against a workload's own pods leaves replicas Pending on one node. */
import type { Rule, RuleReport } from '../types';
import { getIn, keyRange, scalarInt } from '../yaml-ast';
import { HOSTNAME_TOPOLOGY_KEY, ownHostnameAntiAffinity } from '../affinity';
import { preferredAntiAffinityEdits } from '../fixes/preferred-anti-affinity';
import { isKind } from '../kinds';
import { SOURCES } from '../sources';

export const requiredAntiAffinity: Rule = {
  id: 'required-anti-affinity',
  title: 'Required hostname anti-affinity leaves replicas Pending on one node',
  severity: 'warning',
  platforms: ['harvester', 'openshift', 'kubev', 'kubernetes'],
  fixable: true,
  appliesTo: (document) => isKind(document, 'apps', ['Deployment', 'StatefulSet', 'ReplicaSet']),
  check({ file, document }): RuleReport[] {
    const root = document.doc.contents;
    const replicas = scalarInt(getIn(root, ['spec', 'replicas']));
    if (replicas === undefined || replicas <= 1) return [];
    const found = ownHostnameAntiAffinity(root, ['spec', 'template', 'spec']);
    if (!found) return [];
    const { antiAffinity, required, offending } = found;
    const range = keyRange(file, required);
    if (!range) return [];
    const edits = preferredAntiAffinityEdits(file, antiAffinity, required, offending);
    const kind = document.kind.type === 'kubernetes' ? document.kind.kind : 'workload';
    return [{
      message: `This ${kind} has replicas: ${replicas} and a required pod anti-affinity on ${HOSTNAME_TOPOLOGY_KEY} that matches its own pods, so only one pod fits on the single node and ${replicas === 2 ? 'the other pod stays' : `the other ${replicas - 1} stay`} Pending.`,
      range,
      fixes: edits ? [{ title: 'Make the anti-affinity preferred (weight 100)', edits, isPreferred: true }] : [],
    }];
  },
  docs: {
    why:
      'A `requiredDuringSchedulingIgnoredDuringExecution` pod anti-affinity term with `topologyKey: kubernetes.io/hostname` whose label ' +
      'selector matches the workload\'s own pods allows at most one such pod per node. On a single node the first replica runs and every ' +
      'other replica stays `Pending` forever. HA manifests (Argo CD HA, redis-ha, ZooKeeper) ship exactly this. Terms whose selector does ' +
      'not match the pod template\'s labels, or that look at other namespaces, do not fire.',
    fix: 'The quick-fix turns the matching terms into `preferredDuringSchedulingIgnoredDuringExecution` terms with `weight: 100`: the scheduler still spreads the pods when there are more nodes, and places them all on one node when there is only one. Alternatively set `replicas: 1`.',
    sources: [SOURCES.k8sAssignPod],
    example: {
      bad:
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      affinity:\n        podAntiAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n          - labelSelector:\n              matchLabels:\n                app: web\n            topologyKey: kubernetes.io/hostname\n',
      good:
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      affinity:\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution:\n          - weight: 100\n            podAffinityTerm:\n              labelSelector:\n                matchLabels:\n                  app: web\n              topologyKey: kubernetes.io/hostname\n',
    },
  },
};
