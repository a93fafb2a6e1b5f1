/** A PodDisruptionBudget that allows no eviction makes draining the only node impossible. */
import type { Rule, RuleReport, WorkloadFacts } from '../types';
import { findPair, getIn, keyRange, nodeRange, scalarOf, scalarString } from '../yaml-ast';
import { replaceScalar, renameKey } from '../edits';
import { selectorMatches } from '../selectors';
import { isKind } from '../kinds';
import { SOURCES } from '../sources';
import { listSome } from '../list-text';

/** An int or a percentage, as IntOrString fields are written. */
function parseIntOrPercent(value: unknown): { n: number; percent: boolean } | undefined {
  const s = scalarOf(value);
  if (!s) return undefined;
  if (typeof s.value === 'number' && Number.isInteger(s.value)) return { n: s.value, percent: false };
  const m = typeof s.value === 'string' ? /^\s*(\d+)\s*(%?)\s*$/.exec(s.value) : null;
  return m ? { n: Number(m[1]), percent: m[2] === '%' } : undefined;
}

/** Pods that must stay up, as the disruption controller computes it (percentages round up). */
function requiredAvailable(min: { n: number; percent: boolean }, replicas: number): number {
  return min.percent ? Math.ceil((min.n * replicas) / 100) : min.n;
}

function describeWorkload(w: WorkloadFacts, uri: string): string {
  const where = w.uri === uri ? '' : ` in ${w.uri}`;
  return `${w.kind} ${w.name} (replicas: ${w.replicas}${where})`;
}

export const pdbBlocksDrain: Rule = {
  id: 'pdb-blocks-drain',
  title: 'PodDisruptionBudget must allow an eviction on a single node',
  severity: 'warning',
  platforms: ['harvester', 'openshift', 'kubev', 'kubernetes'],
  fixable: true,
  appliesTo: (document) => isKind(document, 'policy', ['PodDisruptionBudget']),
  check(ctx): RuleReport[] {
    const { file, document } = ctx;
    const spec = getIn(document.doc.contents, ['spec']);
    const fixToMaxUnavailable = (pair: NonNullable<ReturnType<typeof findPair>>) => {
      const rename = pair.key && scalarString(pair.key) === 'minAvailable' ? renameKey(file, pair, 'maxUnavailable') : undefined;
      const value = replaceScalar(file, pair.value, 1);
      const edits = [rename, value].filter((e) => e !== undefined);
      return edits.length > 0 ? [{ title: 'Allow one eviction (maxUnavailable: 1)', edits, isPreferred: true }] : [];
    };

    const maxUnavailable = findPair(spec, 'maxUnavailable');
    const max = parseIntOrPercent(maxUnavailable?.value);
    if (maxUnavailable && max && max.n === 0) {
      return [{
        message: `maxUnavailable: ${scalarString(maxUnavailable.value)} allows no voluntary eviction at all, so draining the only node (upgrades, maintenance) never finishes.`,
        range: nodeRange(file, maxUnavailable.value) ?? keyRange(file, maxUnavailable)!,
        fixes: fixToMaxUnavailable(maxUnavailable),
      }];
    }

    const minAvailable = findPair(spec, 'minAvailable');
    const min = parseIntOrPercent(minAvailable?.value);
    if (!minAvailable || !min) return [];
    const range = nodeRange(file, minAvailable.value) ?? keyRange(file, minAvailable)!;
    if (min.percent && min.n >= 100) {
      return [{ message: `minAvailable: ${scalarString(minAvailable.value)} allows no voluntary eviction, so draining the only node never finishes.`, range, fixes: fixToMaxUnavailable(minAvailable) }];
    }
    const namespace = scalarString(getIn(document.doc.contents, ['metadata', 'namespace']));
    const selector = getIn(spec, ['selector']);
    const blocked = ctx.workspace
      .workloads()
      .filter((w) => w.namespace === namespace && selectorMatches(selector, new Map(w.podLabels)) === true)
      .filter((w) => requiredAvailable(min, w.replicas) >= w.replicas);
    if (blocked.length === 0) return [];
    const what = listSome(blocked.map((w) => describeWorkload(w, ctx.uri)));
    return [{
      message: `minAvailable: ${scalarString(minAvailable.value)} keeps every pod of ${what} from being evicted, and on one node all of them are on the node being drained, so the drain never finishes.`,
      range,
      fixes: fixToMaxUnavailable(minAvailable),
    }];
  },
  docs: {
    why:
      'Draining a node (`kubectl drain`, `oc adm drain`, Harvester and Kube-V upgrades) evicts its pods through the eviction API, which ' +
      'refuses any eviction that would break a PodDisruptionBudget. `maxUnavailable: 0` (or `0%`) and `minAvailable: 100%` never allow one. ' +
      '`minAvailable: N` allows none when N is at least the replica count of the workload it selects (percentages round up: 67% of 3 ' +
      'is 3). With several nodes a drain waits until the pods are rescheduled elsewhere; on one node every replica is on the node being ' +
      'drained, so the drain never finishes. The rule finds the selected workloads anywhere in the workspace (in the CLI: among the ' +
      'paths given), in the PDB\'s namespace.',
    fix: 'The quick-fix replaces the budget with `maxUnavailable: 1`, which lets the drain evict one pod at a time. Consider also `unhealthyPodEvictionPolicy: AlwaysAllow`, so pods that are not ready never block a drain.',
    sources: [SOURCES.k8sPdb, SOURCES.k8sDrain],
    example: {
      bad: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      app: web\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n  template:\n    metadata:\n      labels:\n        app: web\n',
      good: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: web\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n  template:\n    metadata:\n      labels:\n        app: web\n',
    },
  },
};
