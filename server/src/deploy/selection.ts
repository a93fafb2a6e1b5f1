/**
 * Decides what "Deploy" means for the files chosen: Kubernetes manifests are applied to a cluster;
 * a Harvester install config is served for a PXE install; an OpenShift install-config (with its
 * agent-config) or a Kube-V KubeVCluster is handed to its installer. One kind at a time.
 */
import { basename } from 'node:path';
import { templateMarker } from '../engine/templates';
import { DeployError } from './errors';
import { readDeployDocuments } from './manifests';
import type { ManifestObject } from './types';
import type { ParsedDeployFile } from './validate';

export type DeployKind = 'manifests' | 'harvester-pxe' | 'openshift-installer' | 'kubev-installer';

export type DeploySelection =
  | { kind: 'manifests'; objects: ManifestObject[] }
  | { kind: 'harvester-pxe'; config: ParsedDeployFile }
  | { kind: 'openshift-installer'; installConfig: ParsedDeployFile; agentConfig?: ParsedDeployFile }
  | { kind: 'kubev-installer'; cluster: ParsedDeployFile };

const KIND_WORDS: Record<DeployKind, string> = {
  manifests: 'Kubernetes manifests',
  'harvester-pxe': 'a Harvester install config',
  'openshift-installer': 'an OpenShift install-config or agent-config',
  'kubev-installer': 'a Kube-V KubeVCluster',
};

type FileKind = DeployKind | 'agent-config';

export function selectDeploy(files: readonly ParsedDeployFile[]): DeploySelection {
  if (files.length === 0) throw new DeployError('input', 'no YAML files to deploy');
  const objects: ManifestObject[] = [];
  const kinds = new Map<ParsedDeployFile, FileKind>();
  const invalid: string[] = [];
  for (const file of files) {
    if (templateMarker(file.parsed)) {
      throw new DeployError('input', `${file.path} is a template (Helm or Go): render it first (helm template …) and deploy the output`);
    }
    const found = new Set<FileKind>();
    for (const doc of readDeployDocuments(file.parsed, file.path)) {
      if (doc.type === 'object') {
        objects.push(doc.object);
        found.add('manifests');
      } else if (doc.type === 'invalid') invalid.push(doc.message);
      else if (doc.type === 'harvester-config') found.add('harvester-pxe');
      else if (doc.type === 'install-config') found.add('openshift-installer');
      else if (doc.type === 'agent-config') found.add('agent-config');
      else if (doc.type === 'kubev-cluster') found.add('kubev-installer');
    }
    if (found.size > 1) throw new DeployError('input', `${file.path} mixes ${[...found].map((k) => KIND_WORDS[k === 'agent-config' ? 'openshift-installer' : k]).join(' and ')}; deploy them separately`);
    const [kind] = found;
    if (kind) kinds.set(file, kind);
  }
  if (invalid.length > 0) throw new DeployError('input', invalid.join('\n'));
  const byKind = (kind: FileKind) => [...kinds].filter(([, k]) => k === kind).map(([f]) => f);
  const present = new Set([...kinds.values()].map((k) => (k === 'agent-config' ? 'openshift-installer' : k)));
  if (present.size === 0) throw new DeployError('input', `nothing to deploy in ${files.map((f) => f.path).join(', ')}: no Kubernetes object and no installer config`);
  if (present.size > 1) {
    throw new DeployError('input', `the files hold ${[...present].map((k) => KIND_WORDS[k]).join(' and ')}; deploy one kind at a time`);
  }
  const [kind] = present;
  switch (kind) {
    case 'manifests':
      return { kind, objects };
    case 'harvester-pxe': {
      const configs = byKind('harvester-pxe');
      if (configs.length > 1) throw new DeployError('input', `serve one Harvester config at a time, not ${configs.length} (${configs.map((f) => f.path).join(', ')})`);
      return { kind, config: configs[0] };
    }
    case 'kubev-installer': {
      const clusters = byKind('kubev-installer');
      if (clusters.length > 1) throw new DeployError('input', `hand one KubeVCluster at a time to the installer, not ${clusters.length}`);
      return { kind, cluster: clusters[0] };
    }
    default: {
      const installs = byKind('openshift-installer');
      const agents = byKind('agent-config');
      if (installs.length !== 1) {
        throw new DeployError('input', installs.length === 0 ? 'an agent-config alone cannot be installed: select it together with its install-config' : `select one install-config, not ${installs.length}`);
      }
      if (agents.length > 1) throw new DeployError('input', `select one agent-config, not ${agents.length}`);
      return { kind: 'openshift-installer', installConfig: installs[0], ...(agents[0] ? { agentConfig: agents[0] } : {}) };
    }
  }
}

/** `install-config.yaml`, `cluster.yaml`: a file's name, for messages. */
export function fileName(file: { path: string; absolutePath?: string }): string {
  return basename(file.absolutePath ?? file.path);
}
