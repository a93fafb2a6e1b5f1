/** Topology spread constraints that a single node can never satisfy. */
import type { Rule, RuleReport } from '../types';
import { get, getIn, nodeRange, findPair, scalarInt, scalarString, seqItems } from '../yaml-ast';
import { replaceScalar } from '../edits';
import { podTemplate } from '../pod-spec';
import { HOSTNAME_TOPOLOGY_KEY } from '../affinity';
import { SOURCES } from '../sources';

export const topologySpreadUnsatisfiable: Rule = {
  id: 'topology-spread-unsatisfiable',
  title: 'Topology spread constraints a single node cannot satisfy',
  severity: 'warning',
  platforms: ['harvester', 'openshift', 'kubev', 'kubernetes'],
  fixable: true,
  appliesTo: (document) => podTemplate(document) !== undefined,
  check({ file, document }): RuleReport[] {
    const template = podTemplate(document)!;
    const constraints = seqItems(get(getIn(document.doc.contents, template.specPath), 'topologySpreadConstraints'));
    const reports: RuleReport[] = [];
    for (const constraint of constraints) {
      const when = findPair(constraint, 'whenUnsatisfiable');
      if (scalarString(when?.value) !== 'DoNotSchedule' || !when) continue;
      const key = scalarString(get(constraint, 'topologyKey'));
      const minDomains = scalarInt(get(constraint, 'minDomains'));
      const maxSkew = scalarInt(get(constraint, 'maxSkew')) ?? 1;
      let why: string | undefined;
      if (minDomains !== undefined && minDomains > 1) {
        why = `minDomains: ${minDomains} with DoNotSchedule counts the missing domains as empty, so on one node only maxSkew (${maxSkew}) pods can ever be scheduled and the rest stay Pending`;
      } else if (key !== undefined && key !== HOSTNAME_TOPOLOGY_KEY) {
        why = `DoNotSchedule on topologyKey ${key} leaves the pods unschedulable forever when the node has no ${key} label, which single bare-metal nodes usually lack`;
      }
      const range = nodeRange(file, when.value);
      if (!why || !range) continue;
      const edit = replaceScalar(file, when.value, 'ScheduleAnyway');
      reports.push({ message: `${why}.`, range, fixes: edit ? [{ title: 'Set whenUnsatisfiable: ScheduleAnyway', edits: [edit], isPreferred: true }] : [] });
    }
    return reports;
  },
  docs: {
    why:
      'The scheduler\'s PodTopologySpread filter treats a node without the constraint\'s `topologyKey` label as unschedulable and ' +
      'unresolvable for `whenUnsatisfiable: DoNotSchedule`: a bare-metal single node rarely carries `topology.kubernetes.io/zone` or ' +
      '`region`, so the pods never schedule. With `minDomains` above 1, fewer eligible domains than `minDomains` make the global ' +
      'minimum 0, so on one node at most `maxSkew` pods fit and the rest stay Pending. A `DoNotSchedule` spread on ' +
      '`kubernetes.io/hostname` without `minDomains` is fine on one node (one domain, skew 0) and is not reported.',
    fix: 'The quick-fix sets `whenUnsatisfiable: ScheduleAnyway`: the scheduler still prefers spreading when there are more nodes or zones, and schedules the pods when there is one. Alternatively label the node, or spread on `kubernetes.io/hostname` without `minDomains`.',
    sources: [SOURCES.k8sTopologySpread, SOURCES.k8sTopologySpreadFilter],
    example: {
      bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  template:\n    spec:\n      topologySpreadConstraints:\n        - maxSkew: 1\n          topologyKey: topology.kubernetes.io/zone\n          whenUnsatisfiable: DoNotSchedule\n',
      good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  template:\n    spec:\n      topologySpreadConstraints:\n        - maxSkew: 1\n          topologyKey: topology.kubernetes.io/zone\n          whenUnsatisfiable: ScheduleAnyway\n',
    },
  },
};
