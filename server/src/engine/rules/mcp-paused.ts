/** A paused master pool on single-node OpenShift stops every node update, including the kubelet CA rotation. */
import { isScalar } from 'yaml';
import type { Rule, RuleReport } from '../types';
import { findPair, getIn, nodeRange, scalarString, stringMap } from '../yaml-ast';
import { edit } from '../edits';
import { isKind } from '../kinds';
import { SOURCES } from '../sources';

/** Whether the pool holds the control-plane node: the built-in master pool, or a pool selecting master nodes. */
function holdsControlPlane(root: unknown): boolean {
  if (scalarString(getIn(root, ['metadata', 'name'])) === 'master') return true;
  const nodeLabels = stringMap(getIn(root, ['spec', 'nodeSelector', 'matchLabels']));
  return nodeLabels.has('node-role.kubernetes.io/master') || nodeLabels.has('node-role.kubernetes.io/control-plane');
}

export const mcpPaused: Rule = {
  id: 'mcp-paused',
  title: 'The master MachineConfigPool must not stay paused on single-node OpenShift',
  severity: 'warning',
  platforms: ['openshift'],
  fixable: true,
  appliesTo: (document) => isKind(document, 'machineconfiguration.openshift.io', ['MachineConfigPool']),
  check({ file, document }): RuleReport[] {
    const root = document.doc.contents;
    const pair = findPair(getIn(root, ['spec']), 'paused');
    // Only a YAML boolean true pauses; `"true"` (a string) is rejected by the API server instead.
    if (!pair || !isScalar(pair.value) || pair.value.value !== true || !pair.value.range) return [];
    // Other pools hold no machine on a single-node cluster: pausing them changes nothing.
    if (!holdsControlPlane(root)) return [];
    const range = nodeRange(file, pair.value);
    if (!range) return [];
    const [start, end] = pair.value.range;
    return [{
      message:
        `paused: ${file.text.slice(start, end)} stops the master pool, the only pool of a single-node cluster, from applying any MachineConfig, including the ` +
        'automatic kubelet CA rotation (about day 292), after which oc logs, oc exec and oc debug fail.',
      range,
      fixes: [{ title: 'Set paused: false', edits: [edit(file, start, end, 'false')], isPreferred: true }],
    }];
  },
  docs: {
    why:
      'A paused MachineConfigPool neither renders nor applies MachineConfigs. On single-node OpenShift the node is only in the ' +
      '`master` pool, so pausing it stops every OS, kernel and configuration update for the whole cluster. It also blocks the ' +
      'automatic rotation of the `kube-apiserver-to-kubelet-signer` CA: the new CA is issued about 292 days after install and the ' +
      'old one removed at 365 days. If the pool is still paused when the CA must be pushed to the node, `oc logs`, `oc exec`, ' +
      '`oc debug` and `oc attach` stop working. MCO raises `MachineConfigControllerPausedPoolKubeletCA` (warning after an hour, ' +
      'critical 14 days before expiry). Pausing for a short, planned batch of changes is fine; a manifest that leaves it paused is not.',
    fix: 'The quick-fix sets `spec.paused: false`. Pause a pool only for the duration of a maintenance window, then unpause it.',
    sources: [SOURCES.mcpPausedRunbook, SOURCES.mcpPausedBlog, SOURCES.openshiftApiMachineConfig, SOURCES.mcoHelpers],
    example: {
      bad: 'apiVersion: machineconfiguration.openshift.io/v1\nkind: MachineConfigPool\nmetadata:\n  name: master\nspec:\n  paused: true\n',
      good: 'apiVersion: machineconfiguration.openshift.io/v1\nkind: MachineConfigPool\nmetadata:\n  name: master\nspec:\n  paused: false\n',
    },
  },
};
