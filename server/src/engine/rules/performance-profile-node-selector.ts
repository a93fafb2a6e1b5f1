/** A PerformanceProfile on single-node OpenShift must target the master role and pool. */
import type { ParsedFile, Rule, RuleReport, TextEdit } from '../types';
import { findPair, getIn, keyRange, keyText, mapItems, nodeRange, scalarString, type MapPair } from '../yaml-ast';
import { rangeIsEmpty, replaceScalar } from '../edits';
import { isKind } from '../kinds';
import { SOURCES } from '../sources';
import { ROLE_LABEL } from './machineconfig-pool-role';
import { MASTER_POOL_LABEL, POOL_LABEL_PREFIX } from './kubeletconfig-pool-selector';

const NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
const MASTER_NODE_LABEL = `${NODE_ROLE_PREFIX}master`;

/**
 * A role that is not the single node's pool. master (and control-plane, which the node also
 * carries) are fine; template placeholders (`$mcp`, `{{ role }}`) are not label names and are skipped.
 */
function otherRole(role: string | undefined): role is string {
  return role !== undefined && /^[a-z0-9]([-a-z0-9_.]*[a-z0-9])?$/i.test(role) && role !== 'master' && role !== 'control-plane';
}

function roleAfter(key: string | undefined, prefix: string): string | undefined {
  return key?.startsWith(prefix) ? key.slice(prefix.length) : undefined;
}

/**
 * Renames a label key and sets its value to "" (the value the master role and pool labels carry).
 * Not when the mapping already has that key: the rename would duplicate it.
 */
function relabel(file: ParsedFile, map: unknown, pair: MapPair, key: string): TextEdit[] | undefined {
  if (mapItems(map).some((p) => p !== pair && keyText(p) === key)) return undefined;
  // replaceScalar on the key keeps its quoting style.
  const rename = replaceScalar(file, pair.key, key);
  if (!rename) return undefined;
  const value = scalarString(pair.value);
  if (value === undefined || value === '') return [rename];
  const clear = replaceScalar(file, pair.value, '');
  return clear ? [rename, clear] : undefined;
}

export const performanceProfileNodeSelector: Rule = {
  id: 'performance-profile-node-selector',
  title: 'PerformanceProfile must select the master node role on single-node OpenShift',
  severity: 'warning',
  platforms: ['openshift'],
  fixable: true,
  appliesTo: (document) => isKind(document, 'performance.openshift.io', ['PerformanceProfile']),
  check({ file, document }): RuleReport[] {
    const spec = getIn(document.doc.contents, ['spec']);
    const reports: RuleReport[] = [];
    const tail = 'but the single node of a single-node OpenShift cluster is only in the master pool, so the kernel arguments, hugepages and CPU isolation of this profile are never applied.';
    const machineConfigLabel = findPair(spec, 'machineConfigLabel');

    // Without machineConfigLabel, the operator labels the profile's MachineConfigs with the nodeSelector's role.
    if (!machineConfigLabel) {
      const nodeSelector = getIn(spec, ['nodeSelector']);
      for (const pair of mapItems(nodeSelector)) {
        const role = roleAfter(keyText(pair), NODE_ROLE_PREFIX);
        if (!otherRole(role)) continue;
        const range = keyRange(file, pair);
        if (!range) continue;
        const edits = relabel(file, nodeSelector, pair, MASTER_NODE_LABEL);
        reports.push({
          message: `nodeSelector ${keyText(pair)} gives this profile's MachineConfigs the role ${role}, ${tail}`,
          range,
          fixes: edits ? [{ title: `Select ${MASTER_NODE_LABEL}: ""`, edits, isPreferred: true }] : [],
        });
      }
    } else {
      for (const pair of mapItems(machineConfigLabel.value)) {
        const role = keyText(pair) === ROLE_LABEL ? scalarString(pair.value) : undefined;
        if (!otherRole(role)) continue;
        const valueRange = nodeRange(file, pair.value);
        const range = valueRange && !rangeIsEmpty(valueRange) ? valueRange : keyRange(file, pair);
        if (!range) continue;
        const edit = replaceScalar(file, pair.value, 'master');
        reports.push({
          message: `machineConfigLabel ${ROLE_LABEL}: ${role} puts this profile's MachineConfigs in the ${role} pool, ${tail}`,
          range,
          fixes: edit ? [{ title: `Set ${ROLE_LABEL}: master`, edits: [edit], isPreferred: true }] : [],
        });
      }
    }

    const poolSelector = getIn(spec, ['machineConfigPoolSelector']);
    for (const pair of mapItems(poolSelector)) {
      const key = keyText(pair);
      const role = roleAfter(key, POOL_LABEL_PREFIX) ?? (key === ROLE_LABEL ? scalarString(pair.value) : undefined);
      if (!otherRole(role)) continue;
      const range = keyRange(file, pair);
      if (!range) continue;
      const edits = relabel(file, poolSelector, pair, MASTER_POOL_LABEL);
      reports.push({
        message:
          `machineConfigPoolSelector ${key}${key === ROLE_LABEL ? `: ${role}` : ''} points the KubeletConfig this profile generates at the ${role} pool, ` +
          'but the single node of a single-node OpenShift cluster is only in the master pool, so the reserved CPUs and the CPU and topology manager settings are never applied.',
        range,
        fixes: edits ? [{ title: `Select ${MASTER_POOL_LABEL}: ""`, edits, isPreferred: true }] : [],
      });
    }
    return reports;
  },
  docs: {
    why:
      'The Node Tuning Operator turns a PerformanceProfile into MachineConfigs and a KubeletConfig. Unless `spec.machineConfigLabel` is ' +
      'set, the MachineConfigs get `machineconfiguration.openshift.io/role=<role>` from the `spec.nodeSelector` key ' +
      '(`node-role.kubernetes.io/<role>`), and `spec.machineConfigPoolSelector` defaults to that role\'s pool. The node of a single-node ' +
      'OpenShift cluster is only in the `master` pool, so a profile for `worker`, `worker-cnf` or any other role renders configs for a ' +
      'pool without machines: the RT kernel, kernel arguments, hugepages and reserved/isolated CPUs never reach the node, and nothing ' +
      'reports an error. The telco RAN DU reference profile for single-node OpenShift uses `node-role.kubernetes.io/master: ""` and ' +
      '`pools.operator.machineconfiguration.openshift.io/master: ""`. Template placeholders such as `$mcp` are skipped.',
    fix:
      'The quick-fix selects `node-role.kubernetes.io/master: ""`, sets `machineConfigLabel` to role `master`, and points ' +
      '`machineConfigPoolSelector` at `pools.operator.machineconfiguration.openshift.io/master: ""`, whichever of them name another ' +
      'role. Applying the profile reboots the node.',
    sources: [SOURCES.ntoProfileDefaults, SOURCES.ntoPerformanceProfileTypes, SOURCES.mcoHelpers, SOURCES.ranDuPerformanceProfile],
    example: {
      bad: 'apiVersion: performance.openshift.io/v2\nkind: PerformanceProfile\nmetadata:\n  name: cnf\nspec:\n  cpu:\n    isolated: 2-15\n    reserved: 0-1\n  nodeSelector:\n    node-role.kubernetes.io/worker-cnf: ""\n',
      good: 'apiVersion: performance.openshift.io/v2\nkind: PerformanceProfile\nmetadata:\n  name: cnf\nspec:\n  cpu:\n    isolated: 2-15\n    reserved: 0-1\n  nodeSelector:\n    node-role.kubernetes.io/master: ""\n',
    },
  },
};
