/** A Harvester VM image must not ask Longhorn for more than one replica of its volumes on a single node. */
import type { Rule, RuleReport } from '../types';
import { deref, findPair, getIn, literalText, nodeRange } from '../yaml-ast';
import { replaceScalar } from '../edits';
import { isKind } from '../kinds';
import { SOURCES } from '../sources';

export const harvesterVmImageReplicaCount: Rule = {
  id: 'harvester-vm-image-replica-count',
  title: 'Harvester VM image must ask for one replica on a single node',
  severity: 'warning',
  platforms: ['harvester'],
  fixable: true,
  appliesTo: (document) => isKind(document, 'harvesterhci.io', ['VirtualMachineImage']),
  check({ file, document }): RuleReport[] {
    const spec = deref(findPair(document.doc.contents, 'spec')?.value, document.doc);
    // The CDI backend provisions through spec.targetStorageClassName and does not use these parameters.
    if (literalText(file, getIn(spec, ['backend']))?.toLowerCase() === 'cdi') return [];
    const params = deref(findPair(spec, 'storageClassParameters')?.value, document.doc);
    const pair = findPair(params, 'numberOfReplicas');
    if (!pair) return [];
    const value = deref(pair.value, document.doc);
    const written = literalText(file, value)?.trim();
    if (written === undefined || !/^\d+$/.test(written)) return [];
    const count = Number(written);
    if (count === 1) return [];
    const range = nodeRange(file, pair.value);
    if (!range) return [];
    const edit = value === pair.value ? replaceScalar(file, pair.value, '1') : undefined;
    const asks = count === 0
      ? 'leaves the replica count of every VM disk created from this image to Longhorn\'s default-replica-count (3)'
      : `asks Longhorn for ${count} replicas of every VM disk created from this image`;
    return [{
      message: `storageClassParameters.numberOfReplicas "${written}" ${asks}, but Longhorn places at most one replica of a volume per node, so on one node those disks stay Degraded.`,
      range,
      fixes: edit ? [{ title: 'Set numberOfReplicas: "1"', edits: [edit], isPreferred: true }] : [],
    }];
  },
  docs: {
    why:
      'A Harvester `VirtualMachineImage` with the default backing-image backend gets its own Longhorn StorageClass, and every VM ' +
      'disk created from the image is provisioned from it with `spec.storageClassParameters`. A `numberOfReplicas` above 1 cannot ' +
      'be placed on a single node: the image\'s volumes and every disk made from it stay Degraded. Where the parameters come from ' +
      'matters (Harvester\'s image webhook, `mergeStorageClassParams`): when the image names a Longhorn StorageClass in the ' +
      '`harvesterhci.io/storageClassName` annotation, or has none and the default StorageClass is Longhorn, that class\'s ' +
      '`numberOfReplicas` (and a few other keys) replace the ones written here; otherwise the parameters written here are used, ' +
      'over Harvester\'s defaults `numberOfReplicas: "3"`, `staleReplicaTimeout: "30"`, `migratable: "true"`. The rule reports an ' +
      'explicit count other than 1. It does not report a missing count, which the base StorageClass decides in the usual case: ' +
      'check that class with `longhorn-replica-count`, and the installer\'s `harvester-longhorn` class with `harvester-replica-count`. ' +
      'Images with `backend: cdi` use `spec.targetStorageClassName` instead and are not checked.',
    fix: 'The quick-fix sets `numberOfReplicas: "1"`. It takes effect for images created afterwards; also make sure the base StorageClass asks for one replica.',
    sources: [SOURCES.harvesterImageMutator, SOURCES.harvesterImageUtil, SOURCES.harvesterSingleNode, SOURCES.longhornScheduling],
    example: {
      bad:
        'apiVersion: harvesterhci.io/v1beta1\nkind: VirtualMachineImage\nmetadata:\n  name: ubuntu\nspec:\n  displayName: ubuntu\n' +
        '  sourceType: download\n  url: https://cloud-images.ubuntu.com/noble/current/noble-server-cloudimg-amd64.img\n' +
        '  storageClassParameters:\n    numberOfReplicas: "3"\n    staleReplicaTimeout: "30"\n',
      good:
        'apiVersion: harvesterhci.io/v1beta1\nkind: VirtualMachineImage\nmetadata:\n  name: ubuntu\nspec:\n  displayName: ubuntu\n' +
        '  sourceType: download\n  url: https://cloud-images.ubuntu.com/noble/current/noble-server-cloudimg-amd64.img\n' +
        '  storageClassParameters:\n    numberOfReplicas: "1"\n    staleReplicaTimeout: "30"\n',
    },
  },
};
