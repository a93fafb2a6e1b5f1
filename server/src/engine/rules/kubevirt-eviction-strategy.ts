/** A VM that waits for live migration on eviction makes the only node impossible to drain. */
import type { Rule, RuleReport } from '../types';
import { findPair, getIn, nodeRange, scalarString } from '../yaml-ast';
import { replaceScalar } from '../edits';
import { isKind } from '../kinds';
import { SOURCES } from '../sources';

const WHY: Record<string, string> = {
  LiveMigrate: 'makes every eviction of this VM wait for a live migration',
  LiveMigrateIfPossible: 'makes every eviction of this VM wait for a live migration whenever its disks are shared (RWX, as Harvester creates them)',
  External: 'denies every eviction of this VM and waits for an external controller to move it',
};

export const kubevirtEvictionStrategy: Rule = {
  id: 'kubevirt-eviction-strategy',
  title: 'VM eviction strategy must not wait for live migration on a single node',
  severity: 'warning',
  platforms: ['harvester', 'kubev', 'kubernetes', 'openshift'],
  fixable: true,
  appliesTo: (document) =>
    isKind(document, 'kubevirt.io', ['VirtualMachine', 'VirtualMachineInstance']),
  check({ file, document }): RuleReport[] {
    const root = document.doc.contents;
    const isVm = document.kind.type === 'kubernetes' && document.kind.kind === 'VirtualMachine';
    const spec = getIn(root, isVm ? ['spec', 'template', 'spec'] : ['spec']);
    const pair = findPair(spec, 'evictionStrategy');
    const value = scalarString(pair?.value);
    if (!pair || value === undefined || !(value in WHY)) return [];
    const range = nodeRange(file, pair.value);
    if (!range) return [];
    const edit = replaceScalar(file, pair.value, 'None');
    return [{
      message: `evictionStrategy ${value} ${WHY[value]}, but on one node there is no other node to migrate to, so draining the node (upgrades, maintenance) never finishes.`,
      range,
      fixes: edit ? [{ title: 'Set evictionStrategy: None', edits: [edit], isPreferred: true }] : [],
    }];
  },
  docs: {
    why:
      'KubeVirt\'s eviction webhook denies the eviction of a `LiveMigrate` VM and starts a live migration instead; `External` is always denied ' +
      'and left to an external controller; `LiveMigrateIfPossible` behaves like `LiveMigrate` whenever the VM is migratable. The migration ' +
      'target pod must run on a different node than the source, so on a single node it is never scheduled, the migration times out and ' +
      'the eviction is retried forever: `kubectl drain` of the only node (OS upgrades, Harvester or Kube-V maintenance) never completes. ' +
      'Harvester\'s VM builder writes `LiveMigrateIfPossible` by default since v1.4.',
    fix: 'The quick-fix sets `evictionStrategy: None`: an eviction then stops the VM, which restarts according to its run strategy. Shut VMs down before maintenance on a single node.',
    sources: [SOURCES.kubevirtEvictionAdmitter, SOURCES.kubevirtMigrationTarget, SOURCES.kubevirtApiTypes, SOURCES.harvesterSingleNode],
    example: {
      bad: 'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata:\n  name: vm\nspec:\n  template:\n    spec:\n      evictionStrategy: LiveMigrate\n',
      good: 'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata:\n  name: vm\nspec:\n  template:\n    spec:\n      evictionStrategy: None\n',
    },
  },
};
