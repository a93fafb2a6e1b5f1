/** A Harvester config's or agent-config's install device and management interfaces exist on the host. */
import type { Check } from './context';

export const configInstallDeviceCheck: Check = ({ config, installDisk, facts }) => {
  const source = config?.source ?? 'the config';
  const device = config?.installDevice;
  const required = device ? `${device} exists on the host and is a whole local disk (${source})` : `an install device named in ${source}`;
  if (!device) return { id: 'config-install-device', title: 'Config: install device', status: 'warn', measured: `${source} names no install device`, required, advice: config?.kind === 'agent-config' ? 'Set hosts[].rootDeviceHints.deviceName so the installer does not pick a disk by itself.' : 'Set install.device.' };
  const disk = installDisk.disk;
  if (!disk) {
    const names = facts.disks.map((d) => d.path).join(', ') || 'none';
    return { id: 'config-install-device', title: 'Config: install device', status: 'fail', measured: `${device} is not a disk on the host (disks: ${names})`, required, advice: `Change the install device in ${source} to one of the host's disks.` };
  }
  const problems = [disk.removable ? 'removable' : '', disk.readOnly ? 'read-only' : ''].filter(Boolean);
  const dataDisk = config?.dataDisk && config.dataDisk !== device ? config.dataDisk : undefined;
  const dataDiskName = dataDisk ? (facts.resolvedDevices[dataDisk] ?? dataDisk.replace(/^\/dev\//, '')) : undefined;
  const dataDiskFound = dataDiskName ? facts.disks.some((d) => d.name === dataDiskName) : true;
  const measured = `${device} is ${disk.path}${problems.length ? ` (${problems.join(', ')})` : ''}${dataDisk ? `; data disk ${dataDisk} ${dataDiskFound ? 'found' : 'not found'}` : ''}`;
  if (problems.length > 0 || !dataDiskFound) {
    return { id: 'config-install-device', title: 'Config: install device', status: 'fail', measured, required, advice: !dataDiskFound ? `Change install.data_disk in ${source} to one of the host's disks.` : 'Install on a fixed, writable disk.' };
  }
  return { id: 'config-install-device', title: 'Config: install device', status: 'pass', measured, required, advice: '' };
};

export const configManagementInterfaceCheck: Check = ({ config, facts }) => {
  const source = config?.source ?? 'the config';
  const wanted = config?.interfaces ?? [];
  const required = `the management interfaces ${source} names exist on the host and are not loopback`;
  if (wanted.length === 0) return { id: 'config-management-interface', title: 'Config: management interfaces', status: 'warn', measured: `${source} names no interface`, required, advice: 'Name the management NIC (by name or MAC address).' };
  const missing: string[] = [];
  const found: string[] = [];
  for (const want of wanted) {
    const label = [want.name, want.mac].filter(Boolean).join(' / ');
    const nic = facts.nics.find((n) => (want.name !== undefined && n.name === want.name) || (want.mac !== undefined && n.mac === want.mac.toLowerCase()));
    if (!nic || nic.loopback) missing.push(label);
    else found.push(`${label} → ${nic.name} (link ${nic.operstate})`);
  }
  const hostNics = facts.nics.filter((n) => !n.loopback).map((n) => `${n.name}${n.mac ? ` ${n.mac}` : ''}`).join(', ');
  if (missing.length > 0) {
    return { id: 'config-management-interface', title: 'Config: management interfaces', status: 'fail', measured: `not on the host: ${missing.join(', ')} (host NICs: ${hostNics || 'none'})`, required, advice: `Change the interfaces in ${source} to the host's NICs.` };
  }
  return { id: 'config-management-interface', title: 'Config: management interfaces', status: 'pass', measured: found.join('; '), required, advice: '' };
};
