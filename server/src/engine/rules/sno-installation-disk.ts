/** A bootstrap-in-place install-config must name the disk to install to. */
import { isMap, isScalar } from 'yaml';
import type { Rule, RuleReport } from '../types';
import { keyRange, keyText, mapItems, nodeRange, scalarString, documentAnchor, type MapPair } from '../yaml-ast';
import { rangeIsEmpty } from '../edits';
import { SOURCES } from '../sources';

/**
 * The installer decodes install-config through Go's encoding/json, which matches field names
 * case-insensitively (`BootstrapInPlace:` works). An exact match wins over a case-folded one.
 */
function findPairFolded(map: unknown, key: string): MapPair | undefined {
  const items = mapItems(map);
  const lower = key.toLowerCase();
  return items.find((p) => keyText(p) === key) ?? items.find((p) => keyText(p)?.toLowerCase() === lower);
}

const TAIL =
  'so the installer rejects the bootstrap-in-place install (`openshift-install create single-node-ignition-config`) because the node would have no disk to install itself to.';

export const snoInstallationDisk: Rule = {
  id: 'sno-installation-disk',
  title: 'bootstrapInPlace must name the installation disk',
  severity: 'error',
  platforms: ['openshift'],
  fixable: false,
  appliesTo: (document) => document.kind.type === 'install-config',
  check({ file, document }): RuleReport[] {
    const root = document.doc.contents;
    // Only a file that uses bootstrap-in-place (it has the block) is checked: the agent-based
    // installer ignores the block, and a file without it may be meant for that installer.
    const bip = findPairFolded(root, 'bootstrapInPlace');
    if (!bip) return [];
    const anchor = keyRange(file, bip) ?? documentAnchor(file, root, document.start);
    const disk = findPairFolded(bip.value, 'installationDisk');
    if (!disk) {
      // `bootstrapInPlace:` with a scalar (not a mapping) value is a type error the installer reports itself.
      if (bip.value != null && !isMap(bip.value) && !(isScalar(bip.value) && bip.value.value === null)) return [];
      return [{ message: `bootstrapInPlace has no installationDisk, ${TAIL}`, range: anchor }];
    }
    const value = scalarString(disk.value);
    if (value === undefined && disk.value != null && !(isScalar(disk.value) && disk.value.value === null)) return [];
    if (value !== undefined && value !== '') return [];
    const valueRange = nodeRange(file, disk.value);
    return [{
      message: `bootstrapInPlace.installationDisk is empty, ${TAIL}`,
      range: valueRange && !rangeIsEmpty(valueRange) ? valueRange : keyRange(file, disk) ?? anchor,
    }];
  },
  docs: {
    why:
      'Bootstrap-in-place is how a single-node cluster installs itself from a live ISO without a separate bootstrap machine ' +
      '(`openshift-install create single-node-ignition-config`). After bootstrapping, coreos-installer writes the node to ' +
      '`bootstrapInPlace.installationDisk`, so the installer requires that field ("bootstrap in place requires installation disk ' +
      'configuration"; newer versions: "bootstrapInPlace.installationDisk: Required value"). The installer-provisioned ' +
      '`platform: external` single-node install needs it as well.\n\n' +
      'This rule fires when the install-config has a `bootstrapInPlace` block (the sign it is meant for bootstrap-in-place) and the ' +
      'disk is missing, null or empty. It stays silent when the block is absent: the agent-based installer ignores ' +
      '`bootstrapInPlace` (with a warning) and takes the disk from `hosts[].rootDeviceHints` in agent-config.yaml, so an install-config ' +
      'without the block is fine there, and a single file does not say which installer it is for. Key names are matched ' +
      'case-insensitively, as the installer\'s JSON decoding does (`BootstrapInPlace:` / `InstallationDisk:` work).',
    fix:
      'Set `installationDisk` to the target disk, preferably a stable path such as `/dev/disk/by-id/wwn-…` (device names like `/dev/sda` ' +
      'can change between boots). There is no quick-fix: only you know the disk. With the agent-based installer, put the disk in ' +
      'agent-config.yaml `hosts[].rootDeviceHints` instead; it ignores this field.',
    sources: [SOURCES.installerBootstrapInPlace, SOURCES.installerMasterMachines, SOURCES.snoInstallDocs, SOURCES.installerAgentInstallConfig],
    example: {
      bad: 'apiVersion: v1\nbaseDomain: example.com\ncontrolPlane:\n  name: master\n  replicas: 1\nplatform:\n  none: {}\nbootstrapInPlace:\n  installationDisk: ""\n',
      good: 'apiVersion: v1\nbaseDomain: example.com\ncontrolPlane:\n  name: master\n  replicas: 1\nplatform:\n  none: {}\nbootstrapInPlace:\n  installationDisk: /dev/disk/by-id/wwn-0x64cd98f04fde100024684cf3034da5c2\n',
    },
  },
};
