/** One replica with required hostname anti-affinity: every rolling update deadlocks on one node. */
import type { Rule, RuleReport } from '../types';
import { get, getIn, keyRange, scalarOf, scalarString } from '../yaml-ast';
import { ownHostnameAntiAffinity } from '../affinity';
import { preferredAntiAffinityEdits } from '../fixes/preferred-anti-affinity';
import { podTemplate } from '../pod-spec';
import { isKind } from '../kinds';
import { SOURCES } from '../sources';

/** maxSurge/maxUnavailable resolved for `replicas` the way the Deployment controller does. */
function resolve(value: unknown, replicas: number, roundUp: boolean, fallback: number): number {
  const s = scalarOf(value);
  if (!s) return fallback;
  if (typeof s.value === 'number') return s.value;
  const m = typeof s.value === 'string' ? /^\s*(\d+)%\s*$/.exec(s.value) : null;
  if (!m) return fallback;
  const exact = (Number(m[1]) * replicas) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

export const antiAffinityRolloutDeadlock: Rule = {
  id: 'anti-affinity-rollout-deadlock',
  title: 'Required hostname anti-affinity deadlocks rolling updates on one node',
  severity: 'warning',
  platforms: ['harvester', 'openshift', 'kubev', 'kubernetes'],
  fixable: true,
  appliesTo: (document) => isKind(document, 'apps', ['Deployment']),
  check({ file, document }): RuleReport[] {
    const template = podTemplate(document)!;
    // Above one replica, required-anti-affinity already reports the Pending replicas.
    if (template.replicas > 1) return [];
    const root = document.doc.contents;
    const strategy = getIn(root, ['spec', 'strategy']);
    if ((scalarString(get(strategy, 'type')) ?? 'RollingUpdate') !== 'RollingUpdate') return [];
    const rolling = get(strategy, 'rollingUpdate');
    const replicas = Math.max(template.replicas, 1);
    // Defaults 25%/25%: maxUnavailable rounds down (0 of 1), maxSurge rounds up (1 of 1).
    const maxUnavailable = resolve(get(rolling, 'maxUnavailable'), replicas, false, Math.floor(0.25 * replicas));
    const maxSurge = resolve(get(rolling, 'maxSurge'), replicas, true, Math.ceil(0.25 * replicas));
    if (maxUnavailable > 0 || maxSurge === 0) return [];
    const found = ownHostnameAntiAffinity(root, template.specPath);
    const range = found && keyRange(file, found.required);
    if (!found || !range) return [];
    const { antiAffinity, required, offending } = found;
    const edits = preferredAntiAffinityEdits(file, antiAffinity, required, offending);
    return [{
      message: 'A rolling update starts the new pod before stopping the old one (maxUnavailable 0, maxSurge 1), but this required anti-affinity on kubernetes.io/hostname keeps it off the only node, so every rollout waits forever.',
      range,
      fixes: edits ? [{ title: 'Make the anti-affinity preferred (weight 100)', edits, isPreferred: true }] : [],
    }];
  },
  docs: {
    why:
      'With one replica and the default RollingUpdate strategy (25% / 25%), maxUnavailable rounds down to 0 and maxSurge rounds up to 1: ' +
      'the Deployment controller creates the new pod first and removes the old one only when the new one is ready. A required pod ' +
      'anti-affinity on `kubernetes.io/hostname` that matches the workload\'s own pods forbids the new pod on the node where the old ' +
      'one runs. With several nodes it goes elsewhere; on a single node it stays Pending and the old pod is never removed, so every ' +
      'rollout (a new image, a changed ConfigMap reference) hangs. This is why the OpenShift ingress operator drops the affinity on ' +
      'single-node clusters.',
    fix: 'The quick-fix makes the matching terms preferred (weight 100), so the new pod can start next to the old one. Alternatives: `strategy.type: Recreate`, or `maxSurge: 0` with `maxUnavailable: 1` (both take the pod down during the rollout).',
    sources: [SOURCES.k8sRollingUpdate, SOURCES.k8sAssignPod, SOURCES.ingressDeployment],
    example: {
      bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 1\n  template:\n    metadata:\n      labels:\n        app: api\n    spec:\n      affinity:\n        podAntiAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n          - labelSelector:\n              matchLabels:\n                app: api\n            topologyKey: kubernetes.io/hostname\n',
      good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 1\n  template:\n    metadata:\n      labels:\n        app: api\n    spec:\n      affinity:\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution:\n          - weight: 100\n            podAffinityTerm:\n              labelSelector:\n                matchLabels:\n                  app: api\n              topologyKey: kubernetes.io/hostname\n',
    },
  },
};
