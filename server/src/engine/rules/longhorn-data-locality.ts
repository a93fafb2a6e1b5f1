/** Harvester rejects Longhorn StorageClasses with dataLocality strict-local. */
import type { Rule, RuleReport } from '../types';
import { deref, findPair, literalText, nodeRange, scalarString } from '../yaml-ast';
import { replaceScalar } from '../edits';
import { isKind } from '../kinds';
import { SOURCES } from '../sources';
import { LONGHORN_PROVISIONER } from './longhorn-replica-count';

export const longhornDataLocality: Rule = {
  id: 'longhorn-data-locality',
  title: 'Longhorn StorageClass on Harvester must not use dataLocality strict-local',
  severity: 'error',
  platforms: ['harvester'],
  fixable: true,
  appliesTo: (document) =>
    isKind(document, 'storage.k8s.io', ['StorageClass']) &&
    scalarString(findPair(document.doc.contents, 'provisioner')?.value) === LONGHORN_PROVISIONER,
  check({ file, document }): RuleReport[] {
    const params = findPair(document.doc.contents, 'parameters');
    const pair = findPair(deref(params?.value, document.doc), 'dataLocality');
    if (!pair) return [];
    const value = deref(pair.value, document.doc);
    if (literalText(file, value)?.trim() !== 'strict-local') return [];
    const range = nodeRange(file, pair.value);
    if (!range) return [];
    const edit = value === pair.value ? replaceScalar(file, pair.value, 'best-effort') : undefined;
    return [{
      message: 'dataLocality strict-local is rejected by Harvester\'s StorageClass webhook (only disabled or best-effort, because strict-local volumes cannot migrate and block node drains), so this StorageClass is never created.',
      range,
      fixes: edit ? [{ title: 'Set dataLocality: best-effort', edits: [edit], isPreferred: true }] : [],
    }];
  },
  docs: {
    why:
      'Longhorn\'s `dataLocality: strict-local` keeps a volume\'s only replica on the node that runs its workload. Harvester\'s ' +
      'StorageClass admission webhook rejects it and accepts only `disabled` or `best-effort`: a strict-local volume cannot be ' +
      'live-migrated and blocks node drains, so the StorageClass is never created and nothing can be provisioned from it. ' +
      'Plain Longhorn accepts `strict-local` with `numberOfReplicas: "1"`; this rule runs for the Harvester platform only, so set ' +
      '`onenode.platform` to `kubernetes` for other clusters.',
    fix: 'The quick-fix sets `dataLocality: best-effort`. On a single node the one replica is on the workload\'s node anyway, so best-effort keeps the data local without what Harvester rejects.',
    sources: [SOURCES.harvesterStorageClassValidator, SOURCES.harvesterStorageClassDocs, SOURCES.longhornScParameters],
    example: {
      bad: 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: local-only\nprovisioner: driver.longhorn.io\nparameters:\n  numberOfReplicas: "1"\n  dataLocality: strict-local\n',
      good: 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: local-only\nprovisioner: driver.longhorn.io\nparameters:\n  numberOfReplicas: "1"\n  dataLocality: best-effort\n',
    },
  },
};
