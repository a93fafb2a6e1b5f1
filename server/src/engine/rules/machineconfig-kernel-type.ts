/** MachineConfig spec.kernelType must be one of the values the Machine Config Operator knows. */
import type { Rule, RuleReport } from '../types';
import { findPair, getIn, keyRange, nodeRange, scalarString, documentAnchor } from '../yaml-ast';
import { rangeIsEmpty, replaceScalar } from '../edits';
import { isKind } from '../kinds';
import { SOURCES } from '../sources';
import { ROLE_LABEL } from './machineconfig-pool-role';

const VALID = new Set(['', 'default', 'realtime', '64k-pages']);

/** Spellings that clearly mean one valid value: other case, separators, the usual short names. */
const ALIASES: Record<string, string> = {
  default: 'default',
  realtime: 'realtime',
  rt: 'realtime',
  kernelrt: 'realtime',
  '64kpages': '64k-pages',
  '64k': '64k-pages',
};

export function intendedKernelType(value: string): string | undefined {
  return ALIASES[value.toLowerCase().replace(/[\s_-]/g, '')];
}

export const machineconfigKernelType: Rule = {
  id: 'machineconfig-kernel-type',
  title: 'MachineConfig kernelType must be default, realtime or 64k-pages',
  severity: 'error',
  platforms: ['openshift'],
  fixable: true,
  appliesTo: (document) => isKind(document, 'machineconfiguration.openshift.io', ['MachineConfig']),
  check({ file, document }): RuleReport[] {
    const root = document.doc.contents;
    const pair = findPair(getIn(root, ['spec']), 'kernelType');
    if (!pair) return [];
    const value = scalarString(pair.value);
    // null (`kernelType:`) is the empty default; a non-scalar is a type error the API server reports.
    if (value === undefined || VALID.has(value)) return [];
    const intended = intendedKernelType(value);
    const edit = intended ? replaceScalar(file, pair.value, intended) : undefined;
    const range = nodeRange(file, pair.value);
    const role = scalarString(getIn(root, ['metadata', 'labels', ROLE_LABEL]));
    return [{
      message:
        `kernelType: ${value} is not a kernel type the Machine Config Operator accepts ("", default, realtime or 64k-pages), so it rejects ` +
        (role === 'master'
          ? 'this MachineConfig and the master pool, the only pool of a single-node cluster, goes Degraded and takes no further updates.'
          : 'this MachineConfig and the pool it targets goes Degraded.'),
      range: range && !rangeIsEmpty(range) ? range : keyRange(file, pair) ?? documentAnchor(file, root, document.start),
      fixes: edit && intended ? [{ title: `Set kernelType: ${intended}`, edits: [edit], isPreferred: true }] : [],
    }];
  },
  docs: {
    why:
      'The Machine Config Operator validates every MachineConfig before rendering it into a pool: `spec.kernelType` must be empty, ' +
      '`default`, `realtime` or `64k-pages` (the last only on aarch64, from OpenShift 4.15). Any other value fails the validation, the ' +
      'pool\'s rendered config is not produced and the pool reports Degraded. On single-node OpenShift the node is only in the `master` ' +
      'pool, so a bad MachineConfig there blocks every later configuration change and update until it is fixed. The architecture and ' +
      'version limits of `64k-pages` cannot be seen from the file and are not checked.',
    fix:
      'When the value is clearly meant as a valid one (other case or separators, `rt`, `kernel-rt`, `64k`), the quick-fix writes the ' +
      'valid spelling. Otherwise set `default` or `realtime` by hand. Changing the kernel type reboots the node.',
    sources: [SOURCES.mcoCommonHelpers, SOURCES.openshiftApiMachineConfig, SOURCES.mcoSingleNode],
    example: {
      bad: 'apiVersion: machineconfiguration.openshift.io/v1\nkind: MachineConfig\nmetadata:\n  name: 99-master-realtime\n  labels:\n    machineconfiguration.openshift.io/role: master\nspec:\n  kernelType: RealTime\n',
      good: 'apiVersion: machineconfiguration.openshift.io/v1\nkind: MachineConfig\nmetadata:\n  name: 99-master-realtime\n  labels:\n    machineconfiguration.openshift.io/role: master\nspec:\n  kernelType: realtime\n',
    },
  },
};
