/** The parser: a raw snapshot (from a local host, an SSH host or a fixture) to host facts. Pure. */
import { commandKey, hostnameOf } from './collect';
import { PreflightError } from './host';
import { parseCpu } from './parse/cpu';
import { parseDisks } from './parse/disks';
import { parseMemory } from './parse/memory';
import { parseNics } from './parse/nics';
import { parseListening } from './parse/ports';
import { parseDns, parseOsRelease, parseResolvedDevices, parseVirtualization } from './parse/system';
import type { HostFacts, RawSnapshot } from './types';

export function parseFacts(snapshot: RawSnapshot): HostFacts {
  if (!snapshot.files['/proc/meminfo'] && !snapshot.files['/proc/cpuinfo']) {
    throw new PreflightError('not-linux', 'the host has no /proc/meminfo or /proc/cpuinfo: preflight checks Linux hosts only');
  }
  const uname = snapshot.commands[commandKey(['uname', '-m'])];
  const hostname = hostnameOf(snapshot);
  const os = parseOsRelease(snapshot.files['/etc/os-release'] ?? null);
  const kernel = snapshot.files['/proc/sys/kernel/osrelease']?.trim();
  return {
    ...(hostname ? { hostname } : {}),
    ...(os ? { os } : {}),
    ...(kernel ? { kernel } : {}),
    ...(uname?.code === 0 && uname.stdout.trim() ? { architecture: uname.stdout.trim() } : {}),
    cpu: parseCpu(snapshot.files['/proc/cpuinfo'] ?? null, snapshot.commands[commandKey(['nproc', '--all'])]),
    kvmDevice: snapshot.exists['/dev/kvm'] === true,
    virtualization: parseVirtualization(snapshot),
    memory: parseMemory(snapshot.files['/proc/meminfo'] ?? null, snapshot.commands[commandKey(['dmidecode', '-t', '19'])]),
    disks: parseDisks(snapshot),
    nics: parseNics(snapshot),
    listening: parseListening(snapshot),
    bootMode: snapshot.exists['/sys/firmware/efi'] === true ? 'uefi' : 'bios',
    dns: parseDns(snapshot),
    resolvedDevices: parseResolvedDevices(snapshot),
  };
}
