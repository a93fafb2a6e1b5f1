/** More than one default StorageClass across the workspace: Harvester rejects it, Kubernetes guesses. */
import type { Rule, RuleReport, StorageClassFacts } from '../types';
import { getIn, nodeRange, scalarString } from '../yaml-ast';
import { replaceScalar } from '../edits';
import { isKind } from '../kinds';
import { defaultClassAnnotation } from '../workspace';
import { SOURCES } from '../sources';
import { listSome } from '../list-text';

export const defaultStorageclassConflict: Rule = {
  id: 'default-storageclass-conflict',
  title: 'Only one StorageClass may be the default',
  severity: 'warning',
  platforms: ['harvester', 'openshift', 'kubev', 'kubernetes'],
  // The quick-fix (unmark this one) is offered but not preferred: "fix all" in every file would
  // leave no default at all, so the user picks which one stays.
  fixable: false,
  appliesTo: (document) => isKind(document, 'storage.k8s.io', ['StorageClass']),
  check(ctx): RuleReport[] {
    const { file, document } = ctx;
    const pair = defaultClassAnnotation(document);
    const range = pair && nodeRange(file, pair.value);
    if (!pair || !range) return [];
    const isMine = (d: StorageClassFacts) => d.uri === ctx.uri && d.range.start.line === range.start.line && d.range.start.character === range.start.character;
    const others = ctx.workspace.defaultStorageClasses().filter((d) => !isMine(d));
    if (others.length === 0) return [];
    const name = scalarString(getIn(document.doc.contents, ['metadata', 'name'])) ?? '(unnamed)';
    const listed = listSome(others.map((d) => (d.uri === ctx.uri ? d.name : `${d.name} (${d.uri})`)));
    const edit = replaceScalar(file, pair.value, 'false');
    return [{
      message: `StorageClass ${name} is marked default, and so is ${listed}: Harvester's webhook rejects a second default, and Kubernetes gives PVCs without a class whichever default is newest.`,
      range,
      fixes: edit ? [{ title: `Unmark ${name} as the default StorageClass`, edits: [edit], isPreferred: false }] : [],
    }];
  },
  docs: {
    why:
      'A StorageClass is the default when it has the annotation `storageclass.kubernetes.io/is-default-class: "true"`. Harvester\'s ' +
      'StorageClass webhook allows only one default and rejects a second one, so applying the file fails. Plain Kubernetes accepts ' +
      'several but then gives every PVC without `storageClassName` the most recently created default, so where volumes land (a ' +
      'three-replica `harvester-longhorn` or a single-replica class) depends on creation order. The rule looks at every StorageClass ' +
      'of the workspace (in the CLI: of the paths given) and reports each default where it is declared.',
    fix: 'Keep one default. The quick action "Unmark … as the default StorageClass" sets the annotation to "false" on the one you choose; it is not applied by "Fix all", which would unmark every default.',
    sources: [SOURCES.k8sDefaultStorageClass, SOURCES.harvesterStorageClassWebhook],
    example: {
      bad: 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: longhorn-single\n  annotations:\n    storageclass.kubernetes.io/is-default-class: "true"\nprovisioner: driver.longhorn.io\n---\napiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: harvester-longhorn\n  annotations:\n    storageclass.kubernetes.io/is-default-class: "true"\nprovisioner: driver.longhorn.io\n',
      good: 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: longhorn-single\n  annotations:\n    storageclass.kubernetes.io/is-default-class: "true"\nprovisioner: driver.longhorn.io\n---\napiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: harvester-longhorn\n  annotations:\n    storageclass.kubernetes.io/is-default-class: "false"\nprovisioner: driver.longhorn.io\n',
    },
  },
};
