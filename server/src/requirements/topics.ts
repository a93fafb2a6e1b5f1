/**
 * Which keys decide what hardware a single node needs: the Harvester install device and
 * management interface, the install-config control plane, and a VM's CPU and memory.
 * Pure: maps a document kind and key path to a hardware topic; hover.ts renders it.
 */
import type { ParsedDocument, Platform } from '../engine/types';
import type { PathSegment } from '../engine/locate';
import { getIn, scalarInt, scalarString, normalizeHarvesterKey } from '../engine/yaml-ast';
import { isKind } from '../engine/kinds';

export type HardwareAspect = 'disk' | 'nic' | 'all';

export interface HardwareTopic {
  aspect: HardwareAspect;
  platforms: Platform[];
  heading: string;
  /** What the file itself asks for (a VM's size), shown above the host table. */
  asks?: string;
}

function isHarvesterKey(segment: PathSegment | undefined, key: string): boolean {
  return typeof segment === 'string' && normalizeHarvesterKey(segment) === normalizeHarvesterKey(key);
}

function vmSize(domain: unknown): string | undefined {
  const cores = scalarInt(getIn(domain, ['cpu', 'cores'])) ?? 1;
  const sockets = scalarInt(getIn(domain, ['cpu', 'sockets'])) ?? 1;
  const threads = scalarInt(getIn(domain, ['cpu', 'threads'])) ?? 1;
  const hasCpu = getIn(domain, ['cpu']) !== undefined;
  const memory = scalarString(getIn(domain, ['memory', 'guest'])) ?? scalarString(getIn(domain, ['resources', 'requests', 'memory']));
  const parts: string[] = [];
  if (hasCpu) parts.push(`${cores * sockets * threads} vCPU`);
  if (memory) parts.push(`${memory} of memory`);
  return parts.length > 0 ? `This VM asks for ${parts.join(' and ')}; the node runs it on top of its own needs.` : undefined;
}

export function hardwareTopicAt(document: ParsedDocument, path: readonly PathSegment[]): HardwareTopic | undefined {
  const root = document.doc.contents;
  switch (document.kind.type) {
    case 'harvester-config':
      if (!isHarvesterKey(path[0], 'install')) return undefined;
      if (isHarvesterKey(path[1], 'device') || isHarvesterKey(path[1], 'data_disk')) {
        return { aspect: 'disk', platforms: ['harvester'], heading: 'Install disk of a single Harvester node' };
      }
      if (isHarvesterKey(path[1], 'management_interface')) {
        return { aspect: 'nic', platforms: ['harvester'], heading: 'Management network of a single Harvester node' };
      }
      return undefined;
    case 'install-config':
      return path[0] === 'controlPlane' ? { aspect: 'all', platforms: ['openshift'], heading: 'The one control-plane node of single-node OpenShift' } : undefined;
    case 'kubernetes': {
      const vm = isKind(document, 'kubevirt.io', ['VirtualMachine']);
      const vmi = isKind(document, 'kubevirt.io', ['VirtualMachineInstance']);
      if (!vm && !vmi) return undefined;
      const domainPath = vm ? ['spec', 'template', 'spec', 'domain'] : ['spec', 'domain'];
      if (!domainPath.every((segment, i) => path[i] === segment)) return undefined;
      const next = path[domainPath.length];
      const aboutSize = next === 'cpu' || next === 'memory' || (next === 'resources' && path.length > domainPath.length);
      if (!aboutSize) return undefined;
      return {
        aspect: 'all',
        platforms: ['harvester', 'kubev'],
        heading: 'Host requirements for running VMs on a single node',
        asks: vmSize(getIn(root, domainPath)),
      };
    }
    default:
      return undefined;
  }
}
