/** Which disk is the install disk and which NICs carry management traffic, when a config names them or not. */
import type { ConfigExpectations, DiskFacts, HostFacts, NicFacts } from './types';

export function deviceName(facts: HostFacts, path: string): string {
  return facts.resolvedDevices[path] ?? path.replace(/^\/dev\//, '');
}

export function chooseInstallDisk(facts: HostFacts, config: ConfigExpectations | undefined, minimumBytes: number | undefined): { disk: DiskFacts | undefined; reason: string } {
  if (config?.installDevice) {
    const name = deviceName(facts, config.installDevice);
    const disk = facts.disks.find((d) => d.name === name);
    return { disk, reason: disk ? `named by ${config.source}` : `${config.installDevice} (named by ${config.source}) is not on the host` };
  }
  const candidates = facts.disks.filter((d) => !d.removable && !d.readOnly);
  if (candidates.length === 0) return { disk: undefined, reason: 'no fixed, writable disk found in /sys/block' };
  const bigEnough = minimumBytes === undefined ? candidates : candidates.filter((d) => d.sizeBytes >= minimumBytes);
  const pool = bigEnough.length > 0 ? bigEnough : candidates;
  // Prefer a flash disk among those big enough, then the largest.
  const solid = pool.filter((d) => d.kind === 'nvme' || d.kind === 'ssd');
  const best = (solid.length > 0 ? solid : pool).reduce((a, b) => (b.sizeBytes > a.sizeBytes ? b : a));
  const reason = candidates.length === 1 ? 'the only disk' : bigEnough.length > 0 ? `the best of ${candidates.length} disks` : `the largest of ${candidates.length} disks`;
  return { disk: best, reason };
}

export function chooseManagementNics(facts: HostFacts, config: ConfigExpectations | undefined): { nics: NicFacts[]; reason: string } {
  if (config && config.interfaces.length > 0) {
    const nics = facts.nics.filter((n) => config.interfaces.some((w) => (w.name !== undefined && w.name === n.name) || (w.mac !== undefined && n.mac === w.mac.toLowerCase())));
    return { nics, reason: nics.length > 0 ? `named by ${config.source}` : `none of the interfaces ${config.source} names is on the host` };
  }
  const physical = facts.nics.filter((n) => n.physical && !n.loopback);
  if (physical.length === 0) return { nics: [], reason: 'no physical network interface found' };
  const up = physical.filter((n) => n.operstate === 'up');
  const pool = up.length > 0 ? up : physical;
  const fastest = pool.reduce((a, b) => ((b.speedMbps ?? -1) > (a.speedMbps ?? -1) ? b : a));
  return { nics: [fastest], reason: up.length > 0 ? `the fastest physical NIC with a link (of ${physical.length})` : 'no physical NIC has a link' };
}
