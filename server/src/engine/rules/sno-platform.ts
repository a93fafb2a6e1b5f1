/** A single-node install-config must use a platform that supports one control-plane node. */
import { isMap } from 'yaml';
import type { ParsedFile, Rule, RuleReport, TextEdit } from '../types';
import { findPair, getIn, keyRange, keyText, mapItems, scalarInt, type MapPair } from '../yaml-ast';
import { edit } from '../edits';
import { SOURCES } from '../sources';

/**
 * Platforms that accept `controlPlane.replicas: 1` with at least one install method: none and
 * external (agent-based and Assisted installers), and the IPI clouds of `supportedSingleNodePlatform`.
 */
const SINGLE_NODE_PLATFORMS = new Set(['none', 'external', 'aws', 'gcp', 'azure', 'powervs', 'ibmcloud']);

type Ranged = { range?: [number, number, number] | null };

/**
 * Replaces `<platform>: {...}` with `none: {}`. Only when the platform mapping holds that one
 * entry and the replaced text has no comment, so nothing but the rejected settings is dropped.
 */
function useNone(file: ParsedFile, platform: MapPair, entry: MapPair): TextEdit | undefined {
  if (mapItems(platform.value).length !== 1) return undefined;
  const key = (entry.key as Ranged).range;
  const valueEnd = (entry.value as Ranged | null)?.range?.[1] ?? key?.[1];
  if (!key || valueEnd === undefined) return undefined;
  const span = file.text.slice(key[0], valueEnd).trimEnd();
  if (/(^|\s)#/.test(span)) return undefined;
  return edit(file, key[0], key[0] + span.length, 'none: {}');
}

export const snoPlatform: Rule = {
  id: 'sno-platform',
  title: 'install-config platform must support single-node OpenShift',
  severity: 'error',
  platforms: ['openshift'],
  fixable: true,
  appliesTo: (document) => document.kind.type === 'install-config',
  check({ file, document }): RuleReport[] {
    const root = document.doc.contents;
    if (scalarInt(getIn(root, ['controlPlane', 'replicas'])) !== 1) return [];
    const platform = findPair(root, 'platform');
    if (!platform || !isMap(platform.value)) return [];
    const reports: RuleReport[] = [];
    for (const entry of platform.value.items) {
      const name = keyText(entry);
      // Go's JSON decoding matches field names case-insensitively, so `None:` is platform none.
      if (name === undefined || SINGLE_NODE_PLATFORMS.has(name.toLowerCase())) continue;
      const range = keyRange(file, entry);
      if (!range) continue;
      const fix = useNone(file, platform, entry);
      const hasSettings = mapItems(entry.value).length > 0;
      reports.push({
        message:
          `platform ${name} is rejected for a single-node cluster (controlPlane.replicas: 1): the agent-based and Assisted installers ` +
          `accept only none or external, and the installer's own single-node check refuses platform ${name}.`,
        range,
        fixes: fix
          ? [{ title: hasSettings ? `Use platform none: {} (drops the ${name} settings)` : 'Use platform none: {}', edits: [fix], isPreferred: true }]
          : [],
      });
    }
    return reports;
  },
  docs: {
    why:
      'With one control-plane replica and zero workers, the agent-based installer accepts only `platform: none` or `platform: external` ' +
      '("Only platform none and external supports 1 ControlPlane and 0 Compute nodes"), and the Assisted Installer applies the same rule ' +
      '(`ValidateControlPlaneCountWithPlatform`). The installer\'s own single-node check (`supportedSingleNodePlatform`) allows one ' +
      'control-plane replica only on aws, gcp, azure, powervs, ibmcloud, none, and external with `bootstrapInPlace.installationDisk`; every ' +
      'other platform, including baremetal, vsphere, openstack and nutanix, fails with "this install method does not support Single Node ' +
      'installation on platform …". This rule fires on a platform that no install method accepts for one control-plane node. ' +
      'The cloud platforms are left alone, because installer-provisioned single-node clusters run there. An install-config without ' +
      '`platform` is not flagged.',
    fix:
      'The quick-fix replaces the platform with `none: {}`, the platform of the documented bare-metal single-node install. It drops the ' +
      'old platform\'s settings (VIPs, hosts, credentials): platform none takes none of them, and the agent-based installer reads hosts ' +
      'from agent-config.yaml. The fix is offered only when the platform is the mapping\'s single entry and the replaced text holds no ' +
      'comment. Per-pool `controlPlane.platform` and `compute[].platform` blocks are left as they are.',
    sources: [SOURCES.installerAgentInstallConfig, SOURCES.installerMasterMachines, SOURCES.assistedValidations, SOURCES.snoInstallDocs],
    example: {
      bad: 'apiVersion: v1\nbaseDomain: example.com\ncompute:\n- name: worker\n  replicas: 0\ncontrolPlane:\n  name: master\n  replicas: 1\nplatform:\n  baremetal: {}\n',
      good: 'apiVersion: v1\nbaseDomain: example.com\ncompute:\n- name: worker\n  replicas: 0\ncontrolPlane:\n  name: master\n  replicas: 1\nplatform:\n  none: {}\n',
    },
  },
};
