/** A Longhorn node drain policy that protects the last replica blocks every drain of a single node. */
import type { Rule, RuleReport } from '../types';
import { deref, findPair, literalText, nodeRange } from '../yaml-ast';
import { replaceScalar } from '../edits';
import { SOURCES } from '../sources';
import { isLonghornSetting } from './longhorn-default-replica-count';

const BLOCKING: Record<string, string> = {
  'block-for-eviction': 'evicts every replica off the node before letting the drain continue',
  'block-for-eviction-if-contains-last-replica': 'evicts the last healthy replicas off the node before letting the drain continue',
  'block-if-contains-last-replica': 'blocks the drain while the node holds the last healthy replica of a volume',
};

const FIX = 'allow-if-replica-is-stopped';

export const longhornNodeDrainPolicy: Rule = {
  id: 'longhorn-node-drain-policy',
  title: 'Longhorn node-drain-policy must not wait for replicas on a single node',
  severity: 'warning',
  platforms: ['harvester', 'kubev', 'kubernetes', 'openshift'],
  fixable: true,
  appliesTo: (document) => isLonghornSetting(document, 'node-drain-policy'),
  check({ file, document }): RuleReport[] {
    const pair = findPair(document.doc.contents, 'value');
    const value = pair ? deref(pair.value, document.doc) : undefined;
    const policy = literalText(file, value)?.trim();
    if (!pair || policy === undefined || !(policy in BLOCKING)) return [];
    const range = nodeRange(file, pair.value);
    if (!range) return [];
    const edit = value === pair.value ? replaceScalar(file, pair.value, FIX) : undefined;
    return [{
      message: `node-drain-policy ${policy} ${BLOCKING[policy]}, but on one node every replica is the last one and there is no other node to move it to, so kubectl drain (OS and Kubernetes upgrades, maintenance) never finishes while volumes are attached.`,
      range,
      fixes: edit ? [{ title: `Set node-drain-policy: ${FIX}`, edits: [edit], isPreferred: true }] : [],
    }];
  },
  docs: {
    why:
      'Longhorn\'s `node-drain-policy` decides what a `kubectl drain` of a node that holds replicas waits for. The `block-*` ' +
      'policies (`block-if-contains-last-replica` is Longhorn\'s default) keep the instance-manager from being evicted while the ' +
      'node holds the last healthy replica of a volume, or until its replicas are rebuilt elsewhere. On a single node every replica ' +
      'is the last one and there is nowhere to rebuild it, so the drain waits forever: OS upgrades, RKE2/Kubernetes upgrades and ' +
      'maintenance that drain the node hang. Harvester\'s installer sets `allow-if-replica-is-stopped` for this reason.',
    fix: 'The quick-fix sets `allow-if-replica-is-stopped` (Harvester\'s value): the drain proceeds once the volumes are detached, so stop the VMs or workloads first. `always-allow` drains even with attached volumes, at the risk of data in flight.',
    sources: [SOURCES.longhornSettingTypes, SOURCES.longhornSettingsDocs, SOURCES.longhornMaintenanceDocs, SOURCES.harvesterInstallerLonghornTemplate],
    example: {
      bad: 'apiVersion: longhorn.io/v1beta2\nkind: Setting\nmetadata:\n  name: node-drain-policy\n  namespace: longhorn-system\nvalue: block-if-contains-last-replica\n',
      good: 'apiVersion: longhorn.io/v1beta2\nkind: Setting\nmetadata:\n  name: node-drain-policy\n  namespace: longhorn-system\nvalue: allow-if-replica-is-stopped\n',
    },
  },
};
