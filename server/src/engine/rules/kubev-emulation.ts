/** In production, Kube-V must run VMs with hardware virtualization, not software emulation. */
import { isScalar } from 'yaml';
import type { Rule, RuleReport } from '../types';
import { getIn, findPair, nodeRange } from '../yaml-ast';
import { edit } from '../edits';
import { SOURCES } from '../sources';
import { isKubeVCluster } from './kubev-control-plane-hosts';

export const kubevEmulation: Rule = {
  id: 'kubev-emulation',
  title: 'Kube-V production clusters must not run VMs in software emulation (useEmulation)',
  severity: 'warning',
  platforms: ['kubev'],
  fixable: true,
  appliesTo: isKubeVCluster,
  check({ file, document, options }): RuleReport[] {
    // Emulation is the documented fallback for labs and nested test machines without VT-x/AMD-V.
    if (options.environment !== 'production') return [];
    const dev = getIn(document.doc.contents, ['kubevirt', 'developerConfiguration']);
    const pair = findPair(dev, 'useEmulation');
    if (!pair || !isScalar(pair.value) || pair.value.value !== true) return [];
    const node = pair.value;
    const range = nodeRange(file, node);
    // A boolean `true` is always a plain scalar, so it can be replaced as written.
    if (!range || !node.range) return [];
    return [{
      message: MESSAGE,
      range,
      fixes: [{ title: 'Set useEmulation: false (needs VT-x/AMD-V and /dev/kvm)', edits: [edit(file, node.range[0], node.range[1], 'false')], isPreferred: true }],
    }];
  },
  docs: {
    why:
      '`kubevirt.developerConfiguration.useEmulation: true` makes KubeVirt run guests with QEMU\'s software emulation (TCG) instead ' +
      'of KVM when the host has no usable hardware virtualization. Guests then run 10–50 times slower, and the Kube-V docs say not ' +
      'to use it in production. On a single node every VM shares that one host, so nothing else can take the load. Kube-V\'s ' +
      'single-node requirements ask for Intel VT-x or AMD-V enabled in the firmware. This rule runs only with ' +
      '`onenode.environment: production`; in test environments (nested virtualization, laptops) emulation is the documented fallback.',
    fix: 'The quick-fix sets `useEmulation: false`. Enable VT-x/AMD-V in the firmware first and check that `/dev/kvm` exists on the host (OneNode\'s preflight checks it), or VMs will not start.',
    sources: [SOURCES.kubevConfigGuide, SOURCES.kubevSingleNode, SOURCES.kubevirtInstallation],
    example: {
      bad: 'apiVersion: virtualization.k8c.io/v1alpha1\nkind: KubeVCluster\nkubevirt:\n  developerConfiguration:\n    useEmulation: true\n',
      good: 'apiVersion: virtualization.k8c.io/v1alpha1\nkind: KubeVCluster\nkubevirt:\n  developerConfiguration:\n    useEmulation: false\n',
    },
  },
};

const MESSAGE =
  'kubevirt.developerConfiguration.useEmulation: true runs every VM in software emulation, 10 to 50 times slower than with KVM, which the Kube-V docs rule out for production.';
