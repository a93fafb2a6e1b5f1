/**
 * Schema violations: each document is checked against the schema of its kind (OneNode's schemas
 * for installer configs and custom resources, kubernetes-models for core kinds), so wrong types,
 * unknown keys and invalid values are found before an installer or the API server rejects them.
 */
import type { Rule, RuleReport } from '../types';
import { PLATFORMS } from '../types';
import { resolvePointer } from '../json-pointer';
import { documentAnchor, keyRange, nodeRange } from '../yaml-ast';
import { schemaErrors } from '../schema/validate';
import { schemaEntryFor } from '../schema/catalog';
import { SOURCES } from '../sources';

export const SCHEMA_RULE_ID = 'schema';

export const schema: Rule = {
  id: SCHEMA_RULE_ID,
  title: 'Document does not match the schema of its kind',
  severity: 'error',
  platforms: PLATFORMS,
  fixable: false,
  appliesTo: () => true,
  check({ file, document }): RuleReport[] {
    const errors = schemaErrors(document);
    if (errors.length === 0) return [];
    const root = document.doc.contents;
    const fuzzy = schemaEntryFor(document)?.fuzzyKeys ?? false;
    return errors.map((error) => {
      const target = resolvePointer(root, error.pointer, fuzzy);
      const range =
        (error.atKey && target.pair ? keyRange(file, target.pair) : undefined) ??
        (target.exact ? nodeRange(file, target.node) : undefined) ??
        (target.pair ? keyRange(file, target.pair) : undefined) ??
        documentAnchor(file, root, document.start);
      return { message: error.message, range, severity: error.severity };
    });
  },
  docs: {
    why:
      'Installers and the API server read YAML into typed structures. A value of the wrong type, a misspelt enum value or a missing ' +
      'required field makes them reject the file, often only after a long install has started; an unknown key is silently dropped, ' +
      'so a setting you wrote never takes effect (the Harvester installer ignores every key it does not know, including keys of older ' +
      'releases such as `install.networks`). OneNode checks each document against the schema of its kind: its own schemas (in ' +
      '`schemas/`) for the Harvester install config, install-config, agent-config, KubeVCluster and the custom resources the rules read, ' +
      'and the Kubernetes OpenAPI schema (from the kubernetes-models package) for core kinds. Unknown keys are warnings; everything ' +
      'else is an error. Where a single-node rule reports the same spot, only the rule\'s finding is shown.',
    fix: 'Correct the value or key at the reported path. In the editor, completion offers the keys and values the schema allows.',
    sources: [SOURCES.k8sApiConventions, SOURCES.harvesterConfigDocs],
    example: {
      bad: 'apiVersion: machineconfiguration.openshift.io/v1\nkind: MachineConfig\nmetadata:\n  name: 99-master-kargs\n  labels:\n    machineconfiguration.openshift.io/role: master\nspec:\n  kernelArgument:\n    - nosmt\n',
      good: 'apiVersion: machineconfiguration.openshift.io/v1\nkind: MachineConfig\nmetadata:\n  name: 99-master-kargs\n  labels:\n    machineconfiguration.openshift.io/role: master\nspec:\n  kernelArguments:\n    - nosmt\n',
    },
  },
};
