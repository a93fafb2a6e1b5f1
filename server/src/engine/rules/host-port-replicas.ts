/** Replicas that bind the same host port cannot share the only node. */
import type { Rule, RuleReport } from '../types';
import { findPair, get, getIn, keyRange, nodeRange, scalarInt, scalarOf, seqItems } from '../yaml-ast';
import { replaceScalar } from '../edits';
import { podTemplate } from '../pod-spec';
import { SOURCES } from '../sources';

export const hostPortReplicas: Rule = {
  id: 'host-port-replicas',
  title: 'Replicas using host ports cannot share one node',
  severity: 'warning',
  platforms: ['harvester', 'openshift', 'kubev', 'kubernetes'],
  fixable: true,
  appliesTo: (document) => {
    const t = podTemplate(document);
    return t !== undefined && t.kind !== 'Pod';
  },
  check({ file, document }): RuleReport[] {
    const template = podTemplate(document)!;
    if (template.replicas <= 1) return [];
    const root = document.doc.contents;
    const spec = getIn(root, template.specPath);
    const hostNetwork = scalarOf(get(spec, 'hostNetwork'))?.value === true;
    const ports: number[] = [];
    for (const container of [...seqItems(get(spec, 'containers')), ...seqItems(get(spec, 'initContainers'))]) {
      for (const port of seqItems(get(container, 'ports'))) {
        // With hostNetwork every containerPort is a port on the node itself.
        const bound = scalarInt(get(port, 'hostPort')) ?? (hostNetwork ? scalarInt(get(port, 'containerPort')) : undefined);
        if (bound !== undefined && bound > 0) ports.push(bound);
      }
    }
    if (ports.length === 0) return [];
    const replicas = findPair(getIn(root, ['spec']), 'replicas');
    if (!replicas) return [];
    const edit = replaceScalar(file, replicas.value, 1);
    const how = hostNetwork ? 'use the host network and listen on' : 'bind host port';
    const list = [...new Set(ports)].sort((a, b) => a - b).join(', ');
    return [{
      message: `This ${template.kind} runs ${template.replicas} replicas whose pods ${how} ${list}, and two pods cannot bind the same port on one node, so only one runs and the others stay Pending.`,
      range: nodeRange(file, replicas.value) ?? keyRange(file, replicas)!,
      fixes: edit ? [{ title: 'Set replicas: 1', edits: [edit], isPreferred: true }] : [],
    }];
  },
  docs: {
    why:
      'A container port with `hostPort`, or any container port of a pod with `hostNetwork: true`, is opened on the node itself. The ' +
      'scheduler never places two pods that need the same host port on the same node. With several replicas on a single node, the ' +
      'first pod runs and every other replica stays `Pending` (this is why the OpenShift router runs one replica on a single node).',
    fix: 'The quick-fix sets `replicas: 1`. If you need more than one pod on the node, drop `hostPort` (and `hostNetwork`) and expose the pods through a Service instead.',
    sources: [SOURCES.k8sHostPort, SOURCES.ingressDeployment],
    example: {
      bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: edge-proxy\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: proxy\n          image: envoyproxy/envoy\n          ports:\n            - containerPort: 8080\n              hostPort: 80\n',
      good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: edge-proxy\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n        - name: proxy\n          image: envoyproxy/envoy\n          ports:\n            - containerPort: 8080\n              hostPort: 80\n',
    },
  },
};

