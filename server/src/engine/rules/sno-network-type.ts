/** Single-node OpenShift allows only the OVN-Kubernetes network plugin. */
import type { Rule, RuleReport } from '../types';
import { findPair, keyRange, nodeRange, scalarString, documentAnchor, walkExisting } from '../yaml-ast';
import { insertPath, rangeIsEmpty, replaceScalar } from '../edits';
import { SOURCES } from '../sources';

const OVN = 'OVNKubernetes';
const TAIL = 'OVNKubernetes is the only network plugin allowed for single-node OpenShift.';

export const snoNetworkType: Rule = {
  id: 'sno-network-type',
  title: 'install-config must use the OVNKubernetes network type for single-node OpenShift',
  severity: 'error',
  platforms: ['openshift'],
  fixable: true,
  appliesTo: (document) => document.kind.type === 'install-config',
  check({ file, document }): RuleReport[] {
    const root = document.doc.contents;
    const walk = walkExisting(root, ['networking', 'networkType']);
    if (walk.missing.length === 0 && walk.pair) {
      const value = scalarString(walk.pair.value);
      if (value === OVN) return [];
      const edit = replaceScalar(file, walk.pair.value, OVN);
      const range = nodeRange(file, walk.pair.value);
      const message =
        value === undefined || value === ''
          ? `networking.networkType is empty, so the installer rejects it ("network provider type required"); ${TAIL}`
          : value === 'OpenShiftSDN'
            ? `networking.networkType: OpenShiftSDN is rejected for single-node clusters by the agent-based and Assisted installers, and current installers reject it for every cluster; ${TAIL}`
            : `networking.networkType: ${value} is rejected for a single-node cluster (the agent-based installer accepts only OVNKubernetes on platform none and external); ${TAIL}`;
      return [{
        message,
        range: range && !rangeIsEmpty(range) ? range : keyRange(file, walk.pair) ?? documentAnchor(file, root, document.start),
        fixes: edit ? [{ title: `Set networkType: ${OVN}`, edits: [edit], isPreferred: true }] : [],
      }];
    }
    const networking = findPair(root, 'networking');
    const edit = insertPath(file, walk, OVN);
    return [{
      message: `networking.networkType is not set, so the installer picks its default, which was OpenShiftSDN before OpenShift 4.12 and is rejected for single-node clusters; ${TAIL}`,
      range: (networking && keyRange(file, networking)) ?? documentAnchor(file, root, document.start),
      // Installers since 4.12 default to OVNKubernetes, so a missing value is only a risk on older ones.
      severity: 'warning',
      fixes: edit ? [{ title: `Add networkType: ${OVN}`, edits: [edit], isPreferred: true }] : [],
    }];
  },
  docs: {
    why:
      'The OpenShift documentation calls OVN-Kubernetes "the only allowed network plugin type for single-node clusters". The agent-based ' +
      'installer rejects any other `networking.networkType` for a single-node cluster on platform none or external ("Only OVNKubernetes ' +
      'network type is allowed for Single Node OpenShift (SNO) cluster"), the Assisted Installer refuses OpenShiftSDN "in single node ' +
      'mode", and current installers reject OpenShiftSDN for every cluster ("not supported, please use OVNKubernetes"). When the field ' +
      'is left out, the installer fills in its default, which was OpenShiftSDN before OpenShift 4.12; set it explicitly so the file ' +
      'means the same thing to every installer version.',
    fix: 'The quick-fix sets `networking.networkType: OVNKubernetes`, adding the field (and `networking`) when it is missing. The network type cannot be changed by editing the file after the install.',
    sources: [SOURCES.snoInstallDocs, SOURCES.installerAgentInstallConfig, SOURCES.installerValidation, SOURCES.assistedInventory, SOURCES.installerDefaults],
    example: {
      bad: 'apiVersion: v1\nbaseDomain: example.com\ncontrolPlane:\n  name: master\n  replicas: 1\nnetworking:\n  networkType: OpenShiftSDN\nplatform:\n  none: {}\n',
      good: 'apiVersion: v1\nbaseDomain: example.com\ncontrolPlane:\n  name: master\n  replicas: 1\nnetworking:\n  networkType: OVNKubernetes\nplatform:\n  none: {}\n',
    },
  },
};
