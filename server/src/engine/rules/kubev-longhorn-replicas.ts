/** Kube-V's Longhorn starts with three replicas per volume; a single node needs one. */
import type { Rule, RuleReport } from '../types';
import { deref, findPair, keyRange } from '../yaml-ast';
import { SOURCES } from '../sources';
import { isKubeVCluster, kubevHosts } from './kubev-control-plane-hosts';

export const kubevLonghornReplicas: Rule = {
  id: 'kubev-longhorn-replicas',
  title: 'Kube-V with Longhorn on a single node: set Longhorn\'s replica count to 1 after install',
  severity: 'info',
  platforms: ['kubev'],
  fixable: false,
  appliesTo: isKubeVCluster,
  check({ file, document }): RuleReport[] {
    const storage = deref(findPair(document.doc.contents, 'storage')?.value, document.doc);
    const longhorn = findPair(storage, 'longhorn');
    if (!longhorn) return [];
    // Only a single-node cluster: one control-plane host (or none listed yet) and no workers.
    const hosts = (kubevHosts(document, 'controlPlane') ?? []).length + (kubevHosts(document, 'staticWorkers') ?? []).length;
    if (hosts > 1) return [];
    const range = keyRange(file, longhorn);
    if (!range) return [];
    return [{
      message: 'storage.longhorn installs Longhorn, whose default-replica-count is 3, and on one node a volume with 3 replicas stays Degraded, so set that setting (or the StorageClass) to 1 replica after the install.',
      range,
    }];
  },
  docs: {
    why:
      'With `storage: { longhorn: {} }` Kube-V installs Longhorn as the cluster\'s storage. The `longhorn` option has no fields, and ' +
      'the docs say the replica count is changed through Longhorn\'s own settings after deployment. Longhorn\'s `default-replica-count` ' +
      'is 3 and it never places two replicas of a volume on the same node, so on a single node every volume created with the default ' +
      'stays Degraded. Kube-V\'s installer is not public: whether it lowers the count by itself on a one-node cluster could not be ' +
      'verified, hence this is information, not a warning. Clusters that list more than one host are not reported.',
    fix:
      'After the install, set Longhorn\'s `default-replica-count` to 1 (Longhorn UI > Settings, or a `longhorn.io` `Setting` checked by ' +
      '`longhorn-default-replica-count`) and use StorageClasses with `numberOfReplicas: "1"`; or choose `storage: { none: {} }` and bring a ' +
      'single-node CSI driver.',
    sources: [SOURCES.kubevConfigGuide, SOURCES.kubevApiReference, SOURCES.longhornSettingsDocs, SOURCES.longhornScheduling],
    example: {
      bad:
        'apiVersion: virtualization.k8c.io/v1alpha1\nkind: KubeVCluster\ncontrolPlane:\n  hosts:\n    - address: 10.0.0.10\nstorage:\n  longhorn: {}\n',
      good:
        'apiVersion: virtualization.k8c.io/v1alpha1\nkind: KubeVCluster\ncontrolPlane:\n  hosts:\n    - address: 10.0.0.10\nstorage:\n  none: {}\n',
    },
  },
};
