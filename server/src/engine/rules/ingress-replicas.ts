/** More than one router on single-node OpenShift cannot be scheduled (host ports) or adds nothing. */
import type { Rule, RuleReport } from '../types';
import { findPair, getIn, nodeRange, scalarInt, scalarString } from '../yaml-ast';
import { replaceScalar } from '../edits';
import { isKind } from '../kinds';
import { SOURCES } from '../sources';

export const ingressReplicas: Rule = {
  id: 'ingress-replicas',
  title: 'IngressController must run one router replica on single-node OpenShift',
  severity: 'warning',
  platforms: ['openshift'],
  fixable: true,
  appliesTo: (document) => isKind(document, 'operator.openshift.io', ['IngressController']),
  check({ file, document }): RuleReport[] {
    const spec = getIn(document.doc.contents, ['spec']);
    const pair = findPair(spec, 'replicas');
    const replicas = scalarInt(pair?.value);
    if (!pair || replicas === undefined || replicas <= 1) return [];
    const range = nodeRange(file, pair.value);
    if (!range) return [];
    const publishing = scalarString(getIn(spec, ['endpointPublishingStrategy', 'type']));
    const hostNetwork = publishing === undefined || publishing === 'HostNetwork';
    const message = hostNetwork
      ? `IngressController replicas: ${replicas} asks for ${replicas} routers, but with HostNetwork publishing (the default on platform none) each router binds host ports 80, 443 and 1936, so only one fits on the single node and ${replicas === 2 ? 'the other stays' : `the other ${replicas - 1} stay`} Pending.`
      : `IngressController replicas: ${replicas} runs ${replicas} routers on the same single node, which adds no redundancy (they fail together) and is not what the ingress operator chooses for single-node OpenShift (1).`;
    const edit = replaceScalar(file, pair.value, 1);
    return [{ message, range, fixes: edit ? [{ title: 'Set replicas: 1', edits: [edit], isPreferred: true }] : [] }];
  },
  docs: {
    why:
      'On single-node OpenShift the ingress operator runs one router (it derives the count from the `SingleReplica` infrastructure topology). ' +
      'An explicit `spec.replicas` above 1 overrides that. On platform `none`, the usual SNO platform, routers publish with `HostNetwork`: ' +
      'each router binds ports 80, 443 and 1936 on the node, so the scheduler can place only one and the rest stay `Pending` ' +
      '(the operator then reports the IngressController as degraded). With other publishing strategies the extra routers run, but on ' +
      'one node they share one failure domain and add no availability.',
    fix: 'The quick-fix sets `spec.replicas: 1`. Omitting `spec.replicas` also works: the operator then picks 1 on a single node.',
    sources: [SOURCES.ingressReplicas, SOURCES.ingressDeployment],
    example: {
      bad: 'apiVersion: operator.openshift.io/v1\nkind: IngressController\nmetadata:\n  name: default\n  namespace: openshift-ingress-operator\nspec:\n  replicas: 2\n',
      good: 'apiVersion: operator.openshift.io/v1\nkind: IngressController\nmetadata:\n  name: default\n  namespace: openshift-ingress-operator\nspec:\n  replicas: 1\n',
    },
  },
};
