/** A Longhorn StorageClass must ask for one replica on a single node. */
import type { Rule, RuleReport } from '../types';
import { deref, findPair, keyRange, nodeRange, scalarString, documentAnchor, walkExisting } from '../yaml-ast';
import { insertPath, replaceScalar } from '../edits';
import { isKind } from '../kinds';
import { SOURCES } from '../sources';

export const LONGHORN_PROVISIONER = 'driver.longhorn.io';

function replicaMessage(value: string | undefined): string {
  const tail = 'but Longhorn places at most one replica of a volume per node, so on one node every volume of this StorageClass stays Degraded.';
  if (value === undefined) return `numberOfReplicas is not a replica count, ${tail}`;
  if (/^\s*0*\s*$/.test(value)) return `numberOfReplicas "${value}" means Longhorn's default-replica-count (3), ${tail}`;
  return `numberOfReplicas "${value}" asks Longhorn for ${value} replicas, ${tail}`;
}

export const longhornReplicaCount: Rule = {
  id: 'longhorn-replica-count',
  title: 'Longhorn StorageClass must use one replica on a single node',
  severity: 'warning',
  platforms: ['harvester', 'kubev', 'kubernetes', 'openshift'],
  fixable: true,
  appliesTo: (document) =>
    isKind(document, 'storage.k8s.io', ['StorageClass']) &&
    scalarString(findPair(document.doc.contents, 'provisioner')?.value) === LONGHORN_PROVISIONER,
  check({ file, document }): RuleReport[] {
    const root = document.doc.contents;
    const params = findPair(root, 'parameters');
    const replicas = findPair(params?.value, 'numberOfReplicas');
    const title = 'Set numberOfReplicas: "1"';
    if (replicas) {
      const value = scalarString(deref(replicas.value, document.doc));
      // `numberOfReplicas: 1` (unquoted) means one replica; its type is storageclass-parameter-type's job.
      if (value === '1') return [];
      const edit = replaceScalar(file, replicas.value, '1');
      return [{
        message: replicaMessage(value),
        range: nodeRange(file, replicas.value) ?? keyRange(file, replicas) ?? documentAnchor(file, root, document.start),
        fixes: edit ? [{ title, edits: [edit], isPreferred: true }] : [],
      }];
    }
    const edit = insertPath(file, walkExisting(root, ['parameters', 'numberOfReplicas']), '"1"');
    const anchorPair = params ?? findPair(root, 'provisioner');
    const anchor = anchorPair && keyRange(file, anchorPair);
    return [{
      message: 'numberOfReplicas is not set, so Longhorn uses its default-replica-count (3), and on one node every volume of this StorageClass stays Degraded.',
      range: anchor ?? documentAnchor(file, root, document.start),
      fixes: edit ? [{ title: 'Add numberOfReplicas: "1"', edits: [edit], isPreferred: true }] : [],
    }];
  },
  docs: {
    why:
      'Longhorn never puts two replicas of the same volume on one node (node-level replica anti-affinity). A StorageClass that asks for ' +
      '2 or 3 replicas therefore gets one healthy replica and the others stay unscheduled: the volume controller marks the volume ' +
      '`Degraded` for as long as it exists, and Harvester shows every such volume as Degraded. When `numberOfReplicas` is missing ' +
      '(or "0"), Longhorn falls back to its `default-replica-count` setting, which is 3.',
    fix: 'The quick-fix sets `numberOfReplicas: "1"`, or adds it to `parameters` when it is missing. Parameters apply only when a volume is created: existing volumes keep their replica count.',
    sources: [SOURCES.harvesterSingleNode, SOURCES.longhornScParameters, SOURCES.longhornVolumeMutator, SOURCES.longhornScheduling],
    example: {
      bad: 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: longhorn\nprovisioner: driver.longhorn.io\nparameters:\n  numberOfReplicas: "3"\n',
      good: 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: longhorn\nprovisioner: driver.longhorn.io\nparameters:\n  numberOfReplicas: "1"\n',
    },
  },
};
