/** KubeletConfig and ContainerRuntimeConfig must select the master pool on single-node OpenShift. */
import { isMap, isScalar } from 'yaml';
import type { Rule, RuleReport, TextEdit } from '../types';
import { findPair, get, keyRange, keyText, mapItems, scalarString, seqItems, stringMap, documentAnchor, walkExisting } from '../yaml-ast';
import { insertPath, replaceScalar } from '../edits';
import { isKind } from '../kinds';
import { selectorMatches } from '../selectors';
import { SOURCES } from '../sources';

export const POOL_LABEL_PREFIX = 'pools.operator.machineconfiguration.openshift.io/';
export const MASTER_POOL_LABEL = `${POOL_LABEL_PREFIX}master`;
const WORKER_POOL_LABEL = `${POOL_LABEL_PREFIX}worker`;

/** Labels MCO puts on its built-in pools (manifests/*.machineconfigpool.yaml). */
const BUILT_IN = ['operator.machineconfiguration.openshift.io/required-for-upgrade', 'machineconfiguration.openshift.io/mco-built-in'];
const MASTER_POOL_LABELS = new Map([[MASTER_POOL_LABEL, ''], [BUILT_IN[0], ''], [BUILT_IN[1], '']]);
const WORKER_POOL_LABELS = new Map([[WORKER_POOL_LABEL, ''], [BUILT_IN[1], '']]);

/** Whether every label key the selector reads is a pool label MCO manages (so the file alone decides). */
function onlyPoolLabels(selector: unknown): boolean {
  const keys = [...stringMap(get(selector, 'matchLabels')).keys()];
  for (const expr of seqItems(get(selector, 'matchExpressions'))) keys.push(scalarString(get(expr, 'key')) ?? '');
  return keys.length > 0 && keys.every((k) => (k.startsWith(POOL_LABEL_PREFIX) && k.length > POOL_LABEL_PREFIX.length) || BUILT_IN.includes(k));
}

function isEmptySelector(selector: unknown): boolean {
  if (selector == null || (isScalar(selector) && selector.value === null)) return true;
  if (!isMap(selector)) return false;
  return mapItems(get(selector, 'matchLabels')).length === 0 && seqItems(get(selector, 'matchExpressions')).length === 0;
}

export const kubeletconfigPoolSelector: Rule = {
  id: 'kubeletconfig-pool-selector',
  title: 'KubeletConfig and ContainerRuntimeConfig must select the master pool on single-node OpenShift',
  severity: 'warning',
  platforms: ['openshift'],
  fixable: true,
  appliesTo: (document) => isKind(document, 'machineconfiguration.openshift.io', ['KubeletConfig', 'ContainerRuntimeConfig']),
  check({ file, document }): RuleReport[] {
    const root = document.doc.contents;
    const kind = document.kind.type === 'kubernetes' ? document.kind.kind : 'object';
    const tail = `but the single node of a single-node OpenShift cluster is only in the master pool, so this ${kind} is never applied and nothing reports an error.`;
    const spec = findPair(root, 'spec');
    const pair = findPair(spec?.value, 'machineConfigPoolSelector');
    const selector = pair?.value;

    if (!pair || isEmptySelector(selector)) {
      const walk = walkExisting(root, ['spec', 'machineConfigPoolSelector', 'matchLabels', MASTER_POOL_LABEL]);
      const edit = insertPath(file, walk, '""');
      const what = !pair ? 'is not set' : isMap(selector) ? 'is empty' : 'is null';
      return [{
        message: `spec.machineConfigPoolSelector ${what}, which selects no pool, ${tail}`,
        range: (pair && keyRange(file, pair)) ?? (spec && keyRange(file, spec)) ?? documentAnchor(file, root, document.start),
        fixes: edit ? [{ title: `Select the master pool (${MASTER_POOL_LABEL}: "")`, edits: [edit], isPreferred: true }] : [],
      }];
    }
    if (!isMap(selector) || !onlyPoolLabels(selector)) return [];
    if (selectorMatches(selector, MASTER_POOL_LABELS) !== false) return [];
    const worker = selectorMatches(selector, WORKER_POOL_LABELS) === true;
    const pools = [...stringMap(get(selector, 'matchLabels')).keys()].filter((k) => k.startsWith(POOL_LABEL_PREFIX)).map((k) => k.slice(POOL_LABEL_PREFIX.length));
    const what = worker ? 'selects only the worker pool' : pools.length > 0 ? `selects the ${pools.join(', ')} pool` : 'does not select the master pool';

    // Rename the single pool label when that is the whole selector; anything richer is left to the user.
    let edit: TextEdit | undefined;
    const labels = mapItems(get(selector, 'matchLabels'));
    const single = labels.length === 1 && seqItems(get(selector, 'matchExpressions')).length === 0 ? labels[0] : undefined;
    // Pool labels have the value "": renaming the key is enough only when the value already is "".
    if (single && keyText(single)?.startsWith(POOL_LABEL_PREFIX) && (scalarString(single.value) ?? '') === '') {
      // replaceScalar on the key keeps its quoting style.
      edit = replaceScalar(file, single.key, MASTER_POOL_LABEL);
    }
    const anchor = labels.length === 1 ? keyRange(file, labels[0]) : keyRange(file, pair);
    return [{
      message: `spec.machineConfigPoolSelector ${what}, ${tail}`,
      range: anchor ?? keyRange(file, pair) ?? documentAnchor(file, root, document.start),
      fixes: edit ? [{ title: `Select the master pool (${MASTER_POOL_LABEL})`, edits: [edit], isPreferred: true }] : [],
    }];
  },
  docs: {
    why:
      'A KubeletConfig or ContainerRuntimeConfig becomes a MachineConfig for the pools its `spec.machineConfigPoolSelector` selects. ' +
      'Unlike most Kubernetes selectors, a missing or empty (`{}`) selector selects **no** pool. The node of a single-node OpenShift ' +
      'cluster is only in the `master` pool (a node that is both master and worker lives in the master pool), so a selector for the ' +
      '`worker` pool (`pools.operator.machineconfiguration.openshift.io/worker: ""`, as most examples use) or for a custom pool ' +
      'renders a config for a pool without machines: nothing is applied and nothing reports an error. Selectors on custom labels ' +
      '(which you may have put on the master pool yourself) are not judged.',
    fix:
      'The quick-fix selects the master pool with `matchLabels: {pools.operator.machineconfiguration.openshift.io/master: ""}`: it adds ' +
      'the selector when it is missing or empty, and renames a single worker or custom pool label. Applying the result reboots the node.',
    sources: [SOURCES.openshiftApiMachineConfig, SOURCES.mcoMasterPool, SOURCES.mcoHelpers],
    example: {
      bad: 'apiVersion: machineconfiguration.openshift.io/v1\nkind: KubeletConfig\nmetadata:\n  name: set-max-pods\nspec:\n  machineConfigPoolSelector:\n    matchLabels:\n      pools.operator.machineconfiguration.openshift.io/worker: ""\n  kubeletConfig:\n    maxPods: 300\n',
      good: 'apiVersion: machineconfiguration.openshift.io/v1\nkind: KubeletConfig\nmetadata:\n  name: set-max-pods\nspec:\n  machineConfigPoolSelector:\n    matchLabels:\n      pools.operator.machineconfiguration.openshift.io/master: ""\n  kubeletConfig:\n    maxPods: 300\n',
    },
  },
};
