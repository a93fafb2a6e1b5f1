/** A single-node OpenShift install-config has exactly one control-plane replica. */
import type { Rule, RuleReport } from '../types';
import { findPair, keyRange, nodeRange, scalarInt, scalarString, documentAnchor, walkExisting } from '../yaml-ast';
import { insertPath, replaceScalar } from '../edits';
import { SOURCES } from '../sources';

const TAIL = 'a single-node OpenShift install needs exactly 1 (bootstrap-in-place and the agent-based installer reject anything else).';

export const snoControlPlaneReplicas: Rule = {
  id: 'sno-control-plane-replicas',
  title: 'install-config must have one control-plane replica for single-node OpenShift',
  severity: 'error',
  platforms: ['openshift'],
  fixable: true,
  appliesTo: (document) => document.kind.type === 'install-config',
  check({ file, document }): RuleReport[] {
    const root = document.doc.contents;
    const controlPlane = findPair(root, 'controlPlane');
    const replicas = findPair(controlPlane?.value, 'replicas');
    if (replicas) {
      const value = scalarInt(replicas.value);
      if (value === 1) return [];
      const edit = replaceScalar(file, replicas.value, 1);
      return [{
        message: `controlPlane.replicas: ${scalarString(replicas.value) ?? '?'} asks for ${value ?? 'an invalid number of'} control-plane nodes, but ${TAIL}`,
        range: nodeRange(file, replicas.value) ?? keyRange(file, replicas) ?? documentAnchor(file, root, document.start),
        fixes: edit ? [{ title: 'Set controlPlane.replicas: 1', edits: [edit], isPreferred: true }] : [],
      }];
    }
    const edit = controlPlane
      ? insertPath(file, walkExisting(root, ['controlPlane', 'replicas']), '1')
      : insertPath(file, walkExisting(root, ['controlPlane']), [['name', 'master'], ['replicas', '1']]);
    const fixes = edit ? [{ title: 'Add controlPlane.replicas: 1', edits: [edit], isPreferred: true }] : [];
    return [{
      message: `controlPlane.replicas is not set, so the installer plans 3 control-plane nodes, but ${TAIL}`,
      range: (controlPlane && keyRange(file, controlPlane)) ?? documentAnchor(file, root, document.start),
      fixes,
    }];
  },
  docs: {
    why:
      'A single-node OpenShift cluster is one control-plane node with zero workers. `openshift-install create single-node-ignition-config` ' +
      '(bootstrap-in-place) fails with "bootstrap in place requires a single ControlPlane replica" unless `controlPlane.replicas` is 1, and ' +
      'the agent-based installer only treats the cluster as single-node (platform none, OVNKubernetes, zero compute) when it is 1. ' +
      'When the field is missing the installer defaults to 3 control-plane nodes.',
    fix: 'The quick-fix sets `controlPlane.replicas: 1`, adding the field (or the whole `controlPlane` block, with `name: master`) when it is missing. Set `compute[0].replicas: 0` as well.',
    sources: [SOURCES.snoInstallDocs, SOURCES.installerBootstrapInPlace, SOURCES.installerAgentInstallConfig],
    example: {
      bad: 'apiVersion: v1\nbaseDomain: example.com\ncontrolPlane:\n  name: master\n  replicas: 3\ncompute:\n- name: worker\n  replicas: 0\n',
      good: 'apiVersion: v1\nbaseDomain: example.com\ncontrolPlane:\n  name: master\n  replicas: 1\ncompute:\n- name: worker\n  replicas: 0\n',
    },
  },
};
