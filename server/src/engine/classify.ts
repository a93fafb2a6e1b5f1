/**
 * Decides what a YAML document is. Harvester install configs and OpenShift install-configs have
 * no `kind`, so they are recognised by their top-level keys; everything with apiVersion and kind
 * is a Kubernetes object.
 */
import { isMap, isScalar, type Document } from 'yaml';
import type { DocumentKind } from './types';
import { normalizeHarvesterKey } from './yaml-ast';

const HARVESTER_TOP_KEYS = new Set(['schemeversion', 'serverurl', 'token', 'os', 'install', 'systemsettings', 'sans']);
const HARVESTER_INSTALL_KEYS = new Set([
  'mode', 'device', 'managementinterface', 'vip', 'vipmode', 'viphwaddr', 'isourl', 'automatic',
  'datadisk', 'harvester', 'networks', 'skipchecks', 'role', 'persistentpartitionsize', 'configurl',
]);
const INSTALL_CONFIG_KEYS = new Set(['baseDomain', 'controlPlane', 'compute', 'platform', 'pullSecret', 'networking', 'bootstrapInPlace']);

export function classify(doc: Document.Parsed): DocumentKind {
  const root = doc.contents;
  if (!isMap(root)) return { type: 'unknown' };
  const top = new Map<string, unknown>();
  for (const pair of root.items) {
    if (isScalar(pair.key)) top.set(String(pair.key.value), pair.value);
  }
  const apiVersion = scalarString(top.get('apiVersion'));
  const kind = scalarString(top.get('kind'));

  if (kind === 'AgentConfig') return { type: 'agent-config' };
  // The installer's own agent-config fixtures omit `kind`; the bare version and host keys give them away.
  if (!kind && (apiVersion === 'v1beta1' || apiVersion === 'v1alpha1') && (top.has('rendezvousIP') || top.has('hosts'))) return { type: 'agent-config' };
  if (apiVersion && kind) return { type: 'kubernetes', apiVersion, kind };
  if (apiVersion === 'v1' && [...INSTALL_CONFIG_KEYS].some((k) => top.has(k))) return { type: 'install-config' };
  if (!apiVersion && !kind && looksLikeHarvesterConfig(top)) return { type: 'harvester-config' };
  return { type: 'unknown' };
}

function looksLikeHarvesterConfig(top: Map<string, unknown>): boolean {
  const keys = [...top.keys()].map(normalizeHarvesterKey);
  if (keys.includes('schemeversion')) return true;
  const install = [...top.entries()].find(([k]) => normalizeHarvesterKey(k) === 'install')?.[1];
  if (isMap(install)) {
    const installKeys = install.items.map((p) => (isScalar(p.key) ? normalizeHarvesterKey(String(p.key.value)) : ''));
    if (installKeys.some((k) => HARVESTER_INSTALL_KEYS.has(k))) return true;
  }
  return keys.length > 1 && keys.every((k) => HARVESTER_TOP_KEYS.has(k)) && keys.includes('os');
}

function scalarString(node: unknown): string | undefined {
  if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) return String(node.value);
  return undefined;
}
