/** On single-node OpenShift the only node is in the master pool: other roles are never applied. */
import type { Rule, RuleReport } from '../types';
import { findPair, keyRange, nodeRange, scalarString, documentAnchor, walkExisting } from '../yaml-ast';
import { insertPath, replaceScalar } from '../edits';
import { isKind } from '../kinds';
import { SOURCES } from '../sources';

export const ROLE_LABEL = 'machineconfiguration.openshift.io/role';

export const machineconfigPoolRole: Rule = {
  id: 'machineconfig-pool-role',
  title: 'MachineConfig must target the master pool on single-node OpenShift',
  severity: 'warning',
  platforms: ['openshift'],
  fixable: true,
  appliesTo: (document) => isKind(document, 'machineconfiguration.openshift.io', ['MachineConfig']),
  check({ file, document }): RuleReport[] {
    const root = document.doc.contents;
    const walk = walkExisting(root, ['metadata', 'labels', ROLE_LABEL]);
    const tail = 'but the single node of a single-node OpenShift cluster belongs only to the master pool, so this MachineConfig is never applied and nothing reports an error.';
    if (walk.missing.length === 0 && walk.pair) {
      const role = scalarString(walk.pair.value);
      if (role === 'master') return [];
      const edit = replaceScalar(file, walk.pair.value, 'master');
      return [{
        message: `This MachineConfig is for the "${role ?? ''}" pool, ${tail}`,
        range: nodeRange(file, walk.pair.value) ?? keyRange(file, walk.pair) ?? documentAnchor(file, root, document.start),
        fixes: edit ? [{ title: `Set ${ROLE_LABEL}: master`, edits: [edit], isPreferred: true }] : [],
      }];
    }
    const edit = insertPath(file, walk, 'master');
    const metadata = findPair(root, 'metadata');
    return [{
      message: `This MachineConfig has no ${ROLE_LABEL} label, so no pool selects it; ${tail}`,
      range: (walk.pair && keyRange(file, walk.pair)) ?? (metadata && keyRange(file, metadata)) ?? documentAnchor(file, root, document.start),
      fixes: edit ? [{ title: `Add ${ROLE_LABEL}: master`, edits: [edit], isPreferred: true }] : [],
    }];
  },
  docs: {
    why:
      'MachineConfigPools select MachineConfigs by the `machineconfiguration.openshift.io/role` label. The node of a single-node OpenShift ' +
      'cluster carries both the master and the worker role, and the Machine Config Operator puts such a node only in the `master` pool. ' +
      'A MachineConfig labelled `worker` (or a custom role) is rendered into a pool with no machines: it is never applied, and no error or ' +
      'degraded condition says so. Note that applying a MachineConfig to the master pool reboots the only node for most changes.',
    fix: 'The quick-fix sets the role label to `master`, or adds it when it is missing.',
    sources: [SOURCES.mcoHelpers, SOURCES.mcoSingleNode],
    example: {
      bad: 'apiVersion: machineconfiguration.openshift.io/v1\nkind: MachineConfig\nmetadata:\n  name: 99-worker-kargs\n  labels:\n    machineconfiguration.openshift.io/role: worker\nspec:\n  kernelArguments:\n  - nosmt\n',
      good: 'apiVersion: machineconfiguration.openshift.io/v1\nkind: MachineConfig\nmetadata:\n  name: 99-worker-kargs\n  labels:\n    machineconfiguration.openshift.io/role: master\nspec:\n  kernelArguments:\n  - nosmt\n',
    },
  },
};
