/** Whether the host is a VM, how it booted, its OS and kernel, and whether names resolve. */
import { commandKey, hostnameOf } from '../collect';
import type { CommandResult, HostFacts, RawSnapshot } from '../types';
import { hasHypervisorFlag } from './cpu';

const VM_PRODUCTS = /(VirtualBox|VMware|KVM|QEMU|Bochs|Virtual Machine|HVM domU|Xen|Parallels|BHYVE|Google Compute Engine|Amazon EC2|OpenStack)/i;

/**
 * `systemd-detect-virt --vm` first (what Harvester's installer runs: it prints the hypervisor and
 * exits 0, or prints "none" and exits 1); without it, the DMI product and the CPU's hypervisor flag.
 */
export function parseVirtualization(snapshot: RawSnapshot): HostFacts['virtualization'] {
  const detect: CommandResult | undefined = snapshot.commands[commandKey(['systemd-detect-virt', '--vm'])];
  const answer = detect?.stdout.trim();
  if (detect && answer && (detect.code === 0 || detect.code === 1)) {
    if (answer === 'none') return { isVirtualMachine: false, detectedBy: 'systemd-detect-virt --vm' };
    if (detect.code === 0) return { isVirtualMachine: true, hypervisor: answer, detectedBy: 'systemd-detect-virt --vm' };
  }
  const product = `${snapshot.files['/sys/class/dmi/id/sys_vendor']?.trim() ?? ''} ${snapshot.files['/sys/class/dmi/id/product_name']?.trim() ?? ''}`.trim();
  const productMatch = VM_PRODUCTS.exec(product);
  if (productMatch) return { isVirtualMachine: true, hypervisor: productMatch[1], detectedBy: 'DMI product name' };
  if (hasHypervisorFlag(snapshot.files['/proc/cpuinfo'] ?? null)) return { isVirtualMachine: true, detectedBy: 'hypervisor CPU flag' };
  if (snapshot.files['/proc/cpuinfo']) return { isVirtualMachine: false, detectedBy: 'no hypervisor CPU flag' };
  return { isVirtualMachine: undefined, detectedBy: 'nothing could tell' };
}

export function parseOsRelease(text: string | null): string | undefined {
  const pretty = /^PRETTY_NAME=(.*)$/m.exec(text ?? '')?.[1];
  return pretty?.trim().replace(/^["']|["']$/g, '') || undefined;
}

export function parseDns(snapshot: RawSnapshot): HostFacts['dns'] {
  const nameservers = [...(snapshot.files['/etc/resolv.conf'] ?? '').matchAll(/^\s*nameserver\s+(\S+)/gm)].map((m) => m[1]);
  const hostname = hostnameOf(snapshot);
  const getent = hostname ? snapshot.commands[commandKey(['getent', 'ahosts', hostname])] : undefined;
  // getent exits 2 when the name is not found; anything else (missing program, timeout) says nothing.
  const hostnameResolves = getent?.code === 0 ? true : getent?.code === 2 ? false : undefined;
  const addresses = getent?.code === 0 ? [...new Set(getent.stdout.split('\n').map((l) => l.trim().split(/\s+/)[0]).filter(Boolean))] : [];
  return { nameservers, hostnameResolves, addresses };
}

/** Config device paths resolved with `readlink -f` to kernel names (`/dev/disk/by-id/x` → `sda`). */
export function parseResolvedDevices(snapshot: RawSnapshot): Record<string, string | null> {
  const resolved: Record<string, string | null> = {};
  for (const [key, result] of Object.entries(snapshot.commands)) {
    const match = /^readlink -f -- (\/dev\/.*)$/.exec(key);
    if (!match) continue;
    const target = result.code === 0 ? result.stdout.trim() : '';
    resolved[match[1]] = target.startsWith('/dev/') ? target.slice('/dev/'.length) : null;
  }
  return resolved;
}
