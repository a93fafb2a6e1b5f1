/** StorageClass parameters are map[string]string: numbers and booleans must be quoted. */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Rule, RuleReport } from '../types';
import { deref, findPair, keyText, mapItems, nodeRange, sourceText } from '../yaml-ast';
import { quoteScalar } from '../edits';
import { isKind } from '../kinds';
import { SOURCES } from '../sources';

function typeName(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return undefined;
}

export const storageclassParameterType: Rule = {
  id: 'storageclass-parameter-type',
  title: 'StorageClass parameter values must be strings',
  severity: 'error',
  platforms: ['harvester', 'openshift', 'kubev', 'kubernetes'],
  fixable: true,
  appliesTo: (document) => isKind(document, 'storage.k8s.io', ['StorageClass']),
  check({ file, document }): RuleReport[] {
    const params = findPair(document.doc.contents, 'parameters');
    const reports: RuleReport[] = [];
    for (const pair of mapItems(params?.value)) {
      // Merge keys (`<<`) and complex keys are not parameters themselves.
      const key = keyText(pair);
      const range = nodeRange(file, pair.value);
      if (key === undefined || !range) continue;
      const value = deref(pair.value, document.doc);
      const written = sourceText(file, pair.value);
      if (isScalar(value)) {
        const kind = typeName(value.value);
        if (!kind) continue;
        // An alias cannot be quoted in place: the anchored value has to change.
        const aliased = value !== pair.value;
        const edit = aliased ? undefined : quoteScalar(file, pair.value);
        const shown = aliased ? `${written} (${String(value.value)})` : written;
        reports.push({
          message: `StorageClass parameters must be strings, but ${key}: ${shown} is ${kind}, so the API server rejects the whole StorageClass and no volume can be provisioned from it.`,
          range,
          fixes: edit ? [{ title: `Quote the value: ${key}: "${written}"`, edits: [edit], isPreferred: true }] : [],
        });
      } else if (isMap(value) || isSeq(value)) {
        reports.push({
          message: `StorageClass parameters must be strings, but ${key} holds a list or mapping, so the API server rejects the whole StorageClass.`,
          range,
        });
      }
    }
    return reports;
  },
  docs: {
    why:
      'In the Kubernetes API, `StorageClass.parameters` is a `map[string]string`. A value written as a YAML number or boolean ' +
      '(`numberOfReplicas: 1`, `migratable: true`) fails to decode, so `kubectl apply` is rejected and the StorageClass does not exist. ' +
      'YAML 1.1 rules apply, as in Kubernetes: `yes`, `on` and `0644` are not strings either.',
    fix: 'The quick-fix quotes the value exactly as written (`1` becomes `"1"`), so its meaning does not change.',
    sources: [SOURCES.k8sStorageClassApi, SOURCES.longhornScParameters],
    example: {
      bad: 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: longhorn\nprovisioner: driver.longhorn.io\nparameters:\n  numberOfReplicas: 1\n',
      good: 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: longhorn\nprovisioner: driver.longhorn.io\nparameters:\n  numberOfReplicas: "1"\n',
    },
  },
};
