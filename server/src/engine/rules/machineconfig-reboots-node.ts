/** Most MachineConfig changes reboot the node; on single-node OpenShift that is the whole cluster. */
import { isMap, isScalar } from 'yaml';
import type { ParsedFile, Range, Rule, RuleReport } from '../types';
import { findPair, get, getIn, keyRange, nodeRange, scalarString, seqItems } from '../yaml-ast';
import { isKind } from '../kinds';
import { SOURCES } from '../sources';
import { ROLE_LABEL } from './machineconfig-pool-role';

/** Files the Machine Config Daemon writes without a reboot (MCO update.go, "Rebootless Updates"). */
const REBOOTLESS_FILES = new Set([
  '/etc/kubernetes/kubelet-ca.crt',
  '/var/lib/kubelet/config.json',
  '/etc/containers/registries.conf',
  '/etc/containers/policy.json',
  '/etc/machine-config-daemon/no-reboot/containers-gpg.pub',
  '/etc/pki/ca-trust/source/anchors/openshift-config-user-ca-bundle.crt',
]);
const REBOOTLESS_DIRS = ['/etc/nmstate/openshift/', '/etc/containers/registries.d/'];

export function fileReboots(path: string): boolean {
  return !REBOOTLESS_FILES.has(path) && !REBOOTLESS_DIRS.some((dir) => path.startsWith(dir));
}

interface Trigger {
  what: string;
  range: Range;
}

function nonEmptySeq(node: unknown): boolean {
  return seqItems(node).length > 0;
}

/** The parts of a MachineConfig that reboot the node when applied, in document order. */
export function rebootTriggers(file: ParsedFile, root: unknown): Trigger[] {
  const spec = get(root, 'spec');
  const out: Trigger[] = [];
  const add = (what: string, pair: ReturnType<typeof findPair>) => {
    const range = pair && keyRange(file, pair);
    if (range) out.push({ what, range });
  };
  const osImage = findPair(spec, 'osImageURL');
  if (osImage && (scalarString(osImage.value) ?? '') !== '') add('osImageURL', osImage);
  const kargs = findPair(spec, 'kernelArguments');
  if (kargs && nonEmptySeq(kargs.value)) add('kernelArguments', kargs);
  const kernelType = findPair(spec, 'kernelType');
  const kt = scalarString(kernelType?.value);
  if (kernelType && kt !== undefined && kt !== '' && kt !== 'default') add(`kernelType ${kt}`, kernelType);
  const extensions = findPair(spec, 'extensions');
  if (extensions && nonEmptySeq(extensions.value)) add('extensions', extensions);
  const fips = findPair(spec, 'fips');
  if (fips && isScalar(fips.value) && fips.value.value === true) add('fips', fips);
  const units = findPair(getIn(spec, ['config', 'systemd']), 'units');
  if (units && nonEmptySeq(units.value)) add('systemd units', units);
  for (const f of seqItems(getIn(spec, ['config', 'storage', 'files']))) {
    if (!isMap(f)) continue;
    const pathPair = findPair(f, 'path');
    const path = scalarString(pathPair?.value);
    if (pathPair && path !== undefined && fileReboots(path)) {
      const range = nodeRange(file, pathPair.value);
      if (range) out.push({ what: `file ${path}`, range });
      break;
    }
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

export const machineconfigRebootsNode: Rule = {
  id: 'machineconfig-reboots-node',
  title: 'Applying this MachineConfig reboots the only node',
  severity: 'info',
  platforms: ['openshift'],
  fixable: false,
  appliesTo: (document) => isKind(document, 'machineconfiguration.openshift.io', ['MachineConfig']),
  check({ file, document }): RuleReport[] {
    const root = document.doc.contents;
    // Only the master pool holds the single node; a MachineConfig for another pool is never applied
    // (machineconfig-pool-role says so) and reboots nothing.
    if (scalarString(getIn(root, ['metadata', 'labels', ROLE_LABEL])) !== 'master') return [];
    const triggers = rebootTriggers(file, root);
    if (triggers.length === 0) return [];
    const list = triggers.map((t) => t.what);
    return [{
      message:
        `Applying this MachineConfig to a running cluster reboots the node (${list.join(', ')}), and a single-node cluster has no other ` +
        'node, so the API server and every workload are down until it is back.',
      range: triggers[0].range,
      data: { triggers: list },
    }];
  },
  docs: {
    why:
      'The Machine Config Daemon reboots the node for an OS image change (`osImageURL`), `kernelArguments`, `kernelType`, `extensions`, ' +
      '`fips`, any systemd unit, and any file outside a short rebootless list (SSH keys, `/etc/kubernetes/kubelet-ca.crt`, the pull ' +
      'secret `/var/lib/kubelet/config.json`, `/etc/nmstate/openshift/*`, the CRI-O registry and policy files, and the user CA bundle). ' +
      'On a multi-node cluster the pool reboots one node at a time after draining it. On single-node OpenShift the node is never ' +
      'drained, and the reboot takes the API server, authentication and every workload down until the node is back; a bad ' +
      'MachineConfig can leave the cluster reachable only over SSH or the console.\n\n' +
      'This is information, not an error: the change may be exactly what you want. It fires on MachineConfigs for the `master` pool ' +
      '(the only pool that holds the node). MachineConfigs shipped as install-time manifests are part of the first boot and cost no ' +
      'extra reboot.',
    fix:
      'Plan the reboot: batch several changes into one MachineConfig (or pause the pool while applying them and unpause right after), ' +
      'and apply them in a maintenance window. Since OpenShift 4.17 a `nodeDisruptionPolicy` in `MachineConfiguration/cluster` can ' +
      'map specific files and units to a reload or restart instead of a reboot.',
    sources: [SOURCES.mcoUpdate, SOURCES.mcoDaemonDocs, SOURCES.mcoNodeDisruptionPolicy, SOURCES.mcoSingleNode, SOURCES.mcoDrain],
    example: {
      bad: 'apiVersion: machineconfiguration.openshift.io/v1\nkind: MachineConfig\nmetadata:\n  name: 99-master-kdump\n  labels:\n    machineconfiguration.openshift.io/role: master\nspec:\n  kernelArguments:\n  - crashkernel=512M\n',
      good: 'apiVersion: machineconfiguration.openshift.io/v1\nkind: MachineConfig\nmetadata:\n  name: 99-master-kdump\n  labels:\n    machineconfiguration.openshift.io/role: master\n# onenode-disable machineconfig-reboots-node -- reboot planned for the maintenance window\nspec:\n  kernelArguments:\n  - crashkernel=512M\n',
    },
  },
};
