/**
 * What a Harvester config (install.device, install.data_disk, install.management_interface) or an
 * agent-config (hosts[].rootDeviceHints.deviceName, hosts[].interfaces) says the host must have.
 * Read with the engine's parser and classifier, so a file means the same here as in the editor.
 */
import { parseFile } from '../engine';
import { normalizeHarvesterKey } from '../engine/yaml-ast';
import type { ConfigExpectations, HostFacts } from './types';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Harvester accepts snake_case, camelCase and lower-case keys alike. */
function harvesterGet(value: unknown, key: string): unknown {
  if (!isObject(value)) return undefined;
  const wanted = normalizeHarvesterKey(key);
  const found = Object.keys(value).find((k) => normalizeHarvesterKey(k) === wanted);
  return found === undefined ? undefined : value[found];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function fromHarvester(root: unknown, source: string): ConfigExpectations {
  const install = harvesterGet(root, 'install');
  const mgmt = harvesterGet(install, 'management_interface');
  const interfaces = (Array.isArray(harvesterGet(mgmt, 'interfaces')) ? (harvesterGet(mgmt, 'interfaces') as unknown[]) : []).map((entry) => ({
    name: text(harvesterGet(entry, 'name')),
    mac: text(harvesterGet(entry, 'hw_addr')),
  }));
  const problems: string[] = [];
  if (!mgmt) problems.push('no install.management_interface');
  return {
    source,
    kind: 'harvester-config',
    installDevice: text(harvesterGet(install, 'device')),
    dataDisk: text(harvesterGet(install, 'data_disk')),
    interfaces: interfaces.filter((i) => i.name || i.mac),
    problems,
  };
}

function fromAgentHost(host: unknown, source: string, index: number, count: number): ConfigExpectations {
  const h = isObject(host) ? host : {};
  const hints = isObject(h.rootDeviceHints) ? h.rootDeviceHints : {};
  const interfaces = (Array.isArray(h.interfaces) ? h.interfaces : []).filter(isObject).map((i) => ({ name: text(i.name), mac: text(i.macAddress) }));
  const label = text(h.hostname) ?? `hosts[${index}]`;
  return {
    source: count > 1 ? `${source} (${label})` : source,
    kind: 'agent-config',
    installDevice: text(hints.deviceName),
    interfaces: interfaces.filter((i) => i.name || i.mac),
    problems: [],
  };
}

/** Every host a config describes (a Harvester config describes one); empty when the text is neither kind. */
export function readConfigExpectations(content: string, source: string): ConfigExpectations[] {
  const file = parseFile(content);
  for (const document of file.documents) {
    const kind = document.kind.type;
    if (kind !== 'harvester-config' && kind !== 'agent-config') continue;
    let root: unknown;
    try {
      root = document.doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      // An alias bomb, or aliases to broken nodes: the config is recognised but cannot be read.
      return [{ source, kind, interfaces: [], problems: [`could not be read: ${error instanceof Error ? error.message : String(error)}`] }];
    }
    if (kind === 'harvester-config') return [fromHarvester(root, source)];
    const hosts = isObject(root) && Array.isArray(root.hosts) ? root.hosts : [];
    if (hosts.length === 0) return [{ source, kind: 'agent-config', interfaces: [], problems: ['no hosts[] entry'] }];
    return hosts.map((host, i) => fromAgentHost(host, source, i, hosts.length));
  }
  return [];
}

/** Device paths to resolve on the host (symlinks such as /dev/disk/by-id/…). */
export function devicePathsOf(candidates: readonly ConfigExpectations[]): string[] {
  return [...new Set(candidates.flatMap((c) => [c.installDevice, c.dataDisk]).filter((p): p is string => p !== undefined))];
}

/** The agent-config host entry for this machine: the one whose MAC addresses it has, else the first. */
export function pickExpectations(candidates: readonly ConfigExpectations[], facts: HostFacts): ConfigExpectations | undefined {
  const macs = new Set(facts.nics.map((n) => n.mac).filter(Boolean));
  return candidates.find((c) => c.interfaces.some((i) => i.mac && macs.has(i.mac.toLowerCase()))) ?? candidates[0];
}
